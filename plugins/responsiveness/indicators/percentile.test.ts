import { describe, expect, it } from 'vitest';
import { percentile, sortedByGroup } from './percentile.js';

describe('percentile (nearest rank)', () => {
  const x = Float64Array.from([2, 10, 30, 80]);
  it('hand-checked', () => {
    // n = 4: P50 = x(⌈0.5·4⌉) = x(2) = 10; P90 = x(⌈3.6⌉) = x(4) = 80; P25 = x(1) = 2; P100 = x(4).
    expect(percentile(x, 0.5)).toBe(10);
    expect(percentile(x, 0.9)).toBe(80);
    expect(percentile(x, 0.25)).toBe(2);
    expect(percentile(x, 1)).toBe(80);
    // A slice: [10, 30] → P50 = x(1) = 10, P90 = x(⌈1.8⌉) = x(2) = 30.
    expect(percentile(x, 0.5, 1, 3)).toBe(10);
    expect(percentile(x, 0.9, 1, 3)).toBe(30);
    expect(percentile(x, 0.5, 2, 2)).toBeNaN();
  });

  it('is not fooled by floating point (0.7 × 10 = 7, not 7.000000000000001)', () => {
    const ten = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(ten, 0.7)).toBe(7);
    expect(percentile(ten, 0.9)).toBe(9);
  });

  it('checks its input', () => {
    expect(() => percentile(x, 0)).toThrow('osmosis/responsiveness/percentile: p must be a number in (0, 1]');
    expect(() => percentile(x, 0.5, 3, 9)).toThrow('start and end must delimit a slice');
  });
});

describe('sortedByGroup', () => {
  it('buckets by group, sorts each, skips NaN and group -1', () => {
    const group = Int32Array.from([1, 0, 1, -1, 1, 0]);
    const value = Float64Array.from([5, 3, 1, 9, Number.NaN, 2]);
    // group 0: {3, 2} → [2, 3]; group 1: {5, 1} (NaN skipped) → [1, 5]; group 2: empty.
    const { offsets, values } = sortedByGroup(group, value, 3);
    expect([...offsets]).toEqual([0, 2, 4, 4]);
    expect([...values]).toEqual([2, 3, 1, 5]);
  });

  it('checks its input', () => {
    expect(() => sortedByGroup(Int32Array.of(3), Float64Array.of(1), 2)).toThrow('group 3 is not below groupCount 2');
    expect(() => sortedByGroup(Int32Array.of(0), Float64Array.of(1, 2), 1)).toThrow('same length');
  });
});
