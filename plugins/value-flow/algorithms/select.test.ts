import { describe, expect, it } from 'vitest';
import { buildFixtureFacts } from '../../../src/plugin-api/index.js';
import { VALUE_FIXTURE } from '../test-support/fixture.js';
import { selectExchanges } from './select.js';

const x = buildFixtureFacts(VALUE_FIXTURE).exchanges;

describe('selectExchanges', () => {
  it('keeps every row by default, in time order', () => {
    expect([...selectExchanges(x)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('applies the window [since, until) and the kinds', () => {
    // February: r5 .. r8. MONEY (code 0): r0, r5, r10. Both: r5.
    expect([...selectExchanges(x, { since: Date.parse('2026-02-01T00:00:00Z'), until: Date.parse('2026-03-01T00:00:00Z'), kinds: null })]).toEqual([5, 6, 7, 8]);
    expect([...selectExchanges(x, { since: -Infinity, until: Infinity, kinds: [0] })]).toEqual([0, 5, 10]);
    expect([...selectExchanges(x, { since: Date.parse('2026-02-01T00:00:00Z'), until: Date.parse('2026-03-01T00:00:00Z'), kinds: [0] })]).toEqual([5]);
  });

  it('rejects unknown kind codes', () => {
    expect(() => selectExchanges(x, { since: -Infinity, until: Infinity, kinds: [9] })).toThrow('osmosis/value-flow/select: unknown value kind code 9');
  });
});
