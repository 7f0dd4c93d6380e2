/**
 * Osmosis Value Flow: value over time
 * ====================================
 *
 * The selected exchanges bucketed by period — DAY, WEEK (ISO weeks, from Monday 00:00 UTC) or
 * MONTH (calendar months, UTC) — with the count and the summed amount of every value kind in
 * every bucket. Buckets are contiguous, empty ones included, from the bucket of `since` (or of the
 * first exchange) to the bucket of the last instant before `until` (or of the last exchange).
 * The rows are in ascending time, so one walk advances the bucket boundary: O(rows + buckets),
 * no Date object per exchange. At most 100,000 buckets.
 *
 * [Reference]:
 * ISO 8601-1:2019, §5.2.3 (week dates: weeks start on Monday).
 */
import { VALUE_KINDS } from '../../../src/plugin-api/index.js';
import type { ExchangeColumns } from './columns.js';
import { checkRows, invalidOption } from './options.js';

const MODULE = 'osmosis/value-flow/series';
const K = VALUE_KINDS.length;
const DAY = 86_400_000;
export const MAX_BUCKETS = 100_000;

export const PERIODS = ['DAY', 'WEEK', 'MONTH'] as const;
export type Period = (typeof PERIODS)[number];

export interface Series {
  /** Bucket boundaries (ms): bucket i is [starts[i], starts[i + 1]); length buckets + 1. */
  readonly starts: Float64Array;
  /** count[i · K + k], K = VALUE_KINDS.length. */
  readonly count: Uint32Array;
  readonly amount: Float64Array;
}

/** The start of the period holding instant t. */
export function periodStart(t: number, period: Period): number {
  if (period === 'DAY') return Math.floor(t / DAY) * DAY;
  if (period === 'WEEK') {
    const day = Math.floor(t / DAY);
    const monday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday
    return (day - monday) * DAY;
  }
  const d = new Date(t);
  return monthStart(d.getUTCFullYear(), d.getUTCMonth());
}

/** The start of the period after the one starting at `start`. */
export function nextPeriod(start: number, period: Period): number {
  if (period === 'DAY') return start + DAY;
  if (period === 'WEEK') return start + 7 * DAY;
  const d = new Date(start);
  return monthStart(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

/** Midnight UTC of the 1st of `month` (0-based; 12 is January of the next year) of `year`. Not Date.UTC, which reads years 0-99 as 1900-1999. */
function monthStart(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 1);
  return d.getTime();
}

export function series(x: ExchangeColumns, rows: Uint32Array, actorCount: number, period: Period, since = -Infinity, until = Infinity): Series {
  if (!(PERIODS as readonly string[]).includes(period)) throw invalidOption(MODULE, `unknown period "${period}" (known: ${PERIODS.join(', ')})`);
  checkRows(MODULE, x, rows, actorCount);
  const first = Number.isFinite(since) ? since : rows.length ? x.occurredAt[rows[0]] : NaN;
  const last = Number.isFinite(until) ? until - 1 : rows.length ? x.occurredAt[rows[rows.length - 1]] : NaN;
  if (Number.isNaN(first) || Number.isNaN(last) || last < first) return { starts: new Float64Array(0), count: new Uint32Array(0), amount: new Float64Array(0) };

  const bounds: number[] = [periodStart(first, period)];
  while (bounds[bounds.length - 1] <= last) {
    if (bounds.length > MAX_BUCKETS) throw invalidOption(MODULE, `more than ${MAX_BUCKETS} ${period} buckets: narrow the window or take a longer period`);
    bounds.push(nextPeriod(bounds[bounds.length - 1], period));
  }
  const starts = Float64Array.from(bounds);
  const buckets = starts.length - 1;
  const count = new Uint32Array(buckets * K);
  const amount = new Float64Array(buckets * K);
  let b = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const t = x.occurredAt[r];
    if (t < starts[0] || t >= starts[buckets]) continue;
    while (t >= starts[b + 1]) b++;
    count[b * K + x.kind[r]]++;
    amount[b * K + x.kind[r]] += x.amount[r];
  }
  return { starts, count, amount };
}
