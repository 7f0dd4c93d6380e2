/**
 * Osmosis Responsiveness: percentiles
 * ====================================
 *
 * Nearest-rank percentiles, and values bucketed by group so that each group's percentiles are
 * read from one sorted slice.
 *
 * [References]:
 * Rob J. Hyndman and Yanan Fan. "Sample quantiles in statistical packages." The American
 * Statistician 50(4):361–365, 1996 (definition 1: the inverse of the empirical distribution
 * function, "nearest rank").
 *
 * Method: for n values sorted ascending x(1) ≤ … ≤ x(n) and 0 < p ≤ 1, the p-th percentile is
 * x(⌈p·n⌉) — always an observed value, and the smallest one with at least p·n values at or below
 * it ("90 % of signals were answered within P90"). The median of an even count is the lower of
 * the two middle values. No values: NaN. `p·n` is rounded to 1e-9 first, so 0.7 × 10 is 7 and
 * not the 7.000000000000001 of floating point.
 */
import { invalid } from './check.js';

const MODULE = 'osmosis/responsiveness/percentile';

/** The nearest-rank p-th percentile of `sorted[start .. end-1]` (ascending), NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number, start = 0, end = sorted.length): number {
  if (typeof p !== 'number' || !(p > 0 && p <= 1)) throw invalid(MODULE, 'p must be a number in (0, 1]');
  if (!(start >= 0 && end <= sorted.length && start <= end)) throw invalid(MODULE, 'start and end must delimit a slice of sorted');
  const n = end - start;
  if (n === 0) return Number.NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil(Math.round(p * n * 1e9) / 1e9)));
  return sorted[start + rank - 1];
}

/** Values grouped in CSR form: group g's values are `values[offsets[g] .. offsets[g+1]-1]`, ascending. */
export interface GroupedValues {
  readonly offsets: Uint32Array;
  readonly values: Float64Array;
}

/**
 * Buckets `value[i]` under `group[i]` (counting sort by group, then one sort per group). Rows whose
 * group is negative or whose value is NaN are left out. O(N + Σ g log g) time, O(N) memory.
 */
export function sortedByGroup(group: Int32Array, value: Float64Array, groupCount: number): GroupedValues {
  if (!(group instanceof Int32Array) || !(value instanceof Float64Array) || group.length !== value.length) {
    throw invalid(MODULE, 'group and value must be an Int32Array and a Float64Array of the same length');
  }
  if (!Number.isSafeInteger(groupCount) || groupCount < 0) throw invalid(MODULE, 'groupCount must be a non-negative integer');
  const offsets = new Uint32Array(groupCount + 1);
  const n = group.length;
  for (let i = 0; i < n; i++) {
    const g = group[i];
    if (g >= 0 && value[i] === value[i]) {
      if (g >= groupCount) throw invalid(MODULE, `group ${g} is not below groupCount ${groupCount}`);
      offsets[g + 1]++;
    }
  }
  for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
  const values = new Float64Array(offsets[groupCount]);
  const fill = offsets.slice(0, groupCount);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    if (g >= 0 && value[i] === value[i]) values[fill[g]++] = value[i];
  }
  for (let g = 0; g < groupCount; g++) values.subarray(offsets[g], offsets[g + 1]).sort();
  return { offsets, values };
}
