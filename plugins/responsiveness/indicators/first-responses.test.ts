import { describe, expect, it } from 'vitest';
import { A, facts, HOUR } from '../test-support/fixture.js';
import { firstResponses } from './first-responses.js';

describe('firstResponses', () => {
  it('the earliest response of each signal and its responder (fixture)', () => {
    const f = facts();
    const { at, responder } = firstResponses(f);
    const delay = [...at].map((t, s) => (t - f.signals.occurredAt[s]) / HOUR);
    // s0: ann +2 h (before bob +5 h); s1: bob +30 h; s4: lea +80 h; s5: ann +10 h (before rex +12 h); s2, s3, s6: none.
    expect(delay).toEqual([2, 30, NaN, NaN, 80, 10, NaN]);
    expect([...responder]).toEqual([A.ann, A.bob, -1, -1, A.lea, A.ann, -1]);
  });

  it('checks its input', () => {
    expect(() => firstResponses({} as never)).toThrow('osmosis/responsiveness/first-responses: facts must be the Facts');
  });
});
