/**
 * Osmosis Silos: boundary crossings
 * ==================================
 *
 * The share of ties that cross a team boundary, and the share that cross the boundary between
 * the organisation and its ecosystem (INSIDE ↔ OUTSIDE):
 *
 *   crossTeamShare = ties whose ends are not in the same team / ties with at least one end in a team
 *   crossSideShare = ties between an INSIDE and an OUTSIDE node / all ties
 *
 * Ties are counted as in ei-index.ts: one per undirected pair (or its weight A_uv when
 * `weighted`), self-loops ignored, only `counted` nodes. A share without ties is NaN.
 * One pass over the edges, O(N + E).
 *
 * [Reference]:
 * D. Krackhardt and R. N. Stern, « Informal networks and organizational crises », Social
 * Psychology Quarterly 51(2), 1988 (the proportion of external ties as the measure of silos).
 */
import type { UndirectedGraph } from './graph.js';
import { checkBoolean, checkPerNode, resolveOptions } from './options.js';

const MODULE = 'osmosis/silos/crossings';

export interface CrossingsOptions {
  /** Sum the tie weights A_uv instead of counting 1 per tie. */
  weighted: boolean;
}

export const DEFAULTS: Readonly<CrossingsOptions> = Object.freeze({ weighted: false });

export interface CrossingsResult {
  /** Every tie counted. */
  readonly ties: number;
  /** Ties with at least one end in a team. */
  readonly teamTies: number;
  /** Of those, ties whose ends are not in the same team. */
  readonly crossTeam: number;
  /** Ties between an INSIDE and an OUTSIDE node. */
  readonly crossSide: number;
  /** crossTeam / teamTies (NaN without team ties). */
  readonly crossTeamShare: number;
  /** crossSide / ties (NaN without ties). */
  readonly crossSideShare: number;
}

/** `team[i]`: node i's team (−1 none); `outside[i]`: 1 when node i is OUTSIDE; `counted[i]` = 0 leaves it out (null: all). */
export function crossings(
  graph: UndirectedGraph, team: Int32Array, outside: Uint8Array, counted: Uint8Array | null, options?: Partial<CrossingsOptions>,
): CrossingsResult {
  const { weighted } = resolveOptions(MODULE, DEFAULTS, options);
  checkBoolean(MODULE, 'weighted', weighted);
  const n = graph.nodeCount;
  checkPerNode(MODULE, 'team', team, n);
  checkPerNode(MODULE, 'outside', outside, n);
  if (counted !== null) checkPerNode(MODULE, 'counted', counted, n);

  let ties = 0;
  let teamTies = 0;
  let crossTeam = 0;
  let crossSide = 0;
  const { offsets, targets, weights } = graph;
  for (let u = 0; u < n; u++) {
    if (counted !== null && counted[u] === 0) continue;
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const v = targets[e];
      if (v <= u || (counted !== null && counted[v] === 0)) continue;
      const x = weighted ? weights[e] : 1;
      ties += x;
      if (team[u] >= 0 || team[v] >= 0) {
        teamTies += x;
        if (team[u] !== team[v]) crossTeam += x;
      }
      if (outside[u] !== outside[v]) crossSide += x;
    }
  }
  return {
    ties, teamTies, crossTeam, crossSide,
    crossTeamShare: teamTies > 0 ? crossTeam / teamTies : Number.NaN,
    crossSideShare: ties > 0 ? crossSide / ties : Number.NaN,
  };
}
