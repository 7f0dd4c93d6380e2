import { describe, expect, it } from 'vitest';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import louvainModule from 'graphology-communities-louvain';
import { byIndex, graphOf, plantedGraph, rng, toGraphology, toProjection } from '../test-support/graphs.js';
import { modularity } from './modularity.js';
import { undirected } from './undirected.js';

type GraphologyModularity = (graph: unknown, options?: { getNodeCommunity?: (node: string) => number; resolution?: number }) => number;
const graphologyModularity = modularityModule as unknown as GraphologyModularity;
type GraphologyLouvain = (graph: unknown, options?: { rng?: () => number; resolution?: number }) => Record<string, number>;
const graphologyLouvain = louvainModule as unknown as GraphologyLouvain;

/** Two triangles {0, 1, 2} and {3, 4, 5} joined by 2 – 3: m = 7 ties, 2m = 14. */
const triangles = undirected(graphOf(6, [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5], [2, 3]]));

describe('modularity: hand-checked values', () => {
  it('two triangles: Q = 2·(6/14 − (7/14)²) = 5/14', () => {
    // Each triangle: Σin = 2·3 = 6 (both orders), Σtot = 2 + 2 + 3 = 7.
    expect(modularity(triangles, [0, 0, 0, 1, 1, 1])).toBeCloseTo(5 / 14, 15);
  });

  it('one community: Q = 14/14 − 1² = 0; singletons: Q = −(4·2² + 2·3²)/14² = −34/196', () => {
    expect(modularity(triangles, [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 15);
    expect(modularity(triangles, [0, 1, 2, 3, 4, 5])).toBeCloseTo(-34 / 196, 15);
  });

  it('resolution 0.5: Q = 2·(6/14 − 0.5·(7/14)²) = 17/28', () => {
    expect(modularity(triangles, [0, 0, 0, 1, 1, 1], { resolution: 0.5 })).toBeCloseTo(17 / 28, 15);
  });

  it('counts a self-loop twice in the degree: Q({0},{1}) = 2/6 − (4/6)² − (2/6)² = −2/9', () => {
    // 0 → 0 (1) gives A_00 = 2; 0 – 1 (2): k0 = 4, k1 = 2, 2m = 6.
    const g = undirected(graphOf(2, [[0, 0, 1], [0, 1, 2]]));
    expect(modularity(g, [0, 1])).toBeCloseTo(-2 / 9, 15);
    expect(modularity(g, [0, 0])).toBeCloseTo(0, 15);
  });

  it('is NaN without edge weight', () => {
    expect(modularity(undirected(graphOf(3, [])), [0, 1, 2])).toBeNaN();
  });

  it('rejects bad labels and options', () => {
    expect(() => modularity(triangles, [0, 0, 0, 1, 1])).toThrow('osmosis/silos/modularity: community must have one entry per node (6)');
    expect(() => modularity(triangles, [0, 0, 0, 1, 1, 6])).toThrow('community labels must be integers in [0, 6) (node 5 has 6)');
    expect(() => modularity(triangles, [0, 0, 0, 1, 1, 1], { resolution: 0 })).toThrow('resolution must be a positive number');
  });
});

describe('modularity: equals graphology-metrics within 1e-9', () => {
  for (const [seed, weights] of [[11, 'unit'], [12, 'real'], [13, 'real']] as const) {
    it(`planted graph ${seed} (${weights} weights), several partitions and resolutions`, () => {
      const list = plantedGraph(seed, { nodes: 400, communities: 8, edges: 3000, inside: 0.7, weights });
      const ours = undirected(toProjection(list));
      const theirs = toGraphology(list);
      const random = rng(seed);
      const partitions: Int32Array[] = [
        list.planted,
        byIndex(graphologyLouvain(theirs, { rng: rng(seed) }), list.nodeCount),
        Int32Array.from({ length: list.nodeCount }, () => Math.floor(random() * 5)),
        new Int32Array(list.nodeCount),
      ];
      for (const partition of partitions) {
        for (const resolution of [1, 0.5, 2]) {
          const expected = graphologyModularity(theirs, { getNodeCommunity: (node) => partition[Number(node.slice(1))], resolution });
          expect(Math.abs(modularity(ours, partition, { resolution }) - expected)).toBeLessThan(1e-9);
        }
      }
    });
  }
});
