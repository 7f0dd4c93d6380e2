import { describe, expect, it } from 'vitest';
import { facts } from '../test-support/fixture.js';
import { keptSignals } from './signal-filter.js';

const f = facts();

describe('keptSignals', () => {
  it('side, kinds, channels (fixture)', () => {
    // Only s8 comes from emp (INSIDE); s5, s6, s7 are COMPLAINTs; s8 is on intranet, the rest on email.
    expect([...keptSignals(f)]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect([...keptSignals(f, { side: 'INSIDE' })]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect([...keptSignals(f, { kinds: ['COMPLAINT'] })]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
    expect([...keptSignals(f, { channels: [' INTRANET'] })]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect([...keptSignals(f, { channels: ['fax'] })].every((x) => x === 0)).toBe(true);
    expect([...keptSignals(f, { channels: [], kinds: [] })].every((x) => x === 1)).toBe(true); // empty: no filter
  });

  it('checks its input', () => {
    expect(() => keptSignals(f, { side: 'UP' as never })).toThrow('osmosis/learning-loop/signal-filter: side must be one of INSIDE, OUTSIDE');
  });
});
