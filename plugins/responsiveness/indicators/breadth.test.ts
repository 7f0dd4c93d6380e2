import { describe, expect, it } from 'vitest';
import { facts } from '../test-support/fixture.js';
import { breadth } from './breadth.js';
import { firstResponses } from './first-responses.js';
import { groupSignals } from './scope.js';
import { signalTeams } from './signal-teams.js';

const f = facts();

describe('breadth of response', () => {
  it('overall (fixture)', () => {
    // Responses: s0 ann, bob; s1 bob; s4 lea; s5 ann, rex → 6. Per responder: ann 2, bob 2, lea 1, rex 1 → 4 responders.
    // Gini [1, 1, 2, 2] = (−3 − 1 + 2·1 + 2·3) / (4 · 6) = 4/24 = 1/6.
    // Teams: care (ann, bob) 4, logi (lea) 1; rex has none → 2 teams, Gini [1, 4] = (−1 + 4) / (2 · 5) = 0.3.
    const b = breadth(f, groupSignals(f));
    expect([...b.responses]).toEqual([6]);
    expect([...b.responders]).toEqual([4]);
    expect([...b.teams]).toEqual([2]);
    expect(b.responderGini[0]).toBeCloseTo(1 / 6, 15);
    expect(b.teamGini[0]).toBeCloseTo(0.3, 15);
  });

  it('by team of the signal', () => {
    // none {s6}: no response → 0, NaN. care {s0, s1, s5}: ann 2, bob 2, rex 1 → 5 responses, 3 responders,
    // Gini [1, 2, 2] = (−2·1 + 0·2 + 2·2) / (3 · 5) = 2/15; 1 team (care 4; rex none), Gini 0.
    // logi {s2, s3, s4}: lea 1 → 1 response, 1 responder, 1 team, Gini 0 and 0.
    const b = breadth(f, groupSignals(f, {}, ['BY_TEAM'], signalTeams(f, firstResponses(f))));
    expect([...b.responses]).toEqual([0, 5, 1]);
    expect([...b.responders]).toEqual([0, 3, 1]);
    expect([...b.teams]).toEqual([0, 1, 1]);
    expect(b.responderGini[0]).toBeNaN();
    expect(b.responderGini[1]).toBeCloseTo(2 / 15, 15);
    expect([b.responderGini[2], b.teamGini[1], b.teamGini[2]]).toEqual([0, 0, 0]);
  });

  it('leaves out responses to signals out of scope', () => {
    // Only email {s0, s1, s5}: ann 2, bob 2, rex 1 (the same as care above).
    const b = breadth(f, groupSignals(f, { channels: ['email'] }));
    expect([...b.responses, ...b.responders, ...b.teams]).toEqual([5, 3, 1]);
  });
});
