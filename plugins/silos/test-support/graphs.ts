/**
 * Seeded graph generators for the silos algorithms' tests and benchmarks, and the twins built
 * from one edge list: our Projection (through the stores' EdgeListBuilder), its undirected view,
 * and a graphology UndirectedGraph (the independent reference) whose edge {u, v} weighs
 * w(u → v) + w(v → u), i.e. A_uv of our undirected view. Test code only: graphology never enters
 * plugin code.
 */
import { UndirectedGraph as GraphologyUndirected } from 'graphology';
import type { ActorKind, Projection } from '../../../src/plugin-api/index.js';
import { EdgeListBuilder } from '../../../src/store/projection.js';
import { rng } from '../../../test/support/rng.js';

export { rng } from '../../../test/support/rng.js';

export interface EdgeList {
  nodeCount: number;
  edgeCount: number;
  from: Uint32Array;
  to: Uint32Array;
  weight: Float64Array;
  /** The planted community of every node. */
  planted: Int32Array;
}

export interface PlantedOptions {
  nodes: number;
  /** Number of planted communities (consecutive blocks of nodes, sizes within ±50 % of the mean). */
  communities: number;
  /** Directed edges drawn (parallel edges and mutual pairs allowed, no self-loops). */
  edges: number;
  /** Share of edges that stay inside a planted community. */
  inside: number;
  /** unit: 1; real: uniform in [0.5, 3). */
  weights?: 'unit' | 'real';
}

/** A planted-partition graph: blocks of uneven size, `inside` of the edges within a block. */
export function plantedGraph(seed: number, o: PlantedOptions): EdgeList {
  const random = rng(seed);
  // Uneven block sizes, then cumulative starts.
  const raw = Array.from({ length: o.communities }, () => 0.5 + random());
  const sum = raw.reduce((a, b) => a + b, 0);
  const starts = new Uint32Array(o.communities + 1);
  for (let c = 0; c < o.communities; c++) starts[c + 1] = c === o.communities - 1 ? o.nodes : Math.min(o.nodes, starts[c] + Math.max(2, Math.round((raw[c] / sum) * o.nodes)));
  const planted = new Int32Array(o.nodes);
  for (let c = 0; c < o.communities; c++) planted.fill(c, starts[c], starts[c + 1]);
  const from = new Uint32Array(o.edges);
  const to = new Uint32Array(o.edges);
  const weight = new Float64Array(o.edges);
  for (let e = 0; e < o.edges; e++) {
    let a: number;
    let b: number;
    do {
      a = Math.floor(random() * o.nodes);
      if (random() < o.inside) {
        const c = planted[a];
        b = starts[c] + Math.floor(random() * (starts[c + 1] - starts[c]));
      } else {
        b = Math.floor(random() * o.nodes);
      }
    } while (a === b);
    from[e] = a;
    to[e] = b;
    weight[e] = o.weights === 'real' ? 0.5 + random() * 2.5 : 1;
  }
  return { nodeCount: o.nodes, edgeCount: o.edges, from, to, weight, planted };
}

/** Zero-padded so that key order is index order, as a store's projection orders nodes by key. */
export const keyOf = (i: number): string => `n${String(i).padStart(7, '0')}`;

/** Our projection of the list; `kindOf` gives each node's kind (default EMPLOYEE). */
export function toProjection(list: Pick<EdgeList, 'nodeCount' | 'edgeCount' | 'from' | 'to' | 'weight'>, kindOf: (i: number) => ActorKind = () => 'EMPLOYEE'): Projection {
  const builder = new EdgeListBuilder(Math.max(16, list.edgeCount));
  for (let i = 0; i < list.nodeCount; i++) builder.node(keyOf(i), kindOf(i));
  for (let e = 0; e < list.edgeCount; e++) builder.edge(list.from[e], list.to[e], list.weight[e]);
  return builder.build({ edges: 'TIES', weight: 'TIE_WEIGHT' });
}

/** The graphology twin: node i is keyOf(i); edge {u, v} weighs the sum of every u → v and v → u edge. */
export function toGraphology(list: EdgeList): GraphologyUndirected {
  const graph = new GraphologyUndirected();
  for (let i = 0; i < list.nodeCount; i++) graph.addNode(keyOf(i));
  const merged = new Map<number, number>();
  for (let e = 0; e < list.edgeCount; e++) {
    const a = Math.min(list.from[e], list.to[e]);
    const b = Math.max(list.from[e], list.to[e]);
    const pair = a * list.nodeCount + b;
    merged.set(pair, (merged.get(pair) ?? 0) + list.weight[e]);
  }
  for (const [pair, weight] of merged) {
    graph.addEdge(keyOf(Math.floor(pair / list.nodeCount)), keyOf(pair % list.nodeCount), { weight });
  }
  return graph;
}

/** A graphology mapping (node key → community) as an Int32Array indexed like the projection. */
export function byIndex(mapping: Record<string, number>, nodeCount: number): Int32Array {
  const values = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) values[i] = mapping[keyOf(i)];
  return values;
}

/** A projection over nodes 0 .. n-1 (keys a0, a1, ... in that order) from [from, to, weight] triples. */
export function graphOf(n: number, edges: readonly (readonly [number, number, number?])[], kinds: readonly ActorKind[] = []): Projection {
  const builder = new EdgeListBuilder();
  for (let i = 0; i < n; i++) builder.node(`a${String(i).padStart(3, '0')}`, kinds[i] ?? 'EMPLOYEE');
  for (const [a, b, w] of edges) builder.edge(a, b, w ?? 1);
  return builder.build({});
}

/**
 * The hand-checked ecosystem of the indicator tests, nodes in this order:
 *   0 T1, 1 T2 (TEAM); 2 e1, 3 e2, 4 e3 (EMPLOYEE, team T1); 5 e4, 6 e5 (EMPLOYEE, team T2);
 *   7 c1, 8 c2 (CUSTOMER); 9 p1 (PARTNER).
 * Ties between people (one per pair): e1–e2, e2–e3, e1–e3 (inside T1); e4 → e5 (2) and e5 → e4 (1)
 * (inside T2, one tie of weight 3); e3–e4 and e1–e4 (T1–T2); e1–c1, e1–c2, e1–p1, e2–p1, e5–p1
 * (to the outside); c1–c2 (outside). Plus the membership edge e1 → T1.
 * Planted communities: {T1, e1, e2, e3} 0, {T2, e4, e5} 1, {c1, c2} 2, {p1} 3.
 */
export const HAND = {
  kinds: ['TEAM', 'TEAM', 'EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE', 'CUSTOMER', 'CUSTOMER', 'PARTNER'] as ActorKind[],
  edges: [
    [2, 3], [3, 4], [2, 4], [5, 6, 2], [6, 5, 1], [4, 5], [2, 5], [2, 7], [2, 8], [2, 9], [3, 9], [6, 9], [7, 8], [2, 0],
  ] as [number, number, number?][],
  /** Team index per node (T1 = 0, T2 = 1; a TEAM is its own team). */
  team: Int32Array.from([0, 1, 0, 0, 0, 1, 1, -1, -1, -1]),
  /** 1 for people (not TEAM nodes). */
  person: Uint8Array.from([0, 0, 1, 1, 1, 1, 1, 1, 1, 1]),
  outside: Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]),
  community: Int32Array.from([0, 1, 0, 0, 0, 1, 1, 2, 2, 3]),
  /** ROLE_NONE for teams, ROLE_EMPLOYEE for employees, ROLE_OUTSIDER for the others. */
  role: Uint8Array.from([0, 0, 1, 1, 1, 1, 1, 2, 2, 2]),
};
