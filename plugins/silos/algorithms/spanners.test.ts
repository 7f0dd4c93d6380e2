import { describe, expect, it } from 'vitest';
import { graphOf, HAND } from '../test-support/graphs.js';
import { spanners } from './spanners.js';
import { undirected } from './undirected.js';

const g = undirected(graphOf(10, HAND.edges, HAND.kinds));

describe('boundary spanners: the hand-checked ecosystem of test-support/graphs.ts', () => {
  it('scores |teams touched| × |outside communities touched|', () => {
    // Communities: {T1, e1, e2, e3} 0, {T2, e4, e5} 1, {c1, c2} 2, {p1} 3; teams T1 (0), T2 (1).
    // e1: own T1; e2, e3, T1 (T1), e4 (T2); c1, c2 (2), p1 (3) → T = 2, O = 2, score 4.
    // e2: T1; p1 (3) → 1 × 1 = 1.   e3: T1, T2 and no outsider → not a spanner, 0.
    // e4: T2, T1, no outsider → 0.  e5: T2; p1 (3) → 1.
    // c1: own community 2; e1 (T1) → one team only, an outsider needs two → 0. c2 likewise.
    // p1: own community 3; e5 (T2), e2 and e1 (T1) → T = 2, O = 1, score 2.
    // T1, T2: teams never span → 0.
    const r = spanners(g, HAND.team, 2, HAND.outside, HAND.community, 4, HAND.role);
    expect([...r.score]).toEqual([0, 0, 4, 1, 0, 0, 1, 0, 0, 2]);
    expect([...r.teams]).toEqual([0, 0, 2, 1, 2, 2, 1, 1, 1, 2]);
    expect([...r.outsideCommunities]).toEqual([0, 0, 2, 1, 0, 0, 1, 1, 1, 1]);
  });

  it('counts people only: team nodes linked by exchanges are no colleagues', () => {
    // The hand graph plus exchanges c1–T1, c1–T2 and p1–T2: c1 touches both teams only through team
    // nodes, so it still touches one team through a person (e1) and does not span; p1 keeps T = 2.
    const withTeams = undirected(graphOf(10, [...HAND.edges, [7, 0], [7, 1], [9, 1]], HAND.kinds));
    const r = spanners(withTeams, HAND.team, 2, HAND.outside, HAND.community, 4, HAND.role);
    expect([...r.score]).toEqual([0, 0, 4, 1, 0, 0, 1, 0, 0, 2]);
    expect([...r.teams]).toEqual([0, 0, 2, 1, 2, 2, 1, 1, 1, 2]);
  });

  it('rejects labels out of range', () => {
    expect(() => spanners(g, HAND.team, 2, HAND.outside, HAND.community, 3, HAND.role))
      .toThrow('osmosis/silos/spanners: community[9] = 3 is not in [0, 3)');
  });
});
