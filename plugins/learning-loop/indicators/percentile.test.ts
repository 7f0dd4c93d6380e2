import { describe, expect, it } from 'vitest';
import { distribution, percentile } from './percentile.js';

describe('percentile (nearest rank) and distribution', () => {
  it('hand-checked', () => {
    // [6, 6, 15, 23]: P50 = x(2) = 6; P90 = x(⌈3.6⌉) = x(4) = 23; mean 50 / 4 = 12.5.
    expect(distribution(Float64Array.from([23, 6, 15, 6]))).toEqual({ count: 4, p50: 6, p90: 23, mean: 12.5 });
    // [10, 22]: P50 = x(1) = 10; P90 = x(⌈1.8⌉) = 22; mean 16.
    expect(distribution(Float64Array.from([22, 10]))).toEqual({ count: 2, p50: 10, p90: 22, mean: 16 });
    expect(distribution(new Float64Array(0))).toEqual({ count: 0, p50: NaN, p90: NaN, mean: NaN });
    expect(percentile(Float64Array.from({ length: 10 }, (_, i) => i + 1), 0.7)).toBe(7);
  });

  it('checks p', () => {
    expect(() => percentile([1], 1.5)).toThrow('osmosis/learning-loop/percentile: p must be a number in (0, 1]');
  });
});
