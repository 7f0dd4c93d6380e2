/**
 * Runs the embedded store's heavy snapshot reads (projections, facts) on a reader thread with its
 * own read-only connection to the same file, so a million-edge read never blocks the event loop.
 * An in-memory database has no file another connection could open: its reads stay on the calling thread.
 */
import type { Facts } from '../../domain/facts.js';
import type { Projection, ProjectionSpec } from '../../domain/projection.js';
import { RequestThread } from '../../threads/request-thread.js';
import { siblingModule } from '../../threads/start-worker.js';
import type { SnapshotRequest } from './snapshot-worker.js';

type Request = SnapshotRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class SnapshotReader {
  private readonly thread: RequestThread;

  constructor(file: string) {
    this.thread = new RequestThread(siblingModule('snapshot-worker', import.meta.url), { file }, 'snapshot reader');
  }

  projection(spec: ProjectionSpec): Promise<Projection> {
    return this.thread.request<Projection>({ op: 'projection', spec } satisfies Request);
  }

  facts(): Promise<Facts> {
    return this.thread.request<Facts>({ op: 'facts' } satisfies Request);
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
