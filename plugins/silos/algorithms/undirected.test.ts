import { describe, expect, it } from 'vitest';
import { graphOf } from '../test-support/graphs.js';
import { DEFAULTS, undirected } from './undirected.js';

const rows = (g: ReturnType<typeof undirected>) =>
  Array.from({ length: g.nodeCount }, (_, i) => Array.from({ length: g.offsets[i + 1] - g.offsets[i] }, (_x, k) => [g.targets[g.offsets[i] + k], g.weights[g.offsets[i] + k]]));

describe('undirected: A = W + Wᵀ', () => {
  it('merges both directions of a pair and keeps each edge in both rows', () => {
    // 0 → 1 (2), 1 → 0 (3), 1 → 2 (1): A_01 = 5, A_12 = 1.
    const g = undirected(graphOf(3, [[0, 1, 2], [1, 0, 3], [1, 2, 1]]));
    expect(rows(g)).toEqual([[[1, 5]], [[0, 5], [2, 1]], [[1, 1]]]);
  });

  it('counts a self-loop twice in the weighted view, as one tie (2) unweighted', () => {
    // 0 → 0 (1.5): A_00 = 3; 0 → 1 (4).
    const g = undirected(graphOf(2, [[0, 0, 1.5], [0, 1, 4]]));
    expect(rows(g)).toEqual([[[0, 3], [1, 4]], [[0, 4]]]);
    expect(rows(undirected(graphOf(2, [[0, 0, 1.5], [0, 1, 4], [1, 0, 1]]), { weighted: false }))).toEqual([[[0, 2], [1, 1]], [[0, 1]]]);
  });

  it('handles isolated nodes and the empty graph', () => {
    expect(rows(undirected(graphOf(3, [[2, 0, 1]])))).toEqual([[[2, 1]], [], [[0, 1]]]);
    expect(undirected(graphOf(0, [])).nodeCount).toBe(0);
  });

  it('rejects bad weights when weighted, bad options and malformed graphs', () => {
    expect(() => undirected(graphOf(2, [[0, 1, -1]]))).toThrow('osmosis/silos/undirected: edge weights must be finite and non-negative (found -1)');
    expect(undirected(graphOf(2, [[0, 1, -1]]), { weighted: false }).weights).toEqual(Float64Array.from([1, 1]));
    expect(() => undirected(graphOf(2, []), { weighted: 'yes' as never })).toThrow('osmosis/silos/undirected: weighted must be a boolean');
    expect(() => undirected(graphOf(2, []), { directed: true } as never)).toThrow('unknown option "directed"');
    expect(() => undirected({ ...graphOf(2, []), nodeCount: 3 })).toThrow("the graph's out adjacency is malformed");
    expect(DEFAULTS).toEqual({ weighted: true });
  });
});
