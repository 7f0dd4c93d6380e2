/**
 * Osmosis Value Flow: groups of actors
 * =====================================
 *
 * Flow matrices and group reciprocity aggregate actors into groups:
 *   SIDE       INSIDE (0) and OUTSIDE (1), from the actor's kind;
 *   KIND       one group per actor kind (its code into ACTOR_KINDS);
 *   TEAM       one group per team (TEAM actors, in actor order), then one for the inside actors
 *              without a team (the organisation itself, its head), then one per outside kind
 *              (CUSTOMER, PARTNER, SUPPLIER): outsiders have no team;
 *   COMMUNITY  one group per community of a partition given by the caller (Louvain, silos plugin).
 * Every group carries a label: its side, kind, team actor or community (−1 where none). O(actors).
 */
import { ACTOR_KINDS, sideOf } from '../../../src/plugin-api/index.js';
import { checkPerActor, invalidInput, invalidOption } from './options.js';

const MODULE = 'osmosis/value-flow/groups';

export const GROUP_BYS = ['SIDE', 'KIND', 'TEAM', 'COMMUNITY'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

const TEAM_CODE = ACTOR_KINDS.indexOf('TEAM');
const OUTSIDE_CODES = ACTOR_KINDS.map((k, i) => [k, i] as const).filter(([k]) => sideOf(k) === 'OUTSIDE').map(([, i]) => i);
const isOutside = (code: number) => sideOf(ACTOR_KINDS[code]) === 'OUTSIDE';

export interface Groups {
  readonly by: GroupBy;
  /** Group of every actor. */
  readonly group: Int32Array;
  readonly count: number;
  /** Per group: 0 INSIDE, 1 OUTSIDE, −1 mixed (a community). */
  readonly side: Int8Array;
  /** Per group: the actor kind code, −1 when the group is not one kind. */
  readonly kind: Int8Array;
  /** Per group: the TEAM actor, −1 when the group is not a team. */
  readonly team: Int32Array;
  /** Per group: the community, −1 when the group is not one. */
  readonly community: Int32Array;
}

/**
 * `kind[a]`: actor a's kind code; `team[a]`: its TEAM actor (−1 none); `community[a]`: its community
 * in [0, communityCount) (COMMUNITY only, else null).
 */
export function groupsOf(by: GroupBy, kind: Uint8Array, team: Int32Array, community: Int32Array | null = null, communityCount = 0): Groups {
  if (!(GROUP_BYS as readonly string[]).includes(by)) throw invalidOption(MODULE, `unknown grouping "${by}" (known: ${GROUP_BYS.join(', ')})`);
  const n = kind.length;
  checkPerActor(MODULE, 'team', team, n);
  const group = new Int32Array(n);
  const labels = (count: number) => ({
    side: new Int8Array(count).fill(-1), kind: new Int8Array(count).fill(-1), team: new Int32Array(count).fill(-1), community: new Int32Array(count).fill(-1),
  });

  if (by === 'SIDE') {
    for (let a = 0; a < n; a++) group[a] = isOutside(kind[a]) ? 1 : 0;
    const l = labels(2);
    l.side.set([0, 1]);
    return { by, group, count: 2, ...l };
  }
  if (by === 'KIND') {
    for (let a = 0; a < n; a++) group[a] = kind[a];
    const l = labels(ACTOR_KINDS.length);
    ACTOR_KINDS.forEach((k, i) => { l.kind[i] = i; l.side[i] = isOutside(i) ? 1 : 0; });
    return { by, group, count: ACTOR_KINDS.length, ...l };
  }
  if (by === 'TEAM') {
    const teamGroup = new Int32Array(n).fill(-1);
    const teams: number[] = [];
    for (let a = 0; a < n; a++) if (kind[a] === TEAM_CODE) { teamGroup[a] = teams.length; teams.push(a); }
    const noTeam = teams.length;
    const outsideGroup = new Map(OUTSIDE_CODES.map((code, i) => [code, noTeam + 1 + i]));
    for (let a = 0; a < n; a++) {
      if (isOutside(kind[a])) group[a] = outsideGroup.get(kind[a])!;
      else group[a] = team[a] >= 0 && teamGroup[team[a]] >= 0 ? teamGroup[team[a]] : noTeam;
    }
    const count = noTeam + 1 + OUTSIDE_CODES.length;
    const l = labels(count);
    teams.forEach((t, g) => { l.team[g] = t; l.side[g] = 0; });
    l.side[noTeam] = 0;
    for (const [code, g] of outsideGroup) { l.kind[g] = code; l.side[g] = 1; }
    return { by, group, count, ...l };
  }
  if (!community) throw invalidInput(MODULE, 'COMMUNITY needs a community per actor');
  checkPerActor(MODULE, 'community', community, n);
  for (let a = 0; a < n; a++) {
    if (community[a] < 0 || community[a] >= communityCount) throw invalidInput(MODULE, `community[${a}] = ${community[a]} is not in [0, ${communityCount})`);
    group[a] = community[a];
  }
  const l = labels(communityCount);
  for (let c = 0; c < communityCount; c++) l.community[c] = c;
  return { by, group, count: communityCount, ...l };
}
