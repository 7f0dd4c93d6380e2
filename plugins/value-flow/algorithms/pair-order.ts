/**
 * Osmosis Value Flow: exchanges grouped by pair of actors
 * ========================================================
 *
 * The selected rows reordered by unordered pair {lo, hi} (lo < hi: the two actors in index order),
 * then by time — two stable counting sorts of the time-ordered rows, by hi then by lo, O(rows +
 * actors) and no comparison sort — so that both directions of a pair form one contiguous run in
 * time order. The pair, the direction and the time of every sorted position are gathered once, so
 * that reciprocity (reciprocated.ts, pair-reciprocity.ts) is one sequential scan per run.
 * An exchange an actor gives itself has lo = hi.
 */
import type { ExchangeColumns } from './columns.js';
import { checkRows } from './options.js';

const MODULE = 'osmosis/value-flow/pair-order';

export interface PairOrder {
  /** Positions into `rows` (not row numbers), sorted by lo, hi, then time. */
  readonly order: Uint32Array;
  /** The smaller actor of each sorted position's pair. */
  readonly lo: Int32Array;
  /** The larger one (= lo for a self-exchange). */
  readonly hi: Int32Array;
  /** 1 when the exchange goes lo → hi, 0 when hi → lo. */
  readonly forward: Uint8Array;
  /** Time of each sorted position. */
  readonly time: Float64Array;
}

export function pairOrder(x: ExchangeColumns, rows: Uint32Array, actorCount: number): PairOrder {
  checkRows(MODULE, x, rows, actorCount);
  const n = rows.length;
  const loOf = new Int32Array(n);
  const hiOf = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const a = x.from[rows[p]];
    const b = x.to[rows[p]];
    loOf[p] = a < b ? a : b;
    hiOf[p] = a < b ? b : a;
  }
  const byHi = new Uint32Array(n);
  const counts = new Uint32Array(actorCount + 1);
  for (let p = 0; p < n; p++) counts[hiOf[p] + 1]++;
  for (let a = 0; a < actorCount; a++) counts[a + 1] += counts[a];
  for (let p = 0; p < n; p++) byHi[counts[hiOf[p]]++] = p;
  counts.fill(0);
  for (let p = 0; p < n; p++) counts[loOf[p] + 1]++;
  for (let a = 0; a < actorCount; a++) counts[a + 1] += counts[a];
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const p = byHi[k];
    order[counts[loOf[p]]++] = p;
  }
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const forward = new Uint8Array(n);
  const time = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = order[k];
    const r = rows[p];
    lo[k] = loOf[p];
    hi[k] = hiOf[p];
    forward[k] = x.from[r] === loOf[p] && x.to[r] === hiOf[p] ? 1 : 0;
    time[k] = x.occurredAt[r];
  }
  return { order, lo, hi, forward, time };
}
