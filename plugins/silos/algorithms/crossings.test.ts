import { describe, expect, it } from 'vitest';
import { graphOf, HAND } from '../test-support/graphs.js';
import { crossings } from './crossings.js';
import { undirected } from './undirected.js';

const g = undirected(graphOf(10, HAND.edges, HAND.kinds));

describe('boundary crossings: the hand-checked ecosystem of test-support/graphs.ts', () => {
  it('counts the shares of ties crossing team and inside/outside boundaries', () => {
    // 12 ties between people. With an end in a team: all but c1–c2, 11. Crossing a team boundary:
    // e3–e4, e1–e4, e1–c1, e1–c2, e1–p1, e2–p1, e5–p1 = 7 → 7/11. INSIDE–OUTSIDE: e1–c1, e1–c2,
    // e1–p1, e2–p1, e5–p1 = 5 → 5/12.
    expect(crossings(g, HAND.team, HAND.outside, HAND.person)).toEqual({
      ties: 12, teamTies: 11, crossTeam: 7, crossSide: 5, crossTeamShare: 7 / 11, crossSideShare: 5 / 12,
    });
  });

  it('sums weights when weighted', () => {
    // e4 – e5 weighs 3: ties 14, team ties 13, crossings unchanged.
    const r = crossings(g, HAND.team, HAND.outside, HAND.person, { weighted: true });
    expect([r.ties, r.teamTies, r.crossTeamShare, r.crossSideShare]).toEqual([14, 13, 7 / 13, 5 / 14]);
  });

  it('gives NaN shares without ties', () => {
    const r = crossings(undirected(graphOf(2, [])), Int32Array.from([-1, -1]), new Uint8Array(2), null);
    expect(r.crossTeamShare).toBeNaN();
    expect(r.crossSideShare).toBeNaN();
  });
});
