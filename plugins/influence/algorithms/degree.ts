/**
 * Osmosis Influence: degree and strength
 * =======================================
 *
 * In-, out- and total degree of every node, or with `weighted` its strength (the sum of the
 * weights of those edges).
 *
 * [References]:
 * Linton C. Freeman. "Centrality in social networks: conceptual clarification."
 * Social Networks 1(3):215–239, 1979 (degree centrality).
 * Alain Barrat, Marc Barthélemy, Romualdo Pastor-Satorras and Alessandro Vespignani.
 * "The architecture of complex weighted networks." PNAS 101(11):3747–3752, 2004 (strength).
 *
 * Counts are over the projection's distinct directed pairs (parallel edges were merged, so a
 * pair counts once in the degree and with its summed weight in the strength). The total is
 * in + out, so a self-loop counts once in the in-degree, once in the out-degree and twice in the
 * total, as in graphology's `degree` (graphology-metrics' `weightedDegree` counts it once; ours
 * stays in + out for strength too). `normalized` divides by N - 1 (when N > 1), as
 * graphology-metrics' `degreeCentrality`, `inDegreeCentrality` and `outDegreeCentrality` do.
 */
import type { Graph } from './graph.js';
import { checkBoolean, checkGraph, checkOneOf, checkWeights, resolveOptions } from './options.js';

const MODULE = 'osmosis/influence/degree';

export type DegreeDirection = 'in' | 'out' | 'total';
const DIRECTIONS: readonly DegreeDirection[] = ['in', 'out', 'total'];

export interface DegreeOptions {
  /** Which edges count: incoming, outgoing, or both. */
  direction: DegreeDirection;
  /** Sum edge weights (strength) instead of counting edges (degree). */
  weighted: boolean;
  /** Divide by nodeCount - 1 (degree centrality). */
  normalized: boolean;
}

export const DEFAULTS: Readonly<DegreeOptions> = Object.freeze({
  direction: 'total',
  weighted: false,
  normalized: false,
});

/** Degree (or strength) of every node, indexed by node. */
export function degree(graph: Graph, options?: Partial<DegreeOptions>): Float64Array {
  const { direction, weighted, normalized } = resolveOptions(MODULE, DEFAULTS, options);
  checkOneOf(MODULE, 'direction', direction, DIRECTIONS);
  checkBoolean(MODULE, 'weighted', weighted);
  checkBoolean(MODULE, 'normalized', normalized);
  checkGraph(MODULE, graph);
  if (weighted) checkWeights(MODULE, graph, false);

  const n = graph.nodeCount;
  const result = new Float64Array(n);
  if (direction !== 'in') accumulate(result, n, graph.out.offsets, graph.out.weights, weighted);
  if (direction !== 'out') accumulate(result, n, graph.in.offsets, graph.in.weights, weighted);
  if (normalized && n > 1) {
    const scale = 1 / (n - 1);
    for (let i = 0; i < n; i++) result[i] *= scale;
  }
  return result;
}

function accumulate(result: Float64Array, n: number, offsets: Uint32Array, weights: Float64Array, weighted: boolean): void {
  for (let i = 0; i < n; i++) {
    const end = offsets[i + 1];
    if (!weighted) {
      result[i] += end - offsets[i];
      continue;
    }
    let s = 0;
    for (let e = offsets[i]; e < end; e++) s += weights[e];
    result[i] += s;
  }
}
