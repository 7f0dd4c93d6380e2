/**
 * The analytics worker: imports an analytic's module, runs its compute function over the shared
 * projection, and posts the result back, transferring the typed arrays in it. One job at a time;
 * the pool enforces the wall-clock and heap limits from outside (terminate, resourceLimits).
 */
import { parentPort } from 'node:worker_threads';
import type { ComputeContext, ComputeFunction, Facts, Projection } from '../plugin-api/plugin.js';
import { projectionView, type SharedGraph } from './shared-graph.js';

export interface RunMessage {
  type: 'run';
  id: number;
  module: string;
  plugin: string;
  analytic: string;
  params: unknown;
  graph: SharedGraph;
  facts?: Facts;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown; computeMs: number }
  | { type: 'failed'; id: number; error: { name: string; message: string; code?: string } };

const port = parentPort!;

/** Decoded views of the last few projections, so keys are decoded once per worker and graph. */
const views = new Map<string, Projection>();
function viewOf(graph: SharedGraph): Projection {
  let view = views.get(graph.id);
  if (!view) {
    view = projectionView(graph);
    views.set(graph.id, view);
    if (views.size > 4) views.delete(views.keys().next().value!);
  }
  return view;
}

/** The non-shared ArrayBuffers of the typed arrays in a result (a few levels deep), to transfer rather than copy. */
function transferables(value: unknown, found = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (value instanceof ArrayBuffer) {
    found.add(value);
  } else if (depth < 3 && value !== null && typeof value === 'object') {
    for (const item of Array.isArray(value) ? value : Object.values(value)) transferables(item, found, depth + 1);
  }
  return [...found];
}

function failure(id: number, error: unknown): WorkerMessage {
  const e = error instanceof Error ? error : new Error(String(error));
  const { code } = e as { code?: unknown };
  return { type: 'failed', id, error: { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) } };
}

async function run(job: RunMessage): Promise<void> {
  let compute: ComputeFunction;
  try {
    const module = (await import(job.module)) as { default?: unknown; compute?: unknown };
    const found = typeof module.default === 'function' ? module.default : module.compute;
    if (typeof found !== 'function') throw new Error(`${job.module} does not export a compute function as its default export`);
    compute = found as ComputeFunction;
  } catch (error) {
    port.postMessage(failure(job.id, error));
    return;
  }
  try {
    const start = performance.now();
    const context: ComputeContext = { plugin: job.plugin, analytic: job.analytic, ...(job.facts ? { facts: job.facts } : {}) };
    const value = await compute(viewOf(job.graph), job.params, Object.freeze(context));
    const message: WorkerMessage = { type: 'done', id: job.id, value, computeMs: performance.now() - start };
    try {
      port.postMessage(message, transferables(value));
    } catch (error) {
      port.postMessage(failure(job.id, new Error(`the result cannot be sent back (it must be structured-cloneable): ${(error as Error).message}`)));
    }
  } catch (error) {
    port.postMessage(failure(job.id, error));
  }
}

port.on('message', (message: RunMessage) => {
  if (message.type === 'run') void run(message);
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
