/**
 * Seeded graph generators for the influence algorithms' tests and benchmarks, and the two twins
 * built from one edge list: our Projection (through EdgeListBuilder) and a graphology
 * DirectedGraph (the independent reference). Test code only: graphology never enters plugin code.
 *
 * Both twins number nodes 0..n-1 in the same order and merge parallel edges by summing their
 * weights in insertion order, so weighted results are comparable to the last bit of each sum.
 */
import { DirectedGraph } from 'graphology';
import type { Projection } from '../../../src/plugin-api/index.js';
import { EdgeListBuilder } from '../../../src/store/projection.js';
import { rng } from '../../../test/support/rng.js';

export { rng } from '../../../test/support/rng.js';

export interface EdgeList {
  nodeCount: number;
  /** Raw edges; may repeat a pair (parallel edges) and may have from === to (self-loops). */
  edgeCount: number;
  from: Uint32Array;
  to: Uint32Array;
  weight: Float64Array;
}

export type WeightShape = 'unit' | 'integer' | 'real';

export interface RandomGraphOptions {
  nodes: number;
  edges: number;
  /** unit: 1; integer: 1..3 (many equally short weighted paths); real: uniform in [0.1, 5). */
  weights?: WeightShape;
  /** Allow from === to. */
  selfLoops?: boolean;
  /** Share of nodes that never get an out-edge (dangling for PageRank). */
  dangling?: number;
  /** Edges stay inside this many blocks of consecutive nodes (disconnected components). */
  components?: number;
  /** Extra nodes, after the others, with no edge at all. */
  isolated?: number;
}

/** Random directed multigraph (Erdős–Rényi-like edge sampling) with the shapes above. */
export function randomGraph(seed: number, options: RandomGraphOptions): EdgeList {
  const random = rng(seed);
  const { nodes, edges, weights = 'unit', selfLoops = false, dangling = 0, components = 1, isolated = 0 } = options;
  const from = new Uint32Array(edges);
  const to = new Uint32Array(edges);
  const weight = new Float64Array(edges);
  const blockSize = Math.ceil(nodes / components);
  const isDangling = new Uint8Array(nodes);
  for (let i = 0; i < nodes; i++) isDangling[i] = random() < dangling ? 1 : 0;
  for (let e = 0; e < edges; e++) {
    let a: number;
    let b: number;
    do {
      a = Math.floor(random() * nodes);
      const block = Math.floor(a / blockSize);
      const start = block * blockSize;
      const size = Math.min(blockSize, nodes - start);
      b = start + Math.floor(random() * size);
    } while (isDangling[a] || (!selfLoops && a === b));
    from[e] = a;
    to[e] = b;
    weight[e] = weights === 'unit' ? 1 : weights === 'integer' ? 1 + Math.floor(random() * 3) : 0.1 + random() * 4.9;
  }
  return { nodeCount: nodes + isolated, edgeCount: edges, from, to, weight };
}

/**
 * Preferential-attachment-like directed graph: every node gets `perNode` distinct out-edges
 * (no self-loops, no parallel edges, so edgeCount = nodes × perNode exactly). A target is, with
 * probability `attachment`, the endpoint of an earlier edge (so popular nodes grow more popular,
 * a heavy-tailed in-degree), otherwise uniform over all nodes. Weights are uniform in [0.5, 5).
 */
export function preferentialGraph(seed: number, nodes: number, perNode: number, attachment = 0.8): EdgeList {
  const random = rng(seed);
  const m = nodes * perNode;
  const from = new Uint32Array(m);
  const to = new Uint32Array(m);
  const weight = new Float64Array(m);
  let e = 0;
  for (let a = 0; a < nodes; a++) {
    const first = e;
    while (e - first < perNode) {
      const b = e > 0 && random() < attachment ? to[Math.floor(random() * e)] : Math.floor(random() * nodes);
      if (b === a) continue;
      let seen = false;
      for (let k = first; k < e; k++) if (to[k] === b) { seen = true; break; }
      if (seen) continue;
      from[e] = a;
      to[e] = b;
      weight[e] = 0.5 + random() * 4.5;
      e++;
    }
  }
  return { nodeCount: nodes, edgeCount: m, from, to, weight };
}

/** Zero-padded so that key order is index order, as a store's projection orders nodes by key. */
export const keyOf = (i: number): string => `n${String(i).padStart(7, '0')}`;

export function toProjection(list: EdgeList): Projection {
  const builder = new EdgeListBuilder(Math.max(16, list.edgeCount));
  for (let i = 0; i < list.nodeCount; i++) builder.node(keyOf(i), i % 3 === 0 ? 'CUSTOMER' : 'EMPLOYEE');
  for (let e = 0; e < list.edgeCount; e++) builder.edge(list.from[e], list.to[e], list.weight[e]);
  return builder.build({ edges: 'TIES', weight: 'TIE_WEIGHT' });
}

/** The graphology twin: node i is keyOf(i), parallel edges merged into one with summed `weight`. */
export function toGraphology(list: EdgeList): DirectedGraph {
  const graph = new DirectedGraph();
  for (let i = 0; i < list.nodeCount; i++) graph.addNode(keyOf(i));
  const merged = new Map<number, number>();
  for (let e = 0; e < list.edgeCount; e++) {
    const pair = list.from[e] * list.nodeCount + list.to[e];
    const previous = merged.get(pair);
    merged.set(pair, previous === undefined ? list.weight[e] : previous + list.weight[e]);
  }
  for (const [pair, weight] of merged) {
    graph.addEdge(keyOf(Math.floor(pair / list.nodeCount)), keyOf(pair % list.nodeCount), { weight });
  }
  return graph;
}

/** A graphology result mapping (node key → value) as a Float64Array indexed like the projection. */
export function byIndex(mapping: Record<string, number>, nodeCount: number): Float64Array {
  const values = new Float64Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) values[i] = mapping[keyOf(i)];
  return values;
}

/** Largest absolute difference between two result arrays (Infinity when lengths differ, NaN-aware). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= max)) max = d; // NaN propagates as NaN
  }
  return max;
}
