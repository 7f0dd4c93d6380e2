/**
 * Osmosis Learning loop: lead time signal → insight
 * ==================================================
 *
 * For each insight created in the window ([since, until) on createdAt) and derived from at least
 * one signal: createdAt − the EARLIEST occurredAt of its signals — how long the first hint waited
 * until the organisation wrote down what it meant. The earliest rather than the median signal:
 * the loop is as slow as the first signal nobody understood; a cluster that keeps growing while
 * nobody looks lengthens it, as it should. Summarised as nearest-rank P50, P90 and mean
 * (percentile.ts), in ms.
 *
 * [Definition]:
 * Lead time (Lean; e.g. Mary and Tom Poppendieck, "Lean Software Development: An Agile Toolkit",
 * Addison-Wesley, 2003: the time from a need being expressed to it being met), here from the first signal
 * to the insight.
 *
 * One pass over the insights and their signal links, O(I + L).
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkWindow } from './check.js';
import { distribution, type Distribution } from './percentile.js';
import type { Window } from './window.js';

const MODULE = 'osmosis/learning-loop/signal-to-insight';

export interface SignalToInsight extends Distribution {
  /** Insights created in the window (with or without signals). */
  insights: number;
}

export function signalToInsight(facts: Facts, window: Window): SignalToInsight {
  checkFacts(MODULE, facts);
  checkWindow(MODULE, window);
  const { count, createdAt, signalOffsets, signals } = facts.insights;
  const { occurredAt } = facts.signals;
  const leads = new Float64Array(count);
  let n = 0;
  let insights = 0;
  for (let i = 0; i < count; i++) {
    const at = createdAt[i];
    if (!(at >= window.since && at < window.until)) continue;
    insights++;
    let earliest = Infinity;
    for (let l = signalOffsets[i]; l < signalOffsets[i + 1]; l++) earliest = Math.min(earliest, occurredAt[signals[l]]);
    if (earliest < Infinity) leads[n++] = at - earliest;
  }
  return { insights, ...distribution(leads.subarray(0, n)) };
}
