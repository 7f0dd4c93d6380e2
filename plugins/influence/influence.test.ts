/**
 * The influence plugin's analytics through the public testkit, on the hand-checked graph
 * (a KNOWS cycle a → b → c → a plus d → a; exchanges b → a 100, c → a 50, a → d 30).
 */
import { describe, expect, it } from 'vitest';
import { checkPlugin, runAnalytic, type GraphFixture } from '../../src/plugin-api/index.js';
import influence from './index.js';
import type { InfluenceResult } from './params.js';

const graph: GraphFixture = {
  actors: [{ key: 'a', kind: 'EMPLOYEE' }, { key: 'b', kind: 'CUSTOMER' }, { key: 'c', kind: 'PARTNER' }, { key: 'd', kind: 'SUPPLIER' }],
  ties: [['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'a']],
  exchanges: [
    { from: 'b', to: 'a', kind: 'MONEY', amount: 100 },
    { from: 'c', to: 'a', kind: 'MONEY', amount: 50 },
    { from: 'a', to: 'd', kind: 'SERVICE', amount: 30 },
  ],
};

const scores = async (analytic: string, params: Record<string, unknown>) => {
  const { value, graph: index } = await runAnalytic<InfluenceResult>(influence, analytic, params, { graph });
  return { byKey: Object.fromEntries(index.keys.map((k, i) => [k, value.scores[i]])), sample: value.sample };
};

describe('influence analytics (testkit)', () => {
  it('registers cleanly with default options', () => {
    expect(checkPlugin(influence)).toEqual({ maxTop: 1000, exactBetweennessUpTo: 2000, betweennessSample: 256 });
  });

  it('pagerank: x_a = 0.12834375 / 0.385875, x_d = 0.15 / 4', async () => {
    const { byKey } = await scores('pagerank', { tolerance: 1e-12, maxIterations: 1000 });
    const a = 0.12834375 / 0.385875;
    expect(byKey.a).toBeCloseTo(a, 10);
    expect(byKey.b).toBeCloseTo(0.0375 + 0.85 * a, 10);
    expect(byKey.d).toBeCloseTo(0.0375, 10);
  });

  it('degree on ties and on exchanges (strength by amount)', async () => {
    expect((await scores('degree', { direction: 'in' })).byKey).toEqual({ a: 2, b: 1, c: 1, d: 0 });
    expect((await scores('degree', { direction: 'out', on: 'EXCHANGES', weighted: true })).byKey).toEqual({ a: 30, b: 100, c: 50, d: 0 });
    // BOTH: c → a is a tie and an exchange, one edge. Pairs: a→b, b→c, c→a, d→a, b→a, a→d.
    expect((await scores('degree', { on: 'BOTH' })).byKey).toEqual({ a: 5, b: 3, c: 2, d: 2 });
  });

  it('betweenness: exact up to exactUpTo nodes, sampled above', async () => {
    const exact = await scores('betweenness', {});
    expect(exact.sample).toBeNull();
    expect(exact.byKey).toEqual({ a: 3 / 6, b: 2 / 6, c: 1 / 6, d: 0 });
    const sampled = await scores('betweenness', { exactUpTo: 3, autoSample: 2, normalized: false });
    expect(sampled.sample).toBe(2);
    const forced = await scores('betweenness', { sample: 4 });
    expect(forced.sample).toBeNull(); // k >= N is exact
  });

  it('betweenness weighted: a strong edge is a short one (length 1 / weight)', async () => {
    // Exchanges as lengths 1/amount: b → a (0.01), c → a (0.02), a → d (0.033). Pairs with an inner node: b → d and c → d, via a.
    const { byKey } = await scores('betweenness', { on: 'EXCHANGES', weighted: true, normalized: false });
    expect(byKey).toEqual({ a: 2, b: 0, c: 0, d: 0 });
  });

  it('eigenvector: the cycle dominates, d (no in-edges) tends to 0', async () => {
    const { byKey } = await scores('eigenvector', { tolerance: 1e-10, maxIterations: 5000 });
    expect(byKey.d).toBeLessThan(1e-6);
    expect(byKey.a).toBeGreaterThan(byKey.d);
    expect(byKey.a ** 2 + byKey.b ** 2 + byKey.c ** 2 + byKey.d ** 2).toBeCloseTo(1, 9);
  });

  it('rejects params with a precise field', async () => {
    await expect(runAnalytic(influence, 'degree', { direction: 'sideways' }, { graph })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(runAnalytic(influence, 'pagerank', { on: 'TIES', damping: 0.5 }, { graph })).rejects.toThrow(/damping|unrecognized/i);
  });
});
