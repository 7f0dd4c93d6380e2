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

const USAGE = `usage: npm run bench -- [--only NAMES] [--quick] [--store embedded|neo4j]
  --only   comma-separated: read, ingest, pagerank, plugins, analytics, realtime (default: all)
  --quick  small sizes, to check that everything runs
  --store  neo4j: the read and ingest benchmarks on a throwaway Neo4j (Java 17 and Maven)`;
const NAMES = ['read', 'ingest', 'pagerank', 'plugins', 'analytics', 'realtime'];

let values: { only?: string; quick: boolean; store: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      store: { type: 'string', default: 'embedded' },
      help: { type: 'boolean', short: 'h' },
    },
  }) as { values: typeof values });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((n) => !NAMES.includes(n)) ?? [];
if (unknown.length || only?.length === 0) {
  console.error(`--only: unknown benchmark ${unknown.map((n) => `"${n}"`).join(', ') || '(none named)'}\n${USAGE}`);
  process.exit(2);
}
const quick = values.quick;

const benches: Record<string, () => Promise<unknown>> = {
  read: () => readBenchmark(quick ? { ...CORE_DEFAULTS, actors: 2_000, ties: 20_000, signals: 5_000, seconds: 5 } : CORE_DEFAULTS),
  ingest: () => ingestBenchmark(quick ? 4 : 80, 1000, 4, quick ? 2 : 20, quick ? 2 : 20),
  pagerank: async () => pagerankBench(quick ? { nodes: 10_000, errorSampleSizes: [] } : {}),
  plugins: () => pluginsBench(quick ? { actors: 5_000, ties: 50_000, repeat: 1 } : {}),
  analytics: () => analyticsBench(quick ? ANALYTICS_BENCH_QUICK : ANALYTICS_BENCH_DEFAULTS),
  realtime: () => realtimeBench(quick ? { subscribers: 50, seconds: 5, ladder: [10, 50], stepSeconds: 3 } : {}),
};

// --store neo4j: read and ingest on a throwaway Neo4j (neo4j.bench.ts, one server for both); the other
// benchmarks do not depend on the store and run without it.
if (values.store !== 'embedded' && values.store !== 'neo4j') {
  console.error(`--store must be embedded or neo4j, got "${values.store}"`);
  process.exit(2);
}
if (values.store === 'neo4j') {
  const { NEO4J_DEFAULTS, NEO4J_QUICK, neo4jBenchmarks } = await import('./neo4j.bench.js');
  const which = { read: !only || only.includes('read'), ingest: !only || only.includes('ingest') };
  for (const name of Object.keys(benches)) delete benches[name];
  const names = (['read', 'ingest'] as const).filter((n) => which[n]);
  if (names.length) benches[names.join('+')] = () => neo4jBenchmarks(quick ? NEO4J_QUICK : NEO4J_DEFAULTS, which);
}

console.log(`# Osmosis benchmarks — node ${process.version}, store ${values.store}, load average ${loadavg()[0].toFixed(2)}${quick ? ' (quick sizes)' : ''}`);
for (const [name, run] of Object.entries(benches)) {
  if (only && !name.split('+').some((n) => only.includes(n))) continue;
  console.log(`\n# ${name}`);
  await run();
}
