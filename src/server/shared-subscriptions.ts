/**
 * Shared subscription results: subscribers running the same operation (same parsed document — yoga
 * caches parsing — same operation name and variables) receive the same result for the same event, so
 * it is executed once per event per instance instead of once per subscriber. A dashboard watched by a
 * thousand people costs one execution per event; each transport still serialises and sends its copy,
 * and the later plugins (error masking) still see every subscriber's results.
 *
 * This replaces only the base subscribe function (envelop `setSubscribeFn`): the source stream comes
 * from graphql-js `createSourceEventStream` (the field's `subscribe`, i.e. the event feed), and each
 * event is executed as graphql-js `subscribe` would, with the event as the root value. Events that are
 * not shared objects (replays, a slow-consumer notice) are simply executed for their own subscriber.
 *
 * The shared execution runs with the context of the subscriber that asked first; the schema's data
 * does not depend on who asks (API tokens grant the same access), so the results are the same.
 */
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

type Result = ExecutionResult | Promise<ExecutionResult>;

/** Per event object: per operation key, its result. Entries go with the event. */
const resultsByEvent = new WeakMap<object, Map<string, Result>>();
/** Per parsed document: a small id, so keys stay short. */
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 1;

function operationKey(args: ExecutionArgs): string {
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
  return `${id}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}`;
}

function executeShared(event: unknown, key: string, args: ExecutionArgs): Result {
  if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
  let results = resultsByEvent.get(event);
  if (!results) resultsByEvent.set(event, (results = new Map()));
  let result = results.get(key);
  if (!result) results.set(key, (result = execute({ ...args, rootValue: event })));
  return result;
}

/** Maps an event stream to execution results; `return()` reaches the source at once. */
function mapEvents(source: AsyncIterable<unknown>, map: (event: unknown) => Result): AsyncIterableIterator<ExecutionResult> {
  const it = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() { return this; },
    async next() {
      const r = await it.next();
      return r.done ? { done: true, value: undefined } : { done: false, value: await map(r.value) };
    },
    async return() {
      await it.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      if (it.throw) await it.throw(error);
      throw error;
    },
  };
}

async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
  const key = operationKey(args);
  return mapEvents(source as AsyncIterable<unknown>, (event) => executeShared(event, key, args));
}

export function useSharedSubscriptionResults(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(sharedSubscribe as Parameters<typeof setSubscribeFn>[0]);
    },
  };
}
