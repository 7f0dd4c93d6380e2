/**
 * The learning-loop plugin's analytic through the public testkit, on the hand-worked fixture
 * (test-support/fixture.ts: readAt 2026-06-01, window [05-01, 05-31), previous [04-01, 05-01)),
 * and its speed on 200,000 signals.
 */
import { describe, expect, it } from 'vitest';
import { buildProjection, checkPlugin, runAnalytic } from '../../src/plugin-api/index.js';
import learningLoop from './index.js';
import { reportToJson, type LearningLoopResult } from './params.js';
import { topTopics } from './schema.js';
import { facts, FIXTURE } from './test-support/fixture.js';
import { largeFacts } from './test-support/large.js';

const WINDOW = { since: '2026-05-01T00:00:00Z', until: '2026-05-31T00:00:00Z' };
const report = async (params: Record<string, unknown>, isolated = false) => {
  const { value } = await runAnalytic<LearningLoopResult>(learningLoop, 'report', params, { graph: FIXTURE, facts: facts(), isolated });
  return reportToJson(value) as any;
};

describe('learning-loop/report (testkit)', () => {
  it('registers cleanly', () => {
    expect(checkPlugin(learningLoop)).toEqual({});
  });

  it('the whole report, hand-worked (see the indicators\' tests for the arithmetic)', async () => {
    const r = await report(WINDOW, true);
    expect(r).toMatchObject({
      readAt: '2026-06-01T00:00:00.000Z', previousSince: '2026-04-01T00:00:00.000Z', since: '2026-05-01T00:00:00.000Z', until: '2026-05-31T00:00:00.000Z',
      coverage: { signals: 6, linked: 5, share: 5 / 6 },
      insights: {
        created: 4, implemented: 3, implementedShare: 0.75, backdated: 1,
        signalToInsight: { count: 4, p50Days: 6, p90Days: 23, meanDays: 12.5 },
        insightToChange: { count: 2, p50Days: 10, p90Days: 22, meanDays: 16 },
      },
      processes: { count: 4, changed: 3, share: 0.75, neverChanged: ['Delivery scheduling'] },
    });
    // Insights are named by position (rank by createdAt); i4 (05-25, from s9, billing) is 7 days old at 06-01.
    expect(r.unimplementedInsights).toEqual([{ position: 4, createdAt: '2026-05-25T00:00:00.000Z', ageDays: 7, signals: 1, topics: ['billing'], firstChangeAt: null }]);
    expect(r.processes.rows.map((p: any) => [p.name, p.changes, p.changesTotal, p.lastChangedAt, p.insights.map((i: any) => i.position)])).toEqual([
      ['App release', 1, 1, '2026-05-04T00:00:00.000Z', [3]],
      ['Courier contracts', 1, 2, '2026-05-30T00:00:00.000Z', [2]],
      ['Delivery scheduling', 0, 0, null, []],
      ['Invoicing', 2, 2, '2026-05-20T00:00:00.000Z', [1]],
    ]);
    // i1 (Invoicing): created 05-05, first change 05-15.
    expect(r.processes.rows[3].insights[0]).toMatchObject({ createdAt: '2026-05-05T00:00:00.000Z', firstChangeAt: '2026-05-15T00:00:00.000Z', signals: 2 });
    // Topics by signals in the window: delivery 3, app 2, billing 1.
    expect(r.topics.map((t: any) => [t.name, t.signals, t.previousSignals, t.growth, t.insights, t.previousInsights])).toEqual([
      ['delivery', 3, 2, 0.5, 1, 1], ['app', 2, 0, null, 1, 0], ['billing', 1, 2, -0.5, 2, 0],
    ]);
    expect(r.topics[0].sentimentChange).toBeCloseTo(-0.4, 12);
    expect(r.topics[1]).toMatchObject({ meanSentiment: expect.closeTo(-0.25, 12), previousMeanSentiment: null, sentimentChange: null });
  });

  it('orders trending topics', async () => {
    const { topics } = await report(WINDOW);
    const names = (order: 'GROWTH' | 'DECLINE' | 'VOLUME' | 'SENTIMENT_DROP', top = 3, min = 0) => topTopics(topics, order, top, min).map((t) => t.name);
    expect(names('GROWTH')).toEqual(['app', 'delivery', 'billing']); // app is new: infinite growth
    expect(names('DECLINE')).toEqual(['billing', 'delivery', 'app']);
    expect(names('SENTIMENT_DROP')).toEqual(['delivery', 'billing', 'app']); // −0.4, −0.1, unknown
    expect(names('VOLUME', 1)).toEqual(['delivery']);
    expect(names('GROWTH', 3, 3)).toEqual(['delivery', 'billing']); // app has 2 signals in all
  });

  it('default window: the 90 days before readAt; filters', async () => {
    // [2026-03-03, 2026-06-01): every signal but s0 (03-01) → 10, linked all but s10 → 9.
    const r = await report({});
    expect([r.since, r.until]).toEqual(['2026-03-03T00:00:00.000Z', '2026-06-01T00:00:00.000Z']);
    expect(r.coverage).toEqual({ signals: 10, linked: 9, share: 0.9 });
    expect((await report({ windowDays: 30, until: '2026-05-31T00:00:00Z' })).coverage.signals).toBe(6);
    expect((await report({ ...WINDOW, side: 'OUTSIDE' })).coverage).toEqual({ signals: 5, linked: 4, share: 0.8 });
    expect((await report({ ...WINDOW, channels: ['fax'] })).coverage).toEqual({ signals: 0, linked: 0, share: null });
  });

  it('rejects bad params, naming the field', async () => {
    await expect(report({ since: '2026-05-05T00:00:00Z', until: '2026-05-01T00:00:00Z' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('params.until') });
    await expect(report({ until: 'soon' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('params.until') });
    await expect(report({ windowDays: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('params.windowDays') });
  });
});

describe('learning-loop/report: at scale', () => {
  it('200,000 signals, 2,000 insights (times printed; npm run bench measures)', async () => {
    const large = largeFacts(200_000);
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const { value, computeMs } = await runAnalytic<LearningLoopResult>(learningLoop, 'report', { windowDays: 120 }, { graph: buildProjection({ actors: [] }), facts: large });
      times.push(computeMs);
      expect(value.coverage.signals).toBeGreaterThan(50_000);
      expect(value.processes.count).toBe(60);
    }
    console.log(`learning-loop/report on 200,000 signals, ${large.insights.count} insights, ${large.changes.count} changes: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  });
});
