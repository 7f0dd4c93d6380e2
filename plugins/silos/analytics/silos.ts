/**
 * Worker side of `silos/silos`: Louvain communities with their modularity and profiles, the E-I
 * index of every team and of the organisation, the boundary shares and the boundary spanners, all
 * on one undirected view of the projection. Teams come from the facts (an actor's MEMBER_OF tie
 * to a TEAM); people are the actors other than TEAM and ORGANIZATION.
 */
import { ACTOR_KINDS, factsOf, sideOf, type ActorKind, type ComputeFunction } from '../../../src/plugin-api/index.js';
import { alignByKey } from '../algorithms/align.js';
import { communityProfiles } from '../algorithms/community-profiles.js';
import { crossings } from '../algorithms/crossings.js';
import { eiIndex } from '../algorithms/ei-index.js';
import { louvain } from '../algorithms/louvain.js';
import { ROLE_EMPLOYEE, ROLE_NONE, ROLE_OUTSIDER, spanners } from '../algorithms/spanners.js';
import { teamCommunities } from '../algorithms/team-communities.js';
import { undirected } from '../algorithms/undirected.js';
import type { SilosParams, SilosResult } from '../params.js';

const KIND_CODE = new Map<ActorKind, number>(ACTOR_KINDS.map((k, i) => [k, i]));
const TEAM = KIND_CODE.get('TEAM')!;

const compute: ComputeFunction<SilosParams, SilosResult> = (graph, p, context) => {
  const facts = factsOf(context);
  const n = graph.nodeCount;
  const actorOf = alignByKey(graph.keys, facts.actors.keys);

  // Teams: every TEAM actor of the facts, numbered in key order.
  const teamIndex = new Int32Array(facts.actors.count).fill(-1);
  const teamKeys: string[] = [];
  for (let a = 0; a < facts.actors.count; a++) {
    if (facts.actors.kind[a] === TEAM) {
      teamIndex[a] = teamKeys.length;
      teamKeys.push(facts.actors.keys[a]);
    }
  }
  const teamCount = teamKeys.length;
  const teamNode = new Int32Array(teamCount).fill(-1);

  const kind = new Uint8Array(n);
  const team = new Int32Array(n).fill(-1);
  const outside = new Uint8Array(n);
  const person = new Uint8Array(n);
  const role = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = graph.kinds[i];
    kind[i] = KIND_CODE.get(k)!;
    const a = actorOf[i];
    const t = a >= 0 ? facts.actors.team[a] : -1;
    if (t >= 0) team[i] = teamIndex[t];
    if (k === 'TEAM' && team[i] >= 0) teamNode[team[i]] = i;
    outside[i] = sideOf(k) === 'OUTSIDE' ? 1 : 0;
    person[i] = k === 'TEAM' || k === 'ORGANIZATION' ? 0 : 1;
    role[i] = k === 'EMPLOYEE' ? ROLE_EMPLOYEE : outside[i] ? ROLE_OUTSIDER : ROLE_NONE;
  }

  const ug = undirected(graph, { weighted: p.weighted });
  const partition = louvain(ug, { resolution: p.resolution });
  const profiles = communityProfiles(ug, partition.community, partition.count, kind, ACTOR_KINDS.length, team, teamCount, person);
  // E-I on weights needs the weighted view even when Louvain ran on the unweighted one.
  const ties = p.eiWeighted && !p.weighted ? undirected(graph, { weighted: true }) : ug;
  const ei = eiIndex(ties, team, teamCount, person, { weighted: p.eiWeighted });
  const crossed = crossings(ties, team, outside, person, { weighted: p.eiWeighted });
  const placed = teamCommunities(team, teamCount, person, partition.community, partition.sizes);
  const spanning = spanners(ug, team, teamCount, outside, partition.community, partition.count, role);

  return {
    modularity: partition.modularity,
    levels: partition.levels,
    communityCount: partition.count,
    community: partition.community,
    communities: profiles,
    teamKeys,
    teams: {
      node: teamNode,
      members: placed.members,
      internalTies: ei.internal,
      externalTies: ei.external,
      eiIndex: ei.index,
      community: placed.community,
      communityShare: placed.share,
      communityPurity: placed.purity,
    },
    organisation: {
      internalTies: ei.organisation.internal,
      externalTies: ei.organisation.external,
      eiIndex: ei.organisation.index,
      ...crossed,
    },
    team,
    spanners: spanning,
  };
};
export default compute;
