/** Worker side of `influence/eigenvector`: eigenvector centrality by power iteration (algorithms/eigenvector.ts). */
import type { ComputeFunction } from '../../../src/plugin-api/index.js';
import { eigenvector } from '../algorithms/eigenvector.js';
import type { EigenvectorParams, InfluenceResult } from '../params.js';

const compute: ComputeFunction<EigenvectorParams, InfluenceResult> = (graph, { tolerance, maxIterations, weighted }) => ({
  scores: eigenvector(graph, { tolerance, maxIterations, weighted }),
  sample: null,
});
export default compute;
