/**
 * Osmosis Responsiveness: Gini coefficient
 * =========================================
 *
 * How unequally a load is spread over those who carry it: 0 when everyone carries the same, up
 * to 1 − 1/n when one of n carries everything.
 *
 * [References]:
 * Corrado Gini. "Variabilità e mutabilità." Studi economico-giuridici della R. Università di
 * Cagliari, 1912 (the mean absolute difference). Angus Deaton. The Analysis of Household
 * Surveys, Johns Hopkins, 1997 (the sorted-rank form used below).
 *
 * G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), the mean absolute difference over twice the mean, computed
 * in O(n log n) from the values sorted ascending, x(1) ≤ … ≤ x(n):
 * G = Σ_i (2i − n − 1) x(i) / (n Σ_i x(i)). This is the population (not the n/(n−1) corrected)
 * coefficient. NaN for no values or a zero total. Values must be finite and non-negative.
 */
import { invalid } from './check.js';

const MODULE = 'osmosis/responsiveness/gini';

/** The Gini coefficient of `values` (not modified). */
export function gini(values: ArrayLike<number>): number {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw invalid(MODULE, 'values must be an array-like of numbers');
  }
  const sorted = Float64Array.from(values);
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    if (!(sorted[i] >= 0 && sorted[i] < Infinity)) throw invalid(MODULE, `values must be finite and non-negative (value ${i} is ${sorted[i]})`);
  }
  sorted.sort();
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    weighted += (2 * (i + 1) - n - 1) * sorted[i];
    total += sorted[i];
  }
  return n === 0 || total === 0 ? Number.NaN : weighted / (n * total);
}
