/**
 * Osmosis Silos: modularity
 * ==========================
 *
 * Newman's modularity of a partition of an undirected weighted graph, with a resolution γ
 * (Reichardt & Bornholdt):
 *
 *   Q = (1 / 2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j) = Σ_c [ Σin_c / 2m − γ (Σtot_c / 2m)² ]
 *
 * where A is the symmetric weight matrix (undirected.ts: A = W + Wᵀ), k_i = Σ_j A_ij the weighted
 * degree, 2m = Σ_i k_i, Σin_c = Σ_{i,j ∈ c} A_ij (both orders, diagonal included) and
 * Σtot_c = Σ_{i ∈ c} k_i. One pass over the edges, O(N + E). On a graph without any edge weight
 * (2m = 0) modularity is undefined: NaN.
 *
 * On a graph without self-loops this is exactly graphology-metrics' `modularity` of the
 * undirected graph whose edge {u, v} weighs A_uv (tests agree within 1e-9). With self-loops the
 * conventions differ: here a loop adds 2w to the degree (NetworkX, igraph), graphology adds w.
 *
 * [References]:
 * M. E. J. Newman, « Modularity and community structure in networks », PNAS 103(23), 2006, 8577–8582.
 * J. Reichardt and S. Bornholdt, « Statistical mechanics of community detection », Phys. Rev. E 74, 016110, 2006.
 */
import type { UndirectedGraph } from './graph.js';
import { checkPerNode, checkPositive, invalidGraph, resolveOptions } from './options.js';

const MODULE = 'osmosis/silos/modularity';

export interface ModularityOptions {
  /** γ: above 1 favours smaller communities, below 1 larger ones. */
  resolution: number;
}

export const DEFAULTS: Readonly<ModularityOptions> = Object.freeze({ resolution: 1 });

/** Q of the partition `community` (one label per node, integers in [0, nodeCount)). */
export function modularity(graph: UndirectedGraph, community: ArrayLike<number>, options?: Partial<ModularityOptions>): number {
  const { resolution } = resolveOptions(MODULE, DEFAULTS, options);
  checkPositive(MODULE, 'resolution', resolution);
  const n = graph.nodeCount;
  checkPerNode(MODULE, 'community', community, n);
  for (let i = 0; i < n; i++) {
    const c = community[i];
    if (!Number.isInteger(c) || c < 0 || c >= n) throw invalidGraph(MODULE, `community labels must be integers in [0, ${n}) (node ${i} has ${c})`);
  }

  const { offsets, targets, weights } = graph;
  const inside = new Float64Array(n);
  const total = new Float64Array(n);
  let twoM = 0;
  for (let i = 0; i < n; i++) {
    const c = community[i];
    let k = 0;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const w = weights[e];
      k += w;
      if (community[targets[e]] === c) inside[c] += w;
    }
    total[c] += k;
    twoM += k;
  }
  if (!(twoM > 0)) return Number.NaN;

  let q = 0;
  for (let c = 0; c < n; c++) {
    if (total[c] === 0 && inside[c] === 0) continue;
    const share = total[c] / twoM;
    q += inside[c] / twoM - resolution * share * share;
  }
  return q;
}
