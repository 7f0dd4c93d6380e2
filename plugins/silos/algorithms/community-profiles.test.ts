import { describe, expect, it } from 'vitest';
import { graphOf, HAND } from '../test-support/graphs.js';
import { communityProfiles } from './community-profiles.js';
import { undirected } from './undirected.js';

const g = undirected(graphOf(10, HAND.edges, HAND.kinds));
// Kind codes into ACTOR_KINDS: EMPLOYEE 0, CUSTOMER 1, PARTNER 2, TEAM 4.
const kind = Uint8Array.from([4, 4, 0, 0, 0, 0, 0, 1, 1, 2]);

describe('community profiles: the hand-checked ecosystem of test-support/graphs.ts', () => {
  it('sizes, kinds, ties, density and teams of each community', () => {
    // 0 {T1, e1, e2, e3}: internal e1–e2, e2–e3, e1–e3, e1–T1 = 4 of 4·3/2 = 6 pairs → density 2/3;
    //   external e3–e4, e1–e4, e1–c1, e1–c2, e1–p1, e2–p1 = 6; people of T1: 3.
    // 1 {T2, e4, e5}: internal e4–e5 = 1 of 3 → 1/3; external e3–e4, e1–e4, e5–p1 = 3; people of T2: 2.
    // 2 {c1, c2}: internal 1 of 1 → 1; external e1–c1, e1–c2 = 2; no team.
    // 3 {p1}: internal 0, density undefined (NaN); external e1–p1, e2–p1, e5–p1 = 3.
    // Check: the external ties sum to 14 = 2 × the 7 pairs between communities.
    const r = communityProfiles(g, HAND.community, 4, kind, 6, HAND.team, 2, HAND.person);
    expect([...r.size]).toEqual([4, 3, 2, 1]);
    expect([...r.kindCounts.subarray(0, 6)]).toEqual([3, 0, 0, 0, 1, 0]);
    expect([...r.kindCounts.subarray(18, 24)]).toEqual([0, 0, 1, 0, 0, 0]);
    expect([...r.internalTies]).toEqual([4, 1, 1, 0]);
    expect([...r.externalTies]).toEqual([6, 3, 2, 3]);
    expect([...r.density.subarray(0, 3)]).toEqual([2 / 3, 1 / 3, 1]);
    expect(r.density[3]).toBeNaN();
    expect([...r.teamOffsets]).toEqual([0, 1, 2, 2, 2]);
    expect([...r.teams]).toEqual([0, 1]);
    expect([...r.teamMembers]).toEqual([3, 2]);
  });

  it('orders the teams of a community by members, then by team', () => {
    // One community of everyone: T1 has 3 people, T2 2.
    const r = communityProfiles(g, new Int32Array(10), 1, kind, 6, Int32Array.from([0, 1, 1, 1, 1, 0, 0, -1, -1, -1]), 2, HAND.person);
    expect([...r.teams]).toEqual([1, 0]);
    expect([...r.teamMembers]).toEqual([3, 2]);
  });
});
