/**
 * What a query thread does with a request: compiles the operation once (by text and name), runs it
 * on a store whose reads answer on this thread, inside one read snapshot, and serialises the result.
 * Anything it should not run — a field of the plugin host, introspection, a mutation, a document that
 * does not validate against the core schema — is answered `unsupported`; a result with errors is
 * answered `errors`: the event loop runs both, so every error is formed and logged in one place.
 */
import { getOperationAST, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import type { Logger } from 'pino';
import { createContext } from '../../graphql/context.js';
import type { Store } from '../../store/port.js';
import { compileOperation } from '../compiled-operations.js';
import { runsOnStoreAlone } from './eligible.js';
import type { QueryReply, QueryRequest } from './protocol.js';

/** Holds one read snapshot open from `begin` to `end` (a read transaction of the store's connection). */
export interface Snapshot {
  begin(): void;
  end(): void;
}

/** Compiled operations kept, the oldest forgotten first. */
const MAX_COMPILED = 1000;

export class QueryRunner {
  private readonly compiled = new Map<string, CompiledQuery | null>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly store: Store,
    private readonly snapshot: Snapshot,
    private readonly log: Logger,
  ) {}

  /** Runs `request` after the ones before it: one snapshot is open at a time. */
  run(request: QueryRequest): Promise<QueryReply> {
    const next = this.queue.then(() => this.runNow(request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(request: QueryRequest): Promise<QueryReply> {
    const query = this.compiledFor(request.query, request.operationName);
    if (!query) return { local: 'unsupported' };
    this.snapshot.begin();
    try {
      const result = await query.query(undefined, createContext(this.store, request.requestId, this.log), request.variables);
      if (result.errors?.length) return { local: 'errors' };
      return { json: JSON.stringify(result) };
    } finally {
      this.snapshot.end();
    }
  }

  private compiledFor(query: string, operationName: string | null): CompiledQuery | null {
    const key = `${operationName ?? ''}\n${query}`;
    let entry = this.compiled.get(key);
    if (entry === undefined) {
      entry = this.compile(query, operationName);
      if (this.compiled.size >= MAX_COMPILED) this.compiled.delete(this.compiled.keys().next().value!);
      this.compiled.set(key, entry);
    }
    return entry;
  }

  private compile(query: string, operationName: string | null): CompiledQuery | null {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    if (validate(this.schema, document).length) return null; // e.g. a plugin's field: the event loop has it
    if (getOperationAST(document, operationName)?.operation !== 'query') return null;
    if (!runsOnStoreAlone(this.schema, document)) return null;
    return compileOperation(this.schema, document, operationName);
  }
}
