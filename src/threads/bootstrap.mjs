// Entry of every worker thread Osmosis starts (analytics, embedded snapshot reads). Workers do not
// inherit the parent's module hooks, so this registers tsx first when the entry is TypeScript
// (development and tests run the sources), then loads the entry named in workerData.
import { workerData } from 'node:worker_threads';

if (workerData.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
