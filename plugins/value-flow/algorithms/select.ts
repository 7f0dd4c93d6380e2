/**
 * Osmosis Value Flow: the exchanges an analysis reads
 * ====================================================
 *
 * The rows of the exchange table inside a time window [since, until) whose kind is wanted, in
 * table order (ascending time). One pass, O(rows).
 */
import { VALUE_KINDS } from '../../../src/plugin-api/index.js';
import type { ExchangeColumns } from './columns.js';
import { invalidOption } from './options.js';

const MODULE = 'osmosis/value-flow/select';

export interface ExchangeFilter {
  /** Inclusive lower bound, ms since the epoch (-Infinity: none). */
  since: number;
  /** Exclusive upper bound (Infinity: none). */
  until: number;
  /** Wanted value-kind codes (indexes into VALUE_KINDS); null: every kind. */
  kinds: readonly number[] | null;
}

export const ALL: Readonly<ExchangeFilter> = Object.freeze({ since: -Infinity, until: Infinity, kinds: null });

export function selectExchanges(x: ExchangeColumns, filter: ExchangeFilter = ALL): Uint32Array {
  const { since, until, kinds } = filter;
  if (Number.isNaN(since) || Number.isNaN(until)) throw invalidOption(MODULE, 'since and until must be numbers');
  const wanted = new Uint8Array(VALUE_KINDS.length);
  if (kinds === null) wanted.fill(1);
  else {
    for (const k of kinds) {
      if (!Number.isInteger(k) || k < 0 || k >= VALUE_KINDS.length) throw invalidOption(MODULE, `unknown value kind code ${k}`);
      wanted[k] = 1;
    }
  }
  const rows = new Uint32Array(x.count);
  let n = 0;
  for (let r = 0; r < x.count; r++) {
    const t = x.occurredAt[r];
    if (t >= since && t < until && wanted[x.kind[r]]) rows[n++] = r;
  }
  return n === rows.length ? rows : rows.slice(0, n);
}
