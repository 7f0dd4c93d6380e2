// Entry of every analytics worker thread. Workers do not inherit the parent's module hooks, so
// this registers tsx first: built-in analytics and the worker itself are TypeScript sources in
// development and tests. Then it loads the worker proper (worker.ts) named in workerData.
import { workerData } from 'node:worker_threads';

if (workerData.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
