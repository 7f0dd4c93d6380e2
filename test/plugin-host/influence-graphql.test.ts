/** The influence plugin over GraphQL, on the hand-checked graph of support.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, ok } from '../support/graphql-client.js';
import { testApp, type TestApp } from '../support/app.js';
import { embeddedFactory } from '../support/stores.js';
import { HAND, seedHandGraph } from './support.js';

describe('influence over GraphQL (embedded)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = testApp(await embeddedFactory.open());
    await seedHandGraph(app.store);
  });
  afterAll(async () => {
    await app.plugins.close();
    await app.store.close();
  });

  it('lists the built-in plugin as active', async () => {
    const data = await ok<any, any>(app.yoga, '{ plugins { name version apiVersion status error errorCode builtin source analytics } }');
    expect(data.plugins.filter((p: { name: string }) => p.name === 'influence')).toEqual([{
      name: 'influence', version: '1.0.0', apiVersion: '^1.0.0', status: 'ACTIVE', error: null, errorCode: null,
      builtin: true, source: 'influence', analytics: ['pagerank', 'degree', 'betweenness', 'eigenvector'],
    }]);
  });

  it('ranks PageRank on ties with hand-checked scores', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { influence(measure: PAGERANK, on: TIES, top: 10) { actor { key name } score rank } } }`);
    const rows = data.analytics.influence as { actor: { key: keyof typeof HAND.pagerank; name: string }; score: number; rank: number }[];
    expect(rows.map((r) => r.actor.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    for (const r of rows) expect(r.score).toBeCloseTo(HAND.pagerank[r.actor.key], 5);
    expect(rows[0].actor.name).toBe('Anna');
  });

  it('filters the top by kind and side', async () => {
    const outside = await ok<any, any>(app.yoga, '{ analytics { influence(top: 2, side: OUTSIDE) { actor { key } rank } } }');
    expect(outside.analytics.influence).toEqual([{ actor: { key: 'b' }, rank: 1 }, { actor: { key: 'c' }, rank: 2 }]);
    const kinds = await ok<any, any>(app.yoga, '{ analytics { influence(top: 5, kinds: [SUPPLIER, EMPLOYEE]) { actor { key } } } }');
    expect(kinds.analytics.influence.map((r: any) => r.actor.key)).toEqual(['a', 'd']);
  });

  it('computes betweenness (exact here) and in-degree', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics {
      b: influence(measure: BETWEENNESS, top: 4) { actor { key } score }
      i: influence(measure: IN_DEGREE, top: 4) { actor { key } score }
    } }`);
    for (const r of data.analytics.b) expect(r.score).toBeCloseTo(HAND.betweenness[r.actor.key as 'a'], 12);
    expect(data.analytics.b.map((r: any) => r.actor.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(Object.fromEntries(data.analytics.i.map((r: any) => [r.actor.key, r.score]))).toEqual(HAND.inDegree);
  });

  it('runs on value exchanges weighted by amount', async () => {
    const data = await ok<any, any>(app.yoga, '{ analytics { influence(measure: IN_DEGREE, on: EXCHANGES, weighted: true, top: 2) { actor { key } score rank } } }');
    expect(data.analytics.influence).toEqual([{ actor: { key: 'a' }, score: 150, rank: 1 }, { actor: { key: 'd' }, score: 30, rank: 2 }]);
    const tangible = await ok<any, any>(app.yoga, '{ analytics { influence(measure: IN_DEGREE, on: EXCHANGES, valueKinds: [SERVICE], weighted: true, top: 1) { actor { key } score } } }');
    expect(tangible.analytics.influence).toEqual([{ actor: { key: 'd' }, score: 30 }]);
  });

  it('answers Actor.influence with score and rank among all actors', async () => {
    const data = await ok<any, any>(app.yoga, `{
      c: actor(key: "c") { influence { score rank } between: influence(measure: BETWEENNESS) { rank } }
      d: actor(key: "d") { influence(measure: IN_DEGREE) { score rank } kinds: influence(nodeKinds: [CUSTOMER]) { rank } }
    }`);
    expect(data.c.influence.rank).toBe(3);
    expect(data.c.influence.score).toBeCloseTo(HAND.pagerank.c, 5);
    expect(data.c.between.rank).toBe(3);
    expect(data.d.influence).toEqual({ score: 0, rank: 4 });
    expect(data.d.kinds).toBeNull(); // d is not in a CUSTOMER-only graph
  });

  it('serves the same analytics generically through analytics.run', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { run(plugin: "influence", analytic: "pagerank", params: { tolerance: 1e-12, maxIterations: 1000 }) {
      plugin analytic nodeCount edgeCount graphVersion cached computeMs result } } }`);
    const run = data.analytics.run;
    expect(run).toMatchObject({ plugin: 'influence', analytic: 'pagerank', nodeCount: 4, edgeCount: 4 });
    for (const [key, score] of Object.entries(HAND.pagerank)) expect(run.result.scores[key]).toBeCloseTo(score, 10);
    expect(run.result.sample).toBeNull();
  });

  it('rejects bad arguments with coded errors', async () => {
    const top = await gql(app.yoga, '{ analytics { influence(top: 100000) { score } } }');
    expect(top.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'top' });
    for (const window of ['since: "2027-01-01T00:00:00Z", until: "2020-01-01T00:00:00Z"', 'since: "2026-01-01T00:00:00Z", until: "2026-01-01T00:00:00Z"']) {
      const backwards = await gql(app.yoga, `{ analytics { influence(${window}, on: EXCHANGES) { score } } }`);
      expect(backwards.errors?.[0].extensions, window).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
      const onActor = await gql(app.yoga, `{ actors(first: 1) { nodes { influence(${window}) { score } } } }`);
      expect(onActor.errors?.[0].extensions, window).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
    }
    // The same through run(params), for every plugin whose analytics take a window.
    for (const [plugin, analytic] of [['influence', 'pagerank'], ['silos', 'silos'], ['value-flow', 'balances']]) {
      const params = '{ since: "2030-01-01T00:00:00Z", until: "2020-01-01T00:00:00Z" }';
      const reversed = await gql(app.yoga, `{ analytics { run(plugin: "${plugin}", analytic: "${analytic}", params: ${params}) { cached } } }`);
      expect(reversed.errors?.[0].extensions, plugin).toMatchObject({ code: 'BAD_USER_INPUT', field: 'params.until' });
    }
    const zero = await gql(app.yoga, '{ analytics { influence(measure: BETWEENNESS, sample: 0) { score } } }');
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sample' });
    const sample = await gql(app.yoga, '{ analytics { influence(measure: PAGERANK, sample: 3) { score } } }');
    expect(sample.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sample' });
    const params = await gql(app.yoga, '{ analytics { run(plugin: "influence", analytic: "pagerank", params: { alpha: 2 }) { cached } } }');
    expect(params.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'params.alpha' });
    const unknown = await gql(app.yoga, '{ analytics { run(plugin: "influence", analytic: "closeness") { cached } } }');
    expect(unknown.errors?.[0].extensions?.code).toBe('PLUGIN_UNKNOWN_ANALYTIC');
    const missing = await gql(app.yoga, '{ analytics { run(plugin: "nope", analytic: "x") { cached } } }');
    expect(missing.errors?.[0].extensions?.code).toBe('PLUGIN_NOT_LOADED');
  });
});
