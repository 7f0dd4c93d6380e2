/**
 * Normalisation of read arguments shared by both adapters, so that filters mean exactly the same
 * in each: an empty list is no filter, instants compare as canonical ISO-8601 UTC strings,
 * channels compare lower-cased, a page size is a non-negative integer.
 */
import { badInput } from '../domain/errors.js';
import { hasFourDigitYear } from '../domain/inputs.js';
import type { ActorFilter, ExchangeFilter, SignalFilter } from './port.js';

/** Validates `first`; 0 is allowed (an empty page that still says whether items exist). */
export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 0) {
    throw badInput([{ path: ['first'], message: 'must be a non-negative integer' }]);
  }
  return first;
}

/** Canonical instant (`Date#toISOString`), so string order is time order. */
export function canonicalInstant(value: string, path: (string | number)[]): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badInput([{ path, message: 'must be an ISO-8601 date-time' }]);
  const iso = new Date(ms).toISOString();
  if (!hasFourDigitYear(iso)) throw badInput([{ path, message: 'must be within years 0000 to 9999 in UTC' }]);
  return iso;
}

const list = <T>(values: readonly T[] | null | undefined): T[] | undefined =>
  values && values.length > 0 ? [...new Set(values)] : undefined;

const text = (value: string | null | undefined): string | undefined => {
  const t = value?.trim();
  return t ? t : undefined;
};

const instantOrUndefined = (value: string | null | undefined, field: string): string | undefined =>
  value ? canonicalInstant(value, ['filter', field]) : undefined;

/** A window `since` (inclusive) … `until` (exclusive) that holds no instant is a mistake, not an empty answer. */
function timeWindow(f: { since?: string | null; until?: string | null }): { since?: string; until?: string } {
  const since = instantOrUndefined(f.since, 'since');
  const until = instantOrUndefined(f.until, 'until');
  if (since && until && until <= since) throw badInput([{ path: ['filter', 'until'], message: `must be after since (${since})` }]);
  return { since, until };
}

export const normalizeActorFilter = (f: ActorFilter = {}): ActorFilter => ({
  kinds: list(f.kinds),
  search: text(f.search),
});

export const normalizeSignalFilter = (f: SignalFilter = {}): SignalFilter => ({
  channels: list(f.channels?.map((c) => c.trim().toLowerCase())),
  kinds: list(f.kinds),
  statuses: list(f.statuses),
  ...timeWindow(f),
  emitterKey: text(f.emitterKey),
  aboutKey: text(f.aboutKey),
});

export const normalizeExchangeFilter = (f: ExchangeFilter = {}): ExchangeFilter => ({
  kinds: list(f.kinds),
  tangible: typeof f.tangible === 'boolean' ? f.tangible : undefined,
  fromKey: text(f.fromKey),
  toKey: text(f.toKey),
  ...timeWindow(f),
});

/** Unique ids in first-seen order (batched loaders may repeat an id). */
export const distinct = (ids: readonly string[]): string[] => [...new Set(ids)];

/**
 * BAD_USER_INPUT at `path` when a time the client gave is before `earliest`, the time of what it follows
 * (`what`): an insight drawn, or a change applied, before the signals it answers occurred would give the
 * learning loop negative delays. (A change may predate the insight's record: insights are often recorded
 * after the fact without a date.)
 */
export function checkNotBefore(at: string | null | undefined, earliest: string | null | undefined, path: (string | number)[], what: string): void {
  if (at && earliest && at < earliest) throw badInput([{ path, message: `is before ${what} (${earliest})` }]);
}

/** What a response is checked against: its signal's time, and whether the signal's emitter was erased. */
export interface AnsweredSignal {
  occurredAt: string;
  emitterErased: boolean;
}

/**
 * Checks answers against their signals, BAD_USER_INPUT on each one at fault:
 * - given before the signal occurred — `respondedAt`, or now when it is left out — it would make a
 *   negative response time and skew the responsiveness analytics (instants are canonical ISO
 *   strings, so string order is time order);
 * - to a signal of an erased actor: erasure blanks every answer to their signals, and nothing new
 *   may be linked to them.
 */
export function checkResponses(
  inputs: readonly { signalId: string; respondedAt?: string | null }[],
  signalOf: (signalId: string) => AnsweredSignal | undefined,
  now: string,
): void {
  const issues = inputs.flatMap((r, i) => {
    const signal = signalOf(r.signalId);
    if (!signal) return [];
    const at = r.respondedAt ?? now;
    const found = [];
    if (at < signal.occurredAt) {
      found.push({
        path: ['input', i, 'respondedAt'],
        message: r.respondedAt
          ? `is before the signal occurred (${signal.occurredAt})`
          : `is needed: the signal occurs later (${signal.occurredAt}) than now, the default`,
      });
    }
    if (signal.emitterErased) {
      found.push({ path: ['input', i, 'signalId'], message: 'is a signal of an erased actor: it can no longer be answered' });
    }
    return found;
  });
  if (issues.length) throw badInput(issues);
}
