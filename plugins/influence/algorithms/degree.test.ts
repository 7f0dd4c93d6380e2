import { describe, expect, it } from 'vitest';
import degreeCentralityModule from 'graphology-metrics/centrality/degree.js';
import weightedDegreeModule from 'graphology-metrics/node/weighted-degree.js';
import { EdgeListBuilder } from '../../../src/store/projection.js';
import { keyOf, maxAbsDiff, randomGraph, toGraphology, toProjection } from '../test-support/graphs.js';
import { DEFAULTS, degree } from './degree.js';

type Centrality = (graph: unknown) => Record<string, number>;
const { degreeCentrality, inDegreeCentrality, outDegreeCentrality } = degreeCentralityModule as unknown as Record<string, Centrality>;
type Weighted = (graph: unknown, node: string, getEdgeWeight?: string) => number;
const { weightedInDegree, weightedOutDegree } = weightedDegreeModule as unknown as Record<string, Weighted>;

function graphOf(n: number, edges: [number, number, number][]) {
  const builder = new EdgeListBuilder();
  for (let i = 0; i < n; i++) builder.node(`a${i}`, 'EMPLOYEE');
  for (const [a, b, w] of edges) builder.edge(a, b, w);
  return builder.build({});
}

describe('degree: hand-checked values', () => {
  // 0 -> 1 (2), 0 -> 1 (0.5) (parallel: one pair of weight 2.5), 0 -> 2 (1), 2 -> 0 (4), 2 -> 2 (3) (self-loop), node 3 isolated.
  const g = graphOf(4, [[0, 1, 2], [0, 1, 0.5], [0, 2, 1], [2, 0, 4], [2, 2, 3]]);

  it('counts distinct pairs', () => {
    // out: 0 has {1, 2} = 2; 2 has {0, 2} = 2. in: 0 <- {2} = 1; 1 <- {0} = 1; 2 <- {0, 2} = 2.
    expect([...degree(g, { direction: 'out' })]).toEqual([2, 0, 2, 0]);
    expect([...degree(g, { direction: 'in' })]).toEqual([1, 1, 2, 0]);
    // total = in + out; the self-loop of 2 counts twice (once each way).
    expect([...degree(g)]).toEqual([3, 1, 4, 0]);
  });

  it('sums weights into strength', () => {
    // out: 0 = 2.5 + 1 = 3.5; 2 = 4 + 3 = 7. in: 0 = 4; 1 = 2.5; 2 = 1 + 3 = 4.
    expect([...degree(g, { direction: 'out', weighted: true })]).toEqual([3.5, 0, 7, 0]);
    expect([...degree(g, { direction: 'in', weighted: true })]).toEqual([4, 2.5, 4, 0]);
    expect([...degree(g, { weighted: true })]).toEqual([7.5, 2.5, 11, 0]);
  });

  it('normalizes by N - 1', () => {
    // N - 1 = 3: total degrees 3, 1, 4, 0 become 1, 1/3, 4/3, 0.
    const normalized = degree(g, { normalized: true });
    expect(normalized[0]).toBe(1);
    expect(normalized[1]).toBeCloseTo(1 / 3, 15);
    expect(normalized[2]).toBeCloseTo(4 / 3, 15);
    expect(normalized[3]).toBe(0);
    expect([...degree(graphOf(1, [[0, 0, 1]]), { normalized: true })]).toEqual([2]); // N = 1: nothing to divide by
  });
});

describe('degree: agrees with graphology', () => {
  const list = randomGraph(11, { nodes: 150, edges: 1200, selfLoops: true, weights: 'real', isolated: 3 });
  const ours = toProjection(list);
  const theirs = toGraphology(list);
  const n = list.nodeCount;
  const perNode = (f: (key: string) => number) => Float64Array.from({ length: n }, (_, i) => f(keyOf(i)));

  it('degree centralities (normalized by N - 1)', () => {
    const expected = (c: Centrality) => perNode((k) => c(theirs)[k]);
    expect(maxAbsDiff(degree(ours, { normalized: true }), expected(degreeCentrality))).toBeLessThan(1e-12);
    expect(maxAbsDiff(degree(ours, { direction: 'in', normalized: true }), expected(inDegreeCentrality))).toBeLessThan(1e-12);
    expect(maxAbsDiff(degree(ours, { direction: 'out', normalized: true }), expected(outDegreeCentrality))).toBeLessThan(1e-12);
    expect(maxAbsDiff(degree(ours), perNode((k) => theirs.degree(k)))).toBe(0);
  });

  it('weighted in-, out- and total strength', () => {
    const inStrength = perNode((k) => weightedInDegree(theirs, k));
    const outStrength = perNode((k) => weightedOutDegree(theirs, k));
    expect(maxAbsDiff(degree(ours, { direction: 'in', weighted: true }), inStrength)).toBeLessThan(1e-9);
    expect(maxAbsDiff(degree(ours, { direction: 'out', weighted: true }), outStrength)).toBeLessThan(1e-9);
    // graphology's weightedDegree counts a self-loop once; ours is in + out, consistent with the unweighted total.
    const total = inStrength.map((x, i) => x + outStrength[i]);
    expect(maxAbsDiff(degree(ours, { weighted: true }), total)).toBeLessThan(1e-9);
  });
});

describe('degree: input checks', () => {
  const g = graphOf(2, [[0, 1, 1]]);
  it.each([
    [{ direction: 'both' }, 'direction must be one of "in", "out", "total"'],
    [{ weighted: 1 }, 'weighted must be a boolean'],
    [{ normalized: 'no' }, 'normalized must be a boolean'],
    [{ mode: 'in' }, 'unknown option "mode"'],
  ])('%j', (options, message) => {
    expect(() => degree(g, options as never)).toThrow(`osmosis/influence/degree: ${message}`);
  });

  it('rejects negative weights only when weighted', () => {
    const bad = graphOf(2, [[0, 1, -2]]);
    expect(() => degree(bad, { weighted: true })).toThrow('osmosis/influence/degree: edge weights must be finite and non-negative (edge 0 -> 1 has weight -2)');
    expect([...degree(bad)]).toEqual([1, 1]);
  });

  it('keeps its defaults', () => {
    expect(DEFAULTS).toEqual({ direction: 'total', weighted: false, normalized: false });
  });
});
