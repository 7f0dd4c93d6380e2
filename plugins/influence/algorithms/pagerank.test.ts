import { describe, expect, it } from 'vitest';
import graphologyPagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { EdgeListBuilder } from '../../../src/store/projection.js';
import {
  byIndex, maxAbsDiff, preferentialGraph, randomGraph, toGraphology, toProjection, type EdgeList, type RandomGraphOptions,
} from '../test-support/graphs.js';
import { DEFAULTS, pagerank } from './pagerank.js';

type GraphologyPagerank = (graph: unknown, options?: { getEdgeWeight?: string | null; alpha?: number; tolerance?: number; maxIterations?: number }) => Record<string, number>;
const graphologyPagerank = graphologyPagerankModule as unknown as GraphologyPagerank;

/** A projection from [from, to, weight] triples over `n` nodes. */
function graphOf(n: number, edges: [number, number, number][]) {
  const builder = new EdgeListBuilder();
  for (let i = 0; i < n; i++) builder.node(`a${i}`, 'EMPLOYEE');
  for (const [a, b, w] of edges) builder.edge(a, b, w);
  return builder.build({});
}

const exact = { tolerance: 1e-15, maxIterations: 1000 };

describe('pagerank: hand-checked values', () => {
  it('a directed 3-cycle is uniform', () => {
    // Every node passes 0.85 · 1/3 to the next and receives 0.05: 0.05 + 0.85/3 = 1/3, a fixed point from the start.
    const ranks = pagerank(graphOf(3, [[0, 1, 1], [1, 2, 1], [2, 0, 1]]));
    for (const r of ranks) expect(r).toBeCloseTo(1 / 3, 15);
  });

  it('spreads a dangling node uniformly', () => {
    // 0 -> 1 <- 2, node 1 dangling. By symmetry x0 = x2 = a, x1 = b = 1 - 2a.
    // Every node gets base = 0.15/3 + 0.85·b/3; x0 = base = (0.15 + 0.85(1 - 2a))/3 = (1 - 1.7a)/3,
    // so 3a = 1 - 1.7a, a = 1/4.7 = 10/47 and b = 27/47.
    const ranks = pagerank(graphOf(3, [[0, 1, 1], [2, 1, 1]]), exact);
    expect(ranks[0]).toBeCloseTo(10 / 47, 12);
    expect(ranks[1]).toBeCloseTo(27 / 47, 12);
    expect(ranks[2]).toBeCloseTo(10 / 47, 12);
  });

  it('follows edge weights, or ignores them when weighted is false', () => {
    // 0 -> 1 (3), 0 -> 2 (1), 1 -> 0 (1), 2 -> 0 (1); base 0.15/3 = 0.05, no dangling node.
    // x1 = 0.05 + 0.85·(3/4)·x0, x2 = 0.05 + 0.85·(1/4)·x0, so x1 + x2 = 0.1 + 0.85·x0;
    // x0 = 0.05 + 0.85·(x1 + x2) = 0.135 + 0.7225·x0, x0 = 0.135 / 0.2775 = 18/37;
    // x1 = 0.05 + 0.6375·18/37 = 13.325/37, x2 = 0.05 + 0.2125·18/37 = 5.675/37.
    const g = graphOf(3, [[0, 1, 3], [0, 2, 1], [1, 0, 1], [2, 0, 1]]);
    const weighted = pagerank(g, exact);
    expect(weighted[0]).toBeCloseTo(18 / 37, 12);
    expect(weighted[1]).toBeCloseTo(13.325 / 37, 12);
    expect(weighted[2]).toBeCloseTo(5.675 / 37, 12);
    // Unweighted, both out-edges of 0 count 1/2: x0 is still 18/37 and x1 = x2 = (1 - 18/37)/2 = 19/74.
    const unweighted = pagerank(g, { ...exact, weighted: false });
    expect(unweighted[0]).toBeCloseTo(18 / 37, 12);
    expect(unweighted[1]).toBeCloseTo(19 / 74, 12);
    expect(unweighted[2]).toBeCloseTo(19 / 74, 12);
  });

  it('merges parallel edges by summing their weights', () => {
    // 0 -> 1 given as 2 + 1 is the same edge as 0 -> 1 (3) above.
    const merged = pagerank(graphOf(3, [[0, 1, 2], [0, 2, 1], [1, 0, 1], [0, 1, 1], [2, 0, 1]]), exact);
    expect(merged[1]).toBeCloseTo(13.325 / 37, 12);
  });

  it('treats a self-loop as an ordinary out-edge', () => {
    // 0 -> 0, 0 -> 1, 1 -> 0, unit weights; base 0.075. x1 = 0.075 + 0.85·x0/2 and x1 = 1 - x0,
    // so 1.425·x0 = 0.925: x0 = 37/57, x1 = 20/57. Check: 0.075 + 0.85·(18.5/57 + 20/57) = 37/57.
    const ranks = pagerank(graphOf(2, [[0, 0, 1], [0, 1, 1], [1, 0, 1]]), exact);
    expect(ranks[0]).toBeCloseTo(37 / 57, 12);
    expect(ranks[1]).toBeCloseTo(20 / 57, 12);
  });

  it('handles the empty graph, a lone node and zero-weight out-edges', () => {
    expect(pagerank(graphOf(0, []))).toEqual(new Float64Array(0));
    expect(pagerank(graphOf(1, []))[0]).toBeCloseTo(1, 15);
    // Node 0's only out-edge weighs 0: it is dangling (graphology would divide by zero). Both nodes
    // then only receive the uniform share: 0.5 each.
    const ranks = pagerank(graphOf(2, [[0, 1, 0]]));
    expect([...ranks]).toEqual([0.5, 0.5]);
  });

  it('returns a distribution', () => {
    const ranks = pagerank(toProjection(randomGraph(3, { nodes: 300, edges: 2000, dangling: 0.2, weights: 'real' })));
    expect(ranks.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });
});

describe('pagerank: agrees with graphology-metrics within 1e-9', () => {
  const shapes: Record<string, RandomGraphOptions> = {
    directed: { nodes: 200, edges: 1200 },
    weighted: { nodes: 200, edges: 1500, weights: 'real' },
    dangling: { nodes: 250, edges: 900, weights: 'integer', dangling: 0.3 },
    disconnected: { nodes: 300, edges: 1500, components: 3, isolated: 7, weights: 'real' },
    'self-loops and parallel edges': { nodes: 60, edges: 900, selfLoops: true, weights: 'integer' },
    sparse: { nodes: 400, edges: 300, weights: 'real' },
  };
  const lists: Record<string, EdgeList> = Object.fromEntries(Object.entries(shapes).map(([name, o], i) => [name, randomGraph(100 + i, o)]));
  lists['preferential attachment'] = preferentialGraph(7, 2000, 5);

  for (const [name, list] of Object.entries(lists)) {
    it(name, () => {
      const ours = toProjection(list);
      const theirs = toGraphology(list);
      expect(ours.edgeCount).toBe(theirs.size);
      for (const weighted of [true, false]) {
        for (const settings of [{}, { alpha: 0.5 }, { tolerance: 1e-10, maxIterations: 500 }]) {
          const expected = byIndex(graphologyPagerank(theirs, { getEdgeWeight: weighted ? 'weight' : null, ...settings }), list.nodeCount);
          expect(maxAbsDiff(pagerank(ours, { weighted, ...settings }), expected)).toBeLessThan(1e-9);
        }
      }
    });
  }

  it('fails to converge exactly when graphology does', () => {
    const list = lists.weighted;
    const settings = { tolerance: 1e-12, maxIterations: 5 };
    expect(() => graphologyPagerank(toGraphology(list), settings)).toThrow(/failed to converge/);
    expect(() => pagerank(toProjection(list), settings)).toThrow('osmosis/influence/pagerank: failed to converge in 5 iterations');
  });
});

describe('pagerank: input checks', () => {
  const g = graphOf(2, [[0, 1, 1]]);
  it.each([
    [{ alpha: 1 }, 'alpha must be a number in [0, 1)'],
    [{ alpha: -0.1 }, 'alpha must be a number in [0, 1)'],
    [{ alpha: Number.NaN }, 'alpha must be a number in [0, 1)'],
    [{ tolerance: 0 }, 'tolerance must be a positive number'],
    [{ tolerance: -1 }, 'tolerance must be a positive number'],
    [{ maxIterations: 0 }, 'maxIterations must be an integer >= 1'],
    [{ maxIterations: 2.5 }, 'maxIterations must be an integer >= 1'],
    [{ weighted: 'yes' }, 'weighted must be a boolean'],
    [{ tolerence: 1e-3 }, 'unknown option "tolerence"'],
  ])('%j', (options, message) => {
    expect(() => pagerank(g, options as never)).toThrow(`osmosis/influence/pagerank: ${message}`);
  });

  it('rejects negative or non-finite weights when weighted, not when unweighted', () => {
    for (const w of [-1, Number.POSITIVE_INFINITY, Number.NaN]) {
      const bad = graphOf(3, [[0, 1, 1], [2, 1, w]]);
      expect(() => pagerank(bad)).toThrow(`osmosis/influence/pagerank: edge weights must be finite and non-negative (edge 2 -> 1 has weight ${w})`);
      expect(pagerank(bad, { weighted: false })).toHaveLength(3);
    }
  });

  it('rejects a malformed graph', () => {
    const broken = { ...g, nodeCount: 5 };
    expect(() => pagerank(broken)).toThrow("osmosis/influence/pagerank: the graph's out adjacency is malformed");
  });

  it('keeps its defaults', () => {
    expect(DEFAULTS).toEqual({ alpha: 0.85, tolerance: 1e-6, maxIterations: 100, weighted: true });
    expect(Object.isFrozen(DEFAULTS)).toBe(true);
  });
});
