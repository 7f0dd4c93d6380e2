/**
 * Osmosis Value Flow: inflow, outflow and net value per actor and kind
 * =====================================================================
 *
 * Value network analysis looks at what every role gives and receives, tangible and intangible
 * alike. For actor a and value kind k over the selected exchanges:
 *
 *   inflow(a, k)  = Σ amount of the exchanges of kind k received by a     (inCount: how many)
 *   outflow(a, k) = Σ amount of the exchanges of kind k given by a         (outCount: how many)
 *   net(a, k)     = inflow(a, k) − outflow(a, k)
 *
 * Amounts of different kinds are in different units (MONEY in euros, GOODS in pieces, the
 * intangibles in occurrences), so sums across kinds are left to the caller: counts add up, amounts
 * only within a kind. An exchange an actor gives itself counts on both sides. O(rows + actors · kinds).
 *
 * [Reference]:
 * V. Allee, « Value network analysis and value conversion of tangible and intangible assets »,
 * Journal of Intellectual Capital 9(1), 2008, 5–24.
 */
import { VALUE_KINDS } from '../../../src/plugin-api/index.js';
import type { ExchangeColumns } from './columns.js';
import { checkRows } from './options.js';

const MODULE = 'osmosis/value-flow/balances';
const K = VALUE_KINDS.length;

export interface Balances {
  /** inAmount[a · K + k], K = VALUE_KINDS.length. */
  readonly inAmount: Float64Array;
  readonly outAmount: Float64Array;
  readonly inCount: Uint32Array;
  readonly outCount: Uint32Array;
}

export function balances(x: ExchangeColumns, rows: Uint32Array, actorCount: number): Balances {
  checkRows(MODULE, x, rows, actorCount);
  const inAmount = new Float64Array(actorCount * K);
  const outAmount = new Float64Array(actorCount * K);
  const inCount = new Uint32Array(actorCount * K);
  const outCount = new Uint32Array(actorCount * K);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const kind = x.kind[r];
    const amount = x.amount[r];
    const i = x.to[r] * K + kind;
    const o = x.from[r] * K + kind;
    inAmount[i] += amount;
    inCount[i]++;
    outAmount[o] += amount;
    outCount[o]++;
  }
  return { inAmount, outAmount, inCount, outCount };
}
