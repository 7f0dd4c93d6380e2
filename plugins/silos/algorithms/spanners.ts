/**
 * Osmosis Silos: boundary spanners
 * =================================
 *
 * Boundary spanners link the organisation's teams to the groups of its ecosystem. For a node v,
 * over v itself and its neighbours in the undirected view (undirected.ts):
 *
 *   T(v) = the internal teams touched: the team of every INSIDE person among them that has one;
 *   O(v) = the outside communities touched: the community of every OUTSIDE person among them;
 *
 * (people: team and organisation nodes are not counted as neighbours — on exchanges a team node
 * can be a party, but being paid by a team is not working with its members);
 *   score(v) = |T(v)| · |O(v)|, the number of (team, outside community) pairs that v links —
 *              both are v's own group or one of its neighbours' groups.
 *
 * Only two roles can span (`role`): an employee (role 1) spans when it touches an outside
 * community (|O| ≥ 1) and a team; an outsider (role 2) spans when it touches at least two teams
 * (|T| ≥ 2). Every other node scores 0. The score is a brokerage count in the sense of Gould &
 * Fernandez's « liaison » and « representative » roles, on groups rather than on pairs of nodes,
 * so it is O(N + E): one pass over the edges with two stamp arrays, no per-node set.
 *
 * [References]:
 * M. L. Tushman and T. J. Scanlan, « Boundary spanning individuals: their role in information
 * transfer and their antecedents », Academy of Management Journal 24(2), 1981, 289–305.
 * R. V. Gould and R. M. Fernandez, « Structures of mediation: a formal approach to brokerage in
 * transaction networks », Sociological Methodology 19, 1989, 89–126.
 */
import type { UndirectedGraph } from './graph.js';
import { checkInteger, checkPerNode, invalidGraph } from './options.js';

const MODULE = 'osmosis/silos/spanners';

/** 0: cannot span (team and organisation nodes); 1: an employee; 2: an outsider. */
export const ROLE_NONE = 0;
export const ROLE_EMPLOYEE = 1;
export const ROLE_OUTSIDER = 2;

export interface SpannersResult {
  /** |T| · |O| for a spanner, 0 for everyone else. */
  readonly score: Float64Array;
  /** |T(v)|: internal teams touched. */
  readonly teams: Uint32Array;
  /** |O(v)|: outside communities touched. */
  readonly outsideCommunities: Uint32Array;
}

/**
 * `team[i]` (−1 none, else < teamCount), `outside[i]` (1: OUTSIDE), `community[i]` (< communityCount)
 * and `role[i]` for every node.
 */
export function spanners(
  graph: UndirectedGraph, team: Int32Array, teamCount: number, outside: Uint8Array,
  community: Int32Array, communityCount: number, role: Uint8Array,
): SpannersResult {
  const n = graph.nodeCount;
  checkInteger(MODULE, 'teamCount', teamCount, 0);
  checkInteger(MODULE, 'communityCount', communityCount, 0);
  for (const [name, values] of [['team', team], ['outside', outside], ['community', community], ['role', role]] as const) checkPerNode(MODULE, name, values, n);
  for (let i = 0; i < n; i++) {
    if (team[i] < -1 || team[i] >= teamCount) throw invalidGraph(MODULE, `team[${i}] = ${team[i]} is not in [-1, ${teamCount})`);
    if (community[i] < 0 || community[i] >= communityCount) throw invalidGraph(MODULE, `community[${i}] = ${community[i]} is not in [0, ${communityCount})`);
  }

  const score = new Float64Array(n);
  const teams = new Uint32Array(n);
  const outsideCommunities = new Uint32Array(n);
  // teamSeen[t] === v + 1 once team t was counted for v; same for communities.
  const teamSeen = new Int32Array(teamCount);
  const communitySeen = new Int32Array(communityCount);
  const { offsets, targets } = graph;
  for (let v = 0; v < n; v++) {
    if (role[v] === ROLE_NONE) continue;
    const mark = v + 1;
    let t = 0;
    let o = 0;
    for (let e = offsets[v] - 1; e < offsets[v + 1]; e++) {
      const x = e < offsets[v] ? v : targets[e]; // v itself first, then its neighbours
      // Between people only: a team or organisation node (linked by exchanges, say) is no colleague.
      if (role[x] === ROLE_NONE) continue;
      if (outside[x]) {
        const c = community[x];
        if (communitySeen[c] !== mark) {
          communitySeen[c] = mark;
          o++;
        }
      } else if (team[x] >= 0 && teamSeen[team[x]] !== mark) {
        teamSeen[team[x]] = mark;
        t++;
      }
    }
    teams[v] = t;
    outsideCommunities[v] = o;
    const spans = role[v] === ROLE_EMPLOYEE ? t >= 1 && o >= 1 : t >= 2;
    if (spans) score[v] = t * o;
  }
  return { score, teams, outsideCommunities };
}
