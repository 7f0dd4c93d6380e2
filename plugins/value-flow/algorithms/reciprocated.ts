/**
 * Osmosis Value Flow: reciprocated exchanges
 * ===========================================
 *
 * In a value network, value given calls for value in return — tangible for tangible, or, just as
 * often, intangible (feedback, recognition) for tangible. An exchange a → b at time t is
 * reciprocated when b gives anything back to a, any kind, at a time t' with
 *
 *   t ≤ t' ≤ t + window
 *
 * (one exchange in return may answer several exchanges before it). An exchange an actor gives
 * itself is never reciprocated. With both directions of each pair in one run in time order
 * (pair-order.ts), one backward scan per run keeps the earliest later time of each direction:
 * O(rows + actors), no search.
 *
 * [Reference]:
 * V. Allee, « Reconfiguring the value network », Journal of Business Strategy 21(4), 2000, 36–39
 * (reciprocity as the health of a value exchange).
 */
import type { ExchangeColumns } from './columns.js';
import { invalidOption } from './options.js';
import { pairOrder, type PairOrder } from './pair-order.js';

const MODULE = 'osmosis/value-flow/reciprocated';

/** Per position of `rows`: 1 when that exchange was reciprocated within `windowMs`. */
export function reciprocated(x: ExchangeColumns, rows: Uint32Array, actorCount: number, windowMs: number, pairs?: PairOrder): Uint8Array {
  if (typeof windowMs !== 'number' || !(windowMs >= 0) || windowMs === Infinity) throw invalidOption(MODULE, 'windowMs must be a finite number >= 0');
  const { order, lo, hi, forward, time } = pairs ?? pairOrder(x, rows, actorCount);
  const flags = new Uint8Array(rows.length);
  const n = order.length;
  let end = n;
  while (end > 0) {
    // The run of one pair: [start, end).
    let start = end - 1;
    while (start > 0 && lo[start - 1] === lo[end - 1] && hi[start - 1] === hi[end - 1]) start--;
    if (lo[start] !== hi[start]) {
      // next[d]: earliest time at or after the current block of an exchange in direction d (1 forward).
      let nextBackward = Infinity;
      let nextForward = Infinity;
      let k = end;
      while (k > start) {
        // A block of equal times, answered by the other direction in it or later.
        const t = time[k - 1];
        let b = k - 1;
        while (b > start && time[b - 1] === t) b--;
        let hasForward = false;
        let hasBackward = false;
        for (let i = b; i < k; i++) {
          if (forward[i]) hasForward = true;
          else hasBackward = true;
        }
        const replyToForward = hasBackward ? t : nextBackward;
        const replyToBackward = hasForward ? t : nextForward;
        for (let i = b; i < k; i++) {
          if ((forward[i] ? replyToForward : replyToBackward) <= t + windowMs) flags[order[i]] = 1;
        }
        if (hasForward) nextForward = t;
        if (hasBackward) nextBackward = t;
        k = b;
      }
    }
    end = start;
  }
  return flags;
}
