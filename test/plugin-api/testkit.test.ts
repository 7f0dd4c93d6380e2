/**
 * The testkit: its fixture projections are the stores' projections (same nodes, order, edges and
 * weights under every kind of spec), and it runs a plugin's analytics as the host does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorInput, exchangeInput, tieInput } from '../../src/domain/inputs.js';
import {
  buildProjection, checkPlugin, definePlugin, runAnalytic, type GraphFixture, type Projection, type ProjectionSpec,
} from '../../src/plugin-api/index.js';
import type { Store } from '../../src/store/port.js';
import influence from '../../plugins/influence/index.js';
import { HAND } from '../plugin-host/support.js';
import { storeFactories } from '../support/stores.js';

const FIXTURE: GraphFixture = {
  actors: [
    { key: 'e:1', kind: 'EMPLOYEE' }, { key: 'e:2', kind: 'EMPLOYEE' }, { key: 't:1', kind: 'TEAM' },
    { key: 'c:1', kind: 'CUSTOMER' }, { key: 'c:2', kind: 'CUSTOMER' }, { key: 's:1', kind: 'SUPPLIER' }, { key: 'p:lonely', kind: 'PARTNER' },
  ],
  ties: [
    { from: 'e:1', to: 'e:2', type: 'WORKS_WITH', weight: 3, since: '2024-01-01T00:00:00Z' },
    { from: 'e:2', to: 'e:1', type: 'WORKS_WITH', weight: 2 },
    { from: 'e:1', to: 't:1', type: 'MEMBER_OF', weight: 1, since: '2025-06-01T00:00:00Z' },
    { from: 'c:1', to: 'e:1', type: 'KNOWS', weight: 0.5, since: '2026-02-01T00:00:00Z' },
    { from: 'e:1', to: 'c:1', type: 'KNOWS', weight: 1.5 },
    { from: 's:1', to: 'e:2', type: 'SUPPLIES', weight: 4 },
  ],
  exchanges: [
    { from: 'c:1', to: 'e:1', kind: 'MONEY', amount: 100, occurredAt: '2026-01-05T00:00:00Z' },
    { from: 'c:1', to: 'e:1', kind: 'MONEY', amount: 20, occurredAt: '2026-03-05T00:00:00Z' },
    { from: 'e:1', to: 'c:1', kind: 'SERVICE', amount: 3, occurredAt: '2026-02-05T00:00:00Z' },
    { from: 'c:2', to: 'e:2', kind: 'FEEDBACK', amount: 1, occurredAt: '2025-12-24T00:00:00Z' },
    { from: 'e:2', to: 's:1', kind: 'MONEY', amount: 70, occurredAt: '2026-02-10T00:00:00Z' },
  ],
};

const SPECS: ProjectionSpec[] = [
  {},
  { edges: 'EXCHANGES' },
  { edges: 'BOTH' },
  { edges: 'BOTH', weight: 'TIE_WEIGHT' },
  { edges: 'TIES', weight: 'COUNT', tieTypes: ['WORKS_WITH', 'KNOWS'] },
  { nodeKinds: ['EMPLOYEE', 'CUSTOMER'], edges: 'BOTH', weight: 'AMOUNT' },
  { edges: 'EXCHANGES', tangible: true, since: '2026-01-01T00:00:00Z', until: '2026-03-01T00:00:00Z' },
  { edges: 'EXCHANGES', valueKinds: ['FEEDBACK', 'SERVICE'] },
  { edges: 'TIES', since: '2025-01-01T00:00:00Z' },
];

const plain = (p: Projection) => ({
  nodeCount: p.nodeCount, edgeCount: p.edgeCount, keys: [...p.keys], kinds: [...p.kinds],
  out: [[...p.out.offsets], [...p.out.targets], [...p.out.weights]],
  in: [[...p.in.offsets], [...p.in.targets], [...p.in.weights]],
  spec: p.spec,
});

describe.each(storeFactories)('buildProjection agrees with the $name store', (factory) => {
  let store: Store;
  beforeAll(async () => {
    store = await factory.open();
    await store.upsertActors(FIXTURE.actors.map((a) => actorInput.parse({ ...(a as object), name: 'x' })));
    await store.upsertTies((FIXTURE.ties ?? []).map((t) => {
      const tie = t as { from: string; to: string; type: string; weight: number; since?: string };
      return tieInput.parse({ fromKey: tie.from, toKey: tie.to, type: tie.type, weight: tie.weight, since: tie.since });
    }));
    await store.recordExchanges((FIXTURE.exchanges ?? []).map((x) => exchangeInput.parse({
      fromKey: x.from, toKey: x.to, kind: x.kind, amount: x.amount, occurredAt: x.occurredAt,
    })));
  });
  afterAll(async () => { await store.close(); });

  it.each(SPECS.map((s) => [JSON.stringify(s), s] as const))('%s', async (_name, spec) => {
    expect(plain(buildProjection(FIXTURE, spec))).toEqual(plain(await store.projection(spec)));
  });
});

describe('runAnalytic', () => {
  const hand: GraphFixture = {
    actors: [{ key: 'a', kind: 'EMPLOYEE' }, { key: 'b', kind: 'CUSTOMER' }, { key: 'c', kind: 'PARTNER' }, { key: 'd', kind: 'SUPPLIER' }],
    ties: [['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'a']],
  };

  it.each([false, true])('computes the influence plugin\'s PageRank on a fixture (isolated: %s)', async (isolated) => {
    const { value, graph } = await runAnalytic<{ scores: Float64Array }>(influence, 'pagerank', { tolerance: 1e-12, maxIterations: 1000 }, { graph: hand, isolated });
    for (const [key, score] of Object.entries(HAND.pagerank)) expect(value.scores[graph.indexOf(key)]).toBeCloseTo(score, 10);
  });

  it('projects the fixture with the analytic\'s own spec', async () => {
    const { value, graph } = await runAnalytic<{ scores: Float64Array }>(influence, 'degree', { direction: 'in', nodeKinds: ['EMPLOYEE', 'CUSTOMER', 'PARTNER'] }, { graph: hand });
    expect([...graph.keys]).toEqual(['a', 'b', 'c']);
    expect([...value.scores]).toEqual([1, 1, 1]);
  });

  it('rejects bad params as the host would', async () => {
    await expect(runAnalytic(influence, 'pagerank', { alpha: 1 }, { graph: hand })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('checkPlugin', () => {
  it('returns the validated options', () => {
    expect(checkPlugin(influence)).toEqual({ maxTop: 1000, exactBetweennessUpTo: 2000, betweennessSample: 256 });
    expect(checkPlugin(influence, { maxTop: 5 }).maxTop).toBe(5);
  });

  it('throws the registration error codes', () => {
    expect(() => checkPlugin(definePlugin({ name: 'x', version: '1.0.0', apiVersion: '^3.0.0' }))).toThrow(expect.objectContaining({ code: 'PLUGIN_INCOMPATIBLE_API' }));
    expect(() => checkPlugin(influence, { maxTop: 0 })).toThrow(expect.objectContaining({ code: 'PLUGIN_INVALID_OPTIONS' }));
    expect(() => checkPlugin({ name: 'x' } as never)).toThrow(expect.objectContaining({ code: 'PLUGIN_INVALID' }));
  });
});
