import { describe, expect, it } from 'vitest';
import { graphOf, HAND } from '../test-support/graphs.js';
import { DEFAULTS, eiIndex } from './ei-index.js';
import { undirected } from './undirected.js';

const g = undirected(graphOf(10, HAND.edges, HAND.kinds));

describe('E-I index (Krackhardt & Stern): the hand-checked ecosystem of test-support/graphs.ts', () => {
  it('counts one tie per pair of people', () => {
    // T1 = {e1, e2, e3}: I = e1–e2, e2–e3, e1–e3 = 3; E = e3–e4, e1–e4, e1–c1, e1–c2, e1–p1, e2–p1 = 6;
    //   E-I = (6 − 3)/(6 + 3) = 1/3. The membership edge e1 → T1 is left out (T1 is not a person).
    // T2 = {e4, e5}: I = e4–e5 = 1 (two directions, one tie); E = e3–e4, e1–e4, e5–p1 = 3; E-I = (3 − 1)/4 = 1/2.
    // Organisation: I = 3 + 1 = 4, E = e3–e4, e1–e4 = 2 (ties to customers and partners have one end
    //   without a team); E-I = (2 − 4)/6 = −1/3.
    const r = eiIndex(g, HAND.team, 2, HAND.person);
    expect([...r.internal]).toEqual([3, 1]);
    expect([...r.external]).toEqual([6, 3]);
    expect(r.index[0]).toBeCloseTo(1 / 3, 15);
    expect(r.index[1]).toBeCloseTo(1 / 2, 15);
    expect(r.organisation).toEqual({ internal: 4, external: 2, index: -1 / 3 });
  });

  it('sums weights when weighted', () => {
    // e4 → e5 (2) and e5 → e4 (1) are one tie of weight 3, every other tie weighs 1.
    // T2: I = 3, E = 3: E-I = 0. Organisation: I = 3 + 3 = 6, E = 2: (2 − 6)/8 = −1/2.
    const r = eiIndex(g, HAND.team, 2, HAND.person, { weighted: true });
    expect([...r.internal]).toEqual([3, 3]);
    expect(r.index[1]).toBe(0);
    expect(r.organisation.index).toBe(-0.5);
  });

  it('counts every node when counted is null, and gives NaN to a group without ties', () => {
    // With the team nodes counted, e1 → T1 is one more internal tie of T1: I = 4, E = 6, E-I = 2/10.
    // A third group with no member has no tie: NaN.
    const r = eiIndex(g, HAND.team, 3, null);
    expect(r.internal[0]).toBe(4);
    expect(r.index[0]).toBeCloseTo(0.2, 15);
    expect(r.index[2]).toBeNaN();
  });

  it('rejects bad inputs', () => {
    expect(() => eiIndex(g, HAND.team, 1, HAND.person)).toThrow('osmosis/silos/ei-index: group[1] = 1 is not in [-1, 1)');
    expect(() => eiIndex(g, new Int32Array(3), 1, null)).toThrow('group must have one entry per node (10)');
    expect(() => eiIndex(g, HAND.team, 2, null, { directed: true } as never)).toThrow('unknown option "directed"');
    expect(DEFAULTS).toEqual({ weighted: false });
  });
});
