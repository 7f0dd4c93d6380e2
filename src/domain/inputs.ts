/**
 * Write inputs and their validation. Every write path (GraphQL, CLI import, seeds) validates
 * here first, so a store only ever sees well-formed data.
 */
import { z } from 'zod';
import { ACTOR_KINDS, ABOUT_TARGETS, SIGNAL_KINDS, TIE_TYPES, VALUE_KINDS, type ValueKind } from './kinds.js';
import { badInput, type FieldIssue } from './errors.js';
import type { Json } from './entities.js';

/** Largest batch one call accepts: big enough for bulk ingestion, small enough for one transaction. */
export const MAX_BATCH = 10_000;

const KEY = /^[^\s]+$/;
/** No C0 control character nor DEL: nobody types them, and a NUL ends a string for C code (SQLite's FTS5 query parser). */
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const NO_CONTROL_MESSAGE = 'must not contain control characters';

/**
 * The key eraseActor gives a tombstone is `erased:<id>`. The prefix is reserved: a client that could write
 * or name such a key could give the erased person back a name, or link new data to their history.
 */
export const ERASED_KEY_PREFIX = 'erased:';
/** The name eraseActor gives a tombstone (both stores write it). */
export const TOMBSTONE_NAME = 'Erased actor';
const RESERVED_MESSAGE = `must not start with '${ERASED_KEY_PREFIX}' (reserved for erased actors)`;

/** Why a client may not write or refer to the (trimmed) actor key `k`, or undefined when it may. */
export function actorKeyProblem(k: string): string | undefined {
  if (!NO_CONTROL.test(k)) return NO_CONTROL_MESSAGE;
  if (k.startsWith(ERASED_KEY_PREFIX)) return RESERVED_MESSAGE;
  return undefined;
}

/**
 * Throws BAD_USER_INPUT naming `input[i].key` for each key a client may not write. Stores check it again
 * in upsertActors (after validation here) so that no path can update a tombstone or create a reserved key.
 */
export function checkActorKeys(inputs: readonly { key: string }[], root = 'input'): void {
  const issues: FieldIssue[] = [];
  inputs.forEach((a, i) => {
    const problem = actorKeyProblem(a.key);
    if (problem && issues.length < 100) issues.push({ path: [root, i, 'key'], message: problem });
  });
  if (issues.length) throw badInput(issues);
}

/** A substring search (ActorFilter.search): control characters answer BAD_USER_INPUT, never an internal error. */
export function checkSearch(search: string | undefined, path: (string | number)[] = ['filter', 'search']): void {
  if (search !== undefined && !NO_CONTROL.test(search)) throw badInput([{ path, message: NO_CONTROL_MESSAGE }]);
}

/**
 * An actor key as stored: what an export writes and an import reads back, tombstones (and keys stored
 * before the control-character rule) included. Clients write and refer to `actorKey`.
 */
export const storedKey = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters')
  .regex(KEY, 'must not contain whitespace');
/** An actor key a client writes or refers to (e.g. assignSignal's assigneeKey: parseInput(actorKey, v, ['assigneeKey'])). */
export const actorKey = storedKey.superRefine((k, ctx) => {
  const problem = actorKeyProblem(k);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const key = actorKey;
/** A channel's id for a signal or exchange, as stored (export and import); clients write `externalId`. */
export const storedExternalId = z.string().trim().min(1).max(200);
const externalId = storedExternalId.regex(NO_CONTROL, NO_CONTROL_MESSAGE);
/**
 * A tie weight or an exchange amount: 0, or a normal floating-point number up to `max`. A subnormal
 * (below 2.2e-308, e.g. 5e-324) loses its precision in any sum or ratio: one such tie made PageRank
 * fail to converge for the whole graph.
 */
export const measure = (max: number) => z.number().finite().min(0).max(max)
  .refine((x) => x <= 0 || x >= MIN_NORMAL, `must be 0 or at least ${MIN_NORMAL} (a normal number)`);
const MIN_NORMAL = 2.2250738585072014e-308;

const instant = z.string().datetime({ offset: true, message: 'must be an ISO-8601 date-time' })
  .transform((s) => new Date(s).toISOString())
  // Stored and compared as ISO text, which orders correctly only with a 4-digit year (UTC).
  .refine(hasFourDigitYear, 'must be within years 0000 to 9999 in UTC');

/** True when an ISO instant from `Date#toISOString()` has a 4-digit year (not ±YYYYYY). */
export function hasFourDigitYear(iso: string): boolean {
  return iso.charCodeAt(4) === 45; // '-' after four digits
}

/** Where the digits of `Date#toISOString()` (a 4-digit year) are: YYYY-MM-DDTHH:mm:ss.sssZ. */
const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const ISO_MARKS: [number, number][] = [[4, 45], [7, 45], [10, 84], [13, 58], [16, 58], [19, 46], [23, 90]]; // - - T : : . Z
const twoDigits = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/**
 * True when `s` is already what `instant` makes of it — `Date#toISOString()` of a real instant with
 * a 4-digit year — checked on its characters (no Date round trip: it runs per item of large batches).
 */
export function isCanonicalInstant(s: string): boolean {
  if (s.length !== 24) return false;
  for (const [i, c] of ISO_MARKS) if (s.charCodeAt(i) !== c) return false;
  for (const i of ISO_DIGITS) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days && twoDigits(s, 11) <= 23 && twoDigits(s, 14) <= 59 && twoDigits(s, 17) <= 59;
}
/**
 * How many levels of objects and arrays a JSON input may nest. Far deeper than attributes need; a value
 * nested a few thousand levels deep fits in 16 KiB but cannot be copied between threads or serialised
 * without overflowing the stack.
 */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests at most `max` levels of objects and arrays; iterative, so any depth is safe to check. */
export function nestsAtMost(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > max) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return true;
}

/** Whether an object at any depth of `value` has its own `__proto__` key (JSON.parse makes one); iterative. */
function hasProtoKey(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (!Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, '__proto__')) return true;
    stack.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
  return false;
}

// `__proto__` is refused before the record is copied: copying it by assignment would drop it silently.
export const jsonObject = z.unknown().superRefine((raw, ctx) => {
  if (nestsAtMost(raw, MAX_JSON_DEPTH) && hasProtoKey(raw)) ctx.addIssue({ code: 'custom', message: 'must not use the key __proto__' });
}).pipe(z.record(z.string(), z.unknown()).superRefine((o, ctx) => {
  if (!nestsAtMost(o, MAX_JSON_DEPTH)) ctx.addIssue({ code: 'custom', message: `must not nest more than ${MAX_JSON_DEPTH} levels of objects and arrays` });
  else if (JSON.stringify(o).length > 16_384) ctx.addIssue({ code: 'custom', message: 'attributes must serialise to at most 16 KiB' });
})) as unknown as z.ZodType<Record<string, Json>>;
const CHANNEL = /^[a-z0-9][a-z0-9_.:-]*$/;
const channel = z.string().trim().toLowerCase().min(1).max(64)
  .regex(CHANNEL, 'letters, digits and _ . : - only');

export const actorInput = z.object({
  key,
  kind: z.enum(ACTOR_KINDS),
  // Control characters in a name could never be searched for (searches refuse them).
  name: z.string().trim().min(1, 'must not be empty').max(500).regex(NO_CONTROL, NO_CONTROL_MESSAGE),
  /** Left out: an existing actor keeps its attributes (a new one has none); null clears them. */
  attributes: jsonObject.nullish().transform((v) => (v === null ? {} : v)),
});
export type ActorInput = z.output<typeof actorInput>;

export const tieInput = z.object({
  fromKey: key,
  toKey: key,
  type: z.enum(TIE_TYPES),
  weight: measure(1e9).optional().default(1),
  since: instant.nullish().transform((v) => v ?? null),
}).refine((t) => t.fromKey !== t.toKey, { path: ['toKey'], message: 'a tie joins two different actors' });
export type TieInput = z.output<typeof tieInput>;

export const aboutInput = z.object({
  target: z.enum(ABOUT_TARGETS),
  ref: z.string().trim().min(1).max(200),
}).superRefine((a, ctx) => {
  // An ACTOR ref is an actor key: a new signal must not be about an erased person either.
  const problem = a.target === 'ACTOR' ? actorKeyProblem(a.ref) : undefined;
  if (problem) ctx.addIssue({ code: 'custom', path: ['ref'], message: problem });
});

export const signalInput = z.object({
  channel,
  externalId,
  kind: z.enum(SIGNAL_KINDS),
  text: z.string().max(20_000),
  sentiment: z.number().finite().min(-1).max(1).nullish().transform((v) => v ?? null),
  occurredAt: instant,
  emitterKey: key.nullish().transform((v) => v ?? null),
  about: z.array(aboutInput).max(50).optional().default([]),
});
export type SignalInput = z.output<typeof signalInput>;

const SIGNAL_KIND_SET: ReadonlySet<string> = new Set(SIGNAL_KINDS);
const ABOUT_TARGET_SET: ReadonlySet<string> = new Set(ABOUT_TARGETS);

/**
 * `signalInput` without zod for the common case (ingestion sends batches of thousands): the same
 * checks and the same output, or undefined for anything it does not vouch for — which zod then
 * parses and, when invalid, reports. test/domain/inputs.test.ts holds the two to the same answers.
 */
function plainSignalInput(v: unknown): SignalInput | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const { channel: c, externalId: x, kind, text, sentiment: sn, occurredAt: at, emitterKey: e, about: ab } = o;
  if (typeof c !== 'string' || typeof x !== 'string' || typeof kind !== 'string' || typeof text !== 'string' || typeof at !== 'string') return undefined;
  const ch = c.trim().toLowerCase();
  const externalId = x.trim();
  if (ch.length < 1 || ch.length > 64 || !CHANNEL.test(ch) || externalId.length < 1 || externalId.length > 200) return undefined;
  if (!NO_CONTROL.test(externalId)) return undefined;
  if (!SIGNAL_KIND_SET.has(kind) || text.length > 20_000 || !isCanonicalInstant(at)) return undefined;
  let sentiment: number | null = null;
  if (sn !== undefined && sn !== null) {
    if (typeof sn !== 'number' || !Number.isFinite(sn) || sn < -1 || sn > 1) return undefined;
    sentiment = sn;
  }
  let emitterKey: string | null = null;
  if (e !== undefined && e !== null) {
    if (typeof e !== 'string') return undefined;
    emitterKey = e.trim();
    if (emitterKey.length < 1 || emitterKey.length > 200 || !KEY.test(emitterKey) || actorKeyProblem(emitterKey)) return undefined;
  }
  const about: SignalInput['about'] = [];
  if (ab !== undefined) {
    if (!Array.isArray(ab) || ab.length > 50) return undefined;
    for (const a of ab as unknown[]) {
      if (typeof a !== 'object' || a === null || Array.isArray(a)) return undefined;
      const { target, ref } = a as Record<string, unknown>;
      if (typeof target !== 'string' || !ABOUT_TARGET_SET.has(target) || typeof ref !== 'string') return undefined;
      const r = ref.trim();
      if (r.length < 1 || r.length > 200 || (target === 'ACTOR' && actorKeyProblem(r))) return undefined;
      about.push({ target: target as SignalInput['about'][number]['target'], ref: r });
    }
  }
  return { channel: ch, externalId, kind: kind as SignalInput['kind'], text, sentiment, occurredAt: at, emitterKey, about };
}

/** Schemas with a fast path for valid input (parseBatch); zod stays the reference for everything else. */
const FAST_PATHS = new Map<z.ZodType, (v: unknown) => unknown>([[signalInput, plainSignalInput]]);

/**
 * Sentiment and topics attached to a stored signal (Store.enrichSignals): `sentiment` replaces the stored
 * one (null clears it, absent keeps it); `topics` are names, linked ABOUT after the signal's existing links.
 */
export const signalEnrichmentInput = z.object({
  signalId: z.string().min(1),
  sentiment: z.number().finite().min(-1).max(1).nullable().optional(),
  topics: z.array(z.string().trim().min(1).max(100)).max(20).transform((t) => [...new Set(t)]).optional(),
});
export type SignalEnrichmentInput = z.output<typeof signalEnrichmentInput>;

export const exchangeInput = z.object({
  externalId: externalId.nullish().transform((v) => v ?? null),
  fromKey: key,
  toKey: key,
  kind: z.enum(VALUE_KINDS),
  amount: measure(1e15),
  unit: z.string().trim().min(1).max(32).optional(),
  occurredAt: instant,
}).refine((e) => e.fromKey !== e.toKey, { path: ['toKey'], message: 'value is exchanged between two different actors' })
  .transform((e) => ({ ...e, unit: e.unit ?? defaultUnit(e.kind) }));
export type ExchangeInput = z.output<typeof exchangeInput>;

/** Money counts in euros unless told; other value is counted in occurrences. */
const defaultUnit = (kind: ValueKind): string => (kind === 'MONEY' ? 'EUR' : 'count');

export const responseInput = z.object({
  signalId: z.string().min(1),
  responderKey: key,
  text: z.string().trim().min(1).max(20_000),
  channel: channel.optional(),
  respondedAt: instant.optional(),
});
export type ResponseInput = z.output<typeof responseInput>;

export const insightInput = z.object({
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().max(10_000).optional().default(''),
  signalIds: z.array(z.string().min(1)).min(1, 'an insight derives from at least one signal').max(MAX_BATCH),
  topics: z.array(z.string().trim().min(1).max(100)).max(50).optional().default([]),
  /** When the insight was drawn; default now (an insight recorded after the fact keeps its date). */
  createdAt: instant.optional(),
});
export type InsightInput = z.output<typeof insightInput>;

export const changeInput = z.object({
  insightId: z.string().min(1),
  processName: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(10_000),
  appliedAt: instant.optional(),
});
export type ChangeInput = z.output<typeof changeInput>;

/** Parse one value, or throw BAD_USER_INPUT naming each field at fault under `root`. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root: (string | number)[]): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw badInput(toIssues(r.error, root));
}

/** Parse a batch: every item is checked so that one answer lists all the bad ones (up to 100). */
export function parseBatch<S extends z.ZodType>(schema: S, values: readonly unknown[], root: string): z.output<S>[] {
  if (values.length > MAX_BATCH) {
    throw badInput([{ path: [root], message: `at most ${MAX_BATCH} items per call, got ${values.length}` }]);
  }
  const out: z.output<S>[] = [];
  const issues: FieldIssue[] = [];
  const fast = FAST_PATHS.get(schema);
  values.forEach((v, i) => {
    const plain = fast?.(v);
    if (plain !== undefined) {
      out.push(plain as z.output<S>);
      return;
    }
    const r = schema.safeParse(v);
    if (r.success) out.push(r.data);
    else if (issues.length < 100) issues.push(...toIssues(r.error, [root, i]));
  });
  if (issues.length) throw badInput(issues);
  return out;
}

const toIssues = (error: z.ZodError, root: (string | number)[]): FieldIssue[] =>
  error.issues.map((i) => ({ path: [...root, ...(i.path as (string | number)[])], message: i.message }));
