/**
 * `analytics { learningLoop }` and `analytics { run(plugin: "learning-loop") }` over GraphQL, on the
 * real app with the embedded store, holding the hand-worked fixture (test-support/fixture.ts,
 * written as an import, with the process "Delivery scheduling" no change modifies). "Now" is the
 * real clock: the window is always given, and ages are read from the report's readAt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Osmosis } from '../../src/main.js';
import { gql, ok } from '../../test/support/graphql-client.js';
import learningLoop from './index.js';
import { closeApp, pluginApp, seedFixture } from '../../test/support/plugin-app.js';
import { FIXTURE, UNCHANGED } from './test-support/fixture.js';

const WINDOW = 'since: "2026-05-01T00:00:00Z", until: "2026-05-31T00:00:00Z"';

describe('learning loop over GraphQL (embedded)', () => {
  let app: Osmosis;
  beforeAll(async () => {
    app = await pluginApp([learningLoop]);
    await seedFixture(app.store, FIXTURE, UNCHANGED);
  });
  afterAll(() => closeApp(app));

  it('the report of a window', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { learningLoop(${WINDOW}) {
      readAt previousSince since until
      coverage { signals linked share }
      insights { created implemented implementedShare backdated
        signalToInsight { count p50Days p90Days meanDays } insightToChange { count p50Days p90Days meanDays } }
      processes { count changed share neverChanged
        rows { name changes changesTotal lastChangedAt insights { position createdAt firstChangeAt signals topics } }
        unchanged: rows(changed: false) { name } }
      unimplementedCount
      unimplementedInsights { position createdAt ageDays signals topics firstChangeAt }
    } } }`);
    const r = data.analytics.learningLoop;
    expect(r).toMatchObject({
      previousSince: '2026-04-01T00:00:00.000Z', since: '2026-05-01T00:00:00.000Z', until: '2026-05-31T00:00:00.000Z',
      // s5 … s10 in the window; s10 in no insight.
      coverage: { signals: 6, linked: 5, share: 5 / 6 },
      insights: {
        // Created in the window: i1, i2, i3, i4; i3's change predates it; i4 has none.
        created: 4, implemented: 3, implementedShare: 0.75, backdated: 1,
        // [6, 6, 15, 23] days and [10, 22] days, nearest rank.
        signalToInsight: { count: 4, p50Days: 6, p90Days: 23, meanDays: 12.5 },
        insightToChange: { count: 2, p50Days: 10, p90Days: 22, meanDays: 16 },
      },
      unimplementedCount: 1,
    });
    expect(r.processes).toEqual({
      count: 4, changed: 3, share: 0.75, neverChanged: ['Delivery scheduling'],
      rows: [
        { name: 'App release', changes: 1, changesTotal: 1, lastChangedAt: '2026-05-04T00:00:00.000Z',
          insights: [{ position: 3, createdAt: '2026-05-12T00:00:00.000Z', firstChangeAt: '2026-05-04T00:00:00.000Z', signals: 1, topics: ['app'] }] },
        { name: 'Courier contracts', changes: 1, changesTotal: 2, lastChangedAt: '2026-05-30T00:00:00.000Z',
          insights: [{ position: 2, createdAt: '2026-05-08T00:00:00.000Z', firstChangeAt: '2026-05-30T00:00:00.000Z', signals: 3, topics: ['delivery'] }] },
        { name: 'Delivery scheduling', changes: 0, changesTotal: 0, lastChangedAt: null, insights: [] },
        { name: 'Invoicing', changes: 2, changesTotal: 2, lastChangedAt: '2026-05-20T00:00:00.000Z',
          insights: [{ position: 1, createdAt: '2026-05-05T00:00:00.000Z', firstChangeAt: '2026-05-15T00:00:00.000Z', signals: 2, topics: ['billing'] }] },
      ],
      unchanged: [{ name: 'Delivery scheduling' }],
    });
    expect(r.unimplementedInsights).toEqual([{
      position: 4, createdAt: '2026-05-25T00:00:00.000Z', signals: 1, topics: ['billing'], firstChangeAt: null,
      ageDays: (Date.parse(r.readAt) - Date.parse('2026-05-25T00:00:00Z')) / 86_400_000,
    }]);
  });

  it('trending topics, ordered and cut', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { learningLoop(${WINDOW}) {
      growth: topics(minSignals: 0) { name signals previousSignals growth meanSentiment previousMeanSentiment sentimentChange insights previousInsights }
      drop: topics(orderBy: SENTIMENT_DROP, top: 1, minSignals: 3) { name sentimentChange }
    } } }`);
    const { growth, drop } = data.analytics.learningLoop;
    expect(growth.map((t: any) => [t.name, t.signals, t.previousSignals, t.growth, t.insights, t.previousInsights])).toEqual([
      ['app', 2, 0, null, 1, 0], ['delivery', 3, 2, 0.5, 1, 1], ['billing', 1, 2, -0.5, 2, 0],
    ]);
    expect(growth[1].meanSentiment).toBeCloseTo(-0.7, 12);
    expect(growth[1].previousMeanSentiment).toBeCloseTo(-0.3, 12);
    expect(drop).toEqual([{ name: 'delivery', sentimentChange: expect.closeTo(-0.4, 12) }]);
  });

  it('filters signals', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics {
      out: learningLoop(${WINDOW}, side: OUTSIDE) { coverage { signals linked share } topics(minSignals: 0, orderBy: VOLUME) { name signals } }
      idea: learningLoop(${WINDOW}, kinds: [IDEA], channels: ["Intranet"]) { coverage { signals linked } }
      fax: learningLoop(${WINDOW}, channels: ["fax"]) { coverage { signals share } }
    } }`);
    expect(data.analytics.out.coverage).toEqual({ signals: 5, linked: 4, share: 0.8 });
    expect(data.analytics.out.topics).toEqual([{ name: 'delivery', signals: 3 }, { name: 'app', signals: 1 }, { name: 'billing', signals: 1 }]);
    expect(data.analytics.idea.coverage).toEqual({ signals: 1, linked: 1 }); // s8
    expect(data.analytics.fax.coverage).toEqual({ signals: 0, share: null });
  });

  it('serves the same report generically through analytics.run', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { run(plugin: "learning-loop", analytic: "report", params: { since: "2026-05-01T00:00:00Z", until: "2026-05-31T00:00:00Z" }) { result } } }`);
    const { result } = data.analytics.run;
    expect(result.coverage).toEqual({ signals: 6, linked: 5, share: 5 / 6 });
    expect(result.processes.neverChanged).toEqual(['Delivery scheduling']);
    expect(result.insights.insightToChange).toEqual({ count: 2, p50Days: 10, p90Days: 22, meanDays: 16 });
  });

  it('rejects bad arguments, naming them', async () => {
    const order = await gql(app.yoga, '{ analytics { learningLoop(since: "2026-05-05T00:00:00Z", until: "2026-05-01T00:00:00Z") { since } } }');
    expect(order.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
    // No until: the window ends now, so a since in the future is refused (with an until it is a window like any).
    const future = await gql(app.yoga, '{ analytics { learningLoop(since: "9000-01-01T00:00:00Z") { since } } }');
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    const ahead = await gql(app.yoga, '{ analytics { learningLoop(since: "9000-01-01T00:00:00Z", until: "9000-02-01T00:00:00Z") { since } } }');
    expect(ahead.errors).toBeUndefined();
    const days = await gql(app.yoga, '{ analytics { learningLoop(windowDays: 0) { since } } }');
    expect(days.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windowDays' });
    const top = await gql(app.yoga, `{ analytics { learningLoop(${WINDOW}) { topics(top: 5000) { name } } } }`);
    expect(top.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'top' });
    const first = await gql(app.yoga, `{ analytics { learningLoop(${WINDOW}) { unimplementedInsights(first: -1) { position } } } }`);
    expect(first.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const params = await gql(app.yoga, '{ analytics { run(plugin: "learning-loop", analytic: "report", params: { windowDays: -3 }) { result } } }');
    expect(params.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'params.windowDays' });
  });
});
