/**
 * Osmosis Value Flow: reciprocity per pair of actors
 * ===================================================
 *
 * Every unordered pair {a, b} (a < b) that exchanged in either direction, with the exchanges each
 * way and how many of them were reciprocated (reciprocated.ts):
 *   aToB, bToA                           how many exchanges each way;
 *   aToBReciprocated, bToAReciprocated   of those, answered by the other within the window.
 * Pairs come out by a, then b. Self-exchanges are left out. One scan of the exchanges grouped by
 * pair (pair-order.ts): O(rows + actors), typed arrays only.
 */
import type { ExchangeColumns } from './columns.js';
import { invalidInput } from './options.js';
import { pairOrder, type PairOrder } from './pair-order.js';

const MODULE = 'osmosis/value-flow/pair-reciprocity';

export interface PairReciprocity {
  readonly count: number;
  readonly a: Uint32Array;
  readonly b: Uint32Array;
  readonly aToB: Uint32Array;
  readonly bToA: Uint32Array;
  readonly aToBReciprocated: Uint32Array;
  readonly bToAReciprocated: Uint32Array;
}

export function pairReciprocity(x: ExchangeColumns, rows: Uint32Array, actorCount: number, flags: Uint8Array, pairs?: PairOrder): PairReciprocity {
  if (flags.length !== rows.length) throw invalidInput(MODULE, 'flags must have one entry per row');
  const { order, lo, hi, forward } = pairs ?? pairOrder(x, rows, actorCount);
  const n = order.length;
  let count = 0;
  for (let k = 0; k < n; k++) if (lo[k] !== hi[k] && (k === 0 || lo[k] !== lo[k - 1] || hi[k] !== hi[k - 1])) count++;
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  const ab = new Uint32Array(count);
  const ba = new Uint32Array(count);
  const abR = new Uint32Array(count);
  const baR = new Uint32Array(count);
  let c = -1;
  for (let k = 0; k < n; k++) {
    if (lo[k] === hi[k]) continue;
    if (c < 0 || lo[k] !== a[c] || hi[k] !== b[c]) {
      c++;
      a[c] = lo[k];
      b[c] = hi[k];
    }
    const f = flags[order[k]];
    if (forward[k]) {
      ab[c]++;
      abR[c] += f;
    } else {
      ba[c]++;
      baR[c] += f;
    }
  }
  return { count, a, b, aToB: ab, bToA: ba, aToBReciprocated: abR, bToAReciprocated: baR };
}
