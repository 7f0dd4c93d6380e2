/** The value-flow plugin over GraphQL on the real app (embedded store), on the hand-checked value network of test-support/fixture.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Osmosis } from '../../src/main.js';
import { gql, ok } from '../../test/support/graphql-client.js';
import silos from '../silos/index.js';
import { closeApp, pluginApp, seedFixture } from '../../test/support/plugin-app.js';
import valueFlow from './index.js';
import { VALUE_FIXTURE } from './test-support/fixture.js';

describe('value-flow over GraphQL (embedded)', () => {
  let app: Osmosis;
  beforeAll(async () => {
    app = await pluginApp([silos, valueFlow]);
    await seedFixture(app.store, VALUE_FIXTURE);
  });
  afterAll(() => closeApp(app));

  it('loads after silos, its dependency', async () => {
    const data = await ok<any, any>(app.yoga, '{ plugins { name status analytics } }');
    expect(data.plugins).toEqual([
      { name: 'silos', status: 'ACTIVE', analytics: ['silos'] },
      { name: 'value-flow', status: 'ACTIVE', analytics: ['balances', 'reciprocity', 'matrix', 'brokers', 'series', 'trace'] },
    ]);
  });

  it('reports totals and actor balances, tangible against intangible', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { valueFlow {
      exchanges tangibleCount intangibleCount totals { kind tangible count amount }
      actors(top: 3) { rank actor { key } exchanges tangible { inCount outCount inflow outflow net } intangible { inCount outCount netCount } }
      takers: actors(top: 1, orderBy: NET, kinds: [ORGANIZATION, SUPPLIER]) { actor { key } total { net } }
    } } }`);
    const r = data.analytics.valueFlow;
    // Tangible: r0, r1, r5, r6, r10 (MONEY, GOODS) = 5; intangible 8.
    expect([r.exchanges, r.tangibleCount, r.intangibleCount]).toEqual([13, 5, 8]);
    expect(r.totals[0]).toEqual({ kind: 'MONEY', tangible: true, count: 3, amount: 680 });
    // Most exchanges, 5 each, ties in key order: org (r0, r1, r5, r6, r10), d (r4, r7, r8, r11, r12), e (r0, r1, r2, r3, r10).
    expect(r.actors.map((a: any) => [a.rank, a.actor.key, a.exchanges])).toEqual([[1, 'a-org', 5], [2, 'd-emp', 5], [3, 'e-cust', 5]]);
    // e: tangible in r1 GOODS 2, out r0 100 + r10 80; intangible in r3, out r2.
    expect(r.actors[2].tangible).toEqual({ inCount: 1, outCount: 2, inflow: 2, outflow: 180, net: -178 });
    expect(r.actors[2].intangible).toEqual({ inCount: 1, outCount: 1, netCount: 0 });
    // g: in 500 + 1, out 50 + 1 → net 450; org: in 180 + 50, out 2 + 500 → −272.
    expect(r.takers).toEqual([{ actor: { key: 'g-supp' }, total: { net: 450 } }]);
  });

  it('reports reciprocity overall, per pair, per group and per actor', async () => {
    const data = await ok<any, any>(app.yoga, `{
      analytics { valueFlow {
        reciprocity(window: 30) {
          window exchanges reciprocated share
          pairs(top: 2) { a { key } b { key } aToB bToA aToBReciprocated bToAReciprocated share }
          groups(groupBy: SIDE) { from { key side } to { key } count reciprocated reciprocity }
        }
      } }
      actor(key: "e-cust") { valueFlow { reciprocity { given givenReciprocated givenShare received receivedAnswered receivedShare } } }
    }`);
    const r = data.analytics.valueFlow.reciprocity;
    expect(r).toMatchObject({ window: 30, exchanges: 13, reciprocated: 5 });
    expect(r.share).toBeCloseTo(5 / 13, 12);
    expect(r.pairs[0]).toEqual({ a: { key: 'a-org' }, b: { key: 'e-cust' }, aToB: 1, bToA: 2, aToBReciprocated: 0, bToAReciprocated: 1, share: 1 / 3 });
    expect(r.groups).toEqual([
      { from: { key: 'INSIDE', side: 'INSIDE' }, to: { key: 'INSIDE' }, count: 2, reciprocated: 0, reciprocity: 0 },
      { from: { key: 'INSIDE', side: 'INSIDE' }, to: { key: 'OUTSIDE' }, count: 5, reciprocated: 2, reciprocity: 0.4 },
      { from: { key: 'OUTSIDE', side: 'OUTSIDE' }, to: { key: 'INSIDE' }, count: 6, reciprocated: 3, reciprocity: 0.5 },
    ]);
    expect(data.actor.valueFlow.reciprocity).toEqual({ given: 3, givenReciprocated: 2, givenShare: 2 / 3, received: 2, receivedAnswered: 0, receivedShare: 0 });
  });

  it('reports the flow matrix by team with the team actors', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { valueFlow { matrix(groupBy: TEAM) {
      groupBy groups { id key side kind team { key } }
      cells(top: 2) { from { key } to { key } count byKind { kind count amount } }
    } } } }`);
    const m = data.analytics.valueFlow.matrix;
    expect(m.groups).toEqual([
      { id: 0, key: 'b-team', side: 'INSIDE', kind: null, team: { key: 'b-team' } },
      { id: 1, key: 'INSIDE', side: 'INSIDE', kind: null, team: null },
      { id: 2, key: 'CUSTOMER', side: 'OUTSIDE', kind: 'CUSTOMER', team: null },
      { id: 3, key: 'PARTNER', side: 'OUTSIDE', kind: 'PARTNER', team: null },
      { id: 4, key: 'SUPPLIER', side: 'OUTSIDE', kind: 'SUPPLIER', team: null },
    ]);
    // Busiest cells (2 exchanges each, in from/to order): b-team → b-team, b-team → CUSTOMER.
    expect(m.cells.map((c: any) => [c.from.key, c.to.key, c.count])).toEqual([['b-team', 'b-team', 2], ['b-team', 'CUSTOMER', 2]]);
    expect(m.cells[1].byKind).toEqual([{ kind: 'SUPPORT', count: 2, amount: 3 }]);
  });

  it('computes a cell\'s reciprocity when the query selects it, fragments included', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { valueFlow {
      a: matrix(groupBy: SIDE) { cells { ...R } }
      b: matrix(groupBy: SIDE) { cells { count } }
    } } }
    fragment R on ValueFlowCell { reciprocated reciprocity }`);
    expect(data.analytics.valueFlow.a.cells).toEqual([{ reciprocated: 0, reciprocity: 0 }, { reciprocated: 2, reciprocity: 0.4 }, { reciprocated: 3, reciprocity: 0.5 }]);
    expect(data.analytics.valueFlow.b.cells).toEqual([{ count: 2 }, { count: 5 }, { count: 6 }]);
  });

  it('ranks value brokers by vitality', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { valueFlow { brokerage { total brokers(top: 3) { rank actor { key } vitality relay insideToOutside outsideToInside } } } } }`);
    expect(data.analytics.valueFlow.brokerage).toEqual({
      total: 4,
      brokers: [
        { rank: 1, actor: { key: 'c-emp' }, vitality: 4, relay: 2, insideToOutside: 1, outsideToInside: 1 },
        { rank: 2, actor: { key: 'd-emp' }, vitality: 4, relay: 2, insideToOutside: 1, outsideToInside: 1 },
        { rank: 3, actor: { key: 'e-cust' }, vitality: 2, relay: 0, insideToOutside: 0, outsideToInside: 0 },
      ],
    });
  });

  it('gives time series and takes the window', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics {
      all: valueFlow { series(period: MONTH) { start end count tangibleCount intangibleCount } }
      feb: valueFlow(since: "2026-02-01T00:00:00Z", until: "2026-03-01T00:00:00Z") { exchanges series(period: WEEK) { start count byKind { kind count } } }
    } }`);
    expect(data.analytics.all.series).toEqual([
      { start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z', count: 5, tangibleCount: 2, intangibleCount: 3 },
      { start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z', count: 4, tangibleCount: 2, intangibleCount: 2 },
      { start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z', count: 4, tangibleCount: 1, intangibleCount: 3 },
    ]);
    // February 2026 starts on a Sunday: weeks from Monday 01-26 to the one of 02-28 (Monday 02-23).
    const feb = data.analytics.feb;
    expect(feb.exchanges).toBe(4);
    expect(feb.series.map((w: any) => [w.start.slice(0, 10), w.count])).toEqual([['2026-01-26', 1], ['2026-02-02', 1], ['2026-02-09', 1], ['2026-02-16', 1], ['2026-02-23', 0]]);
  });

  it('traces a signal to its responses and the value that followed', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { valueFlow { trace(channel: "email", occurredAt: "2026-01-02T09:00:00Z", emitterKey: "e-cust") {
      channel kind status emitter { key }
      responses { responder { key } hours }
      exchanges { from { key } to { key } kind amount days via }
      value { kind count amount }
    } } } }`);
    const [t] = data.analytics.valueFlow.trace;
    expect(t).toMatchObject({ channel: 'email', kind: 'COMPLAINT', status: 'ANSWERED', emitter: { key: 'e-cust' }, responses: [{ responder: { key: 'c-emp' }, hours: 3 }] });
    expect(t.exchanges.map((x: any) => [x.from.key, x.to.key, x.kind, x.via])).toEqual([
      ['a-org', 'e-cust', 'GOODS', 'ORGANIZATION'], ['e-cust', 'c-emp', 'FEEDBACK', 'RESPONDER'], ['c-emp', 'e-cust', 'SUPPORT', 'RESPONDER'],
    ]);
    expect(t.exchanges[0].days).toBeCloseTo(0.625, 12); // 01-03 00:00 is 15 hours after 01-02 09:00
    expect(t.value).toEqual([{ kind: 'GOODS', count: 1, amount: 2 }, { kind: 'FEEDBACK', count: 1, amount: 1 }, { kind: 'SUPPORT', count: 1, amount: 2 }]);
    const both = await ok<any, any>(app.yoga, '{ analytics { valueFlow { trace(channel: "email", occurredAt: "2026-01-02T09:00:00Z") { kind emitter { key } } } } }');
    expect(both.analytics.valueFlow.trace).toEqual([{ kind: 'COMPLAINT', emitter: { key: 'e-cust' } }, { kind: 'IDEA', emitter: null }]);
  });

  it('serves results generically through analytics.run', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics {
      b: run(plugin: "value-flow", analytic: "brokers") { result }
      m: run(plugin: "value-flow", analytic: "matrix", params: { groupBy: "SIDE" }) { result }
    } }`);
    expect(data.analytics.b.result.brokers[0]).toMatchObject({ actor: 'c-emp', vitality: 4, relay: 2 });
    expect(data.analytics.m.result.cells[2]).toEqual({ from: 'OUTSIDE', to: 'INSIDE', byKind: { MONEY: { count: 2, amount: 180 }, GOODS: { count: 1, amount: 50 }, FEEDBACK: { count: 2, amount: 2 }, KNOWLEDGE: { count: 1, amount: 1 } }, reciprocated: 3 });
  });

  it('rejects bad arguments naming them', async () => {
    const cases: [string, string][] = [
      ['{ analytics { valueFlow(since: "2026-03-01T00:00:00Z", until: "2026-02-01T00:00:00Z") { exchanges } } }', 'until'],
      ['{ analytics { valueFlow(valueKinds: [MONEY], tangible: false) { exchanges } } }', 'tangible'],
      ['{ analytics { valueFlow { reciprocity(window: -1) { share } } } }', 'window'],
      ['{ analytics { valueFlow { matrix(groupBy: COMMUNITY, resolution: 0) { groupBy } } } }', 'resolution'],
      ['{ analytics { valueFlow { actors(top: 100000) { rank } } } }', 'top'],
      ['{ analytics { valueFlow { trace(channel: " ", occurredAt: "2026-01-02T09:00:00Z") { kind } } } }', 'channel'],
      ['{ analytics { valueFlow { trace(channel: "email", occurredAt: "2026-01-02T09:00:00Z", days: 5000) { kind } } } }', 'days'],
      // 2.9 million days: more buckets than a series takes, known from the window before running.
      ['{ analytics { valueFlow(since: "1970-01-01T00:00:00Z", until: "9999-01-01T00:00:00Z") { series(period: DAY) { count } } } }', 'period'],
    ];
    for (const [query, field] of cases) {
      const r = await gql(app.yoga, query);
      expect(r.errors?.[0].extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
