/**
 * Export and import (Store.transferCounts / exportRecords / importRecords, format in domain/transfer.ts).
 * Export pages are keysets on each table's unique `id` index; import writes a batch in one transaction,
 * record by record (better-sqlite3 is synchronous: a statement costs no round trip), and throws NOT_FOUND
 * naming every unknown reference of the batch, which rolls the whole batch back.
 */
import { randomUUID } from 'node:crypto';
import { notFoundAll, type FieldIssue } from '../../domain/errors.js';
import { isTangible } from '../../domain/kinds.js';
import type {
  ActorRecord, ChangeRecord, ExchangeRecord, ImportResult, InsightRecord, ProcessRecord, ResponseRecord, SignalRecord,
  TieRecord, TopicRecord, TransferCounts, TransferKind, TransferRecord,
} from '../../domain/transfer.js';
import { checkExportArgs } from '../../domain/transfer.js';
import type { Conn } from './connection.js';
import { namedRid } from './refs.js';

export function transferCounts(conn: Conn): TransferCounts {
  return conn.stmt(`SELECT
    (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM ties) AS ties,
    (SELECT count(*) FROM topics) AS topics, (SELECT count(*) FROM processes) AS processes,
    (SELECT count(*) FROM signals) AS signals, (SELECT count(*) FROM responses) AS responses,
    (SELECT count(*) FROM exchanges) AS exchanges, (SELECT count(*) FROM insights) AS insights,
    (SELECT count(*) FROM changes) AS changes`).get() as TransferCounts;
}

// --- export ---------------------------------------------------------------------------------------

const PAGE = 'ORDER BY id LIMIT @limit';

/** One SELECT per kind, its columns named as the record's fields (JSON text where a field is a list). */
const EXPORT_SQL: Record<TransferKind, string> = {
  actor: `SELECT id, key, kind, name, attributes, created_at AS createdAt, updated_at AS updatedAt
          FROM actors WHERE id > @after ${PAGE}`,
  tie: `SELECT t.id AS id, fa.key AS fromKey, ta.key AS toKey, t.type AS tieType, t.weight, t.since
        FROM ties t JOIN actors fa ON fa.rid = t.from_rid JOIN actors ta ON ta.rid = t.to_rid
        WHERE t.id > @after ORDER BY t.id LIMIT @limit`,
  topic: `SELECT id, name FROM topics WHERE id > @after ${PAGE}`,
  process: `SELECT id, name FROM processes WHERE id > @after ${PAGE}`,
  signal: `SELECT s.id AS id, s.channel, s.external_id AS externalId, s.kind, s.text, s.sentiment,
             s.occurred_at AS occurredAt, s.status, e.key AS emitterKey, g.key AS assigneeKey,
             (SELECT json_group_array(json_object(
                 'target', CASE WHEN b.actor_rid IS NOT NULL THEN 'ACTOR' WHEN b.topic_rid IS NOT NULL THEN 'TOPIC' ELSE 'PROCESS' END,
                 'ref', coalesce(ba.key, bt.name, bp.name)) ORDER BY b.position)
              FROM signal_about b LEFT JOIN actors ba ON ba.rid = b.actor_rid
              LEFT JOIN topics bt ON bt.rid = b.topic_rid LEFT JOIN processes bp ON bp.rid = b.process_rid
              WHERE b.signal_rid = s.rid) AS about
           FROM signals s LEFT JOIN actors e ON e.rid = s.emitter_rid LEFT JOIN actors g ON g.rid = s.assignee_rid
           WHERE s.id > @after ORDER BY s.id LIMIT @limit`,
  response: `SELECT r.id AS id, rs.channel AS signalChannel, rs.external_id AS signalExternalId, ra.key AS responderKey,
               r.text, r.channel, r.responded_at AS respondedAt
             FROM responses r JOIN signals rs ON rs.rid = r.signal_rid LEFT JOIN actors ra ON ra.rid = r.responder_rid
             WHERE r.id > @after ORDER BY r.id LIMIT @limit`,
  exchange: `SELECT x.id AS id, x.external_id AS externalId, xf.key AS fromKey, xt.key AS toKey, x.kind, x.amount, x.unit,
               x.occurred_at AS occurredAt
             FROM exchanges x JOIN actors xf ON xf.rid = x.from_rid JOIN actors xt ON xt.rid = x.to_rid
             WHERE x.id > @after ORDER BY x.id LIMIT @limit`,
  insight: `SELECT i.id AS id, i.title, i.summary, i.created_at AS createdAt,
              (SELECT json_group_array(json_object('channel', s.channel, 'externalId', s.external_id) ORDER BY l.position)
               FROM insight_signals l JOIN signals s ON s.rid = l.signal_rid WHERE l.insight_rid = i.rid) AS signals,
              (SELECT json_group_array(t.name)
               FROM insight_topics l JOIN topics t ON t.rid = l.topic_rid WHERE l.insight_rid = i.rid) AS topics
            FROM insights i WHERE i.id > @after ORDER BY i.id LIMIT @limit`,
  change: `SELECT c.id AS id, ci.id AS insightId, cp.name AS processName, c.description, c.applied_at AS appliedAt
           FROM changes c JOIN insights ci ON ci.rid = c.insight_rid JOIN processes cp ON cp.rid = c.process_rid
           WHERE c.id > @after ORDER BY c.id LIMIT @limit`,
};

type Row = Record<string, unknown>;
const str = (v: unknown): string => v as string;
const strOrNull = (v: unknown): string | null => (v as string | null) ?? null;

/** Row → record, field by field (so the record's shape is the same from both stores). */
const TO_RECORD: { [K in TransferKind]: (r: Row) => Extract<TransferRecord, { type: K }> } = {
  actor: (r): ActorRecord => ({
    type: 'actor', id: str(r.id), key: str(r.key), kind: r.kind as ActorRecord['kind'], name: str(r.name),
    attributes: JSON.parse(str(r.attributes)) as ActorRecord['attributes'], createdAt: str(r.createdAt), updatedAt: str(r.updatedAt),
  }),
  tie: (r): TieRecord => ({
    type: 'tie', id: str(r.id), fromKey: str(r.fromKey), toKey: str(r.toKey), tieType: r.tieType as TieRecord['tieType'],
    weight: r.weight as number, since: strOrNull(r.since),
  }),
  topic: (r): TopicRecord => ({ type: 'topic', id: str(r.id), name: str(r.name) }),
  process: (r): ProcessRecord => ({ type: 'process', id: str(r.id), name: str(r.name) }),
  signal: (r): SignalRecord => ({
    type: 'signal', id: str(r.id), channel: str(r.channel), externalId: str(r.externalId), kind: r.kind as SignalRecord['kind'],
    text: strOrNull(r.text), sentiment: (r.sentiment as number | null) ?? null, occurredAt: str(r.occurredAt),
    status: r.status as SignalRecord['status'], emitterKey: strOrNull(r.emitterKey), assigneeKey: strOrNull(r.assigneeKey),
    about: JSON.parse(str(r.about)) as SignalRecord['about'],
  }),
  response: (r): ResponseRecord => ({
    type: 'response', id: str(r.id), signal: { channel: str(r.signalChannel), externalId: str(r.signalExternalId) },
    responderKey: strOrNull(r.responderKey), text: strOrNull(r.text), channel: str(r.channel), respondedAt: str(r.respondedAt),
  }),
  exchange: (r): ExchangeRecord => ({
    type: 'exchange', id: str(r.id), externalId: strOrNull(r.externalId), fromKey: str(r.fromKey), toKey: str(r.toKey),
    kind: r.kind as ExchangeRecord['kind'], amount: r.amount as number, unit: str(r.unit), occurredAt: str(r.occurredAt),
  }),
  insight: (r): InsightRecord => ({
    type: 'insight', id: str(r.id), title: str(r.title), summary: str(r.summary), createdAt: str(r.createdAt),
    signals: JSON.parse(str(r.signals)) as InsightRecord['signals'],
    topics: (JSON.parse(str(r.topics)) as string[]).sort(byCodeUnits),
  }),
  change: (r): ChangeRecord => ({
    type: 'change', id: str(r.id), insightId: str(r.insightId), processName: str(r.processName),
    description: str(r.description), appliedAt: str(r.appliedAt),
  }),
};

/** The order both stores sort topic names of an insight in (JavaScript's, so it is the same everywhere). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function exportRecords(conn: Conn, kind: TransferKind, afterId: string | null, limit: number): TransferRecord[] {
  checkExportArgs(kind, limit);
  const rows = conn.stmt(EXPORT_SQL[kind]).all({ after: afterId ?? '', limit }) as Row[];
  const toRecord = TO_RECORD[kind] as (r: Row) => TransferRecord;
  return rows.map((r) => toRecord(r));
}

// --- import ---------------------------------------------------------------------------------------

type Outcome = 'created' | 'existing' | 'skipped';

/** What one record's import needs: the connection, its index in the batch and the issue list to add to. */
interface Ctx {
  conn: Conn;
  i: number;
  issues: FieldIssue[];
}

const ridOf = (conn: Conn, sql: string, ...params: unknown[]): number | undefined =>
  (conn.stmt(sql).get(...params) as { rid: number } | undefined)?.rid;

/** Rowid of the actor with that key, or undefined after recording an issue at `field`. */
function actorRef(c: Ctx, key: string, field: (string | number)[]): number | undefined {
  const rid = ridOf(c.conn, 'SELECT rid FROM actors WHERE key = ?', key);
  if (rid === undefined) c.issues.push({ path: ['input', c.i, ...field], message: `actor '${key}' not found` });
  return rid;
}

function signalRef(c: Ctx, ref: { channel: string; externalId: string }, field: (string | number)[]): number | undefined {
  const rid = ridOf(c.conn, 'SELECT rid FROM signals WHERE channel = ? AND external_id = ?', ref.channel, ref.externalId);
  if (rid === undefined) {
    c.issues.push({ path: ['input', c.i, ...field], message: `signal '${ref.channel}' / '${ref.externalId}' not found` });
  }
  return rid;
}

/** The record's id when no row of `table` holds it yet, else a fresh one. */
const freeId = (conn: Conn, table: string, id: string): string =>
  (conn.stmt(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) ? randomUUID() : id);

function importActor(c: Ctx, r: ActorRecord): Outcome {
  const attributes = JSON.stringify(r.attributes);
  const found = c.conn.stmt('SELECT rid, kind, name, attributes, updated_at AS updatedAt FROM actors WHERE key = ?')
    .get(r.key) as { rid: number; kind: string; name: string; attributes: string; updatedAt: string } | undefined;
  if (found) {
    if (found.kind !== r.kind || found.name !== r.name || found.attributes !== attributes || found.updatedAt !== r.updatedAt) {
      c.conn.stmt('UPDATE actors SET kind = ?, name = ?, attributes = ?, updated_at = ? WHERE rid = ?')
        .run(r.kind, r.name, attributes, r.updatedAt, found.rid);
    }
    return 'existing';
  }
  c.conn.stmt(`INSERT INTO actors (id, key, kind, name, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(freeId(c.conn, 'actors', r.id), r.key, r.kind, r.name, attributes, r.createdAt, r.updatedAt);
  return 'created';
}

function importTie(c: Ctx, r: TieRecord): Outcome {
  const from = actorRef(c, r.fromKey, ['fromKey']);
  const to = actorRef(c, r.toKey, ['toKey']);
  if (from === undefined || to === undefined) return 'skipped';
  const found = c.conn.stmt('SELECT rid, weight, since FROM ties WHERE from_rid = ? AND to_rid = ? AND type = ?')
    .get(from, to, r.tieType) as { rid: number; weight: number; since: string | null } | undefined;
  if (found) {
    if (found.weight !== r.weight || found.since !== r.since) {
      c.conn.stmt('UPDATE ties SET weight = ?, since = ? WHERE rid = ?').run(r.weight, r.since, found.rid);
    }
    return 'existing';
  }
  c.conn.stmt('INSERT INTO ties (id, from_rid, to_rid, type, weight, since) VALUES (?, ?, ?, ?, ?, ?)')
    .run(freeId(c.conn, 'ties', r.id), from, to, r.tieType, r.weight, r.since);
  return 'created';
}

function importNamed(c: Ctx, table: 'topics' | 'processes', r: TopicRecord | ProcessRecord): Outcome {
  if (ridOf(c.conn, `SELECT rid FROM ${table} WHERE name = ?`, r.name) !== undefined) return 'existing';
  c.conn.stmt(`INSERT INTO ${table} (id, name) VALUES (?, ?)`).run(freeId(c.conn, table, r.id), r.name);
  return 'created';
}

function importSignal(c: Ctx, r: SignalRecord): Outcome {
  const emitter = r.emitterKey === null ? null : actorRef(c, r.emitterKey, ['emitterKey']);
  const assignee = r.assigneeKey === null ? null : actorRef(c, r.assigneeKey, ['assigneeKey']);
  const aboutActors = r.about.map((a, j) => (a.target === 'ACTOR' ? actorRef(c, a.ref, ['about', j, 'ref']) : null));
  if (emitter === undefined || assignee === undefined || aboutActors.includes(undefined)) return 'skipped';
  if (ridOf(c.conn, 'SELECT rid FROM signals WHERE channel = ? AND external_id = ?', r.channel, r.externalId) !== undefined) {
    return 'existing';
  }
  const { rid } = c.conn.stmt(`
    INSERT INTO signals (id, channel, external_id, kind, text, sentiment, occurred_at, status, emitter_rid, assignee_rid)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rid`).get(
    freeId(c.conn, 'signals', r.id), r.channel, r.externalId, r.kind, r.text, r.sentiment, r.occurredAt, r.status, emitter, assignee,
  ) as { rid: number };
  const done = new Set<string>();
  let position = 0;
  r.about.forEach((a, j) => {
    const identity = `${a.target}\u0000${a.ref}`;
    if (done.has(identity)) return;
    done.add(identity);
    c.conn.stmt(`INSERT INTO signal_about (signal_rid, position, actor_rid, topic_rid, process_rid) VALUES (?, ?, ?, ?, ?)`).run(
      rid, position++, aboutActors[j] ?? null,
      a.target === 'TOPIC' ? namedRid(c.conn, 'topics', a.ref) : null,
      a.target === 'PROCESS' ? namedRid(c.conn, 'processes', a.ref) : null,
    );
  });
  return 'created';
}

function importResponse(c: Ctx, r: ResponseRecord): Outcome {
  const signal = signalRef(c, r.signal, ['signal']);
  const responder = r.responderKey === null ? null : actorRef(c, r.responderKey, ['responderKey']);
  if (signal === undefined || responder === undefined) return 'skipped';
  if (c.conn.stmt('SELECT 1 FROM responses WHERE id = ?').get(r.id)) return 'existing';
  c.conn.stmt('INSERT INTO responses (id, signal_rid, responder_rid, text, channel, responded_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.id, signal, responder, r.text, r.channel, r.respondedAt);
  return 'created';
}

function importExchange(c: Ctx, r: ExchangeRecord): Outcome {
  const from = actorRef(c, r.fromKey, ['fromKey']);
  const to = actorRef(c, r.toKey, ['toKey']);
  if (from === undefined || to === undefined) return 'skipped';
  if (c.conn.stmt('SELECT 1 FROM exchanges WHERE id = ? OR external_id = ?').get(r.id, r.externalId)) return 'existing';
  c.conn.stmt(`INSERT INTO exchanges (id, external_id, from_rid, to_rid, kind, tangible, amount, unit, occurred_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.id, r.externalId, from, to, r.kind, isTangible(r.kind) ? 1 : 0, r.amount, r.unit, r.occurredAt);
  return 'created';
}

function importInsight(c: Ctx, r: InsightRecord): Outcome {
  const signals = r.signals.map((ref, j) => signalRef(c, ref, ['signals', j]));
  if (signals.includes(undefined)) return 'skipped';
  if (c.conn.stmt('SELECT 1 FROM insights WHERE id = ?').get(r.id)) return 'existing';
  const { rid } = c.conn.stmt('INSERT INTO insights (id, title, summary, created_at) VALUES (?, ?, ?, ?) RETURNING rid')
    .get(r.id, r.title, r.summary, r.createdAt) as { rid: number };
  const link = c.conn.stmt('INSERT INTO insight_signals (insight_rid, signal_rid, position) VALUES (?, ?, ?)');
  [...new Set(signals as number[])].forEach((s, position) => link.run(rid, s, position));
  const tag = c.conn.stmt('INSERT OR IGNORE INTO insight_topics (insight_rid, topic_rid) VALUES (?, ?)');
  for (const topic of new Set(r.topics)) tag.run(rid, namedRid(c.conn, 'topics', topic));
  return 'created';
}

function importChange(c: Ctx, r: ChangeRecord): Outcome {
  const insight = ridOf(c.conn, 'SELECT rid FROM insights WHERE id = ?', r.insightId);
  if (insight === undefined) {
    c.issues.push({ path: ['input', c.i, 'insightId'], message: `insight '${r.insightId}' not found` });
    return 'skipped';
  }
  if (c.conn.stmt('SELECT 1 FROM changes WHERE id = ?').get(r.id)) return 'existing';
  c.conn.stmt('INSERT INTO changes (id, description, applied_at, insight_rid, process_rid) VALUES (?, ?, ?, ?, ?)')
    .run(r.id, r.description, r.appliedAt, insight, namedRid(c.conn, 'processes', r.processName));
  return 'created';
}

function importOne(c: Ctx, r: TransferRecord): Outcome {
  switch (r.type) {
    case 'actor': return importActor(c, r);
    case 'tie': return importTie(c, r);
    case 'topic': return importNamed(c, 'topics', r);
    case 'process': return importNamed(c, 'processes', r);
    case 'signal': return importSignal(c, r);
    case 'response': return importResponse(c, r);
    case 'exchange': return importExchange(c, r);
    case 'insight': return importInsight(c, r);
    case 'change': return importChange(c, r);
  }
}

export function importRecords(conn: Conn, records: readonly TransferRecord[]): ImportResult {
  return conn.write(() => {
    const issues: FieldIssue[] = [];
    const result: ImportResult = { created: 0, existing: 0 };
    records.forEach((r, i) => {
      const outcome = importOne({ conn, i, issues }, r);
      if (outcome !== 'skipped') result[outcome]++;
    });
    if (issues.length) throw notFoundAll(issues); // rolls the batch back
    return result;
  });
}
