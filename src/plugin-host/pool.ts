/**
 * The worker pool that runs analytics off the event loop. Each worker is a `node:worker_threads`
 * thread with a V8 heap limit (resourceLimits.maxOldGenerationSizeMb); each job has a wall-clock
 * limit, past which its worker is terminated and replaced. A job that loops, throws, runs out of
 * heap or kills its worker fails alone, with PLUGIN_TIMEOUT, PLUGIN_FAILED or PLUGIN_OUT_OF_MEMORY;
 * the other workers and the event loop carry on. Workers start on demand, idle ones do not keep
 * the process alive.
 *
 * Graphs reach workers as SharedArrayBuffers (shared-graph.ts): a job message costs the same for
 * ten edges as for ten million.
 */
import type { Worker } from 'node:worker_threads';
import { siblingModule, startWorker } from '../threads/start-worker.js';
import type { Logger } from 'pino';
import { pluginError } from './errors.js';
import type { Facts } from '../domain/facts.js';
import type { SharedGraph } from './shared-graph.js';
import type { RunMessage, WorkerMessage } from './worker.js';

export interface PoolLimits {
  /** Worker threads at most. */
  workers: number;
  /** Wall-clock limit of one job, from the moment a worker takes it. */
  timeoutMs: number;
  /** Old-generation heap limit of each worker. */
  heapMb: number;
  /** Jobs waiting for a worker at most; beyond, PLUGIN_BUSY. */
  maxQueue: number;
}

export interface Job {
  plugin: string;
  analytic: string;
  /** File URL of the analytic's module. */
  module: string;
  params: unknown;
  graph: SharedGraph;
  /** The activity facts, when the analytic declared it reads them (shared memory, see shared-facts.ts). */
  facts?: Facts;
}

export interface JobResult {
  value: unknown;
  computeMs: number;
}

export interface PoolStats {
  workers: number;
  busy: number;
  queued: number;
  started: number;
  completed: number;
  failed: number;
  timedOut: number;
  outOfMemory: number;
}

// worker.ts in development (run by tsx), worker.js once compiled.
const ENTRY = siblingModule('worker', import.meta.url);
/** A worker that has not said "ready" by then failed to start. */
const START_TIMEOUT_MS = 60_000;

interface Pending {
  job: Job;
  id: number;
  resolve(result: JobResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
  /** Set once the slot is being replaced: late events from its worker are ignored. */
  retired: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly counts = { started: 0, completed: 0, failed: 0, timedOut: 0, outOfMemory: 0 };

  constructor(private readonly limits: PoolLimits, private readonly log: Logger) {}

  /** Runs a job on the next free worker. */
  run(job: Job): Promise<JobResult> {
    if (this.closed) return Promise.reject(pluginError('PLUGIN_FAILED', 'the analytics pool is closed', { plugin: job.plugin, analytic: job.analytic }));
    if (this.queue.length >= this.limits.maxQueue) {
      return Promise.reject(pluginError('PLUGIN_BUSY', `too many analytics waiting (${this.queue.length}); try again later`, {
        plugin: job.plugin, analytic: job.analytic,
      }));
    }
    return new Promise<JobResult>((resolve, reject) => {
      this.queue.push({ job, id: this.nextId++, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts the workers now rather than on the first job (their start-up takes a moment). */
  warm(): void {
    while (!this.closed && this.slots.length < this.limits.workers) this.spawn();
  }

  stats(): PoolStats {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.current).length,
      queued: this.queue.length,
      ...this.counts,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) {
      pending.reject(pluginError('PLUGIN_FAILED', 'the analytics pool closed', { plugin: pending.job.plugin, analytic: pending.job.analytic }));
    }
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => {
      slot.retired = true;
      if (slot.timer) clearTimeout(slot.timer);
      slot.current?.reject(pluginError('PLUGIN_FAILED', 'the analytics pool closed', {
        plugin: slot.current.job.plugin, analytic: slot.current.job.analytic,
      }));
      return slot.worker.terminate();
    }));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((s) => s.ready && !s.current && !s.retired);
      if (!idle) {
        // Start a worker when every existing one is busy (those starting count as free soon).
        const starting = this.slots.filter((s) => !s.ready).length;
        if (starting < this.queue.length && this.slots.length < this.limits.workers) {
          this.spawn();
          continue;
        }
        return;
      }
      this.assign(idle, this.queue.shift()!);
    }
    this.updateRefs();
  }

  /** A worker keeps the process alive only while it runs a job or starts for a waiting one. */
  private updateRefs(): void {
    for (const slot of this.slots) {
      if (slot.current || (!slot.ready && this.queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  /** A worker died before it was ready: fail the oldest waiting job, so a worker that cannot start is not respawned forever. */
  private failedToStart(slot: Slot, why: string): void {
    if (slot.ready || slot.current) return;
    const pending = this.queue.shift();
    if (!pending) return;
    this.counts.failed++;
    pending.reject(pluginError('PLUGIN_FAILED', `${pending.job.plugin}/${pending.job.analytic} failed: the analytics worker did not start (${why})`, {
      plugin: pending.job.plugin, analytic: pending.job.analytic,
    }));
  }

  private assign(slot: Slot, pending: Pending): void {
    slot.current = pending;
    const { job } = pending;
    slot.timer = setTimeout(() => {
      this.counts.timedOut++;
      this.log.warn({ plugin: job.plugin, analytic: job.analytic, timeoutMs: this.limits.timeoutMs }, 'analytic timed out; its worker is terminated');
      this.finish(slot, pluginError('PLUGIN_TIMEOUT',
        `${job.plugin}/${job.analytic} did not finish within ${this.limits.timeoutMs} ms and was stopped`,
        { plugin: job.plugin, analytic: job.analytic, timeoutMs: this.limits.timeoutMs }));
      this.replace(slot);
    }, this.limits.timeoutMs);
    const message: RunMessage = {
      type: 'run', id: pending.id, module: job.module, plugin: job.plugin, analytic: job.analytic, params: job.params, graph: job.graph, facts: job.facts,
    };
    slot.worker.postMessage(message);
  }

  /** Settles the slot's current job and frees the slot. */
  private finish(slot: Slot, outcome: JobResult | Error): void {
    const pending = slot.current;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    this.updateRefs();
    if (!pending) return;
    if (outcome instanceof Error) {
      this.counts.failed++;
      pending.reject(outcome);
    } else {
      this.counts.completed++;
      pending.resolve(outcome);
    }
  }

  /** Retires a slot (terminating its worker) and lets the queue start a new one. */
  private replace(slot: Slot): void {
    if (slot.retired) return;
    slot.retired = true;
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    void slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }

  private spawn(): void {
    const worker = startWorker(ENTRY, null, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
      stdout: false,
      stderr: false,
    });
    this.counts.started++;
    const slot: Slot = { worker, ready: false, current: null, timer: null, retired: false };
    this.slots.push(slot);

    const startTimer = setTimeout(() => {
      this.log.error({ ms: START_TIMEOUT_MS }, 'analytics worker did not start');
      this.failedToStart(slot, `no answer within ${START_TIMEOUT_MS} ms`);
      this.replace(slot);
    }, START_TIMEOUT_MS);
    startTimer.unref();

    worker.on('message', (message: WorkerMessage) => {
      if (slot.retired) return;
      if (message.type === 'ready') {
        clearTimeout(startTimer);
        slot.ready = true;
        this.dispatch();
        return;
      }
      const pending = slot.current;
      if (!pending || message.id !== pending.id) return;
      const { job } = pending;
      if (message.type === 'done') {
        this.finish(slot, { value: message.value, computeMs: message.computeMs });
      } else {
        const { error } = message;
        this.log.warn({ plugin: job.plugin, analytic: job.analytic, err: error }, 'analytic failed');
        this.finish(slot, pluginError('PLUGIN_FAILED', `${job.plugin}/${job.analytic} failed: ${error.message}`, {
          plugin: job.plugin, analytic: job.analytic, ...(error.code ? { reason: error.code } : {}),
        }));
      }
      this.dispatch();
    });

    worker.on('error', (error: Error & { code?: string }) => {
      clearTimeout(startTimer);
      if (slot.retired) return;
      const job = slot.current?.job;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (outOfMemory) this.counts.outOfMemory++;
      this.log.warn({ plugin: job?.plugin, analytic: job?.analytic, err: error }, outOfMemory ? 'analytic ran out of memory' : 'analytics worker crashed');
      if (job) {
        this.finish(slot, outOfMemory
          ? pluginError('PLUGIN_OUT_OF_MEMORY', `${job.plugin}/${job.analytic} exceeded the worker heap limit of ${this.limits.heapMb} MB and was stopped`, {
            plugin: job.plugin, analytic: job.analytic, heapMb: this.limits.heapMb,
          })
          : pluginError('PLUGIN_FAILED', `${job.plugin}/${job.analytic} failed: its worker crashed (${error.message})`, {
            plugin: job.plugin, analytic: job.analytic,
          }));
      } else {
        this.failedToStart(slot, error.message);
      }
      this.replace(slot);
    });

    worker.on('exit', (code) => {
      clearTimeout(startTimer);
      if (slot.retired) return;
      const job = slot.current?.job;
      if (job) {
        this.finish(slot, pluginError('PLUGIN_FAILED', `${job.plugin}/${job.analytic} failed: its worker exited (code ${code})`, {
          plugin: job.plugin, analytic: job.analytic,
        }));
      } else {
        this.failedToStart(slot, `exit code ${code}`);
      }
      this.replace(slot);
    });
  }
}
