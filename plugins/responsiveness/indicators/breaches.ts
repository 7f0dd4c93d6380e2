/**
 * Osmosis Responsiveness: breaches of first-response targets
 * ===========================================================
 *
 * A target is a promise: "every signal gets a first response within T". The target of a signal is
 * the strictest that applies to it — the smaller of its kind's target and its channel's target —
 * or `defaultHours` when neither is set (plugin options; defaults: COMPLAINT 24 h, others 72 h).
 *
 * A signal is *due* once its promise can be judged: it was answered, or it is older than its
 * target at facts.readAt. A due signal is a *breach* when its first response came later than the
 * target, or when it has no response (open, or closed without one: the emitter never heard back).
 * An unanswered signal younger than its target is neither. Per group: due, breaches and the
 * breach rate breaches / due (NaN when nothing is due). "Later" and "older" are strict: a response
 * exactly at the target meets it.
 *
 * [Definition]:
 * Service-level objectives on first-response time, as service desks set them (e.g. "complaints
 * answered within one working day"); breaches counted per item, like an SLA compliance report.
 *
 * One pass over the signals, O(N), with a channel × kind table of targets.
 */
import { SIGNAL_KINDS, type Facts, type SignalKind } from '../../../src/plugin-api/index.js';
import { checkFacts, checkGrouping, checkPerSignal, invalid } from './check.js';
import type { FirstResponses } from './first-responses.js';
import type { Grouping } from './scope.js';

const MODULE = 'osmosis/responsiveness/breaches';
const HOUR = 3_600_000;

/** First-response targets, in hours. */
export interface Targets {
  /** For signals no kind or channel target applies to. */
  readonly defaultHours: number;
  /** By signal kind. */
  readonly kinds: Readonly<Partial<Record<SignalKind, number>>>;
  /** By channel name (trimmed, lower-cased). */
  readonly channels: Readonly<Record<string, number>>;
}

export const DEFAULT_TARGETS: Readonly<Targets> = Object.freeze({
  defaultHours: 72,
  kinds: Object.freeze({ COMPLAINT: 24 }),
  channels: Object.freeze({}),
});

export interface Breaches {
  /** Per group: signals answered or older than their target. */
  readonly due: Float64Array;
  /** Per group: due signals answered late or not at all. */
  readonly breaches: Float64Array;
  /** Per group: breaches / due, NaN when nothing is due. */
  readonly breachRate: Float64Array;
}

const checkHours = (name: string, h: unknown): number => {
  if (typeof h !== 'number' || !(h > 0 && h < Infinity)) throw invalid(MODULE, `${name} must be a positive number of hours`);
  return h;
};

/** The target (ms) of each channel × kind: `table[channel * SIGNAL_KINDS.length + kind]`. */
export function targetTable(facts: Facts, targets: Targets = DEFAULT_TARGETS): Float64Array {
  if (!targets || typeof targets !== 'object') throw invalid(MODULE, 'targets must be an object');
  const fallback = checkHours('targets.defaultHours', targets.defaultHours);
  const byKind = SIGNAL_KINDS.map((k) => {
    const h = targets.kinds?.[k];
    return h === undefined ? Infinity : checkHours(`targets.kinds.${k}`, h);
  });
  for (const k of Object.keys(targets.kinds ?? {})) {
    if (!(SIGNAL_KINDS as readonly string[]).includes(k)) throw invalid(MODULE, `targets.kinds has the unknown kind "${k}"`);
  }
  const byChannel = new Map<string, number>();
  for (const [name, h] of Object.entries(targets.channels ?? {})) {
    const key = name.trim().toLowerCase();
    byChannel.set(key, Math.min(byChannel.get(key) ?? Infinity, checkHours(`targets.channels.${name}`, h)));
  }
  const K = SIGNAL_KINDS.length;
  const table = new Float64Array(facts.channels.length * K);
  facts.channels.forEach((channel, c) => {
    const channelHours = byChannel.get(channel) ?? Infinity;
    for (let k = 0; k < K; k++) {
      const h = Math.min(channelHours, byKind[k]);
      table[c * K + k] = (h === Infinity ? fallback : h) * HOUR;
    }
  });
  return table;
}

export function breaches(facts: Facts, grouping: Grouping, first: FirstResponses, targets: Targets = DEFAULT_TARGETS): Breaches {
  checkFacts(MODULE, facts);
  checkGrouping(MODULE, facts, grouping);
  checkPerSignal(MODULE, facts, 'first.at', first?.at);
  const table = targetTable(facts, targets);
  const K = SIGNAL_KINDS.length;
  const { occurredAt, channel, kind } = facts.signals;
  const { group, count } = grouping;
  const due = new Float64Array(count);
  const late = new Float64Array(count);
  for (let s = 0; s < group.length; s++) {
    const g = group[s];
    if (g < 0) continue;
    const target = table[channel[s] * K + kind[s]];
    const answeredAt = first.at[s];
    if (answeredAt === answeredAt) {
      due[g]++;
      if (answeredAt - occurredAt[s] > target) late[g]++;
    } else if (facts.readAt - occurredAt[s] > target) {
      due[g]++;
      late[g]++;
    }
  }
  const breachRate = new Float64Array(count);
  for (let g = 0; g < count; g++) breachRate[g] = due[g] > 0 ? late[g] / due[g] : Number.NaN;
  return { due, breaches: late, breachRate };
}
