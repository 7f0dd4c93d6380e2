import { describe, expect, it } from 'vitest';
import { DAY, facts, WINDOW } from '../test-support/fixture.js';
import { firstChanges, insightToChange } from './insight-to-change.js';

const f = facts();
const at = (mmdd: string) => Date.parse(`2026-${mmdd}T00:00:00Z`);

describe('lead time insight → change', () => {
  it('firstChanges: the earliest change of each insight', () => {
    // i0 04-25; i1 05-15 (and 05-20); i2 05-30; i3 05-04; i4 none.
    expect([...firstChanges(f)]).toEqual([at('04-25'), at('05-15'), at('05-30'), at('05-04'), NaN]);
  });

  it('insights created in [05-01, 05-31) (fixture)', () => {
    // Cohort i1, i2, i3, i4 = 4; implemented i1, i2, i3 = 3 → 0.75.
    // i1 05-15 − 05-05 = 10 d; i2 05-30 − 05-08 = 22 d; i3's change (05-04) predates it (05-12): backdated, left out.
    // [10, 22]: P50 = x(1) = 10; P90 = x(⌈1.8⌉) = 22; mean 16.
    const r = insightToChange(f, WINDOW);
    expect({ ...r, p50: r.p50 / DAY, p90: r.p90 / DAY, mean: r.mean / DAY }).toEqual({
      insights: 4, implemented: 3, implementedShare: 0.75, backdated: 1, count: 2, p50: 10, p90: 22, mean: 16,
    });
  });

  it('an empty cohort', () => {
    const r = insightToChange(f, { previousSince: 0, since: 0, until: at('01-01') });
    expect(r).toEqual({ insights: 0, implemented: 0, implementedShare: NaN, backdated: 0, count: 0, p50: NaN, p90: NaN, mean: NaN });
  });
});
