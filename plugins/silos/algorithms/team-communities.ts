/**
 * Osmosis Silos: where each team sits in the communities
 * =======================================================
 *
 * For every team: its members (nodes with `team[i]` = t and `member[i]` = 1), the community
 * holding most of them (ties to the lowest community number), and two shares that tell a team
 * that is its own community — a silo — from one spread over the network:
 *
 *   share(t)  = members of t in that community / members of t
 *   purity(t) = members of t in that community / members of that community (every kind counted)
 *
 * Both are 1 when the community is exactly the team. A team without members has community −1
 * and NaN shares. O(N + sizes) with one counting pass per team.
 *
 * [Reference]:
 * M. E. J. Newman, Networks: An Introduction, Oxford University Press, 2010, §14.2 (comparing a
 * detected partition with known groups).
 */
import { checkInteger, checkPerNode, invalidGraph } from './options.js';

const MODULE = 'osmosis/silos/team-communities';

export interface TeamCommunities {
  /** Members per team. */
  readonly members: Uint32Array;
  /** The community holding most members; −1 for a team without members. */
  readonly community: Int32Array;
  /** Share of the team's members in that community. */
  readonly share: Float64Array;
  /** Share of that community's members that belong to the team. */
  readonly purity: Float64Array;
}

export function teamCommunities(
  team: Int32Array, teamCount: number, member: Uint8Array, community: Int32Array, communitySizes: Uint32Array,
): TeamCommunities {
  const n = team.length;
  checkInteger(MODULE, 'teamCount', teamCount, 0);
  checkPerNode(MODULE, 'member', member, n);
  checkPerNode(MODULE, 'community', community, n);
  for (let i = 0; i < n; i++) {
    if (team[i] < -1 || team[i] >= teamCount) throw invalidGraph(MODULE, `team[${i}] = ${team[i]} is not in [-1, ${teamCount})`);
    if (community[i] < 0 || community[i] >= communitySizes.length) throw invalidGraph(MODULE, `community[${i}] = ${community[i]} has no size`);
  }
  // Members grouped by team (counting sort), then a majority count per team.
  const start = new Uint32Array(teamCount + 1);
  for (let i = 0; i < n; i++) if (team[i] >= 0 && member[i]) start[team[i] + 1]++;
  for (let t = 0; t < teamCount; t++) start[t + 1] += start[t];
  const byTeam = new Uint32Array(start[teamCount]);
  const fill = start.slice(0, teamCount);
  for (let i = 0; i < n; i++) if (team[i] >= 0 && member[i]) byTeam[fill[team[i]]++] = i;

  const members = new Uint32Array(teamCount);
  const best = new Int32Array(teamCount).fill(-1);
  const share = new Float64Array(teamCount).fill(Number.NaN);
  const purity = new Float64Array(teamCount).fill(Number.NaN);
  const counts = new Map<number, number>();
  for (let t = 0; t < teamCount; t++) {
    members[t] = start[t + 1] - start[t];
    if (members[t] === 0) continue;
    counts.clear();
    for (let m = start[t]; m < start[t + 1]; m++) {
      const c = community[byTeam[m]];
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let top = -1;
    let topCount = 0;
    for (const [c, k] of counts) if (k > topCount || (k === topCount && c < top)) [top, topCount] = [c, k];
    best[t] = top;
    share[t] = topCount / members[t];
    purity[t] = topCount / communitySizes[top];
  }
  return { members, community: best, share, purity };
}
