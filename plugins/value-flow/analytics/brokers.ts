/** Worker side of `value-flow/brokers`: value relayed across the inside/outside boundary per actor (algorithms/brokers.ts). */
import { ACTOR_KINDS, factsOf, sideOf, type ComputeFunction } from '../../../src/plugin-api/index.js';
import { brokers } from '../algorithms/brokers.js';
import type { BrokersParams, BrokersResult } from '../params.js';
import { checkAligned, rowsOf } from './common.js';

const OUTSIDE = Uint8Array.from(ACTOR_KINDS, (k) => (sideOf(k) === 'OUTSIDE' ? 1 : 0));

const compute: ComputeFunction<BrokersParams, BrokersResult> = (graph, p, context) => {
  const facts = factsOf(context);
  checkAligned(graph, facts);
  const outside = Uint8Array.from(facts.actors.kind, (k) => OUTSIDE[k]);
  return brokers(facts.exchanges, rowsOf(facts, p), facts.actors.count, outside, p.measure);
};
export default compute;
