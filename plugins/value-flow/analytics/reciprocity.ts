/**
 * Worker side of `value-flow/reciprocity`: which exchanges got value back within the window
 * (algorithms/reciprocated.ts), per actor and per pair.
 */
import { factsOf, type ComputeFunction } from '../../../src/plugin-api/index.js';
import { actorReciprocity } from '../algorithms/actor-reciprocity.js';
import { pairOrder } from '../algorithms/pair-order.js';
import { pairReciprocity } from '../algorithms/pair-reciprocity.js';
import { reciprocated } from '../algorithms/reciprocated.js';
import type { ReciprocityParams, ReciprocityResult } from '../params.js';
import { checkAligned, rowsOf } from './common.js';

const DAY = 86_400_000;

const compute: ComputeFunction<ReciprocityParams, ReciprocityResult> = (graph, p, context) => {
  const facts = factsOf(context);
  checkAligned(graph, facts);
  const x = facts.exchanges;
  const n = facts.actors.count;
  const rows = rowsOf(facts, p);
  const pairs = pairOrder(x, rows, n);
  const flags = reciprocated(x, rows, n, p.window * DAY, pairs);
  let count = 0;
  for (const f of flags) count += f;
  return {
    windowDays: p.window,
    exchanges: rows.length,
    reciprocated: count,
    actors: actorReciprocity(x, rows, n, flags),
    pairs: pairReciprocity(x, rows, n, flags, pairs),
  };
};
export default compute;
