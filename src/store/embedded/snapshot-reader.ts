/**
 * Runs the embedded store's heavy snapshot reads (projections, facts) on a reader thread with its
 * own read-only connection to the same file. One thread, started on first use, not keeping the
 * process alive; restarted after a crash. An in-memory database has no file another connection
 * could open: its reads stay on the calling thread.
 */
import type { Worker } from 'node:worker_threads';
import { DomainError, type DomainErrorCode, type FieldIssue } from '../../domain/errors.js';
import type { Facts } from '../../domain/facts.js';
import type { Projection, ProjectionSpec } from '../../domain/projection.js';
import { siblingModule, startWorker } from '../../threads/start-worker.js';
import type { SnapshotReply, SnapshotRequest } from './snapshot-worker.js';

const ENTRY = siblingModule('snapshot-worker', import.meta.url);

type Pending = { resolve(value: Projection | Facts): void; reject(error: Error): void };
type Request = { op: 'projection'; spec: ProjectionSpec } | { op: 'facts' };

export class SnapshotReader {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly file: string) {}

  projection(spec: ProjectionSpec): Promise<Projection> {
    return this.request({ op: 'projection', spec }) as Promise<Projection>;
  }

  facts(): Promise<Facts> {
    return this.request({ op: 'facts' }) as Promise<Facts>;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the store is closed'));
    await worker?.terminate();
  }

  private request(request: Request): Promise<Projection | Facts> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // keep the process alive while a read is in flight
      worker.postMessage({ ...request, id } satisfies SnapshotRequest);
    });
  }

  private start(): Worker {
    const worker = startWorker(ENTRY, { file: this.file });
    worker.unref();
    worker.on('message', (reply: SnapshotReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(reviveError(reply.error));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the snapshot reader thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** Domain errors (e.g. a bad projection spec) keep their code and issues across the thread boundary. */
function reviveError(e: { name: string; message: string; code?: string; issues?: unknown }): Error {
  if (e.name === 'DomainError' && e.code) {
    const error = new DomainError(e.code as DomainErrorCode, e.message, (e.issues ?? []) as FieldIssue[]);
    return error;
  }
  return Object.assign(new Error(e.message), { name: e.name });
}
