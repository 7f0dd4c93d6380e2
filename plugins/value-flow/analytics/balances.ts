/** Worker side of `value-flow/balances`: inflow, outflow and net per actor and value kind (algorithms/balances.ts). */
import { VALUE_KINDS, factsOf, type ComputeFunction } from '../../../src/plugin-api/index.js';
import { balances } from '../algorithms/balances.js';
import type { BalancesParams, BalancesResult } from '../params.js';
import { checkAligned, rowsOf } from './common.js';

const compute: ComputeFunction<BalancesParams, BalancesResult> = (graph, p, context) => {
  const facts = factsOf(context);
  checkAligned(graph, facts);
  const rows = rowsOf(facts, p);
  const b = balances(facts.exchanges, rows, facts.actors.count);
  const count = new Uint32Array(VALUE_KINDS.length);
  const amount = new Float64Array(VALUE_KINDS.length);
  for (const r of rows) {
    count[facts.exchanges.kind[r]]++;
    amount[facts.exchanges.kind[r]] += facts.exchanges.amount[r];
  }
  return { exchanges: rows.length, totals: { count, amount }, ...b };
};
export default compute;
