import { describe, expect, it } from 'vitest';
import { gini } from './gini.js';

/** The definition, O(n²): Σ_i Σ_j |x_i − x_j| / (2 n² μ). */
const byDefinition = (x: number[]) => {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  let sum = 0;
  for (const a of x) for (const b of x) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
};

describe('gini', () => {
  it('hand-checked', () => {
    // [1, 1, 2, 2]: 8 ordered pairs differ by 1 → 8 / (2 · 16 · 1.5) = 1/6.
    // Sorted-rank form: (−3·1 − 1·1 + 1·2 + 3·2) / (4 · 6) = 4 / 24 = 1/6.
    expect(gini([2, 1, 2, 1])).toBeCloseTo(1 / 6, 15);
    // [1, 4]: |1 − 4| · 2 / (2 · 4 · 2.5) = 6 / 20 = 0.3.
    expect(gini([4, 1])).toBeCloseTo(0.3, 15);
    // Equal loads: 0. One of n carries everything: 1 − 1/n.
    expect(gini([3, 3, 3])).toBe(0);
    expect(gini([0, 0, 0, 5])).toBeCloseTo(0.75, 15);
    expect(gini([7])).toBe(0);
  });

  it('undefined without values or without load', () => {
    expect(gini([])).toBeNaN();
    expect(gini([0, 0])).toBeNaN();
  });

  it('agrees with the mean-absolute-difference definition', () => {
    const x = [5, 1, 9, 2, 2, 0, 13, 4, 4, 8];
    expect(gini(x)).toBeCloseTo(byDefinition(x), 12);
  });

  it('leaves its input alone and checks it', () => {
    const x = Float64Array.of(3, 1, 2);
    gini(x);
    expect([...x]).toEqual([3, 1, 2]);
    expect(() => gini([1, -1])).toThrow('osmosis/responsiveness/gini: values must be finite and non-negative (value 1 is -1)');
    expect(() => gini(null as never)).toThrow('values must be an array-like');
  });
});
