/**
 * `npm run bench [-- --only core,ingest] [--quick]`: runs the benchmarks and prints their figures.
 * `--quick` uses small sizes to check that everything runs.
 */
import { parseArgs } from 'node:util';
import { CORE_DEFAULTS, ingestBenchmark, readBenchmark } from './core-api.bench.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    store: { type: 'string', default: 'embedded' },
  },
});
const only = values.only?.split(',').map((s) => s.trim());
const wanted = (name: string) => !only || only.includes(name);
const quick = values.quick;

const benches: Record<string, () => Promise<void>> = {
  read: () => readBenchmark(quick ? { ...CORE_DEFAULTS, actors: 2_000, ties: 20_000, signals: 5_000, seconds: 3 } : CORE_DEFAULTS),
  ingest: () => ingestBenchmark(quick ? 5 : 50),
};

console.log(`# Osmosis benchmarks — node ${process.version}, store ${values.store}${quick ? ' (quick sizes)' : ''}`);
for (const [name, run] of Object.entries(benches)) {
  if (!wanted(name)) continue;
  await run();
}
