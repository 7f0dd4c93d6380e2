import { describe, expect, it } from 'vitest';
import { buildFixtureFacts, VALUE_KINDS } from '../../../src/plugin-api/index.js';
import { VALUE_FIXTURE } from '../test-support/fixture.js';
import { nextPeriod, periodStart, series } from './series.js';
import { selectExchanges } from './select.js';

const x = buildFixtureFacts(VALUE_FIXTURE).exchanges;
const rows = selectExchanges(x);
const K = VALUE_KINDS.length;
const at = (iso: string) => Date.parse(iso);
const totals = (s: ReturnType<typeof series>) => Array.from({ length: s.starts.length - 1 }, (_x, b) => s.count.subarray(b * K, (b + 1) * K).reduce((a, v) => a + v, 0));

describe('series of the hand-checked value network', () => {
  it('MONTH: January r0–r4 (5), February r5–r8 (4), March r9–r12 (4)', () => {
    const s = series(x, rows, 7, 'MONTH');
    expect(Array.from(s.starts, (t) => new Date(t).toISOString().slice(0, 10))).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    expect(totals(s)).toEqual([5, 4, 4]);
    // February MONEY: r5 500; March MONEY: r10 80.
    expect(s.amount[1 * K + 0]).toBe(500);
    expect(s.amount[2 * K + 0]).toBe(80);
  });

  it('WEEK: ISO weeks from Monday; 2026-01-01 is a Thursday, in the week of Monday 2025-12-29', () => {
    const s = series(x, rows, 7, 'WEEK');
    expect(new Date(s.starts[0]).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    // 2025-12-29 .. the week of Tuesday 2026-03-10 (Monday 03-09), which ends 03-16: 11 weeks.
    expect(s.starts.length - 1).toBe(11);
    // Week 0: r0 (01-01), r1 (01-03); week 1 (from Monday 01-05): r2 (01-05), r3 (01-10).
    expect(totals(s).slice(0, 2)).toEqual([2, 2]);
    expect(totals(s).reduce((a, v) => a + v, 0)).toBe(13);
  });

  it('DAY, in a window: buckets from since to until, empty ones included', () => {
    const since = at('2026-02-01T00:00:00Z');
    const until = at('2026-02-04T00:00:00Z');
    const s = series(x, selectExchanges(x, { since, until, kinds: null }), 7, 'DAY', since, until);
    // 02-01 r5, 02-02 none, 02-03 r6.
    expect(totals(s)).toEqual([1, 0, 1]);
  });

  it('computes period boundaries in UTC', () => {
    expect(periodStart(at('2026-03-31T23:59:59Z'), 'MONTH')).toBe(at('2026-03-01T00:00:00Z'));
    expect(nextPeriod(at('2025-12-01T00:00:00Z'), 'MONTH')).toBe(at('2026-01-01T00:00:00Z'));
    expect(periodStart(at('2026-03-08T12:00:00Z'), 'WEEK')).toBe(at('2026-03-02T00:00:00Z')); // a Sunday → its Monday
    expect(periodStart(at('2026-03-09T00:00:00Z'), 'WEEK')).toBe(at('2026-03-09T00:00:00Z'));
  });

  it('keeps months of the years 0-99 in their own century', () => {
    expect(periodStart(at('0001-03-15T00:00:00Z'), 'MONTH')).toBe(at('0001-03-01T00:00:00Z'));
    expect(nextPeriod(at('0099-12-01T00:00:00Z'), 'MONTH')).toBe(at('0100-01-01T00:00:00Z'));
    expect(nextPeriod(at('0000-01-01T00:00:00Z'), 'MONTH')).toBe(at('0000-02-01T00:00:00Z'));
  });

  it('is empty without exchanges and rejects an unknown period', () => {
    expect(series(x, new Uint32Array(0), 7, 'DAY').starts.length).toBe(0);
    expect(() => series(x, rows, 7, 'YEAR' as never)).toThrow('osmosis/value-flow/series: unknown period "YEAR"');
  });
});
