import { describe, expect, it } from 'vitest';
import { HAND } from '../test-support/graphs.js';
import { teamCommunities } from './team-communities.js';

describe('team communities: the hand-checked ecosystem of test-support/graphs.ts', () => {
  it('finds the community holding most of each team, its share and its purity', () => {
    // Sizes {T1, e1, e2, e3} 4, {T2, e4, e5} 3, {c1, c2} 2, {p1} 1.
    // T1: people e1, e2, e3 all in 0 → share 3/3, purity 3/4. T2: e4, e5 in 1 → share 1, purity 2/3.
    const r = teamCommunities(HAND.team, 2, HAND.person, HAND.community, Uint32Array.from([4, 3, 2, 1]));
    expect([...r.members]).toEqual([3, 2]);
    expect([...r.community]).toEqual([0, 1]);
    expect([...r.share]).toEqual([1, 1]);
    expect([...r.purity]).toEqual([3 / 4, 2 / 3]);
  });

  it('splits ties toward the lower community, and leaves an empty team undefined', () => {
    // T1's people split 1 / 1 / 1 between communities 2, 0 and 1 → community 0, share 1/3.
    const community = Int32Array.from([0, 1, 2, 0, 1, 1, 1, 2, 2, 3]);
    const r = teamCommunities(HAND.team, 3, HAND.person, community, Uint32Array.from([2, 4, 3, 1]));
    expect(r.community[0]).toBe(0);
    expect(r.share[0]).toBeCloseTo(1 / 3, 15);
    expect(r.purity[0]).toBe(1 / 2);
    expect(r.community[2]).toBe(-1);
    expect(r.share[2]).toBeNaN();
  });
});
