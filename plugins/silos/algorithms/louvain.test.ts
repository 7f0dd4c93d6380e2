import { describe, expect, it } from 'vitest';
import louvainModule from 'graphology-communities-louvain';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import { graphOf, plantedGraph, rng, toGraphology, toProjection, type PlantedOptions } from '../test-support/graphs.js';
import { DEFAULTS, louvain } from './louvain.js';
import { modularity } from './modularity.js';
import { undirected } from './undirected.js';

type GraphologyLouvain = (graph: unknown, options?: { rng?: () => number; resolution?: number }) => Record<string, number>;
const graphologyLouvain = louvainModule as unknown as GraphologyLouvain;
type GraphologyModularity = (graph: unknown, options?: { getNodeCommunity?: (node: string) => number; resolution?: number }) => number;
const graphologyModularity = modularityModule as unknown as GraphologyModularity;

describe('louvain: hand-checked partitions', () => {
  it('splits two triangles joined by one edge: Q = 5/14', () => {
    // Triangles {0, 1, 2} and {3, 4, 5}, bridge 2 – 3: 2m = 14, each side Σin = 6, Σtot = 7,
    // Q = 2·(6/14 − 1/4) = 5/14. Equal sizes: the community with node 0 comes first.
    const g = undirected(graphOf(6, [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5], [2, 3]]));
    const r = louvain(g);
    expect([...r.community]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(r.count).toBe(2);
    expect([...r.sizes]).toEqual([3, 3]);
    expect(r.modularity).toBeCloseTo(5 / 14, 15);
  });

  it('numbers communities by size, then smallest node; isolated nodes stay alone', () => {
    // Node 0 isolated; a 4-clique {1, 2, 3, 4} and a triangle {5, 6, 7} joined by 4 – 5; node 8 isolated.
    const g = undirected(graphOf(9, [[1, 2], [1, 3], [1, 4], [2, 3], [2, 4], [3, 4], [5, 6], [6, 7], [5, 7], [4, 5]]));
    const r = louvain(g);
    expect([...r.community]).toEqual([2, 0, 0, 0, 0, 1, 1, 1, 3]);
    expect([...r.sizes]).toEqual([4, 3, 1, 1]);
    // 2m = 20; clique Σin = 12, Σtot = 13; triangle Σin = 6, Σtot = 7: Q = 12/20 − (13/20)² + 6/20 − (7/20)² = 0.9 − 218/400.
    expect(r.modularity).toBeCloseTo(0.9 - 218 / 400, 15);
  });

  it('follows weights: a heavy edge pulls its ends together', () => {
    // Path 0 – 1 – 2 – 3 with weights 5, 1, 5: {0, 1} and {2, 3}. 2m = 22, each side Σin = 10, Σtot = 11:
    // Q = 2·(10/22 − 1/4) = 9/22. Unweighted, the same path also splits in two halves.
    const g = undirected(graphOf(4, [[0, 1, 5], [1, 2, 1], [2, 3, 5]]));
    const r = louvain(g);
    expect([...r.community]).toEqual([0, 0, 1, 1]);
    expect(r.modularity).toBeCloseTo(9 / 22, 15);
  });

  it('merges everything at a low resolution: Q = 1 − γ', () => {
    const g = undirected(graphOf(6, [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5], [2, 3]]));
    const r = louvain(g, { resolution: 0.05 });
    expect(r.count).toBe(1);
    expect(r.modularity).toBeCloseTo(0.95, 15);
  });

  it('leaves every node alone on a graph without edges (Q undefined)', () => {
    const r = louvain(undirected(graphOf(3, [])));
    expect([...r.community]).toEqual([0, 1, 2]);
    expect(r.levels).toBe(0);
    expect(r.modularity).toBeNaN();
    expect(louvain(undirected(graphOf(0, []))).count).toBe(0);
  });

  it('is deterministic', () => {
    const g = undirected(toProjection(plantedGraph(3, { nodes: 500, communities: 10, edges: 3000, inside: 0.5, weights: 'real' })));
    expect(louvain(g)).toEqual(louvain(g));
  });

  it('rejects bad options and graphs', () => {
    const g = undirected(graphOf(2, [[0, 1]]));
    expect(() => louvain(g, { resolution: 0 })).toThrow('osmosis/silos/louvain: resolution must be a positive number');
    expect(() => louvain(g, { maxPasses: 0 })).toThrow('maxPasses must be an integer >= 1');
    expect(() => louvain(g, { seed: 1 } as never)).toThrow('unknown option "seed"');
    expect(() => louvain({ ...g, weights: Float64Array.from([1, -1]) })).toThrow('edge weights must be finite and non-negative (found -1)');
    expect(() => louvain({ ...g, nodeCount: 3 })).toThrow('the graph is not an undirected CSR graph');
    expect(DEFAULTS).toEqual({ resolution: 1, tolerance: 1e-6, maxPasses: 1000, maxLevels: 100 });
  });
});

describe('louvain: as good as graphology-communities-louvain on planted partitions', () => {
  const shapes: Record<string, [number, PlantedOptions]> = {
    'clear blocks': [21, { nodes: 300, communities: 6, edges: 3000, inside: 0.8 }],
    'weighted blocks': [22, { nodes: 1000, communities: 20, edges: 8000, inside: 0.6, weights: 'real' }],
    'weak blocks': [23, { nodes: 2000, communities: 40, edges: 10000, inside: 0.4 }],
    'many small blocks': [24, { nodes: 3000, communities: 200, edges: 12000, inside: 0.7, weights: 'real' }],
    'no structure': [25, { nodes: 1000, communities: 1, edges: 5000, inside: 0 }],
  };
  for (const [name, [seed, options]] of Object.entries(shapes)) {
    it(name, () => {
      const list = plantedGraph(seed, options);
      const g = undirected(toProjection(list));
      const twin = toGraphology(list);
      for (const resolution of [1, 0.5, 2]) {
        const ours = louvain(g, { resolution });
        // Our Q, computed by graphology-metrics on our partition: the same number.
        const checked = graphologyModularity(twin, { getNodeCommunity: (node) => ours.community[Number(node.slice(1))], resolution });
        expect(Math.abs(ours.modularity - checked)).toBeLessThan(1e-9);
        // Graphology's best of three seeded runs.
        let theirs = -Infinity;
        for (const run of [1, 2, 3]) {
          const mapping = graphologyLouvain(twin, { rng: rng(seed * 10 + run), resolution });
          theirs = Math.max(theirs, graphologyModularity(twin, { getNodeCommunity: (node) => mapping[node], resolution }));
        }
        expect(ours.modularity).toBeGreaterThan(theirs - 0.01);
        if (options.communities > 1 && options.inside >= 0.6 && resolution === 1) {
          expect(ours.modularity).toBeGreaterThanOrEqual(modularity(g, list.planted) - 0.01);
        }
      }
    });
  }
});
