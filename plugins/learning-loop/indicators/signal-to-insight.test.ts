import { describe, expect, it } from 'vitest';
import { DAY, facts, WINDOW } from '../test-support/fixture.js';
import { signalToInsight } from './signal-to-insight.js';

describe('lead time signal → insight (from the earliest signal)', () => {
  it('insights created in [05-01, 05-31) (fixture)', () => {
    // i1 05-05 − s3 04-12 = 23 d; i2 05-08 − s5 05-02 = 6 d; i3 05-12 − s8 05-06 = 6 d; i4 05-25 − s9 05-10 = 15 d.
    // Sorted [6, 6, 15, 23]: P50 = x(2) = 6; P90 = x(⌈3.6⌉) = 23; mean = 50 / 4 = 12.5. (i0, 04-15, is before the window.)
    const r = signalToInsight(facts(), WINDOW);
    expect({ ...r, p50: r.p50 / DAY, p90: r.p90 / DAY, mean: r.mean / DAY }).toEqual({ insights: 4, count: 4, p50: 6, p90: 23, mean: 12.5 });
  });

  it('the previous window: i0 alone, 04-15 − 04-05 = 10 d', () => {
    const r = signalToInsight(facts(), { previousSince: WINDOW.previousSince, since: WINDOW.previousSince, until: WINDOW.since });
    expect([r.insights, r.count, r.p50 / DAY, r.p90 / DAY]).toEqual([1, 1, 10, 10]);
  });
});
