import { describe, expect, it } from 'vitest';
import { facts, HOUR } from '../test-support/fixture.js';
import { firstResponses } from './first-responses.js';
import { responseTime } from './response-time.js';
import { groupSignals } from './scope.js';
import { signalTeams } from './signal-teams.js';

const f = facts();
const first = firstResponses(f);
const hours = (x: Float64Array) => [...x].map((v) => v / HOUR);

describe('time to first response', () => {
  it('overall (fixture)', () => {
    // First-response delays of the answered signals: s0 2 h, s1 30 h, s4 80 h, s5 10 h → sorted [2, 10, 30, 80].
    // P50 = x(⌈2⌉) = 10; P90 = x(⌈3.6⌉) = x(4) = 80; mean = 122 / 4 = 30.5.
    const t = responseTime(f, groupSignals(f), first);
    expect(hours(t.p50)).toEqual([10]);
    expect(hours(t.p90)).toEqual([80]);
    expect(hours(t.mean)).toEqual([30.5]);
  });

  it('by team', () => {
    // none: no answered signal → NaN. care [2, 10, 30]: P50 = x(2) = 10, P90 = x(⌈2.7⌉) = 30, mean 14. logi [80].
    const t = responseTime(f, groupSignals(f, {}, ['BY_TEAM'], signalTeams(f, first)), first);
    expect(hours(t.p50)).toEqual([NaN, 10, 80]);
    expect(hours(t.p90)).toEqual([NaN, 30, 80]);
    expect(hours(t.mean)).toEqual([NaN, 14, 80]);
  });

  it('checks its input', () => {
    expect(() => responseTime(f, groupSignals(f), { at: new Float64Array(0), responder: new Int32Array(0) })).toThrow(
      'osmosis/responsiveness/response-time: first.at must have one entry per signal');
  });
});
