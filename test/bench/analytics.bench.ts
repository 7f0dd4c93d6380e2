/**
 * Social-business analytics benchmark (issue 6, item 9): every analytic of the built-in plugins
 * on the generated 100,000-actor / 1,000,000-tie ecosystem with 200,000 signals (and their
 * responses) and 200,000 value exchanges, through the plugin host as GraphQL runs them.
 *
 * Printed per analytic: the compute time in the worker and the wall time of the run (projection
 * and facts already built and cached at the graph version — their build times are printed once).
 * Target: each analytic under 2 s. `run()` is called by the `npm run bench` driver.
 */
import { loadavg } from 'node:os';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import type { Facts } from '../../src/domain/facts.js';
import { createOsmosis } from '../../src/main.js';
import { BUILTIN_PLUGINS, createPluginHost } from '../../src/plugin-host/index.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { largeEmbeddedDb } from './bench-db.js';
import { printTable } from './table.js';

export interface AnalyticsBenchOptions {
  actors: number;
  ties: number;
  signals: number;
  exchanges: number;
}

export const ANALYTICS_BENCH_DEFAULTS: AnalyticsBenchOptions = { actors: 100_000, ties: 1_000_000, signals: 200_000, exchanges: 200_000 };
export const ANALYTICS_BENCH_QUICK: AnalyticsBenchOptions = { actors: 2_000, ties: 20_000, signals: 5_000, exchanges: 5_000 };

/** Params per analytic where `{}` is not a representative run; the rest run with `{}`. */
function cases(facts: Facts): Record<string, Record<string, unknown>[]> {
  // The latest signal, to trace what followed it.
  const last = facts.signals.count - 1;
  const trace = last < 0 ? [] : [{
    channel: facts.channels[facts.signals.channel[last]], occurredAt: new Date(facts.signals.occurredAt[last]).toISOString(), days: 365,
  }];
  return {
    'influence/betweenness': [{ sample: 64 }, { sample: 256 }],
    'value-flow/trace': trace,
    'value-flow/matrix': [{ groupBy: 'SIDE' }, { groupBy: 'TEAM' }, { groupBy: 'COMMUNITY' }],
  };
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
};

export async function run(o: AnalyticsBenchOptions = ANALYTICS_BENCH_DEFAULTS): Promise<void> {
  const file = largeEmbeddedDb(o.actors, o.ties, o.signals, o.exchanges);
  const store = await openEmbeddedStore({ file });
  const stats = await store.stats();
  console.log(`${file}: ${stats.actors} actors, ${stats.ties} ties, ${stats.signals} signals, ${stats.responses} responses, ` +
    `${stats.exchanges} exchanges, ${stats.insights} insights, ${stats.changes} changes; load average ${loadavg()[0].toFixed(2)}`);

  const [facts, factsMs] = await timed(() => store.facts());
  const [projection, projectionMs] = await timed(() => store.projection({ edges: 'BOTH' }));
  printTable('snapshot builds (embedded store, reader thread)', [
    { what: 'facts', rows: facts.signals.count + facts.responses.count + facts.exchanges.count, ms: factsMs },
    { what: 'projection (ties + exchanges)', rows: projection.edgeCount, ms: projectionMs },
  ]);

  const candidates = Object.entries(BUILTIN_PLUGINS).map(([source, exported]) => ({ source, builtin: true, exported }));
  const host = createPluginHost({
    candidates, store, log: pino({ level: 'silent' }), limits: { workers: 1, timeoutMs: 600_000, heapMb: 4096 },
  });
  const rows: Record<string, string | number>[] = [];
  try {
    for (const status of host.statuses()) {
      if (status.status !== 'ACTIVE') {
        rows.push({ analytic: `${status.name} (${status.status})`, params: '', 'compute ms': '', 'run ms': '', 'under 2 s': '' });
        continue;
      }
      for (const analytic of status.analytics) {
        for (const params of cases(facts)[`${status.name}/${analytic}`] ?? [{}]) {
          try {
            // Wall time includes building the projection and facts when no earlier run at this
            // graph version needed the same ones (they are cached per version).
            const [result, ms] = await timed(() => host.run(status.name, analytic, params));
            rows.push({
              analytic: `${status.name}/${analytic}`, params: JSON.stringify(params), 'compute ms': result.computeMs,
              'run ms': ms, 'under 2 s': result.computeMs < 2000 ? 'yes' : 'NO',
            });
          } catch (error) {
            const e = error as Error & { extensions?: { code?: string } };
            rows.push({ analytic: `${status.name}/${analytic}`, params: JSON.stringify(params), 'compute ms': `failed: ${e.extensions?.code ?? e.message}`, 'run ms': '', 'under 2 s': '' });
          }
        }
      }
    }
  } finally {
    await host.close();
  }
  printTable('analytics through the plugin host (compute: in the worker; run: wall time)', rows);

  // Maturity has no analytic of its own: it runs its dependencies' for two windows. Timed through
  // GraphQL, cold (every dependency computed) and warm (all cached at this graph version).
  const app = createOsmosis(loadConfig({ OSMOSIS_PLUGIN_TIMEOUT_MS: '600000', OSMOSIS_PLUGIN_HEAP_MB: '4096', OSMOSIS_PLUGIN_WORKERS: '2' }), store, pino({ level: 'silent' }));
  const query = async () => {
    const r = await app.yoga.fetch('http://bench/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ analytics { maturity(until: "2026-11-01T00:00:00Z") { stage overall capabilities { score } } } }' }),
    });
    const body = await r.json() as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  try {
    const [, cold] = await timed(query);
    const [, warm] = await timed(query);
    printTable('maturity through GraphQL (both windows, all dependencies)', [{ run: 'cold', ms: cold }, { run: 'cached', ms: warm }]);
  } finally {
    await app.plugins.close();
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.argv.includes('--quick') ? ANALYTICS_BENCH_QUICK : ANALYTICS_BENCH_DEFAULTS);
