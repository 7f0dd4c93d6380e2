/**
 * Osmosis Responsiveness: first responses
 * ========================================
 *
 * For every signal, when it was first answered and by whom: the earliest `respondedAt` among its
 * responses (NaN when it has none) and that response's responder (-1 when none or erased). The
 * other indicators read "answered" as "has at least one response" from here.
 *
 * One pass over the responses, O(R) time; it takes the minimum, so it does not rely on the
 * responses being ordered by time within a signal (they are, see Facts).
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts } from './check.js';

const MODULE = 'osmosis/responsiveness/first-responses';

export interface FirstResponses {
  /** Per signal: instant (ms) of its first response, NaN when unanswered. */
  readonly at: Float64Array;
  /** Per signal: actor index of the first responder, -1 when unanswered or unknown. */
  readonly responder: Int32Array;
}

export function firstResponses(facts: Facts): FirstResponses {
  checkFacts(MODULE, facts);
  const n = facts.signals.count;
  const at = new Float64Array(n).fill(Number.NaN);
  const responder = new Int32Array(n).fill(-1);
  const { signal, respondedAt, responder: by, count } = facts.responses;
  for (let r = 0; r < count; r++) {
    const s = signal[r];
    const t = respondedAt[r];
    if (!(t >= at[s])) { // NaN (first one seen) or earlier
      at[s] = t;
      responder[s] = by[r];
    }
  }
  return { at, responder };
}
