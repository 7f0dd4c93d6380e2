/**
 * The graphs the silos algorithms read.
 *
 * `Graph` is a types-only alias of the public plugin API's read-only projection (directed CSR
 * typed arrays). Community detection and tie counting need its undirected view, `UndirectedGraph`:
 * the symmetric matrix A = W + Wᵀ of the projection's weights W, in CSR form — every edge {u, v}
 * appears in u's row and in v's row with the same weight, a self-loop u → u of weight w once in
 * u's row with weight 2w (so that, as in igraph and NetworkX, it adds 2w to u's degree).
 */
export type { Projection as Graph } from '../../../src/plugin-api/index.js';

export interface UndirectedGraph {
  /** Number of nodes. */
  readonly nodeCount: number;
  /** Length nodeCount + 1: the neighbours of node i are the positions offsets[i] .. offsets[i + 1] - 1. */
  readonly offsets: Uint32Array;
  /** The neighbour at each position, ascending within a node. */
  readonly targets: Uint32Array;
  /** A_ij at each position (w_ij + w_ji; 2·w_ii on the diagonal). */
  readonly weights: Float64Array;
}
