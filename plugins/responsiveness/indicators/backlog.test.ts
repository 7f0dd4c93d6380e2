import { describe, expect, it } from 'vitest';
import { buildFixtureFacts } from '../../../src/plugin-api/index.js';
import { FIXTURE, facts, HOUR } from '../test-support/fixture.js';
import { backlog } from './backlog.js';
import { firstResponses } from './first-responses.js';
import { groupSignals } from './scope.js';
import { signalTeams } from './signal-teams.js';

const f = facts();
const first = firstResponses(f);
const hours = (x: Float64Array) => [...x].map((v) => v / HOUR);

describe('backlog and its age', () => {
  it('overall (fixture, readAt 2026-06-01)', () => {
    // Unanswered: s2 (ASSIGNED), s3 (CLOSED: not in the backlog), s6 (OPEN) → backlog {s2, s6}.
    // Ages at 06-01: s2 from 05-03 = 29 d = 696 h; s6 from 05-31 = 24 h. Sorted [24, 696]: median x(⌈1⌉) = 24, max 696.
    const b = backlog(f, groupSignals(f), first);
    expect([...b.open]).toEqual([2]);
    expect(hours(b.medianAge)).toEqual([24]);
    expect(hours(b.maxAge)).toEqual([696]);
  });

  it('by team', () => {
    // none {s6}: 1, 24 h; care: nothing waits; logi {s2}: 1, 696 h.
    const b = backlog(f, groupSignals(f, {}, ['BY_TEAM'], signalTeams(f, first)), first);
    expect([...b.open]).toEqual([1, 0, 1]);
    expect(hours(b.medianAge)).toEqual([24, NaN, 696]);
    expect(hours(b.maxAge)).toEqual([24, NaN, 696]);
  });

  it('ages are measured at facts.readAt', () => {
    // Read 10 days later: s2 is 39 d = 936 h old, s6 11 d = 264 h.
    const later = buildFixtureFacts(FIXTURE, '2026-06-11T00:00:00Z');
    const b = backlog(later, groupSignals(later), firstResponses(later));
    expect(hours(b.maxAge)).toEqual([936]);
    expect(hours(b.medianAge)).toEqual([264]);
  });
});
