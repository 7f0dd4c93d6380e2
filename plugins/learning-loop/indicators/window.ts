/**
 * Osmosis Learning loop: the windows
 * ===================================
 *
 * Every indicator of the loop looks at one window [since, until) and, for trends, the window of
 * equal length right before it, [previousSince, since) with previousSince = since − (until − since).
 * Defaults: `until` is facts.readAt ("now"), `since` is `defaultDays` (90) days before `until`.
 * A window that would end before it starts (e.g. `since` in the future with no `until`) is empty:
 * since = until.
 */
import { invalid } from './check.js';

const MODULE = 'osmosis/learning-loop/window';
const DAY = 86_400_000;

/** Instants in ms; since inclusive, until exclusive. */
export interface Window {
  readonly previousSince: number;
  readonly since: number;
  readonly until: number;
}

export function windowOf(readAt: number, since?: number, until?: number, defaultDays = 90): Window {
  if (!Number.isFinite(readAt)) throw invalid(MODULE, 'readAt must be an instant in ms');
  if (!(defaultDays > 0 && defaultDays < Infinity)) throw invalid(MODULE, 'defaultDays must be a positive number');
  for (const [name, v] of [['since', since], ['until', until]] as const) {
    if (v !== undefined && !Number.isFinite(v)) throw invalid(MODULE, `${name} must be an instant in ms`);
  }
  const end = until ?? readAt;
  const start = Math.min(since ?? end - defaultDays * DAY, end);
  return { previousSince: start - (end - start), since: start, until: end };
}
