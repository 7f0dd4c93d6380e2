/**
 * The export format (`osmosis export` / `osmosis import`), version 1: NDJSON, one record a line, each
 * with a `type`. The first line is the header; then every record of each kind, kinds in TRANSFER_KINDS
 * order (dependency order), so that an importer can write each batch as it reads it.
 *
 * Records carry their source id — ids are UUIDs, so the id is the identity of a response, an insight, a
 * change or an exchange without externalId, and importing a file twice finds them — and refer to other
 * records by natural key: actors by key, signals by (channel, externalId), topics and processes by name,
 * insights by id. Instants are ISO-8601 UTC strings, as stored.
 */
import { z } from 'zod';
import type { Json } from './entities.js';
import { badInput } from './errors.js';
import { actorInput, ERASED_KEY_PREFIX, jsonObject, measure, signalInput, storedExternalId, storedKey, TOMBSTONE_NAME } from './inputs.js';
import {
  ABOUT_TARGETS, ACTOR_KINDS, SIGNAL_KINDS, SIGNAL_STATUSES, TIE_TYPES, VALUE_KINDS,
  type AboutTarget, type ActorKind, type SignalKind, type SignalStatus, type TieType, type ValueKind,
} from './kinds.js';

export const TRANSFER_FORMAT = 'osmosis-export';
export const TRANSFER_FORMAT_VERSION = 1;

/** Record kinds in the order an export writes them: everything a record refers to comes before it. */
export const TRANSFER_KINDS = ['actor', 'tie', 'topic', 'process', 'signal', 'response', 'exchange', 'insight', 'change'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** The header's counts, one per kind, named in the plural. */
export const SECTION = {
  actor: 'actors', tie: 'ties', topic: 'topics', process: 'processes', signal: 'signals', response: 'responses',
  exchange: 'exchanges', insight: 'insights', change: 'changes',
} as const satisfies Record<TransferKind, string>;
export type TransferCounts = Record<(typeof SECTION)[TransferKind], number>;

/** A reference to a signal by its natural key. */
export interface SignalRef { channel: string; externalId: string }

export interface TransferHeader {
  type: typeof TRANSFER_FORMAT;
  formatVersion: typeof TRANSFER_FORMAT_VERSION;
  exportedAt: string;
  store: 'embedded' | 'neo4j';
  /** Records of each kind at the start of the export (a store written to meanwhile may differ slightly). */
  counts: TransferCounts;
}

export interface ActorRecord {
  type: 'actor'; id: string; key: string; kind: ActorKind; name: string; attributes: Record<string, Json>;
  createdAt: string; updatedAt: string;
}
export interface TieRecord {
  type: 'tie'; id: string; fromKey: string; toKey: string; tieType: TieType; weight: number; since: string | null;
}
export interface TopicRecord { type: 'topic'; id: string; name: string }
export interface ProcessRecord { type: 'process'; id: string; name: string }
export interface SignalRecord {
  type: 'signal'; id: string; channel: string; externalId: string; kind: SignalKind;
  /** Null once the emitter was erased. */
  text: string | null;
  sentiment: number | null; occurredAt: string; status: SignalStatus;
  emitterKey: string | null; assigneeKey: string | null;
  /** In the order given when recorded; `ref` is an actor key, topic name or process name. */
  about: { target: AboutTarget; ref: string }[];
}
export interface ResponseRecord {
  type: 'response'; id: string; signal: SignalRef; responderKey: string | null; text: string | null;
  channel: string; respondedAt: string;
}
export interface ExchangeRecord {
  type: 'exchange'; id: string; externalId: string | null; fromKey: string; toKey: string; kind: ValueKind;
  amount: number; unit: string; occurredAt: string;
}
export interface InsightRecord {
  type: 'insight'; id: string; title: string; summary: string; createdAt: string;
  /** In the order given when the insight was created. */
  signals: SignalRef[];
  /** Sorted by name. */
  topics: string[];
}
export interface ChangeRecord {
  type: 'change'; id: string; insightId: string; processName: string; description: string; appliedAt: string;
}

export type TransferRecord =
  | ActorRecord | TieRecord | TopicRecord | ProcessRecord | SignalRecord | ResponseRecord | ExchangeRecord
  | InsightRecord | ChangeRecord;
export type RecordOf<K extends TransferKind> = Extract<TransferRecord, { type: K }>;

export interface ImportResult {
  /** Records written anew. */
  created: number;
  /** Records already there (found by id or natural key); actors and ties among them take the record's values. */
  existing: number;
}

/** Largest page an export reads at once. */
export const MAX_EXPORT_PAGE = 10_000;

/** Checks the arguments of Store.exportRecords (BAD_USER_INPUT naming the one at fault). */
export function checkExportArgs(kind: string, limit: number): void {
  if (!(TRANSFER_KINDS as readonly string[]).includes(kind)) {
    throw badInput([{ path: ['kind'], message: `must be one of ${TRANSFER_KINDS.join(', ')}` }]);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EXPORT_PAGE) {
    throw badInput([{ path: ['limit'], message: `must be a whole number from 1 to ${MAX_EXPORT_PAGE}` }]);
  }
}

// --- validation -----------------------------------------------------------------------------------

const id = z.string().min(1, 'must not be empty').max(200, 'at most 200 characters');
// Keys and external ids as stored, not as clients write them: every export reads back, tombstones included.
const key = storedKey;
const instant = signalInput.shape.occurredAt;
const channel = signalInput.shape.channel;
const externalId = storedExternalId;
const name = z.string().trim().min(1, 'must not be empty').max(200);
const signalRef = z.strictObject({ channel, externalId });

const actorRecord = z.strictObject({
  type: z.literal('actor'), id, key, kind: z.enum(ACTOR_KINDS), name: actorInput.shape.name,
  attributes: jsonObject, createdAt: instant, updatedAt: instant,
}).refine((a) => !a.key.startsWith(ERASED_KEY_PREFIX) || (a.name === TOMBSTONE_NAME && Object.keys(a.attributes).length === 0), {
  // An export writes erased people as tombstones; a record under their reserved key with a name or
  // attributes would give one back.
  path: ['key'], message: `'${ERASED_KEY_PREFIX}' keys are erased actors: name '${TOMBSTONE_NAME}' and no attributes`,
});
const tieRecord = z.strictObject({
  type: z.literal('tie'), id, fromKey: key, toKey: key, tieType: z.enum(TIE_TYPES),
  weight: measure(1e9), since: instant.nullable(),
}).refine((t) => t.fromKey !== t.toKey, { path: ['toKey'], message: 'a tie joins two different actors' });
const topicRecord = z.strictObject({ type: z.literal('topic'), id, name: z.string().trim().min(1).max(100) });
const processRecord = z.strictObject({ type: z.literal('process'), id, name });
const signalRecord = z.strictObject({
  type: z.literal('signal'), id, channel, externalId, kind: z.enum(SIGNAL_KINDS),
  text: z.string().max(20_000).nullable(), sentiment: z.number().finite().min(-1).max(1).nullable(),
  occurredAt: instant, status: z.enum(SIGNAL_STATUSES), emitterKey: key.nullable(), assigneeKey: key.nullable(),
  about: z.array(z.strictObject({ target: z.enum(ABOUT_TARGETS), ref: z.string().trim().min(1).max(200) })).max(50),
});
const responseRecord = z.strictObject({
  type: z.literal('response'), id, signal: signalRef, responderKey: key.nullable(),
  text: z.string().trim().min(1).max(20_000).nullable(), channel, respondedAt: instant,
});
const exchangeRecord = z.strictObject({
  type: z.literal('exchange'), id, externalId: externalId.nullable(), fromKey: key, toKey: key, kind: z.enum(VALUE_KINDS),
  amount: measure(1e15), unit: z.string().trim().min(1).max(32), occurredAt: instant,
}).refine((e) => e.fromKey !== e.toKey, { path: ['toKey'], message: 'value is exchanged between two different actors' });
const insightRecord = z.strictObject({
  type: z.literal('insight'), id, title: z.string().trim().min(1).max(300), summary: z.string().trim().max(10_000),
  createdAt: instant, signals: z.array(signalRef).min(1, 'an insight derives from at least one signal').max(10_000),
  topics: z.array(z.string().trim().min(1).max(100)).max(50),
});
const changeRecord = z.strictObject({
  type: z.literal('change'), id, insightId: id, processName: name, description: z.string().trim().min(1).max(10_000),
  appliedAt: instant,
});

const RECORD_SCHEMAS = {
  actor: actorRecord, tie: tieRecord, topic: topicRecord, process: processRecord, signal: signalRecord,
  response: responseRecord, exchange: exchangeRecord, insight: insightRecord, change: changeRecord,
} as const satisfies Record<TransferKind, z.ZodType>;

const counts = z.strictObject(Object.fromEntries(TRANSFER_KINDS.map((k) => [SECTION[k], z.number().int().min(0)])) as
  Record<keyof TransferCounts, z.ZodNumber>);
const header = z.strictObject({
  type: z.literal(TRANSFER_FORMAT),
  formatVersion: z.number(),
  exportedAt: instant,
  store: z.enum(['embedded', 'neo4j']),
  counts,
});

/** A line that is not a valid record: `field` is its path inside the line ('' for the whole line). */
export class RecordError extends Error {
  override name = 'RecordError';
  constructor(readonly field: string, readonly reason: string) {
    super(field ? `field "${field}": ${reason}` : reason);
  }
}

const fieldOf = (path: PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = fieldOf(issue.path);
  // A strict object names the unknown keys in the issue, not in its path.
  if (issue.code === 'unrecognized_keys') {
    throw new RecordError(fieldOf([...issue.path, issue.keys[0]]), 'unknown field');
  }
  throw new RecordError(field, issue.message);
}

/** Parses the header line; throws RecordError when it is not an Osmosis export this build reads. */
export function parseHeader(value: unknown): TransferHeader {
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== TRANSFER_FORMAT) {
    throw new RecordError('type', `the first line must be the header {"type":"${TRANSFER_FORMAT}",…}: not an Osmosis export`);
  }
  const h = parseWith(header, value);
  if (h.formatVersion !== TRANSFER_FORMAT_VERSION) {
    throw new RecordError('formatVersion', `unsupported format version ${h.formatVersion} (this build reads ${TRANSFER_FORMAT_VERSION})`);
  }
  return h as TransferHeader;
}

/** Parses one record line (already JSON-decoded); throws RecordError naming the field at fault. */
export function parseRecord(value: unknown): TransferRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordError('', 'a record must be a JSON object');
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !(type in RECORD_SCHEMAS)) {
    throw new RecordError('type', `unknown record type ${JSON.stringify(type)} (expected one of ${TRANSFER_KINDS.join(', ')})`);
  }
  return parseWith(RECORD_SCHEMAS[type as TransferKind] as z.ZodType<TransferRecord>, value);
}
