/**
 * Osmosis Learning loop: lead time insight → change
 * ==================================================
 *
 * For the insights created in the window ([since, until) on createdAt): how many were implemented
 * (at least one change, whenever applied up to facts.readAt), and for those, the first change's
 * appliedAt − the insight's createdAt, as nearest-rank P50, P90 and mean (percentile.ts), in ms.
 *
 * A change recorded as applied *before* its insight was created (appliedAt is the client's) has no
 * meaningful lead time: the insight was written down after the fact. Such insights count as
 * implemented and as `backdated`, and stay out of the distribution.
 *
 * [Definition]:
 * Lead time (Lean), here from understanding (the insight) to the process change that acts on it.
 *
 * One pass over the changes, one over the insights, O(C + I).
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkWindow } from './check.js';
import { distribution, type Distribution } from './percentile.js';
import type { Window } from './window.js';

const MODULE = 'osmosis/learning-loop/insight-to-change';

export interface InsightToChange extends Distribution {
  /** Insights created in the window. */
  insights: number;
  /** Those with at least one change. */
  implemented: number;
  /** implemented / insights, NaN when none. */
  implementedShare: number;
  /** Implemented ones whose first change predates them (left out of the distribution). */
  backdated: number;
}

/** Per insight: appliedAt of its first change, NaN when it has none. */
export function firstChanges(facts: Facts): Float64Array {
  checkFacts(MODULE, facts);
  const first = new Float64Array(facts.insights.count).fill(Number.NaN);
  const { count, insight, appliedAt } = facts.changes;
  for (let c = 0; c < count; c++) {
    const i = insight[c];
    if (!(appliedAt[c] >= first[i])) first[i] = appliedAt[c]; // NaN (none yet) or earlier
  }
  return first;
}

export function insightToChange(facts: Facts, window: Window, first: Float64Array = firstChanges(facts)): InsightToChange {
  checkFacts(MODULE, facts);
  checkWindow(MODULE, window);
  const { count, createdAt } = facts.insights;
  const leads = new Float64Array(count);
  let n = 0;
  let insights = 0;
  let implemented = 0;
  let backdated = 0;
  for (let i = 0; i < count; i++) {
    const at = createdAt[i];
    if (!(at >= window.since && at < window.until)) continue;
    insights++;
    if (first[i] !== first[i]) continue;
    implemented++;
    if (first[i] < at) backdated++;
    else leads[n++] = first[i] - at;
  }
  return {
    insights, implemented, implementedShare: insights ? implemented / insights : Number.NaN, backdated,
    ...distribution(leads.subarray(0, n)),
  };
}
