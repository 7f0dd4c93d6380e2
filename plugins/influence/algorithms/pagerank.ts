/**
 * Osmosis Influence: PageRank
 * ============================
 *
 * Weighted PageRank by power iteration over a read-only projection (CSR typed arrays).
 *
 * [Reference]:
 * Page, Lawrence; Brin, Sergey; Motwani, Rajeev and Winograd, Terry,
 * The PageRank citation ranking: Bringing order to the Web. Stanford InfoLab, 1999.
 *
 * Semantics are those of graphology-metrics 2.4 `centrality/pagerank` (results agree within 1e-9):
 *   - start from 1/N everywhere;
 *   - a node passes alpha·rank to its out-neighbours in proportion to edge weight / weighted
 *     out-degree (edge count / out-degree when not weighted);
 *   - dangling nodes (weighted out-degree 0) give alpha·rank uniformly to every node, and every
 *     node receives (1 - alpha)/N: x'[j] = (1 - alpha)/N + alpha·(dangling mass)/N + alpha·Σ_i x[i]·w(i,j)/d(i);
 *   - stop when the L1 change Σ_j |x'[j] - x[j]| < N·tolerance, returning x' (not renormalised,
 *     though it sums to 1 up to rounding); after maxIterations updates without that, fail;
 *   - a self-loop is an ordinary out-edge (a node keeps part of its own rank).
 * Deliberate differences: an empty graph gives an empty result (graphology fails to converge);
 * a node whose out-edges all weigh 0 is dangling (graphology divides by zero and returns NaN);
 * negative or non-finite weights are rejected before iterating.
 *
 * The iteration pulls over the `in` adjacency: each pass scales rank by 1/out-degree once per
 * node, then every node sums over its in-edges. Two Float64Arrays are swapped between passes, so
 * the inner loop allocates nothing.
 */
import type { Graph } from './graph.js';
import {
  AlgorithmError, checkBoolean, checkGraph, checkInteger, checkPositive, checkWeights, invalidOption, resolveOptions,
} from './options.js';

const MODULE = 'osmosis/influence/pagerank';

export interface PagerankOptions {
  /** Damping factor: the probability of following an edge rather than jumping anywhere; 0 <= alpha < 1. */
  alpha: number;
  /** Convergence threshold per node: iteration stops when the L1 change is below nodeCount × tolerance. */
  tolerance: number;
  /** Updates allowed before the computation fails with NOT_CONVERGED. */
  maxIterations: number;
  /** Use edge weights (projection weights, parallel edges summed); false counts each distinct edge as 1. */
  weighted: boolean;
}

export const DEFAULTS: Readonly<PagerankOptions> = Object.freeze({
  alpha: 0.85,
  tolerance: 1e-6,
  maxIterations: 100,
  weighted: true,
});

/** PageRank of every node, indexed by node; sums to 1 (up to rounding) when the graph has nodes. */
export function pagerank(graph: Graph, options?: Partial<PagerankOptions>): Float64Array {
  const { alpha, tolerance, maxIterations, weighted } = resolveOptions(MODULE, DEFAULTS, options);
  if (typeof alpha !== 'number' || !(alpha >= 0 && alpha < 1)) throw invalidOption(MODULE, 'alpha must be a number in [0, 1)');
  checkPositive(MODULE, 'tolerance', tolerance);
  checkInteger(MODULE, 'maxIterations', maxIterations, 1);
  checkBoolean(MODULE, 'weighted', weighted);
  checkGraph(MODULE, graph);
  if (weighted) checkWeights(MODULE, graph, false);

  const n = graph.nodeCount;
  if (n === 0) return new Float64Array(0);

  // 1 / (weighted) out-degree; 0 for a dangling node, whose rank is spread uniformly instead.
  const outOffsets = graph.out.offsets;
  const outWeights = graph.out.weights;
  const inverseOut = new Float64Array(n);
  let danglingCount = 0;
  for (let i = 0; i < n; i++) {
    let d = 0;
    const end = outOffsets[i + 1];
    if (weighted) for (let e = outOffsets[i]; e < end; e++) d += outWeights[e];
    else d = end - outOffsets[i];
    if (d > 0) inverseOut[i] = 1 / d;
    else danglingCount++;
  }
  const dangling = new Uint32Array(danglingCount);
  for (let i = 0, k = 0; i < n; i++) if (inverseOut[i] === 0) dangling[k++] = i;

  const { offsets, targets, weights } = graph.in;
  const threshold = n * tolerance;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let danglingMass = 0;
    for (let k = 0; k < danglingCount; k++) danglingMass += x[dangling[k]];
    const base = (alpha * danglingMass + (1 - alpha)) / n;
    for (let i = 0; i < n; i++) share[i] = alpha * x[i] * inverseOut[i];

    let error = 0;
    if (weighted) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        const end = offsets[j + 1];
        for (let e = offsets[j]; e < end; e++) sum += share[targets[e]] * weights[e];
        const value = base + sum;
        error += Math.abs(value - x[j]);
        next[j] = value;
      }
    } else {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        const end = offsets[j + 1];
        for (let e = offsets[j]; e < end; e++) sum += share[targets[e]];
        const value = base + sum;
        error += Math.abs(value - x[j]);
        next[j] = value;
      }
    }

    const previous = x;
    x = next;
    next = previous;
    if (error < threshold) return x;
  }

  throw new AlgorithmError(
    'NOT_CONVERGED',
    `${MODULE}: failed to converge in ${maxIterations} iterations (tolerance ${tolerance}); raise maxIterations or tolerance`,
  );
}
