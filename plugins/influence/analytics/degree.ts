/** Worker side of `influence/degree`: in-, out- or total degree, or strength when weighted (algorithms/degree.ts). */
import type { ComputeFunction } from '../../../src/plugin-api/index.js';
import { degree } from '../algorithms/degree.js';
import type { DegreeParams, InfluenceResult } from '../params.js';

const compute: ComputeFunction<DegreeParams, InfluenceResult> = (graph, { direction, weighted, normalized }) => ({
  scores: degree(graph, { direction, weighted, normalized }),
  sample: null,
});
export default compute;
