/**
 * A worker thread that answers requests, one reply per request, matched by id. Started on first use
 * and restarted on the next request after a crash (requests in flight then fail); it keeps the
 * process alive only while a request is in flight. Domain errors cross the boundary with their code
 * and field issues, so callers see the same error as on the calling thread.
 */
import type { Worker } from 'node:worker_threads';
import { DomainError, type DomainErrorCode, type FieldIssue } from '../domain/errors.js';
import { startWorker } from './start-worker.js';

/** An error as a worker sends it back. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
  issues?: unknown;
}

export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ThreadError };

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

/**
 * The thread itself failed (it crashed or exited), as opposed to one request's error: the requests in
 * flight fail with it.
 */
export class ThreadFailure extends Error {
  override name = 'ThreadFailure';
}

export class RequestThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private readonly drained: (() => void)[] = [];

  /** `entry`: the worker module (siblingModule(...)); `data` reaches it as workerData.data; `name` appears in errors. */
  constructor(private readonly entry: URL, private readonly data: unknown, private readonly name: string) {}

  /** Requests sent and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Sends `message` (cloned) with an id and resolves with the worker's value. */
  request<T>(message: object): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`the ${this.name} is closed`));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.size === 1) worker.ref(); // keep the process alive while a request is in flight
      // Not `{ ...message, id }`: with that spread here, a third of the main thread's allocations (the
      // replies' data among them) survived young-generation collections on Node 20, and a request thread
      // answered a third fewer calls per second (measured with a stub worker; Object.assign: no effect).
      try {
        worker.postMessage(Object.assign({ id }, message));
      } catch (error) {
        // A message that cannot be cloned (a function, a stream among the arguments) was never sent.
        this.pending.delete(id);
        if (this.pending.size === 0) worker.unref();
        reject(error as Error);
      }
    });
  }

  /** Requests already sent are answered first; later ones fail. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    if (this.pending.size) await new Promise<void>((resolve) => this.drained.push(resolve));
    this.worker = null;
    await worker.terminate();
  }

  private start(): Worker {
    const worker = startWorker(this.entry, this.data);
    worker.unref();
    /** Settles the request `id` with `outcome`; the process may exit once none is in flight. */
    const settle = (id: number, outcome: (pending: Pending) => void) => {
      const pending = this.pending.get(id);
      if (!pending) return;
      this.pending.delete(id);
      outcome(pending);
      if (this.pending.size === 0) {
        worker.unref();
        this.notifyDrained();
      }
    };
    worker.on('message', (reply: ThreadReply) => settle(reply.id, (p) => {
      if (reply.ok) p.resolve(reply.value);
      else p.reject(reviveError(reply.error));
    }));
    // A reply this thread cannot read (a value nested deeper than V8 deserialises) arrives without its id.
    // The worker answers in the order it was asked, so it is the reply to the oldest request in flight.
    worker.on('messageerror', (error: Error) => {
      const oldest = this.pending.keys().next();
      if (oldest.done) return;
      settle(oldest.value, (p) => p.reject(new Error(`the ${this.name} answered with a value that cannot be read back: ${error.message}`)));
    });
    const fail = (cause: Error) => {
      const error = new ThreadFailure(cause.message, { cause });
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.notifyDrained();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the ${this.name} thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private notifyDrained(): void {
    for (const resolve of this.drained.splice(0)) resolve();
  }
}

/** A DomainError keeps its class, code and issues; anything else becomes a plain Error with the same name and message. */
export function reviveError(e: ThreadError): Error {
  if (e.name === 'DomainError' && e.code) return new DomainError(e.code as DomainErrorCode, e.message, (e.issues ?? []) as FieldIssue[]);
  return Object.assign(new Error(e.message), { name: e.name, ...(e.code ? { code: e.code } : {}) });
}
