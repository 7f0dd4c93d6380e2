/**
 * Osmosis Silos: the undirected view of a projection
 * ===================================================
 *
 * Community detection (Blondel et al. 2008) and Krackhardt & Stern's E-I index work on undirected
 * ties. This builds A = W + Wᵀ from the projection's directed weights W in one merge of the `out`
 * and `in` rows of every node (both ascending), O(N + E), without per-edge objects:
 *   - weighted: A_uv = w(u → v) + w(v → u); a self-loop u → u of weight w gives A_uu = 2w;
 *   - unweighted: A_uv = 1 for every pair joined in either direction (a mutual pair is one tie),
 *     A_uu = 2 for a self-loop (one tie, counted twice in the degree as usual).
 * Weights must be finite and non-negative when weighted.
 *
 * [Reference]:
 * M. E. J. Newman, Networks: An Introduction, Oxford University Press, 2010, §6.4 (undirected
 * view of a directed network, A + Aᵀ) and §7.8 (self-edges counted twice in the degree).
 */
import type { Graph, UndirectedGraph } from './graph.js';
import { checkBoolean, invalidGraph, resolveOptions } from './options.js';

const MODULE = 'osmosis/silos/undirected';

export interface UndirectedOptions {
  /** Sum the projection's weights (true) or count 1 per joined pair (false). */
  weighted: boolean;
}

export const DEFAULTS: Readonly<UndirectedOptions> = Object.freeze({ weighted: true });

/** The symmetric CSR of A = W + Wᵀ (or its 0/1 pattern when not weighted). */
export function undirected(graph: Graph, options?: Partial<UndirectedOptions>): UndirectedGraph {
  const { weighted } = resolveOptions(MODULE, DEFAULTS, options);
  checkBoolean(MODULE, 'weighted', weighted);
  const n = graph?.nodeCount;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || !graph.out || !graph.in) {
    throw invalidGraph(MODULE, 'the graph is not a projection (nodeCount, out, in)');
  }
  const out = graph.out;
  const inn = graph.in;
  for (const [name, side] of [['out', out], ['in', inn]] as const) {
    if (side.offsets.length !== n + 1 || side.offsets[n] !== side.targets.length || side.weights.length !== side.targets.length) {
      throw invalidGraph(MODULE, `the graph's ${name} adjacency is malformed (offsets, targets and weights disagree)`);
    }
  }
  if (weighted) {
    const w = out.weights;
    for (let e = 0; e < w.length; e++) {
      if (!(w[e] >= 0 && w[e] < Infinity)) throw invalidGraph(MODULE, `edge weights must be finite and non-negative (found ${w[e]})`);
    }
  }

  // Upper bound of the row lengths, then one merge per node; rows are compacted at the end.
  const capacity = out.targets.length + inn.targets.length;
  const offsets = new Uint32Array(n + 1);
  const targets = new Uint32Array(capacity);
  const weights = new Float64Array(capacity);
  let k = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = k;
    let a = out.offsets[u];
    const aEnd = out.offsets[u + 1];
    let b = inn.offsets[u];
    const bEnd = inn.offsets[u + 1];
    while (a < aEnd || b < bEnd) {
      const ta = a < aEnd ? out.targets[a] : 0xffffffff;
      const tb = b < bEnd ? inn.targets[b] : 0xffffffff;
      let v: number;
      let w = 0;
      if (ta <= tb) {
        v = ta;
        w += out.weights[a++];
        if (tb === ta) w += inn.weights[b++];
      } else {
        v = tb;
        w += inn.weights[b++];
      }
      targets[k] = v;
      // A self-loop is in both rows of u (out and in): the weighted sum is already 2w.
      weights[k] = weighted ? w : v === u ? 2 : 1;
      k++;
    }
  }
  offsets[n] = k;
  return {
    nodeCount: n,
    offsets,
    targets: k === capacity ? targets : targets.slice(0, k),
    weights: k === capacity ? weights : weights.slice(0, k),
  };
}
