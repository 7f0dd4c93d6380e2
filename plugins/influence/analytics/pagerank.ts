/** Worker side of `influence/pagerank`: weighted PageRank over the projection (algorithms/pagerank.ts). */
import type { ComputeFunction } from '../../../src/plugin-api/index.js';
import { pagerank } from '../algorithms/pagerank.js';
import type { InfluenceResult, PagerankParams } from '../params.js';

const compute: ComputeFunction<PagerankParams, InfluenceResult> = (graph, { alpha, tolerance, maxIterations, weighted }) => ({
  scores: pagerank(graph, { alpha, tolerance, maxIterations, weighted }),
  sample: null,
});
export default compute;
