/**
 * Sends queries to the query threads and answers with their result; anything they do not run — a
 * field of the plugin host, introspection, an operation with errors, a thread that failed — runs
 * here as before, so answers and errors are the same either way. Mutations and subscriptions stay
 * here. Placed after useCompiledOperations, whose execution is the one used here.
 */
import { BREAK, print, visit, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../graphql/context.js';
import { operationOf } from '../compiled-operations.js';
import type { QueryThreads } from './query-threads.js';

export function useQueryThreads(threads: QueryThreads): Plugin<Context> {
  // Operations (by document, then name) the threads said they do not run.
  const unsupported = new WeakMap<DocumentNode, Set<string>>();
  const texts = new WeakMap<DocumentNode, string>();
  const textOf = (document: DocumentNode): string => {
    let text = texts.get(document);
    if (text === undefined) texts.set(document, (text = document.loc?.source.body ?? print(document)));
    return text;
  };

  const local = (document: DocumentNode, name: string) => {
    let names = unsupported.get(document);
    if (!names) {
      unsupported.set(document, (names = new Set()));
      if (!readsTheStore(document)) names.add(name);
    }
    return names.has(name);
  };

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const name = args.operationName ?? '';
      if (!threads.usable || operationOf(args.document, args.operationName) !== 'query' || local(args.document, name)) return;
      setExecuteFn(async (a) => {
        let reply;
        try {
          reply = await threads.execute({
            query: textOf(a.document),
            operationName: a.operationName ?? null,
            variables: (a.variableValues ?? {}) as Record<string, unknown>,
            requestId: (a.contextValue as Context).requestId,
          });
        } catch {
          return executeFn(a); // the thread failed (or the variables could not be sent): run it here
        }
        if ('json' in reply) return serialised(reply.json);
        if (reply.local === 'unsupported') unsupported.get(a.document)?.add(name);
        return executeFn(a);
      });
    },
  };
}

/** Whether a document selects anything but `__typename`: one that does not gains nothing from a thread. */
function readsTheStore(document: DocumentNode): boolean {
  let reads = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__typename') return;
      reads = true;
      return BREAK;
    },
  });
  return reads;
}

/**
 * A result already serialised: yoga writes the text as it is (it uses a result's own `stringify`);
 * `data` is parsed only for whoever reads it, e.g. a WebSocket transport.
 */
function serialised(json: string): ExecutionResult {
  let data: ExecutionResult['data'];
  return Object.defineProperties({} as ExecutionResult, {
    data: { enumerable: true, get: () => (data ??= (JSON.parse(json) as ExecutionResult).data) },
    stringify: { enumerable: false, value: () => json },
  });
}
