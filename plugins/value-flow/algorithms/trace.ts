/**
 * Osmosis Value Flow: from a signal to the value that followed it
 * ================================================================
 *
 * Does listening turn into value? For a signal s emitted by actor e at time t:
 *   - its responses (who answered, when);
 *   - the value exchanges that followed it: every selected exchange, either direction, between e
 *     and a counterpart, at a time t' with t ≤ t' ≤ t + window. The counterparts are the
 *     responders of s (RESPONDER), the TEAM actors of the responders' teams (TEAM), and every
 *     ORGANIZATION actor (ORGANIZATION) — the organisation that heard the signal; when several
 *     apply, the first of that order is reported.
 * A signal without emitter (anonymous, or erased) has no exchanges. Responses are found by binary
 * search (they are ordered by signal), exchanges by binary search on time (the rows are in
 * ascending time) and one scan of the window: O(log + exchanges in the window).
 *
 * [Reference]:
 * V. Allee, « Value network analysis and value conversion of tangible and intangible assets »,
 * Journal of Intellectual Capital 9(1), 2008 (value conversion: how an intangible input turns
 * into tangible value).
 */
import type { ExchangeColumns, ResponseColumns, SignalColumns } from './columns.js';
import { checkPerActor, invalidInput, invalidOption } from './options.js';

const MODULE = 'osmosis/value-flow/trace';

/** How the other end of a traced exchange relates to the signal. */
export const VIA = ['RESPONDER', 'TEAM', 'ORGANIZATION'] as const;
export type Via = (typeof VIA)[number];

/** Signals on `channel` (an index into Facts.channels) at exactly `at` (ms), from `emitter` (−1: any). */
export function findSignals(signals: SignalColumns, channel: number, at: number, emitter = -1): Uint32Array {
  // Signals are ordered by occurredAt: the first at or after `at`, then every one at `at`.
  let lo = 0;
  let hi = signals.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (signals.occurredAt[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let s = lo; s < signals.count && signals.occurredAt[s] === at; s++) {
    if (signals.channel[s] === channel && (emitter < 0 || signals.emitter[s] === emitter)) found.push(s);
  }
  return Uint32Array.from(found);
}

export interface Trace {
  /** Rows of the responses to the signal, by response time. */
  readonly responses: Uint32Array;
  /** Rows of the exchanges that followed it, by time. */
  readonly exchanges: Uint32Array;
  /** Per exchange: index into VIA of its counterpart. */
  readonly via: Uint8Array;
}

/**
 * `rows`: the selected exchanges (ascending time); `team[a]`: actor a's TEAM actor (−1 none);
 * `organization[a]`: 1 for ORGANIZATION actors.
 */
export function traceSignal(
  signals: SignalColumns, responses: ResponseColumns, x: ExchangeColumns, rows: Uint32Array,
  signal: number, windowMs: number, team: Int32Array, organization: Uint8Array,
): Trace {
  if (!Number.isInteger(signal) || signal < 0 || signal >= signals.count) throw invalidInput(MODULE, `signal ${signal} is not a signal row`);
  if (!(windowMs >= 0) || windowMs === Infinity) throw invalidOption(MODULE, 'windowMs must be a finite number >= 0');
  checkPerActor(MODULE, 'organization', organization, team.length);

  // Responses: ordered by signal, then time.
  let lo = 0;
  let hi = responses.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (responses.signal[mid] < signal) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < responses.count && responses.signal[end] === signal) end++;
  const responseRows = new Uint32Array(end - lo);
  for (let k = lo; k < end; k++) responseRows[k - lo] = k;

  const emitter = signals.emitter[signal];
  if (emitter < 0) return { responses: responseRows, exchanges: new Uint32Array(0), via: new Uint8Array(0) };
  // Counterparts: 1 responder, 2 a responder's team, 3 an organisation (the lowest code wins).
  const role = new Map<number, number>();
  const mark = (a: number, code: number) => {
    if (a < 0 || a === emitter) return;
    const old = role.get(a);
    if (old === undefined || code < old) role.set(a, code);
  };
  for (let k = lo; k < end; k++) mark(responses.responder[k], 1);
  for (let k = lo; k < end; k++) if (responses.responder[k] >= 0) mark(team[responses.responder[k]], 2);
  const roleOf = (a: number): number => role.get(a) ?? (organization[a] ? 3 : 0);

  const t = signals.occurredAt[signal];
  let first = 0;
  let last = rows.length;
  while (first < last) {
    const mid = (first + last) >>> 1;
    if (x.occurredAt[rows[mid]] < t) first = mid + 1;
    else last = mid;
  }
  const found: number[] = [];
  const via: number[] = [];
  for (let k = first; k < rows.length && x.occurredAt[rows[k]] <= t + windowMs; k++) {
    const r = rows[k];
    const other = x.from[r] === emitter ? x.to[r] : x.to[r] === emitter ? x.from[r] : -1;
    if (other < 0 || other === emitter) continue;
    const code = roleOf(other);
    if (code === 0) continue;
    found.push(r);
    via.push(code - 1);
  }
  return { responses: responseRows, exchanges: Uint32Array.from(found), via: Uint8Array.from(via) };
}
