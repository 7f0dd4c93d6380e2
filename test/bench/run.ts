/**
 * `npm run bench [-- --only read,ingest,pagerank,plugins,analytics,realtime] [--quick]`: runs the benchmarks
 * and prints their figures (never asserted). `--quick` uses small sizes to check that all runs.
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { CORE_DEFAULTS, ingestBenchmark, readBenchmark } from './core-api.bench.js';
import { ANALYTICS_BENCH_DEFAULTS, ANALYTICS_BENCH_QUICK, run as analyticsBench } from './analytics.bench.js';
import { run as pagerankBench } from './pagerank.bench.js';
import { run as pluginsBench } from './plugins.bench.js';
import { run as realtimeBench } from './realtime.bench.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    store: { type: 'string', default: 'embedded' },
  },
});
const only = values.only?.split(',').map((s) => s.trim());
const quick = values.quick;

const benches: Record<string, () => Promise<unknown>> = {
  read: () => readBenchmark(quick ? { ...CORE_DEFAULTS, actors: 2_000, ties: 20_000, signals: 5_000, seconds: 3 } : CORE_DEFAULTS),
  ingest: () => ingestBenchmark(quick ? 5 : 50),
  pagerank: async () => pagerankBench(quick ? { nodes: 10_000, errorSampleSizes: [] } : {}),
  plugins: () => pluginsBench(quick ? { actors: 5_000, ties: 50_000, repeat: 1 } : {}),
  analytics: () => analyticsBench(quick ? ANALYTICS_BENCH_QUICK : ANALYTICS_BENCH_DEFAULTS),
  realtime: () => realtimeBench(quick ? { subscribers: 50, seconds: 5, ladder: [10, 50], stepSeconds: 3 } : {}),
};

console.log(`# Osmosis benchmarks — node ${process.version}, store ${values.store}, load average ${loadavg()[0].toFixed(2)}${quick ? ' (quick sizes)' : ''}`);
for (const [name, run] of Object.entries(benches)) {
  if (only && !only.includes(name)) continue;
  console.log(`\n# ${name}`);
  await run();
}
