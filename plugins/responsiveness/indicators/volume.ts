/**
 * Osmosis Responsiveness: volume and response rate
 * =================================================
 *
 * Per group: how many signals it holds (volume), how many have at least one response (answered),
 * and the response rate answered / volume (NaN for an empty group). "Answered" means a response
 * exists, whatever the signal's status says and whenever it came (time is response-time.ts's
 * business).
 *
 * [Definition]:
 * The usual customer-service definition of response rate: the share of contacts that received a
 * reply (no single standard body defines it; we count a reply at any time).
 *
 * One pass over the signals, O(N).
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkGrouping, checkPerSignal } from './check.js';
import type { FirstResponses } from './first-responses.js';
import type { Grouping } from './scope.js';

const MODULE = 'osmosis/responsiveness/volume';

export interface Volume {
  /** Per group: signals. */
  readonly signals: Float64Array;
  /** Per group: signals with at least one response. */
  readonly answered: Float64Array;
  /** Per group: answered / signals, NaN when no signals. */
  readonly responseRate: Float64Array;
}

export function volume(facts: Facts, grouping: Grouping, first: FirstResponses): Volume {
  checkFacts(MODULE, facts);
  checkGrouping(MODULE, facts, grouping);
  checkPerSignal(MODULE, facts, 'first.at', first?.at);
  const { group, count } = grouping;
  const signals = new Float64Array(count);
  const answered = new Float64Array(count);
  for (let s = 0; s < group.length; s++) {
    const g = group[s];
    if (g < 0) continue;
    signals[g]++;
    if (first.at[s] === first.at[s]) answered[g]++;
  }
  const responseRate = new Float64Array(count);
  for (let g = 0; g < count; g++) responseRate[g] = signals[g] > 0 ? answered[g] / signals[g] : Number.NaN;
  return { signals, answered, responseRate };
}
