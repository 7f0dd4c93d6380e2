/**
 * Worker side of `influence/betweenness` (algorithms/betweenness.ts). `sample: 'auto'` is exact
 * up to `exactUpTo` nodes and samples `autoSample` pivots above (error table in the algorithm's
 * header). Weighted, an edge's length is 1 / weight: the stronger a tie (or the larger an
 * exchange), the shorter the path through it; weights must then be positive.
 */
import type { Adjacency, ComputeFunction, Projection } from '../../../src/plugin-api/index.js';
import { betweenness } from '../algorithms/betweenness.js';
import type { BetweennessParams, InfluenceResult } from '../params.js';

const reciprocal = (side: Adjacency): Adjacency => ({ ...side, weights: side.weights.map((w) => 1 / w) });

/** The same graph with every weight w replaced by the length 1 / w (keys and kinds stay lazy: inherited, not copied). */
const asLengths = (graph: Projection): Projection =>
  Object.create(graph, { out: { value: reciprocal(graph.out) }, in: { value: reciprocal(graph.in) } }) as Projection;

const compute: ComputeFunction<BetweennessParams, InfluenceResult> = (graph, p) => {
  const k = p.sample === 'auto' ? (graph.nodeCount <= p.exactUpTo ? false : p.autoSample) : p.sample;
  const sampled = k !== false && k < graph.nodeCount;
  return {
    scores: betweenness(p.weighted ? asLengths(graph) : graph, { weighted: p.weighted, normalized: p.normalized, sample: k, seed: p.seed }),
    sample: sampled ? k : null,
  };
};
export default compute;
