/**
 * Osmosis Responsiveness: open backlog and its age
 * =================================================
 *
 * Per group: the signals still waiting — no response and not CLOSED — and how long they have been
 * waiting at `facts.readAt` ("now"): the nearest-rank median (percentile.ts) and the maximum age,
 * in milliseconds (NaN when nothing waits). A signal closed without a response left the backlog
 * (breaches.ts still counts it against its target).
 *
 * [Definition]:
 * Backlog and backlog age as service desks report them: the open items and how long they have
 * been open at the time of the report.
 *
 * One pass over the signals, then one sort per group.
 */
import { SIGNAL_STATUSES, type Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkGrouping, checkPerSignal } from './check.js';
import type { FirstResponses } from './first-responses.js';
import { percentile, sortedByGroup } from './percentile.js';
import type { Grouping } from './scope.js';

const MODULE = 'osmosis/responsiveness/backlog';
const CLOSED = SIGNAL_STATUSES.indexOf('CLOSED');

export interface Backlog {
  /** Per group: signals without response and not CLOSED. */
  readonly open: Float64Array;
  /** Per group: nearest-rank median age of those at facts.readAt, ms. */
  readonly medianAge: Float64Array;
  /** Per group: the oldest one's age, ms. */
  readonly maxAge: Float64Array;
}

export function backlog(facts: Facts, grouping: Grouping, first: FirstResponses): Backlog {
  checkFacts(MODULE, facts);
  checkGrouping(MODULE, facts, grouping);
  checkPerSignal(MODULE, facts, 'first.at', first?.at);
  const { occurredAt, status, count: n } = facts.signals;
  const age = new Float64Array(n).fill(Number.NaN);
  for (let s = 0; s < n; s++) {
    if (first.at[s] !== first.at[s] && status[s] !== CLOSED) age[s] = facts.readAt - occurredAt[s];
  }
  const { offsets, values } = sortedByGroup(grouping.group, age, grouping.count);
  const open = new Float64Array(grouping.count);
  const medianAge = new Float64Array(grouping.count);
  const maxAge = new Float64Array(grouping.count);
  for (let g = 0; g < grouping.count; g++) {
    const start = offsets[g];
    const end = offsets[g + 1];
    open[g] = end - start;
    medianAge[g] = percentile(values, 0.5, start, end);
    maxAge[g] = end > start ? values[end - 1] : Number.NaN;
  }
  return { open, medianAge, maxAge };
}
