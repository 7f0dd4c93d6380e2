/** Fixed clock of the seeds: everything is dated relative to REFERENCE_DATE, never to Date.now(). */
export const REFERENCE_DATE = '2026-11-01T00:00:00.000Z';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const dayIso = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00.000Z`);

/**
 * The i-th of n instants spread over [start, end) with a density growing linearly from `a`
 * to `2 - a` (a business that grows): inverse CDF of a linear density, jittered within the slot,
 * so instants come out in time order while the stream is generated.
 */
export function growingInstant(i: number, n: number, u: number, start: number, end: number, a = 0.7): number {
  const q = (i + u) / n;
  const x = a === 1 ? q : (-a + Math.sqrt(a * a + 4 * (1 - a) * q)) / (2 * (1 - a));
  return Math.min(end - 1, start + Math.floor(x * (end - start)));
}
