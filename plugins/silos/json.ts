/** The generic JSON of a silos result (`analytics { run(plugin: "silos", analytic: "silos") }`). */
import { ACTOR_KINDS, type GraphIndex, type JsonValue } from '../../src/plugin-api/index.js';
import type { SilosResult } from './params.js';

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Modularity, the communities with at least two members (size, kinds, ties, density, teams), every
 * team, the organisation, the spanners best first, and every actor's community by key.
 */
export function silosToJson(r: SilosResult, index: GraphIndex): JsonValue {
  const c = r.communities;
  const communities: JsonValue[] = [];
  for (let id = 0; id < r.communityCount && c.size[id] >= 2; id++) {
    const kinds: Record<string, number> = {};
    ACTOR_KINDS.forEach((kind, k) => {
      const count = c.kindCounts[id * ACTOR_KINDS.length + k];
      if (count) kinds[kind] = count;
    });
    const teams: Record<string, number> = {};
    for (let k = c.teamOffsets[id]; k < c.teamOffsets[id + 1]; k++) teams[r.teamKeys[c.teams[k]]] = c.teamMembers[k];
    communities.push({ id, size: c.size[id], kinds, internalTies: c.internalTies[id], externalTies: c.externalTies[id], density: num(c.density[id]), teams });
  }
  const teams = r.teamKeys.map((key, t) => ({
    team: key, members: r.teams.members[t], internalTies: r.teams.internalTies[t], externalTies: r.teams.externalTies[t],
    eiIndex: num(r.teams.eiIndex[t]), community: r.teams.community[t] >= 0 ? r.teams.community[t] : null,
    communityShare: num(r.teams.communityShare[t]), communityPurity: num(r.teams.communityPurity[t]),
  }));
  const { score, teams: touched, outsideCommunities } = r.spanners;
  const spanners: number[] = [];
  for (let i = 0; i < score.length; i++) if (score[i] > 0) spanners.push(i);
  spanners.sort((a, b) => score[b] - score[a] || touched[b] - touched[a] || a - b);
  const community: Record<string, number> = {};
  for (let i = 0; i < index.nodeCount; i++) community[index.keys[i]] = r.community[i];
  const o = r.organisation;
  return {
    modularity: num(r.modularity),
    levels: r.levels,
    communityCount: r.communityCount,
    communities,
    teams,
    organisation: {
      eiIndex: num(o.eiIndex), internalTies: o.internalTies, externalTies: o.externalTies, ties: o.ties,
      crossTeamShare: num(o.crossTeamShare), crossSideShare: num(o.crossSideShare),
    },
    spanners: spanners.map((i) => ({ actor: index.keys[i], score: score[i], teams: touched[i], outsideCommunities: outsideCommunities[i], community: r.community[i] })),
    community,
  };
}
