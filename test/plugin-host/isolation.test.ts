/**
 * Isolation and caching. Analytics run in worker threads: one that loops, runs out of heap,
 * throws, kills its worker or returns garbage fails only its own request with a clear code; the
 * server keeps answering meanwhile and the pool recovers. Results are cached by graph version and
 * params.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { tieInput } from '../../src/domain/inputs.js';
import { createOsmosis, type Osmosis } from '../../src/main.js';
import { BUILTIN_PLUGINS, createPluginHost } from '../../src/plugin-host/index.js';
import type { Store } from '../../src/store/port.js';
import misbehaving from '../fixtures/plugins/misbehaving.js';
import { gql, ok } from '../support/graphql-client.js';
import { embeddedFactory } from '../support/stores.js';
import { candidate, capturedLog, seedHandGraph } from './support.js';

const TIMEOUT_MS = 1_500;

describe('isolation of analytics', () => {
  let store: Store;
  let app: Osmosis;
  beforeAll(async () => {
    store = await embeddedFactory.open();
    await seedHandGraph(store);
    const config = loadConfig({ OSMOSIS_PLUGIN_TIMEOUT_MS: String(TIMEOUT_MS), OSMOSIS_PLUGIN_HEAP_MB: '64', OSMOSIS_PLUGIN_WORKERS: '2' });
    app = createOsmosis(config, store, capturedLog().log, {
      plugins: [candidate('influence', BUILTIN_PLUGINS.influence, true), candidate('./misbehaving', misbehaving)],
    });
    app.plugins.warm();
  });
  afterAll(async () => {
    await app.plugins.close();
    await store.close();
  });

  const run = (analytic: string, params = '{}') =>
    gql<any, any>(app.yoga, `{ analytics { run(plugin: "misbehaving", analytic: "${analytic}", params: ${params}) { result cached } } }`);

  it('stops a looping analytic with PLUGIN_TIMEOUT while other queries keep answering', async () => {
    const started = performance.now();
    const looping = run('loop');
    // Meanwhile: trivial queries, and a real analytic on the other worker.
    const latencies: number[] = [];
    let answered = 0;
    const pagerank = ok<any, any>(app.yoga, '{ analytics { influence(top: 1) { actor { key } } } }');
    while (performance.now() - started < TIMEOUT_MS - 300) {
      const t = performance.now();
      const r = await ok<any, any>(app.yoga, '{ plugins { name status } }');
      latencies.push(performance.now() - t);
      if (r.plugins.length === 2) answered++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await pagerank).analytics.influence[0].actor.key).toBe('a');
    const result = await looping;
    const elapsed = performance.now() - started;
    expect(result.errors?.[0]).toMatchObject({
      message: `misbehaving/loop did not finish within ${TIMEOUT_MS} ms and was stopped`,
      extensions: { code: 'PLUGIN_TIMEOUT', plugin: 'misbehaving', analytic: 'loop', timeoutMs: TIMEOUT_MS },
    });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    // Had the loop run on the event loop, nothing would have answered before the timeout. Timing
    // bounds stay generous here (2 shared cores: the loop takes one); the latency test measures.
    expect(answered).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(TIMEOUT_MS);
    expect(app.plugins.stats().pool.timedOut).toBe(1);
  });

  it('stops an analytic that exhausts its heap with PLUGIN_OUT_OF_MEMORY', async () => {
    // Its own host: reaching a heap limit takes V8 a couple of seconds of last-resort collections.
    const host = createPluginHost({
      candidates: [candidate('./misbehaving', misbehaving)], store, log: capturedLog().log, limits: { workers: 1, heapMb: 64, timeoutMs: 30_000 },
    });
    try {
      const error = await host.run('misbehaving', 'oom').catch((e: unknown) => e) as { message: string; extensions: Record<string, unknown> };
      expect(error.extensions).toMatchObject({ code: 'PLUGIN_OUT_OF_MEMORY', plugin: 'misbehaving', analytic: 'oom', heapMb: 64 });
      expect(error.message).toBe('misbehaving/oom exceeded the worker heap limit of 64 MB and was stopped');
      expect(host.stats().pool.outOfMemory).toBe(1);
      // The host serves the next run on a fresh worker.
      expect((await host.run<{ edges: number }>('misbehaving', 'edges')).value.edges).toBe(4);
    } finally {
      await host.close();
    }
  });

  it('reports an analytic that throws as PLUGIN_FAILED with its reason', async () => {
    const result = await run('throws');
    expect(result.errors?.[0]).toMatchObject({
      message: 'misbehaving/throws failed: the analytic gave up on purpose',
      extensions: { code: 'PLUGIN_FAILED', plugin: 'misbehaving', analytic: 'throws', reason: 'ON_PURPOSE' },
    });
  });

  it('reports a worker that exits and a result that cannot be sent back as PLUGIN_FAILED', async () => {
    const exits = await run('exits');
    expect(exits.errors?.[0].extensions?.code).toBe('PLUGIN_FAILED');
    expect(exits.errors?.[0].message).toMatch(/its worker exited \(code 3\)/);
    const garbage = await run('uncloneable');
    expect(garbage.errors?.[0].extensions?.code).toBe('PLUGIN_FAILED');
    expect(garbage.errors?.[0].message).toMatch(/cannot be sent back/);
  });

  it('keeps serving analytics after all that, on replaced workers', async () => {
    const data = await ok<any, any>(app.yoga, '{ analytics { run(plugin: "misbehaving", analytic: "edges") { result } } }');
    expect(data.analytics.run.result).toEqual({ edges: 4, outDegrees: [1, 1, 1, 1] });
    const stats = app.plugins.stats().pool;
    expect(stats.workers).toBeLessThanOrEqual(2);
    expect(stats.started).toBeGreaterThanOrEqual(3); // 2 warm + at least the replacement after the exit (replacements start on demand)
  });
});

describe('caching by graph version and params', () => {
  let store: Store;
  let app: Osmosis;
  beforeAll(async () => {
    store = await embeddedFactory.open();
    await seedHandGraph(store);
    app = createOsmosis(loadConfig({}), store, capturedLog().log, { plugins: [candidate('./misbehaving', misbehaving)] });
  });
  afterAll(async () => {
    await app.plugins.close();
    await store.close();
  });

  it('does not recompute a repeated call on an unchanged graph, whatever the params\' key order', async () => {
    const first = await app.plugins.run('misbehaving', 'edges', { delayMs: 0, tag: 'x' });
    const computed = app.plugins.stats().pool.completed;
    const again = await app.plugins.run('misbehaving', 'edges', { tag: 'x', delayMs: 0 });
    expect(first.cached).toBe(false);
    expect(again.cached).toBe(true);
    expect(again.value).toBe(first.value);
    expect(app.plugins.stats().pool.completed).toBe(computed);
    // Defaults count as given: {} and { delayMs: 0 } are the same params.
    const defaults = await app.plugins.run('misbehaving', 'edges', {});
    const explicit = await app.plugins.run('misbehaving', 'edges', { delayMs: 0 });
    expect(explicit.cached).toBe(true);
    expect(explicit.value).toBe(defaults.value);
  });

  it('computes concurrent identical calls once', async () => {
    const before = app.plugins.stats().pool.completed;
    const results = await Promise.all(Array.from({ length: 5 }, () => app.plugins.run('misbehaving', 'edges', { delayMs: 50, tag: 'concurrent' })));
    expect(app.plugins.stats().pool.completed).toBe(before + 1);
    expect(new Set(results.map((r) => r.value)).size).toBe(1);
  });

  it('recomputes after a write (the graph version moves) and shares one projection per version and spec', async () => {
    const version = await store.graphVersion();
    const before = await app.plugins.run<{ edges: number }>('misbehaving', 'edges', {});
    expect(before.graphVersion).toBe(version);
    await store.upsertTies([tieInput.parse({ fromKey: 'b', toKey: 'd', type: 'KNOWS' })]);
    const after = await app.plugins.run<{ edges: number }>('misbehaving', 'edges', {});
    expect(after.cached).toBe(false);
    expect(after.graphVersion).toBeGreaterThan(version);
    expect(after.value.edges).toBe(before.value.edges + 1);
    const builds = app.plugins.stats().projections.builds;
    await app.plugins.run('misbehaving', 'edges', { delayMs: 1 }); // other params, same projection
    expect(app.plugins.stats().projections.builds).toBe(builds);
    expect(app.plugins.stats().projections.size).toBe(1); // the older version's projection is gone
  });

  it('answers PLUGIN_BUSY when too many analytics wait', async () => {
    const host = createPluginHost({
      candidates: [candidate('./misbehaving', misbehaving)], store, log: capturedLog().log, limits: { workers: 1, maxQueue: 1 },
    });
    try {
      await host.run('misbehaving', 'edges', { tag: 'start the worker' });
      // One runs, one waits, the third finds the queue full.
      const runs = [1, 2, 3].map((i) => host.run('misbehaving', 'edges', { delayMs: 200, tag: String(i) }));
      const settled = await Promise.allSettled(runs);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect((settled[2] as PromiseRejectedResult).reason.extensions.code).toBe('PLUGIN_BUSY');
    } finally {
      await host.close();
    }
  });
});
