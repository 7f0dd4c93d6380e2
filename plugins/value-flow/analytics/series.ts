/** Worker side of `value-flow/series`: value by kind per DAY, WEEK or MONTH (algorithms/series.ts). */
import { ACTOR_KINDS, factsOf, sideOf, type ComputeFunction } from '../../../src/plugin-api/index.js';
import { series } from '../algorithms/series.js';
import type { SeriesParams, SeriesResult } from '../params.js';
import { checkAligned, filterOf, rowsOf } from './common.js';

const compute: ComputeFunction<SeriesParams, SeriesResult> = (graph, p, context) => {
  const facts = factsOf(context);
  checkAligned(graph, facts);
  const x = facts.exchanges;
  let rows = rowsOf(facts, p);
  if (p.fromSide || p.toSide) {
    const sideOfActor = (a: number) => sideOf(ACTOR_KINDS[facts.actors.kind[a]]);
    rows = rows.filter((r) => (!p.fromSide || sideOfActor(x.from[r]) === p.fromSide) && (!p.toSide || sideOfActor(x.to[r]) === p.toSide));
  }
  const { since, until } = filterOf(p);
  return series(x, rows, facts.actors.count, p.period, since, until);
};
export default compute;
