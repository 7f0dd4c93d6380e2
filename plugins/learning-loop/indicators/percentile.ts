/**
 * Osmosis Learning loop: percentiles
 * ===================================
 *
 * Nearest-rank percentiles, the responsiveness plugin's method (each plugin keeps its own copy:
 * plugins share only the plugin API).
 *
 * [Reference]:
 * Rob J. Hyndman and Yanan Fan. "Sample quantiles in statistical packages." The American
 * Statistician 50(4):361–365, 1996 (definition 1: the inverse of the empirical distribution
 * function, "nearest rank").
 *
 * For n values sorted ascending x(1) ≤ … ≤ x(n) and 0 < p ≤ 1, the p-th percentile is x(⌈p·n⌉):
 * always an observed value; the median of an even count is the lower middle one. NaN when empty.
 */
import { invalid } from './check.js';

const MODULE = 'osmosis/learning-loop/percentile';

/** Summary of a distribution: count, nearest-rank P50 and P90, mean (NaN when empty). */
export interface Distribution {
  count: number;
  p50: number;
  p90: number;
  mean: number;
}

/** The nearest-rank p-th percentile of `sorted` (ascending), NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (typeof p !== 'number' || !(p > 0 && p <= 1)) throw invalid(MODULE, 'p must be a number in (0, 1]');
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return sorted[Math.min(n, Math.max(1, Math.ceil(Math.round(p * n * 1e9) / 1e9))) - 1];
}

/** Sorts `values` in place and summarises them. */
export function distribution(values: Float64Array): Distribution {
  values.sort();
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return {
    count: values.length,
    p50: percentile(values, 0.5),
    p90: percentile(values, 0.9),
    mean: values.length ? sum / values.length : Number.NaN,
  };
}
