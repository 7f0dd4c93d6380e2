/**
 * Osmosis Influence: eigenvector centrality
 * ==========================================
 *
 * Eigenvector centrality by power iteration: a node is central when central nodes point to it.
 *
 * [References]:
 * Phillip Bonacich. "Power and Centrality: A Family of Measures."
 * American Journal of Sociology 92(5):1170–1182, 1987.
 * Mark E. J. Newman. Networks: An Introduction. Oxford University Press, 2010, §7.2.
 *
 * Semantics are those of graphology-metrics 2.4 `centrality/eigenvector` (itself networkx's),
 * so results agree within 1e-9:
 *   - in-edges: x'[j] = x[j] + Σ_{i -> j} w(i,j)·x[i], i.e. iteration with (Aᵀ + I); the identity
 *     shift keeps the iteration from oscillating on bipartite or periodic structure;
 *   - start from 1/N; after each step divide by the Euclidean (L2) norm;
 *   - stop when the L1 change Σ_j |x'[j] - x[j]| < N·tolerance, else fail after maxIterations.
 * On a graph that is not strongly connected the limit concentrates on the dominant component
 * and nodes no central node reaches tend to 0; on a DAG there is no dominant eigenvector and the
 * iteration usually fails to converge, which is reported (NOT_CONVERGED), never hidden.
 * Deliberate differences: an empty graph gives an empty result; negative or non-finite weights
 * are rejected before iterating.
 */
import type { Graph } from './graph.js';
import {
  AlgorithmError, checkBoolean, checkGraph, checkInteger, checkPositive, checkWeights, resolveOptions,
} from './options.js';

const MODULE = 'osmosis/influence/eigenvector';

export interface EigenvectorOptions {
  /** Convergence threshold per node: iteration stops when the L1 change is below nodeCount × tolerance. */
  tolerance: number;
  /** Updates allowed before the computation fails with NOT_CONVERGED. */
  maxIterations: number;
  /** Use edge weights; false counts each distinct edge as 1. */
  weighted: boolean;
}

export const DEFAULTS: Readonly<EigenvectorOptions> = Object.freeze({
  tolerance: 1e-6,
  maxIterations: 100,
  weighted: true,
});

/** Eigenvector centrality of every node, indexed by node, with unit Euclidean norm. */
export function eigenvector(graph: Graph, options?: Partial<EigenvectorOptions>): Float64Array {
  const { tolerance, maxIterations, weighted } = resolveOptions(MODULE, DEFAULTS, options);
  checkPositive(MODULE, 'tolerance', tolerance);
  checkInteger(MODULE, 'maxIterations', maxIterations, 1);
  checkBoolean(MODULE, 'weighted', weighted);
  checkGraph(MODULE, graph);
  if (weighted) checkWeights(MODULE, graph, false);

  const n = graph.nodeCount;
  if (n === 0) return new Float64Array(0);

  const { offsets, targets, weights } = graph.in;
  const threshold = n * tolerance;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let max = 0;
    for (let j = 0; j < n; j++) {
      let sum = x[j];
      const end = offsets[j + 1];
      if (weighted) for (let e = offsets[j]; e < end; e++) sum += x[targets[e]] * weights[e];
      else for (let e = offsets[j]; e < end; e++) sum += x[targets[e]];
      next[j] = sum;
      if (sum > max) max = sum;
    }

    // Euclidean norm, scaled by the largest entry so that squaring cannot overflow.
    let squares = 0;
    for (let j = 0; j < n; j++) {
      const r = next[j] / max;
      squares += r * r;
    }
    const norm = max * Math.sqrt(squares);

    let error = 0;
    for (let j = 0; j < n; j++) {
      const value = next[j] / norm;
      error += Math.abs(value - x[j]);
      next[j] = value;
    }

    const previous = x;
    x = next;
    next = previous;
    if (error < threshold) return x;
  }

  throw new AlgorithmError(
    'NOT_CONVERGED',
    `${MODULE}: failed to converge in ${maxIterations} iterations (tolerance ${tolerance}); the graph may have no dominant eigenvector (e.g. a DAG)`,
  );
}
