import { describe, expect, it } from 'vitest';
import { facts, WINDOW } from '../test-support/fixture.js';
import { coverage } from './coverage.js';
import { keptSignals } from './signal-filter.js';

const f = facts();

describe('coverage of signals by insights', () => {
  it('the window [05-01, 05-31) (fixture)', () => {
    // Signals of the window: s5 … s10 = 6. Linked: s5, s6, s7 (i2), s8 (i3), s9 (i4) = 5; s10 is in no insight → 5/6.
    expect(coverage(f, keptSignals(f), WINDOW)).toEqual({ signals: 6, linked: 5, share: 5 / 6 });
  });

  it('with a filter, and an empty window', () => {
    // OUTSIDE leaves s8 out: 5 signals, 4 linked → 0.8.
    expect(coverage(f, keptSignals(f, { side: 'OUTSIDE' }), WINDOW)).toEqual({ signals: 5, linked: 4, share: 0.8 });
    // The previous window [04-01, 05-01): s1 … s4, all linked (i0, i1) → 4/4.
    const previous = { previousSince: WINDOW.previousSince, since: WINDOW.previousSince, until: WINDOW.since };
    expect(coverage(f, keptSignals(f), previous)).toEqual({ signals: 4, linked: 4, share: 1 });
    const empty = { previousSince: WINDOW.since, since: WINDOW.since, until: WINDOW.since };
    expect(coverage(f, keptSignals(f), empty)).toEqual({ signals: 0, linked: 0, share: NaN });
  });

  it('checks its input', () => {
    expect(() => coverage(f, new Uint8Array(2), WINDOW)).toThrow('osmosis/learning-loop/coverage: kept must be a Uint8Array with one flag per signal');
    expect(() => coverage(f, keptSignals(f), { previousSince: 2, since: 1, until: 3 })).toThrow('window must have previousSince <= since <= until');
  });
});
