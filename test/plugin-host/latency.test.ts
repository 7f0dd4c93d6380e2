/**
 * The event loop stays free while a 1,000,000-edge analytic runs: trivial queries keep answering
 * and the loop's delay stays small. The p99 latency is printed; the assertions are generous (this
 * runs on shared 2-core machines) — they fail only if the analytic blocked the loop, which would
 * hold every query for the whole computation.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createOsmosis, type Osmosis } from '../../src/main.js';
import type { Projection } from '../../src/plugin-api/index.js';
import type { Store } from '../../src/store/port.js';
import { preferentialGraph, toProjection } from '../../plugins/influence/test-support/graphs.js';
import { ok } from '../support/graphql-client.js';
import { embeddedFactory } from '../support/stores.js';
import { capturedLog } from './support.js';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

describe('latency of a trivial query during a 1,000,000-edge analytic', () => {
  let store: Store;
  let app: Osmosis;
  let big: Projection;

  beforeAll(async () => {
    big = toProjection(preferentialGraph(7, 100_000, 10));
    const embedded = await embeddedFactory.open();
    // The embedded store with a generated 100,000-node / 1,000,000-edge projection in place of its own.
    store = Object.assign(Object.create(embedded) as Store, { projection: async () => big });
    app = createOsmosis(loadConfig({ OSMOSIS_PLUGIN_TIMEOUT_MS: '300000', OSMOSIS_PLUGIN_HEAP_MB: '1024' }), store, capturedLog().log);
    // Warm up: start the workers, build and share the projection (a cheap analytic on the same graph).
    await app.plugins.run('influence', 'degree', {});
  }, 240_000);

  afterAll(async () => {
    await app.plugins.close();
    await store.close();
  });

  it('answers while sampled betweenness runs in a worker', async () => {
    expect(big.edgeCount).toBe(1_000_000);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let done = false;
    const heavy = app.plugins.run<{ scores: Float64Array; sample: number }>('influence', 'betweenness', { sample: 24 })
      .finally(() => { done = true; });
    const started = performance.now();
    const latencies: number[] = [];
    // A trivial query every 10 ms, as a client would send them (a tight loop would only measure itself).
    while (!done) {
      const t = performance.now();
      await ok<any, any>(app.yoga, '{ __typename }');
      latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const elapsed = performance.now() - started;
    delay.disable();
    const result = await heavy;

    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const max = latencies[latencies.length - 1];
    const maxDelay = delay.max / 1e6;
    console.log(`latency of { __typename } during a 1M-edge betweenness (${(elapsed / 1000).toFixed(1)} s in a worker): `
      + `${latencies.length} queries, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms; `
      + `event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${maxDelay.toFixed(1)} ms`);

    expect(result.cached).toBe(false);
    expect(result.value.sample).toBe(24);
    expect(result.value.scores).toHaveLength(100_000);
    expect(latencies.length).toBeGreaterThan(10);
    // Had the computation run on the event loop, one query would have waited for all of it.
    expect(max).toBeLessThan(Math.max(1_000, elapsed / 4));
    expect(maxDelay).toBeLessThan(Math.max(1_000, elapsed / 4));
  }, 300_000);
});
