import { describe, expect, it } from 'vitest';
import graphologyBetweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { EdgeListBuilder } from '../../../src/store/projection.js';
import {
  byIndex, maxAbsDiff, preferentialGraph, randomGraph, toGraphology, toProjection, type EdgeList,
} from '../test-support/graphs.js';
import { betweenness, DEFAULT_SAMPLE_SIZE, DEFAULTS } from './betweenness.js';

type GraphologyBetweenness = (graph: unknown, options?: { getEdgeWeight?: string | null; normalized?: boolean }) => Record<string, number>;
const graphologyBetweenness = graphologyBetweennessModule as unknown as GraphologyBetweenness;

function graphOf(n: number, edges: [number, number, number][]) {
  const builder = new EdgeListBuilder();
  for (let i = 0; i < n; i++) builder.node(`a${i}`, 'EMPLOYEE');
  for (const [a, b, w] of edges) builder.edge(a, b, w);
  return builder.build({});
}

const raw = { normalized: false };

describe('betweenness: hand-checked values', () => {
  it('a directed path 0 -> 1 -> 2 -> 3', () => {
    // Ordered pairs with an inner node: (0,2) via 1; (0,3) via 1 and 2; (1,3) via 2. BC = (0, 2, 2, 0).
    const g = graphOf(4, [[0, 1, 1], [1, 2, 1], [2, 3, 1]]);
    expect([...betweenness(g, raw)]).toEqual([0, 2, 2, 0]);
    // Normalized by (N - 1)(N - 2) = 6: (0, 1/3, 1/3, 0).
    const normalized = betweenness(g);
    expect(normalized[1]).toBeCloseTo(1 / 3, 15);
    expect(normalized[2]).toBeCloseTo(1 / 3, 15);
  });

  it('splits a pair between equally short paths', () => {
    // 0 -> 1 -> 3 and 0 -> 2 -> 3: σ(0,3) = 2, one through each of 1 and 2: BC(1) = BC(2) = 1/2.
    expect([...betweenness(graphOf(4, [[0, 1, 1], [1, 3, 1], [0, 2, 1], [2, 3, 1]]), raw)]).toEqual([0, 0.5, 0.5, 0]);
  });

  it('weighted: weights are lengths, exact ties split', () => {
    // 0 -> 1 (1), 1 -> 3 (1), 0 -> 2 (1), 2 -> 3 (2), 0 -> 3 (5): the shortest 0 ~> 3 is 0 -> 1 -> 3 (2), so BC(1) = 1, BC(2) = 0.
    const edges: [number, number, number][] = [[0, 1, 1], [1, 3, 1], [0, 2, 1], [2, 3, 2]];
    expect([...betweenness(graphOf(4, [...edges, [0, 3, 5]]), { ...raw, weighted: true })]).toEqual([0, 1, 0, 0]);
    // A direct 0 -> 3 of length 2 ties with 0 -> 1 -> 3: σ(0,3) = 2, BC(1) = 1/2.
    expect([...betweenness(graphOf(4, [...edges, [0, 3, 2]]), { ...raw, weighted: true })]).toEqual([0, 0.5, 0, 0]);
    // Unweighted, 0 -> 3 is one hop whatever its weight: nobody is in between.
    expect([...betweenness(graphOf(4, [...edges, [0, 3, 5]]), raw)]).toEqual([0, 0, 0, 0]);
  });

  it('ignores self-loops and unreachable pairs', () => {
    // Path 0 -> 1 -> 2 with a loop on 1, plus a separate edge 3 -> 4: only (0,2) has an inner node, 1.
    const g = graphOf(5, [[0, 1, 1], [1, 1, 1], [1, 2, 1], [3, 4, 1]]);
    expect([...betweenness(g, raw)]).toEqual([0, 1, 0, 0, 0]);
    expect([...betweenness(g, { ...raw, weighted: true })]).toEqual([0, 1, 0, 0, 0]);
  });

  it('stays finite when a tiny weight vanishes in a long distance', () => {
    // dist(1) = 1e17 and 1e17 + 1 === 1e17 in floating point, so dist(2) = dist(1): 1 is still 2's predecessor
    // (settled first), the path count of 2 is 1, and BC(1) = 1 for the pair (0, 2).
    const g = graphOf(3, [[0, 1, 1e17], [1, 2, 1], [2, 1, 1]]);
    expect([...betweenness(g, { ...raw, weighted: true })]).toEqual([0, 1, 0]);
  });

  it('handles graphs too small to normalize', () => {
    expect(betweenness(graphOf(0, []))).toEqual(new Float64Array(0));
    expect([...betweenness(graphOf(2, [[0, 1, 1], [1, 0, 1]]))]).toEqual([0, 0]);
  });
});

describe('betweenness: agrees with graphology-metrics within 1e-9', () => {
  const lists: Record<string, EdgeList> = {
    directed: randomGraph(31, { nodes: 150, edges: 700 }),
    'weighted (real)': randomGraph(32, { nodes: 150, edges: 800, weights: 'real' }),
    'weighted (integer, many ties)': randomGraph(33, { nodes: 150, edges: 900, weights: 'integer' }),
    dangling: randomGraph(34, { nodes: 150, edges: 500, weights: 'integer', dangling: 0.3 }),
    disconnected: randomGraph(35, { nodes: 180, edges: 700, components: 3, isolated: 5, weights: 'real' }),
    'self-loops and parallel edges': randomGraph(36, { nodes: 50, edges: 400, selfLoops: true, weights: 'integer' }),
    'preferential attachment': preferentialGraph(37, 400, 4),
  };

  for (const [name, list] of Object.entries(lists)) {
    it(name, () => {
      const ours = toProjection(list);
      const theirs = toGraphology(list);
      for (const weighted of [false, true]) {
        for (const normalized of [true, false]) {
          const expected = byIndex(graphologyBetweenness(theirs, { getEdgeWeight: weighted ? 'weight' : null, normalized }), list.nodeCount);
          expect(maxAbsDiff(betweenness(ours, { weighted, normalized }), expected)).toBeLessThan(1e-9);
        }
      }
    });
  }
});

describe('betweenness: sampled pivots (Brandes & Pich 2007)', () => {
  const list = preferentialGraph(41, 600, 5);
  const g = toProjection(list);
  const exactValues = betweenness(g, raw);

  it('is exact when k >= N, and sample: true takes min(N, DEFAULT_SAMPLE_SIZE)', () => {
    expect(maxAbsDiff(betweenness(g, { ...raw, sample: 600 }), exactValues)).toBe(0);
    expect(maxAbsDiff(betweenness(g, { ...raw, sample: 10_000 }), exactValues)).toBe(0);
    const small = toProjection(preferentialGraph(42, DEFAULT_SAMPLE_SIZE - 6, 3));
    expect(maxAbsDiff(betweenness(small, { sample: true }), betweenness(small))).toBe(0);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const a = betweenness(g, { sample: 50, seed: 7 });
    expect(maxAbsDiff(betweenness(g, { sample: 50, seed: 7 }), a)).toBe(0);
    expect(maxAbsDiff(betweenness(g, { sample: 50, seed: 8 }), a)).toBeGreaterThan(0);
  });

  it('estimates the total (unbiased scaling by N/k) and finds the central nodes', () => {
    // Σ_v BC(v) = Σ_s Σ_v δ_s(v); the estimate scales a k-source sum by N/k, so over seeds it averages to the exact total.
    const total = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0);
    let mean = 0;
    for (let seed = 1; seed <= 20; seed++) mean += total(betweenness(g, { ...raw, sample: 60, seed })) / 20;
    expect(Math.abs(mean - total(exactValues)) / total(exactValues)).toBeLessThan(0.1);
    // The most central node by the exact value is among the estimate's top 5 at k = 150 (a quarter of the sources).
    const best = exactValues.indexOf(Math.max(...exactValues));
    const estimate = betweenness(g, { ...raw, sample: 150 });
    const rankOfBest = [...estimate].filter((x) => x > estimate[best]).length;
    expect(rankOfBest).toBeLessThan(5);
  });
});

describe('betweenness: input checks', () => {
  const g = graphOf(3, [[0, 1, 1], [1, 2, 1]]);
  it.each([
    [{ sample: 0 }, 'sample must be an integer >= 1'],
    [{ sample: 2.5 }, 'sample must be an integer >= 1'],
    [{ sample: 'all' }, 'sample must be an integer >= 1'],
    [{ seed: 0.5 }, 'seed must be an integer'],
    [{ normalized: 0 }, 'normalized must be a boolean'],
    [{ weighted: 'yes' }, 'weighted must be a boolean'],
    [{ k: 10 }, 'unknown option "k"'],
  ])('%j', (options, message) => {
    expect(() => betweenness(g, options as never)).toThrow(`osmosis/influence/betweenness: ${message}`);
  });

  it('needs positive weights when weighted', () => {
    const zero = graphOf(3, [[0, 1, 1], [1, 2, 0]]);
    expect(() => betweenness(zero, { weighted: true })).toThrow('osmosis/influence/betweenness: edge weights must be finite and positive (edge 1 -> 2 has weight 0)');
    expect([...betweenness(zero, raw)]).toEqual([0, 1, 0]);
  });

  it('keeps its defaults', () => {
    expect(DEFAULTS).toEqual({ weighted: false, normalized: true, sample: false, seed: 1 });
  });
});
