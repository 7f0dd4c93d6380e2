/**
 * Export and import (Store.transferCounts / exportRecords / importRecords, format in domain/transfer.ts).
 *
 * Export: one query per page, a keyset on the unique `id` constraint of each label or relationship type
 * (an index range seek that also yields id order, so a page costs the same at any depth).
 * Import: one transaction per batch (the write protocol of connection.ts, so writers stay serialised),
 * one UNWIND per run of records of one kind, each preceded by one query checking that run's references
 * (they may name records written by an earlier run of the same batch). Records are deduplicated by their
 * identity within a run, so a MERGE-like check never races a row of the same statement.
 */
import { notFoundAll, type FieldIssue } from '../../domain/errors.js';
import { isTangible } from '../../domain/kinds.js';
import type {
  ActorRecord, ChangeRecord, ExchangeRecord, ImportResult, InsightRecord, ProcessRecord, ResponseRecord, SignalRecord,
  SignalRef, TieRecord, TopicRecord, TransferCounts, TransferKind, TransferRecord,
} from '../../domain/transfer.js';
import { checkExportArgs } from '../../domain/transfer.js';
import { fold } from './actors.js';
import { int, type Connection, type Tx } from './connection.js';
import { aboutRows } from './signals.js';

export async function transferCounts(conn: Connection): Promise<TransferCounts> {
  // Label and relationship-type counts come from the count store: constant time.
  const [row] = await conn.query(`
    CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
    CALL () { MATCH ()-[t:TIE]->() RETURN count(t) AS ties }
    CALL () { MATCH (n:Topic) RETURN count(n) AS topics }
    CALL () { MATCH (n:Process) RETURN count(n) AS processes }
    CALL () { MATCH (n:Signal) RETURN count(n) AS signals }
    CALL () { MATCH (n:Response) RETURN count(n) AS responses }
    CALL () { MATCH ()-[x:VALUE]->() RETURN count(x) AS exchanges }
    CALL () { MATCH (n:Insight) RETURN count(n) AS insights }
    CALL () { MATCH (n:Change) RETURN count(n) AS changes }
    RETURN actors, ties, topics, processes, signals, responses, exchanges, insights, changes`);
  const n = (k: keyof TransferCounts) => row.get(k) as number;
  return {
    actors: n('actors'), ties: n('ties'), topics: n('topics'), processes: n('processes'), signals: n('signals'),
    responses: n('responses'), exchanges: n('exchanges'), insights: n('insights'), changes: n('changes'),
  };
}

// --- export ---------------------------------------------------------------------------------------

/** `MATCH … WHERE v.id > $after WITH v ORDER BY v.id LIMIT $limit`, then the record as a map `r`, in id order. */
const page = (match: string, v: string, record: string): string => `
  ${match} WHERE ${v}.id > $after
  WITH ${v} ORDER BY ${v}.id LIMIT $limit
  RETURN ${record} AS r ORDER BY r.id`;

const EXPORT: Record<TransferKind, string> = {
  actor: page('MATCH (a:Actor)', 'a', 'a {.id, .key, .kind, .name, .attributes, .createdAt, .updatedAt}'),
  tie: page('MATCH ()-[t:TIE]->()', 't',
    '{id: t.id, fromKey: startNode(t).key, toKey: endNode(t).key, tieType: t.type, weight: t.weight, since: t.since}'),
  topic: page('MATCH (n:Topic)', 'n', 'n {.id, .name}'),
  process: page('MATCH (n:Process)', 'n', 'n {.id, .name}'),
  signal: page('MATCH (s:Signal)', 's', `s {.id, .channel, .externalId, .kind, .text, .sentiment, .occurredAt, .status,
    emitterKey: head([(e:Actor)-[:EMITTED]->(s) | e.key]),
    assigneeKey: head([(s)-[:ASSIGNED_TO]->(g:Actor) | g.key]),
    about: [(s)-[b:ABOUT]->(x) | {position: b.position,
      target: CASE WHEN x:Actor THEN 'ACTOR' WHEN x:Topic THEN 'TOPIC' ELSE 'PROCESS' END,
      ref: CASE WHEN x:Actor THEN x.key ELSE x.name END}]}`),
  response: page('MATCH (r:Response)', 'r', `r {.id, .text, .channel, .respondedAt,
    signal: head([(r)-[:ANSWERS]->(s:Signal) | {channel: s.channel, externalId: s.externalId}]),
    responderKey: head([(p:Actor)-[:GAVE]->(r) | p.key])}`),
  exchange: page('MATCH ()-[x:VALUE]->()', 'x', `{id: x.id, externalId: x.externalId, fromKey: startNode(x).key,
    toKey: endNode(x).key, kind: x.kind, amount: x.amount, unit: x.unit, occurredAt: x.occurredAt}`),
  insight: page('MATCH (i:Insight)', 'i', `i {.id, .title, .summary, .createdAt,
    signals: [(i)-[l:DERIVED_FROM]->(s:Signal) | {position: l.position, channel: s.channel, externalId: s.externalId}],
    topics: [(i)-[:ABOUT]->(t:Topic) | t.name]}`),
  change: page('MATCH (c:Change)', 'c', `c {.id, .description, .appliedAt,
    insightId: head([(c)-[:IMPLEMENTS]->(i:Insight) | i.id]), processName: head([(c)-[:MODIFIES]->(p:Process) | p.name])}`),
};

type Map = Record<string, unknown>;
const str = (v: unknown): string => v as string;
const strOrNull = (v: unknown): string | null => (v as string | null) ?? null;
const byPosition = <T extends { position: number }>(items: T[]): T[] => [...items].sort((a, b) => a.position - b.position);
/** JavaScript's order, as the embedded store sorts topic names too. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Map → record, field by field (so the record's shape is the same from both stores). */
const TO_RECORD: { [K in TransferKind]: (m: Map) => Extract<TransferRecord, { type: K }> } = {
  actor: (m): ActorRecord => ({
    type: 'actor', id: str(m.id), key: str(m.key), kind: m.kind as ActorRecord['kind'], name: str(m.name),
    attributes: JSON.parse(strOrNull(m.attributes) ?? '{}') as ActorRecord['attributes'],
    createdAt: str(m.createdAt), updatedAt: str(m.updatedAt),
  }),
  tie: (m): TieRecord => ({
    type: 'tie', id: str(m.id), fromKey: str(m.fromKey), toKey: str(m.toKey), tieType: m.tieType as TieRecord['tieType'],
    weight: m.weight as number, since: strOrNull(m.since),
  }),
  topic: (m): TopicRecord => ({ type: 'topic', id: str(m.id), name: str(m.name) }),
  process: (m): ProcessRecord => ({ type: 'process', id: str(m.id), name: str(m.name) }),
  signal: (m): SignalRecord => ({
    type: 'signal', id: str(m.id), channel: str(m.channel), externalId: str(m.externalId), kind: m.kind as SignalRecord['kind'],
    text: strOrNull(m.text), sentiment: (m.sentiment as number | null) ?? null, occurredAt: str(m.occurredAt),
    status: m.status as SignalRecord['status'], emitterKey: strOrNull(m.emitterKey), assigneeKey: strOrNull(m.assigneeKey),
    about: byPosition(m.about as { position: number; target: SignalRecord['about'][number]['target']; ref: string }[])
      .map((a) => ({ target: a.target, ref: a.ref })),
  }),
  response: (m): ResponseRecord => {
    const signal = m.signal as { channel: string; externalId: string };
    return {
      type: 'response', id: str(m.id), signal: { channel: signal.channel, externalId: signal.externalId },
      responderKey: strOrNull(m.responderKey), text: strOrNull(m.text), channel: str(m.channel), respondedAt: str(m.respondedAt),
    };
  },
  exchange: (m): ExchangeRecord => ({
    type: 'exchange', id: str(m.id), externalId: strOrNull(m.externalId), fromKey: str(m.fromKey), toKey: str(m.toKey),
    kind: m.kind as ExchangeRecord['kind'], amount: m.amount as number, unit: str(m.unit), occurredAt: str(m.occurredAt),
  }),
  insight: (m): InsightRecord => ({
    type: 'insight', id: str(m.id), title: str(m.title), summary: str(m.summary), createdAt: str(m.createdAt),
    signals: byPosition(m.signals as { position: number; channel: string; externalId: string }[])
      .map((s) => ({ channel: s.channel, externalId: s.externalId })),
    topics: [...(m.topics as string[])].sort(byCodeUnits),
  }),
  change: (m): ChangeRecord => ({
    type: 'change', id: str(m.id), insightId: str(m.insightId), processName: str(m.processName),
    description: str(m.description), appliedAt: str(m.appliedAt),
  }),
};

export async function exportRecords(conn: Connection, kind: TransferKind, afterId: string | null, limit: number): Promise<TransferRecord[]> {
  checkExportArgs(kind, limit);
  const rows = await conn.query(EXPORT[kind], { after: afterId ?? '', limit: int(limit) });
  return rows.map((r) => TO_RECORD[kind](r.get('r') as Map));
}

// --- import ---------------------------------------------------------------------------------------

/** Creates what is absent; `created` and `updated` count rows. */
const IMPORT_ACTORS = `
  UNWIND $rows AS row
  OPTIONAL MATCH (old:Actor {key: row.key})
  WITH row, old, old IS NOT NULL AND (old.kind <> row.kind OR old.name <> row.name OR old.attributes <> row.attributes
       OR old.updatedAt <> row.updatedAt) AS stale
  CALL (row, old, stale) {
    WITH row, old, stale WHERE stale
    SET old.kind = row.kind, old.name = row.name, old.attributes = row.attributes, old.updatedAt = row.updatedAt,
        old.nameFold = row.nameFold
  }
  CALL (row, old) {
    WITH row, old WHERE old IS NULL
    OPTIONAL MATCH (taken:Actor {id: row.id})
    CREATE (:Actor {id: CASE WHEN taken IS NULL THEN row.id ELSE randomUUID() END, key: row.key, kind: row.kind,
      name: row.name, attributes: row.attributes, createdAt: row.createdAt, updatedAt: row.updatedAt,
      keyFold: row.keyFold, nameFold: row.nameFold})
  }
  RETURN count(*) - count(old) AS created, sum(CASE WHEN stale THEN 1 ELSE 0 END) AS updated`;

const IMPORT_TIES = `
  UNWIND $rows AS row
  MATCH (a:Actor {key: row.fromKey}), (b:Actor {key: row.toKey})
  OPTIONAL MATCH (a)-[old:TIE {type: row.tieType}]->(b)
  WITH row, a, b, old, old IS NOT NULL AND (old.weight <> row.weight OR coalesce(old.since, '') <> coalesce(row.since, '')) AS stale
  CALL (row, old, stale) {
    WITH row, old, stale WHERE stale
    SET old.weight = row.weight, old.since = row.since
  }
  CALL (row, a, b, old) {
    WITH row, a, b, old WHERE old IS NULL
    OPTIONAL MATCH ()-[taken:TIE {id: row.id}]->()
    CREATE (a)-[:TIE {id: CASE WHEN taken IS NULL THEN row.id ELSE randomUUID() END, type: row.tieType,
      weight: row.weight, since: row.since}]->(b)
  }
  RETURN count(*) - count(old) AS created, sum(CASE WHEN stale THEN 1 ELSE 0 END) AS updated`;

/** Topics and processes: the label comes from this module, never from input. */
const importNamed = (label: 'Topic' | 'Process'): string => `
  UNWIND $rows AS row
  OPTIONAL MATCH (old:${label} {name: row.name})
  CALL (row, old) {
    WITH row, old WHERE old IS NULL
    OPTIONAL MATCH (taken:${label} {id: row.id})
    CREATE (:${label} {id: CASE WHEN taken IS NULL THEN row.id ELSE randomUUID() END, name: row.name})
  }
  RETURN count(*) - count(old) AS created, 0 AS updated`;

const IMPORT_SIGNALS = `
  UNWIND $rows AS row
  OPTIONAL MATCH (old:Signal {channel: row.channel, externalId: row.externalId})
  CALL (row, old) {
    WITH row, old WHERE old IS NULL
    OPTIONAL MATCH (taken:Signal {id: row.id})
    CREATE (s:Signal {id: CASE WHEN taken IS NULL THEN row.id ELSE randomUUID() END, channel: row.channel,
      externalId: row.externalId, kind: row.kind, text: row.text, sentiment: row.sentiment, occurredAt: row.occurredAt,
      status: row.status})
    WITH row, s
    CALL (row, s) {
      WITH row, s WHERE row.emitterKey IS NOT NULL
      MATCH (e:Actor {key: row.emitterKey})
      CREATE (e)-[:EMITTED]->(s)
    }
    CALL (row, s) {
      WITH row, s WHERE row.assigneeKey IS NOT NULL
      MATCH (g:Actor {key: row.assigneeKey})
      CREATE (s)-[:ASSIGNED_TO]->(g)
    }
    CALL (row, s) {
      UNWIND row.about AS ab
      OPTIONAL MATCH (x:Actor {key: ab.actor})
      FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (s)-[:ABOUT {position: ab.position}]->(x))
      FOREACH (name IN CASE WHEN ab.topic IS NULL THEN [] ELSE [ab.topic] END |
        MERGE (t:Topic {name: name}) ON CREATE SET t.id = randomUUID()
        CREATE (s)-[:ABOUT {position: ab.position}]->(t))
      FOREACH (name IN CASE WHEN ab.process IS NULL THEN [] ELSE [ab.process] END |
        MERGE (q:Process {name: name}) ON CREATE SET q.id = randomUUID()
        CREATE (s)-[:ABOUT {position: ab.position}]->(q))
    }
  }
  RETURN count(*) - count(old) AS created, 0 AS updated`;

const IMPORT_RESPONSES = `
  UNWIND $rows AS row
  OPTIONAL MATCH (old:Response {id: row.id})
  CALL (row, old) {
    WITH row, old WHERE old IS NULL
    MATCH (s:Signal {channel: row.signalChannel, externalId: row.signalExternalId})
    CREATE (r:Response {id: row.id, text: row.text, channel: row.channel, respondedAt: row.respondedAt})-[:ANSWERS]->(s)
    WITH row, r
    CALL (row, r) {
      WITH row, r WHERE row.responderKey IS NOT NULL
      MATCH (p:Actor {key: row.responderKey})
      CREATE (p)-[:GAVE]->(r)
    }
  }
  RETURN count(*) - count(old) AS created, 0 AS updated`;

const IMPORT_EXCHANGES = `
  UNWIND $rows AS row
  OPTIONAL MATCH ()-[byId:VALUE {id: row.id}]->()
  OPTIONAL MATCH ()-[byExternalId:VALUE {externalId: row.externalId}]->()
  WITH row, byId IS NULL AND byExternalId IS NULL AS fresh
  CALL (row, fresh) {
    WITH row, fresh WHERE fresh
    MATCH (a:Actor {key: row.fromKey}), (b:Actor {key: row.toKey})
    CREATE (a)-[:VALUE {id: row.id, externalId: row.externalId, kind: row.kind, tangible: row.tangible,
      amount: row.amount, unit: row.unit, occurredAt: row.occurredAt}]->(b)
  }
  RETURN sum(CASE WHEN fresh THEN 1 ELSE 0 END) AS created, 0 AS updated`;

const IMPORT_INSIGHTS = `
  UNWIND $rows AS row
  OPTIONAL MATCH (old:Insight {id: row.id})
  CALL (row, old) {
    WITH row, old WHERE old IS NULL
    CREATE (i:Insight {id: row.id, title: row.title, summary: row.summary, createdAt: row.createdAt})
    WITH row, i
    CALL (row, i) {
      UNWIND row.signals AS link
      MATCH (s:Signal {channel: link.channel, externalId: link.externalId})
      CREATE (i)-[:DERIVED_FROM {position: link.position}]->(s)
    }
    CALL (row, i) {
      UNWIND row.topics AS name
      MERGE (t:Topic {name: name}) ON CREATE SET t.id = randomUUID()
      CREATE (i)-[:ABOUT]->(t)
    }
  }
  RETURN count(*) - count(old) AS created, 0 AS updated`;

const IMPORT_CHANGES = `
  UNWIND $rows AS row
  OPTIONAL MATCH (old:Change {id: row.id})
  CALL (row, old) {
    WITH row, old WHERE old IS NULL
    MATCH (i:Insight {id: row.insightId})
    MERGE (p:Process {name: row.processName}) ON CREATE SET p.id = randomUUID()
    CREATE (c:Change {id: row.id, description: row.description, appliedAt: row.appliedAt})
    CREATE (c)-[:IMPLEMENTS]->(i), (c)-[:MODIFIES]->(p)
  }
  RETURN count(*) - count(old) AS created, 0 AS updated`;

/** The references a run of records makes, in record and field order, each with the path of the field holding it. */
type Ref = { path: (string | number)[] } & (
  | { kind: 'actor'; key: string }
  | { kind: 'signal'; channel: string; externalId: string }
  | { kind: 'insight'; id: string });
type Refs = Ref[];

const CHECK_REFS = `
  CALL () { UNWIND $actorKeys AS k OPTIONAL MATCH (a:Actor {key: k}) WITH k, a WHERE a IS NULL RETURN collect(k) AS actors }
  CALL () {
    UNWIND $signalRefs AS ref
    OPTIONAL MATCH (s:Signal {channel: ref.channel, externalId: ref.externalId})
    WITH ref, s WHERE s IS NULL
    RETURN collect(ref.channel + '\\u0000' + ref.externalId) AS signals
  }
  CALL () { UNWIND $insightIds AS k OPTIONAL MATCH (i:Insight {id: k}) WITH k, i WHERE i IS NULL RETURN collect(k) AS insights }
  RETURN actors, signals, insights`;

const signalIdentity = (s: { channel: string; externalId: string }): string => `${s.channel}\u0000${s.externalId}`;

/** Throws NOT_FOUND naming every reference of the run that the store (as written so far) lacks. */
async function checkRefs(tx: Tx, refs: Refs): Promise<void> {
  if (refs.length === 0) return;
  const actorKeys = new Set<string>();
  const signalRefs = new globalThis.Map<string, SignalRef>();
  const insightIds = new Set<string>();
  for (const r of refs) {
    if (r.kind === 'actor') actorKeys.add(r.key);
    else if (r.kind === 'signal') signalRefs.set(signalIdentity(r), { channel: r.channel, externalId: r.externalId });
    else insightIds.add(r.id);
  }
  const [row] = await tx.run(CHECK_REFS, { actorKeys: [...actorKeys], signalRefs: [...signalRefs.values()], insightIds: [...insightIds] });
  const actors = new Set(row.get('actors') as string[]);
  const signals = new Set(row.get('signals') as string[]);
  const insights = new Set(row.get('insights') as string[]);
  // In record and field order, as the embedded store reports them.
  const issues: FieldIssue[] = refs.flatMap((r): FieldIssue[] => {
    if (r.kind === 'actor') return actors.has(r.key) ? [{ path: r.path, message: `actor '${r.key}' not found` }] : [];
    if (r.kind === 'signal') {
      return signals.has(signalIdentity(r)) ? [{ path: r.path, message: `signal '${r.channel}' / '${r.externalId}' not found` }] : [];
    }
    return insights.has(r.id) ? [{ path: r.path, message: `insight '${r.id}' not found` }] : [];
  });
  if (issues.length) throw notFoundAll(issues);
}

/** One run: records of one kind with their index in the batch. */
type Run<R extends TransferRecord> = { record: R; i: number }[];

/** Keeps the first (or the last) record of each identity. */
function unique<R extends TransferRecord>(run: Run<R>, identity: (r: R) => string, keep: 'first' | 'last' = 'first'): R[] {
  const byIdentity = new globalThis.Map<string, R>();
  for (const { record } of run) {
    const k = identity(record);
    if (keep === 'last' || !byIdentity.has(k)) byIdentity.set(k, record);
  }
  return [...byIdentity.values()];
}

const path = (i: number, ...field: (string | number)[]) => ['input', i, ...field];

/** Per kind: the references to check, the statement, and its rows (deduplicated). */
interface Plan { refs: Refs; query: string; rows: Map[] }

function plan(kind: TransferKind, run: Run<TransferRecord>): Plan {
  const refs: Refs = [];
  const actorRef = (key: string, p: (string | number)[]) => refs.push({ kind: 'actor', key, path: p });
  switch (kind) {
    case 'actor': {
      const rows = unique(run as Run<ActorRecord>, (r) => r.key, 'last').map((r) => ({
        id: r.id, key: r.key, kind: r.kind, name: r.name, attributes: JSON.stringify(r.attributes),
        createdAt: r.createdAt, updatedAt: r.updatedAt, keyFold: fold(r.key), nameFold: fold(r.name),
      }));
      return { refs, query: IMPORT_ACTORS, rows };
    }
    case 'tie': {
      for (const { record: r, i } of run as Run<TieRecord>) {
        actorRef(r.fromKey, path(i, 'fromKey'));
        actorRef(r.toKey, path(i, 'toKey'));
      }
      const rows = unique(run as Run<TieRecord>, (r) => `${r.fromKey}\u0000${r.toKey}\u0000${r.tieType}`, 'last')
        .map((r) => ({ id: r.id, fromKey: r.fromKey, toKey: r.toKey, tieType: r.tieType, weight: r.weight, since: r.since }));
      return { refs, query: IMPORT_TIES, rows };
    }
    case 'topic':
    case 'process': {
      const rows = unique(run as Run<TopicRecord | ProcessRecord>, (r) => r.name).map((r) => ({ id: r.id, name: r.name }));
      return { refs, query: importNamed(kind === 'topic' ? 'Topic' : 'Process'), rows };
    }
    case 'signal': {
      for (const { record: r, i } of run as Run<SignalRecord>) {
        if (r.emitterKey !== null) actorRef(r.emitterKey, path(i, 'emitterKey'));
        if (r.assigneeKey !== null) actorRef(r.assigneeKey, path(i, 'assigneeKey'));
        r.about.forEach((a, j) => { if (a.target === 'ACTOR') actorRef(a.ref, path(i, 'about', j, 'ref')); });
      }
      const rows = unique(run as Run<SignalRecord>, signalIdentity).map((r) => ({
        id: r.id, channel: r.channel, externalId: r.externalId, kind: r.kind, text: r.text, sentiment: r.sentiment,
        occurredAt: r.occurredAt, status: r.status, emitterKey: r.emitterKey, assigneeKey: r.assigneeKey, about: aboutRows(r.about),
      }));
      return { refs, query: IMPORT_SIGNALS, rows };
    }
    case 'response': {
      for (const { record: r, i } of run as Run<ResponseRecord>) {
        refs.push({ kind: 'signal', ...r.signal, path: path(i, 'signal') });
        if (r.responderKey !== null) actorRef(r.responderKey, path(i, 'responderKey'));
      }
      const rows = unique(run as Run<ResponseRecord>, (r) => r.id).map((r) => ({
        id: r.id, signalChannel: r.signal.channel, signalExternalId: r.signal.externalId, responderKey: r.responderKey,
        text: r.text, channel: r.channel, respondedAt: r.respondedAt,
      }));
      return { refs, query: IMPORT_RESPONSES, rows };
    }
    case 'exchange': {
      for (const { record: r, i } of run as Run<ExchangeRecord>) {
        actorRef(r.fromKey, path(i, 'fromKey'));
        actorRef(r.toKey, path(i, 'toKey'));
      }
      // An exchange is the same as an earlier one of the run with its id, or with its externalId.
      const ids = new Set<string>();
      const externalIds = new Set<string>();
      const rows: Map[] = [];
      for (const { record: r } of run as Run<ExchangeRecord>) {
        if (ids.has(r.id) || (r.externalId !== null && externalIds.has(r.externalId))) continue;
        ids.add(r.id);
        if (r.externalId !== null) externalIds.add(r.externalId);
        rows.push({
          id: r.id, externalId: r.externalId, fromKey: r.fromKey, toKey: r.toKey, kind: r.kind, tangible: isTangible(r.kind),
          amount: r.amount, unit: r.unit, occurredAt: r.occurredAt,
        });
      }
      return { refs, query: IMPORT_EXCHANGES, rows };
    }
    case 'insight': {
      for (const { record: r, i } of run as Run<InsightRecord>) {
        r.signals.forEach((s, j) => refs.push({ kind: 'signal', ...s, path: path(i, 'signals', j) }));
      }
      const rows = unique(run as Run<InsightRecord>, (r) => r.id).map((r) => ({
        id: r.id, title: r.title, summary: r.summary, createdAt: r.createdAt,
        signals: [...new globalThis.Map(r.signals.map((s) => [signalIdentity(s), s])).values()]
          .map((s, position) => ({ channel: s.channel, externalId: s.externalId, position })),
        topics: [...new Set(r.topics)],
      }));
      return { refs, query: IMPORT_INSIGHTS, rows };
    }
    case 'change': {
      for (const { record: r, i } of run as Run<ChangeRecord>) refs.push({ kind: 'insight', id: r.insightId, path: path(i, 'insightId') });
      const rows = unique(run as Run<ChangeRecord>, (r) => r.id).map((r) => ({
        id: r.id, insightId: r.insightId, processName: r.processName, description: r.description, appliedAt: r.appliedAt,
      }));
      return { refs, query: IMPORT_CHANGES, rows };
    }
  }
}


/** Consecutive records of one kind, in batch order. */
function runs(records: readonly TransferRecord[]): { kind: TransferKind; run: Run<TransferRecord> }[] {
  const out: { kind: TransferKind; run: Run<TransferRecord> }[] = [];
  records.forEach((record, i) => {
    const last = out[out.length - 1];
    if (last && last.kind === record.type) last.run.push({ record, i });
    else out.push({ kind: record.type, run: [{ record, i }] });
  });
  return out;
}

export function importRecords(conn: Connection, records: readonly TransferRecord[]): Promise<ImportResult> {
  if (records.length === 0) return Promise.resolve({ created: 0, existing: 0 });
  return conn.write(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const { kind, run } of runs(records)) {
      const p = plan(kind, run);
      await checkRefs(tx, p.refs);
      const [row] = await tx.run(p.query, { rows: p.rows });
      created += row.get('created') as number;
      updated += row.get('updated') as number;
    }
    return { result: { created, existing: records.length - created }, changed: created + updated > 0, events: [] };
  });
}
