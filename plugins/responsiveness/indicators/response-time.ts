/**
 * Osmosis Responsiveness: time to first response
 * ===============================================
 *
 * Per group, over its answered signals: the time from the signal (occurredAt) to its first
 * response (first-responses.ts), as nearest-rank P50 and P90 (percentile.ts) and the mean, in
 * milliseconds. NaN when the group has no answered signal. Unanswered signals do not enter the
 * distribution (they are counted by backlog.ts and breaches.ts instead).
 *
 * [Definition]:
 * "First response time" as service desks report it: the time between the contact and the first
 * reply to it; summarised by percentiles rather than the mean alone because delays are skewed.
 *
 * One pass over the signals, then one sort per group: O(N + Σ g log g).
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkGrouping, checkPerSignal } from './check.js';
import type { FirstResponses } from './first-responses.js';
import { percentile, sortedByGroup } from './percentile.js';
import type { Grouping } from './scope.js';

const MODULE = 'osmosis/responsiveness/response-time';

export interface ResponseTime {
  /** Per group: median (nearest-rank P50) time to first response, ms. */
  readonly p50: Float64Array;
  /** Per group: nearest-rank P90, ms. */
  readonly p90: Float64Array;
  /** Per group: mean, ms. */
  readonly mean: Float64Array;
}

export function responseTime(facts: Facts, grouping: Grouping, first: FirstResponses): ResponseTime {
  checkFacts(MODULE, facts);
  checkGrouping(MODULE, facts, grouping);
  checkPerSignal(MODULE, facts, 'first.at', first?.at);
  const { occurredAt, count: n } = facts.signals;
  const delay = new Float64Array(n);
  for (let s = 0; s < n; s++) delay[s] = first.at[s] - occurredAt[s]; // NaN when unanswered
  const { offsets, values } = sortedByGroup(grouping.group, delay, grouping.count);
  const p50 = new Float64Array(grouping.count);
  const p90 = new Float64Array(grouping.count);
  const mean = new Float64Array(grouping.count);
  for (let g = 0; g < grouping.count; g++) {
    const start = offsets[g];
    const end = offsets[g + 1];
    p50[g] = percentile(values, 0.5, start, end);
    p90[g] = percentile(values, 0.9, start, end);
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i];
    mean[g] = end > start ? sum / (end - start) : Number.NaN;
  }
  return { p50, p90, mean };
}
