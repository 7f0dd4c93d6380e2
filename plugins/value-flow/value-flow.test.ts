/** The value-flow analytics through the public testkit, on the hand-checked value network of test-support/fixture.ts. */
import { describe, expect, it } from 'vitest';
import { checkPlugin, runAnalytic, VALUE_KINDS } from '../../src/plugin-api/index.js';
import type { BalancesResult, BrokersResult, MatrixResult, ReciprocityResult, SeriesResult, TraceResult } from './params.js';
import silos from '../silos/index.js';
import type { SilosResult } from '../silos/params.js';
import valueFlow from './index.js';
import { A, VALUE_FIXTURE } from './test-support/fixture.js';

const K = VALUE_KINDS.length;
const run = <R>(analytic: string, params: Record<string, unknown> = {}) => runAnalytic<R>(valueFlow, analytic, params, { graph: VALUE_FIXTURE });

describe('value-flow analytics (testkit)', () => {
  it('declares its dependency on silos', () => {
    expect(() => checkPlugin(valueFlow)).toThrow(expect.objectContaining({ code: 'PLUGIN_MISSING_DEPENDENCY' }));
  });

  it('balances: per actor and kind, with totals, in a time window and by kind', async () => {
    const { value } = await run<BalancesResult>('balances');
    expect(value.exchanges).toBe(13);
    // MONEY: r0 100, r5 500, r10 80 → 3 exchanges, 680.
    expect([value.totals.count[0], value.totals.amount[0]]).toEqual([3, 680]);
    expect(value.inAmount[A.org * K + 0]).toBe(180);
    // February only, intangible only: r7 SUPPORT, r8 RECOGNITION.
    const feb = (await run<BalancesResult>('balances', { since: '2026-02-01T00:00:00Z', until: '2026-03-01T00:00:00Z', tangible: false })).value;
    expect(feb.exchanges).toBe(2);
    expect(feb.outCount[A.d * K + VALUE_KINDS.indexOf('SUPPORT')]).toBe(1);
  });

  it('reciprocity: 5 of 13 within 30 days, 6 within 40', async () => {
    const r30 = (await run<ReciprocityResult>('reciprocity')).value;
    expect([r30.exchanges, r30.reciprocated, r30.pairs.count]).toEqual([13, 5, 7]);
    expect((await run<ReciprocityResult>('reciprocity', { window: 40 })).value.reciprocated).toBe(6);
  });

  it('matrix: by side, team and community', async () => {
    const side = (await run<MatrixResult>('matrix')).value;
    expect([...side.flows.reciprocated]).toEqual([0, 2, 3]);
    expect(side.modularity).toBeNaN();
    const team = (await run<MatrixResult>('matrix', { groupBy: 'TEAM' })).value;
    expect(team.flows.cells).toBe(9);
    const community = (await run<MatrixResult>('matrix', { groupBy: 'COMMUNITY' })).value;
    expect(community.groups.count).toBeGreaterThan(1);
    expect(community.modularity).toBeGreaterThan(0);
    // The same communities as the silos plugin reports on the exchange graph.
    const fromSilos = (await runAnalytic<SilosResult>(silos, 'silos', { on: 'EXCHANGES' }, { graph: VALUE_FIXTURE })).value;
    expect([...community.groups.group]).toEqual([...fromSilos.community]);
    expect(community.modularity).toBe(fromSilos.modularity);
  });

  it('brokers: c and d relay, c ranks first (see algorithms/brokers.test.ts)', async () => {
    const { value } = await run<BrokersResult>('brokers');
    expect([...value.vitality]).toEqual([0, 0, 4, 4, 2, 0, 1]);
    expect(value.total).toBe(4);
  });

  it('series: by month, and outside → inside only', async () => {
    const { value } = await run<SeriesResult>('series');
    expect(value.starts.length).toBe(4);
    // OUTSIDE → INSIDE: r0, r2 (January), r6 (February), r9, r10, r12 (March).
    const inward = (await run<SeriesResult>('series', { fromSide: 'OUTSIDE', toSide: 'INSIDE' })).value;
    const totals = Array.from({ length: 3 }, (_x, b) => inward.count.subarray(b * K, (b + 1) * K).reduce((s, v) => s + v, 0));
    expect(totals).toEqual([2, 1, 3]);
  });

  it('trace: e\'s complaint, its response and what followed', async () => {
    const { value } = await run<TraceResult>('trace', { channel: 'email', occurredAt: '2026-01-02T09:00:00Z', emitterKey: 'e-cust' });
    expect(value.traces).toHaveLength(1);
    const [t] = value.traces;
    expect([...t.responses.responder]).toEqual([A.c]);
    expect([...t.exchanges.from]).toEqual([A.org, A.e, A.c]);
    expect((await run<TraceResult>('trace', { channel: 'fax', occurredAt: '2026-01-02T09:00:00Z' })).value.traces).toEqual([]);
  });

  it('rejects bad params', async () => {
    await expect(run('reciprocity', { window: -1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(run('matrix', { groupBy: 'ROLE' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(run('trace', { occurredAt: '2026-01-02T09:00:00Z' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
