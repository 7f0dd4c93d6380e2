/**
 * Osmosis Responsiveness: how broadly the organisation responds
 * ==============================================================
 *
 * Per group, over the responses to its signals: how many responses, how many distinct responders
 * and distinct responding teams (the responder's team, Facts), and how evenly the load is spread —
 * the Gini coefficient (gini.ts) of the number of responses per responder, and per team. 0 means
 * everyone who answers answers as much; near 1, a few carry it all. The population is those who
 * responded at least once (NaN when nobody did): it measures concentration among responders, not
 * the share of the organisation that takes part (that is `responders`).
 *
 * Responses without a known responder count in `responses` only; responders without a team count
 * in `responders` only.
 *
 * Two passes over the responses (a counting sort by group), then per group one pass over its
 * responses with a scratch count per actor: O(R + A) time and memory, plus the Gini sorts.
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkGrouping } from './check.js';
import { gini } from './gini.js';
import type { Grouping } from './scope.js';

const MODULE = 'osmosis/responsiveness/breadth';

export interface Breadth {
  /** Per group: responses to its signals. */
  readonly responses: Float64Array;
  /** Per group: distinct responders. */
  readonly responders: Float64Array;
  /** Per group: distinct teams of those responders. */
  readonly teams: Float64Array;
  /** Per group: Gini of responses per responder, NaN when none. */
  readonly responderGini: Float64Array;
  /** Per group: Gini of responses per team, NaN when none. */
  readonly teamGini: Float64Array;
}

export function breadth(facts: Facts, grouping: Grouping): Breadth {
  checkFacts(MODULE, facts);
  checkGrouping(MODULE, facts, grouping);
  const { group, count } = grouping;
  const { signal, responder, count: R } = facts.responses;
  const { team } = facts.actors;

  // The responses of each group, contiguous (counting sort by group).
  const offsets = new Uint32Array(count + 1);
  for (let r = 0; r < R; r++) {
    const g = group[signal[r]];
    if (g >= 0) offsets[g + 1]++;
  }
  for (let g = 0; g < count; g++) offsets[g + 1] += offsets[g];
  const order = new Int32Array(offsets[count]);
  const fill = offsets.slice(0, count);
  for (let r = 0; r < R; r++) {
    const g = group[signal[r]];
    if (g >= 0) order[fill[g]++] = r;
  }

  // Per group, responses per actor in a scratch array indexed by actor, reset after each group.
  const A = facts.actors.count;
  const perResponder = new Float64Array(A);
  const perTeam = new Float64Array(A);
  const seenResponders = new Int32Array(A);
  const seenTeams = new Int32Array(A);
  const responses = new Float64Array(count);
  const responders = new Float64Array(count);
  const teams = new Float64Array(count);
  const responderGini = new Float64Array(count);
  const teamGini = new Float64Array(count);
  for (let g = 0; g < count; g++) {
    responses[g] = offsets[g + 1] - offsets[g];
    let nr = 0;
    let nt = 0;
    for (let i = offsets[g]; i < offsets[g + 1]; i++) {
      const a = responder[order[i]];
      if (a < 0) continue;
      if (perResponder[a]++ === 0) seenResponders[nr++] = a;
      const t = team[a];
      if (t >= 0 && perTeam[t]++ === 0) seenTeams[nt++] = t;
    }
    responders[g] = nr;
    teams[g] = nt;
    responderGini[g] = gini(drain(perResponder, seenResponders, nr));
    teamGini[g] = gini(drain(perTeam, seenTeams, nt));
  }
  return { responses, responders, teams, responderGini, teamGini };
}

/** The counts of the `n` actors seen, and the scratch array zeroed again. */
function drain(counts: Float64Array, seen: Int32Array, n: number): Float64Array {
  const loads = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    loads[i] = counts[seen[i]];
    counts[seen[i]] = 0;
  }
  return loads;
}
