/**
 * Osmosis Silos: community profiles
 * ==================================
 *
 * What each community of a partition (louvain.ts) is made of and how closed it is:
 *   - size, and members by kind (`kind[i]`, a code into ACTOR_KINDS, `kindCount` codes);
 *   - internal ties (pairs of members joined in either direction, one per pair), external ties
 *     (pairs with one member), and the internal density
 *       density(c) = internal ties / (size · (size − 1) / 2)   (NaN below two members);
 *   - the teams represented: for every team, its members in the community (nodes with
 *     `team[i]` ≥ 0 and `member[i]` = 1), most represented first, then by team.
 * Self-loops are ignored. O(N + E) plus sorting each community's few teams.
 *
 * [Reference]:
 * S. Wasserman and K. Faust, Social Network Analysis: Methods and Applications, Cambridge
 * University Press, 1994, §4.2 (density of a subgroup).
 */
import type { UndirectedGraph } from './graph.js';
import { checkInteger, checkPerNode, invalidGraph } from './options.js';

const MODULE = 'osmosis/silos/community-profiles';

export interface CommunityProfiles {
  /** Members per community. */
  readonly size: Uint32Array;
  /** Members per community and kind: kindCounts[c · kindCount + k]. */
  readonly kindCounts: Uint32Array;
  /** Pairs of members joined. */
  readonly internalTies: Float64Array;
  /** Pairs with exactly one member. */
  readonly externalTies: Float64Array;
  /** internalTies / (size · (size − 1) / 2); NaN below two members. */
  readonly density: Float64Array;
  /** The teams of community c are teams[teamOffsets[c] .. teamOffsets[c + 1] − 1], most members first. */
  readonly teamOffsets: Uint32Array;
  readonly teams: Int32Array;
  /** Members of that team in that community (parallel to `teams`). */
  readonly teamMembers: Uint32Array;
}

export function communityProfiles(
  graph: UndirectedGraph, community: Int32Array, communityCount: number,
  kind: Uint8Array, kindCount: number, team: Int32Array, teamCount: number, member: Uint8Array,
): CommunityProfiles {
  const n = graph.nodeCount;
  checkInteger(MODULE, 'communityCount', communityCount, 0);
  checkInteger(MODULE, 'kindCount', kindCount, 1);
  checkInteger(MODULE, 'teamCount', teamCount, 0);
  for (const [name, values] of [['community', community], ['kind', kind], ['team', team], ['member', member]] as const) checkPerNode(MODULE, name, values, n);
  for (let i = 0; i < n; i++) {
    if (community[i] < 0 || community[i] >= communityCount) throw invalidGraph(MODULE, `community[${i}] = ${community[i]} is not in [0, ${communityCount})`);
    if (kind[i] >= kindCount) throw invalidGraph(MODULE, `kind[${i}] = ${kind[i]} is not in [0, ${kindCount})`);
    if (team[i] < -1 || team[i] >= teamCount) throw invalidGraph(MODULE, `team[${i}] = ${team[i]} is not in [-1, ${teamCount})`);
  }

  const size = new Uint32Array(communityCount);
  const kindCounts = new Uint32Array(communityCount * kindCount);
  for (let i = 0; i < n; i++) {
    size[community[i]]++;
    kindCounts[community[i] * kindCount + kind[i]]++;
  }

  const internalTies = new Float64Array(communityCount);
  const externalTies = new Float64Array(communityCount);
  const { offsets, targets } = graph;
  for (let u = 0; u < n; u++) {
    const cu = community[u];
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const v = targets[e];
      if (v <= u) continue;
      const cv = community[v];
      if (cu === cv) internalTies[cu]++;
      else {
        externalTies[cu]++;
        externalTies[cv]++;
      }
    }
  }
  const density = new Float64Array(communityCount);
  for (let c = 0; c < communityCount; c++) density[c] = size[c] >= 2 ? internalTies[c] / ((size[c] * (size[c] - 1)) / 2) : Number.NaN;

  // Team members by community: group the nodes by community (counting sort), then count teams with a stamp.
  const start = new Uint32Array(communityCount + 1);
  for (let i = 0; i < n; i++) start[community[i] + 1]++;
  for (let c = 0; c < communityCount; c++) start[c + 1] += start[c];
  const byCommunity = new Uint32Array(n);
  const fill = start.slice(0, communityCount);
  for (let i = 0; i < n; i++) byCommunity[fill[community[i]]++] = i;

  const teamOffsets = new Uint32Array(communityCount + 1);
  const teamsOut: number[] = [];
  const membersOut: number[] = [];
  const seen = new Int32Array(teamCount).fill(-1);
  const counts = new Uint32Array(teamCount);
  const row: number[] = [];
  for (let c = 0; c < communityCount; c++) {
    teamOffsets[c] = teamsOut.length;
    row.length = 0;
    for (let m = start[c]; m < start[c + 1]; m++) {
      const i = byCommunity[m];
      const t = team[i];
      if (t < 0 || member[i] === 0) continue;
      if (seen[t] !== c) {
        seen[t] = c;
        counts[t] = 0;
        row.push(t);
      }
      counts[t]++;
    }
    row.sort((a, b) => counts[b] - counts[a] || a - b);
    for (const t of row) {
      teamsOut.push(t);
      membersOut.push(counts[t]);
    }
  }
  teamOffsets[communityCount] = teamsOut.length;
  return {
    size, kindCounts, internalTies, externalTies, density,
    teamOffsets, teams: Int32Array.from(teamsOut), teamMembers: Uint32Array.from(membersOut),
  };
}
