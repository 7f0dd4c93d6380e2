/**
 * The query threads of an embedded store on a file (OSMOSIS_QUERY_THREADS): each runs whole
 * read-only operations on its own connection (query-worker.ts). Each starts on its first request;
 * a server warms them as it starts.
 */
import { RequestPool } from '../../threads/request-pool.js';
import { siblingModule } from '../../threads/start-worker.js';
import type { QueryReply, QueryRequest } from './protocol.js';

const WORKER = siblingModule('query-worker', import.meta.url);

export class QueryThreads {
  private readonly pool: RequestPool;

  constructor(file: string, private readonly count: number) {
    this.pool = new RequestPool(count, WORKER, { file }, 'query thread');
  }

  execute(request: QueryRequest): Promise<QueryReply> {
    return this.pool.request<QueryReply>(request);
  }

  /** Starts every thread now (each builds its schema), so the first queries do not wait for it. */
  warm(): void {
    for (let i = 0; i < this.count; i++) this.execute({ query: '{ __typename }', operationName: null, variables: {}, requestId: 'warm-up' }).catch(() => undefined);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
