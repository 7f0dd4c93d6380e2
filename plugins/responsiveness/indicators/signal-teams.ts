/**
 * Osmosis Responsiveness: the team of a signal
 * =============================================
 *
 * Which team a signal belongs to for BY_TEAM: the team of its assignee (the team it was routed
 * to); when it has no assignee, or one without a team, the team of its first responder (the team
 * that took it); otherwise none (-1). An actor's team is its MEMBER_OF tie to a TEAM (Facts); a
 * TEAM assignee is its own team.
 *
 * Routing first, because that is what makes neglect visible: a signal assigned to a team that never
 * answers stays with that team, while grouping by responder alone would only ever show answered
 * signals.
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkPerSignal } from './check.js';
import type { FirstResponses } from './first-responses.js';

const MODULE = 'osmosis/responsiveness/signal-teams';

/** Actor index of each signal's team, -1 when none. */
export function signalTeams(facts: Facts, first: FirstResponses): Int32Array {
  checkFacts(MODULE, facts);
  checkPerSignal(MODULE, facts, 'first.responder', first?.responder);
  const { count, assignee } = facts.signals;
  const { team } = facts.actors;
  const result = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    const a = assignee[s];
    let t = a >= 0 ? team[a] : -1;
    if (t < 0) {
      const r = first.responder[s];
      t = r >= 0 ? team[r] : -1;
    }
    result[s] = t;
  }
  return result;
}
