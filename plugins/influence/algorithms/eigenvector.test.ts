import { describe, expect, it } from 'vitest';
import graphologyEigenvectorModule from 'graphology-metrics/centrality/eigenvector.js';
import { EdgeListBuilder } from '../../../src/store/projection.js';
import {
  byIndex, maxAbsDiff, preferentialGraph, randomGraph, toGraphology, toProjection, type EdgeList,
} from '../test-support/graphs.js';
import { DEFAULTS, eigenvector } from './eigenvector.js';

type GraphologyEigenvector = (graph: unknown, options?: { getEdgeWeight?: string | null; tolerance?: number; maxIterations?: number }) => Record<string, number>;
const graphologyEigenvector = graphologyEigenvectorModule as unknown as GraphologyEigenvector;

function graphOf(n: number, edges: [number, number, number][]) {
  const builder = new EdgeListBuilder();
  for (let i = 0; i < n; i++) builder.node(`a${i}`, 'EMPLOYEE');
  for (const [a, b, w] of edges) builder.edge(a, b, w);
  return builder.build({});
}

/** Both directions of each [a, b, w]. */
const symmetric = (edges: [number, number, number][]): [number, number, number][] => edges.flatMap(([a, b, w]) => [[a, b, w], [b, a, w]] as [number, number, number][]);
const exact = { tolerance: 1e-14, maxIterations: 1000 };

describe('eigenvector: hand-checked values', () => {
  it('a 2-cycle: both nodes 1/√2 after one step', () => {
    // x = (1/2, 1/2); x' = x + Aᵀx = (1, 1); divided by its norm √2: (1/√2, 1/√2). L1 change 2·(0.7071 - 0.5) = 0.41
    // is above 2e-6, the next step changes nothing, and the iteration stops.
    const x = eigenvector(graphOf(2, [[0, 1, 1], [1, 0, 1]]));
    expect(x[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(x[1]).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it('a path 0 - 1 - 2: (1, √2, 1) / 2', () => {
    // A has eigenvalues √2, 0, -√2; for √2: x1 = √2·x0 and x0 = x2 (row 0: x1 = √2·x0).
    // Unit norm: (1, √2, 1)/2, i.e. (0.5, 0.7071, 0.5). The +I shift makes the ratio 1/(1 + √2), fast convergence.
    const x = eigenvector(graphOf(3, symmetric([[0, 1, 1], [1, 2, 1]])), exact);
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(x[2]).toBeCloseTo(0.5, 12);
  });

  it('weights scale the adjacency', () => {
    // 0 - 1 weighs 4, 1 - 2 weighs 1: A x = λx gives 4·x1 = λ·x0, 4·x0 + x2 = λ·x1, x1 = λ·x2, so λ² = 17.
    // With x1 = √17: x0 = 4, x2 = 1; norm √(16 + 17 + 1) = √34: (4, √17, 1)/√34.
    const g = graphOf(3, symmetric([[0, 1, 4], [1, 2, 1]]));
    const x = eigenvector(g, exact);
    expect(x[0]).toBeCloseTo(4 / Math.sqrt(34), 12);
    expect(x[1]).toBeCloseTo(Math.sqrt(17 / 34), 12);
    expect(x[2]).toBeCloseTo(1 / Math.sqrt(34), 12);
    // Unweighted it is the path above.
    expect(eigenvector(g, { ...exact, weighted: false })[1]).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('uses in-edges: being pointed at by central nodes counts', () => {
    // Cycle 0 -> 1 -> 2 -> 0 plus 0 -> 3: node 3 only receives from 0, and points nowhere.
    // Aᵀ restricted to the cycle is a permutation (eigenvalue 1, vector uniform); 3 gets x0 each step and keeps its own
    // (the +I shift): at the fixed point of x' = (x + Aᵀx)/‖·‖ with the cycle at c, x3 = (x3 + c)/2 ⇒ x3 = c,
    // so all four nodes are equal: 1/2 each (unit norm).
    const x = eigenvector(graphOf(4, [[0, 1, 1], [1, 2, 1], [2, 0, 1], [0, 3, 1]]), exact);
    for (const v of x) expect(v).toBeCloseTo(0.5, 9);
  });

  it('fails when there is no dominant eigenvector (a DAG)', () => {
    // 0 -> 1: (Aᵀ + I) is a Jordan block, x converges to (0, 1) like 1/k, far slower than 100 steps allow.
    expect(() => eigenvector(graphOf(2, [[0, 1, 1]]))).toThrow(
      'osmosis/influence/eigenvector: failed to converge in 100 iterations (tolerance 0.000001)',
    );
    expect(eigenvector(graphOf(0, []))).toEqual(new Float64Array(0));
    expect([...eigenvector(graphOf(1, []))]).toEqual([1]);
  });
});

describe('eigenvector: agrees with graphology-metrics within 1e-9', () => {
  const lists: Record<string, EdgeList> = {
    directed: randomGraph(21, { nodes: 200, edges: 1600 }),
    weighted: randomGraph(22, { nodes: 200, edges: 1600, weights: 'real' }),
    dangling: randomGraph(23, { nodes: 200, edges: 1600, weights: 'integer', dangling: 0.25 }),
    disconnected: randomGraph(24, { nodes: 300, edges: 2400, components: 3, isolated: 4, weights: 'real' }),
    'self-loops and parallel edges': randomGraph(25, { nodes: 60, edges: 700, selfLoops: true, weights: 'integer' }),
    'preferential attachment': preferentialGraph(26, 1500, 6),
  };

  // Where graphology fails to converge (components with close leading eigenvalues converge slowly), ours must fail too.
  for (const [name, list] of Object.entries(lists)) {
    it(name, () => {
      const ours = toProjection(list);
      const theirs = toGraphology(list);
      let compared = 0;
      for (const weighted of [true, false]) {
        for (const settings of [{}, { tolerance: 1e-9, maxIterations: 2000 }]) {
          let expected: Float64Array;
          try {
            expected = byIndex(graphologyEigenvector(theirs, { getEdgeWeight: weighted ? 'weight' : null, ...settings }), list.nodeCount);
          } catch {
            expect(() => eigenvector(ours, { weighted, ...settings })).toThrow(/^osmosis\/influence\/eigenvector: failed to converge/);
            continue;
          }
          expect(maxAbsDiff(eigenvector(ours, { weighted, ...settings }), expected)).toBeLessThan(1e-9);
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(2); // the shape is exercised, not only its failure
    });
  }

  it('fails to converge exactly when graphology does', () => {
    const list = randomGraph(27, { nodes: 100, edges: 150 }); // sparse: mostly DAG-like, slow
    expect(() => graphologyEigenvector(toGraphology(list), { maxIterations: 20 })).toThrow(/failed to converge/);
    expect(() => eigenvector(toProjection(list), { maxIterations: 20 })).toThrow('osmosis/influence/eigenvector: failed to converge in 20 iterations');
  });
});

describe('eigenvector: input checks', () => {
  const g = graphOf(2, [[0, 1, 1], [1, 0, 1]]);
  it.each([
    [{ tolerance: 0 }, 'tolerance must be a positive number'],
    [{ tolerance: Number.POSITIVE_INFINITY }, 'tolerance must be a positive number'],
    [{ maxIterations: -3 }, 'maxIterations must be an integer >= 1'],
    [{ weighted: null }, 'weighted must be a boolean'],
    [{ alpha: 0.85 }, 'unknown option "alpha"'],
  ])('%j', (options, message) => {
    expect(() => eigenvector(g, options as never)).toThrow(`osmosis/influence/eigenvector: ${message}`);
  });

  it('rejects negative weights', () => {
    expect(() => eigenvector(graphOf(2, [[0, 1, 1], [1, 0, -1]]))).toThrow('osmosis/influence/eigenvector: edge weights must be finite and non-negative (edge 1 -> 0 has weight -1)');
  });

  it('keeps its defaults', () => {
    expect(DEFAULTS).toEqual({ tolerance: 1e-6, maxIterations: 100, weighted: true });
  });
});
