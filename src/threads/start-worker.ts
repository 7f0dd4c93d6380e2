/**
 * Starts a worker thread on a module of this code base, whether it runs from TypeScript sources
 * (tsx: development, tests) or compiled JavaScript. `entry` names the module without extension
 * choice: pass the URL of the `.ts` file as seen from a `.ts` caller; a `.js` caller gets `.js`.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const BOOTSTRAP = new URL('./bootstrap.mjs', import.meta.url);

/** The URL of a sibling module of `base` (an import.meta.url), with the extension the caller runs under. */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/** A worker on `entry`; `data` reaches it as `workerData.data`. Parent flags are not inherited (test runners add their own). */
export function startWorker(entry: URL, data: unknown, options: Omit<WorkerOptions, 'workerData' | 'execArgv'> = {}): Worker {
  return new Worker(BOOTSTRAP, {
    ...options,
    workerData: { entry: entry.href, typescript: entry.pathname.endsWith('.ts'), data },
    execArgv: [],
  });
}
