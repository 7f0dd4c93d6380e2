import { describe, expect, it } from 'vitest';
import { facts, WINDOW } from '../test-support/fixture.js';
import { keptSignals } from './signal-filter.js';
import { topicTrends } from './trending-topics.js';

const f = facts();

describe('trending topics', () => {
  it('window [05-01, 05-31) against [04-01, 05-01) (fixture)', () => {
    expect(f.topics).toEqual(['app', 'billing', 'delivery']);
    // Now:    app {s7 −0.7, s8 0.2} = 2, mean −0.25; billing {s9 0.4} = 1, mean 0.4; delivery {s5 −0.6, s6 −0.8, s7 −0.7} = 3, mean −0.7.
    // Before: app 0; billing {s3 0.5, s4 unknown} = 2, mean 0.5 (known only); delivery {s1 −0.2, s2 −0.4} = 2, mean −0.3 (s0 is older).
    // Growth: app new (NaN); billing (1 − 2)/2 = −0.5; delivery (3 − 2)/2 = 0.5.
    // Sentiment change: app NaN; billing 0.4 − 0.5 = −0.1; delivery −0.7 − (−0.3) = −0.4.
    // Insights now: i1, i4 billing; i2 delivery; i3 app. Before: i0 delivery.
    const t = topicTrends(f, keptSignals(f), WINDOW);
    expect([...t.current]).toEqual([2, 1, 3]);
    expect([...t.previous]).toEqual([0, 2, 2]);
    expect([...t.growth]).toEqual([NaN, -0.5, 0.5]);
    expect(t.sentiment[0]).toBeCloseTo(-0.25, 12);
    expect(t.sentiment[1]).toBeCloseTo(0.4, 12);
    expect(t.sentiment[2]).toBeCloseTo(-0.7, 12);
    expect(t.previousSentiment[0]).toBeNaN();
    expect(t.previousSentiment[1]).toBeCloseTo(0.5, 12);
    expect(t.previousSentiment[2]).toBeCloseTo(-0.3, 12);
    expect(t.sentimentChange[0]).toBeNaN();
    expect(t.sentimentChange[1]).toBeCloseTo(-0.1, 12);
    expect(t.sentimentChange[2]).toBeCloseTo(-0.4, 12);
    expect([...t.insights]).toEqual([1, 2, 1]);
    expect([...t.previousInsights]).toEqual([0, 0, 1]);
  });

  it('the filter applies to signals, not to insights', () => {
    // OUTSIDE drops s8 (app 0.2): app now {s7} = 1, mean −0.7.
    const t = topicTrends(f, keptSignals(f, { side: 'OUTSIDE' }), WINDOW);
    expect([...t.current]).toEqual([1, 1, 3]);
    expect(t.sentiment[0]).toBeCloseTo(-0.7, 12);
    expect([...t.insights]).toEqual([1, 2, 1]);
  });
});
