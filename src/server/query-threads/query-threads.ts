/**
 * The query threads of an embedded store on a file (OSMOSIS_QUERY_THREADS): each runs whole
 * read-only operations on its own connection (query-worker.ts). Each starts on its first request;
 * a server warms them as it starts.
 */
import type { Logger } from 'pino';
import { RequestPool } from '../../threads/request-pool.js';
import { ThreadFailure } from '../../threads/request-thread.js';
import { siblingModule } from '../../threads/start-worker.js';
import type { QueryReply, QueryRequest } from './protocol.js';

const WORKER = siblingModule('query-worker', import.meta.url);

/**
 * Thread failures (crashes, exits) in a row after which the threads are given up for the life of the
 * process: a thread that cannot start would otherwise be started again for every query (each query
 * still runs, on the event loop).
 */
export const MAX_FAILURES_IN_A_ROW = 5;

export class QueryThreads {
  private readonly pool: RequestPool;
  private failuresInARow = 0;
  private closed = false;

  constructor(file: string, private readonly count: number, private readonly log?: Logger) {
    this.pool = new RequestPool(count, WORKER, { file }, 'query thread');
  }

  /** Whether queries still go to the threads. */
  get usable(): boolean {
    return this.failuresInARow < MAX_FAILURES_IN_A_ROW;
  }

  async execute(request: QueryRequest): Promise<QueryReply> {
    if (!this.usable) throw new Error('the query threads were given up');
    try {
      const reply = await this.pool.request<QueryReply>(request);
      this.failuresInARow = 0;
      return reply;
    } catch (error) {
      // Only a thread's own failure counts: one request's error (variables too deep to send, say) is its own.
      if (this.closed || !(error instanceof ThreadFailure)) throw error;
      if (++this.failuresInARow === MAX_FAILURES_IN_A_ROW) {
        this.log?.error({ err: error }, `query threads failed ${MAX_FAILURES_IN_A_ROW} times in a row: queries run on the event loop from now on`);
        void this.pool.close();
      }
      throw error;
    }
  }

  /** Starts every thread now (each builds its schema), so the first queries do not wait for it. */
  warm(): void {
    for (let i = 0; i < this.count; i++) this.execute({ query: '{ __typename }', operationName: null, variables: {}, requestId: 'warm-up' }).catch(() => undefined);
  }

  close(): Promise<void> {
    this.closed = true;
    return this.pool.close();
  }
}
