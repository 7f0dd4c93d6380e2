/** Signals: idempotent ingestion by (channel, externalId), lookups, listing, per-emitter pages, ABOUT, assignment. */
import { randomUUID } from 'node:crypto';
import type { Signal } from '../../domain/entities.js';
import type { SignalInput } from '../../domain/inputs.js';
import { distinct, normalizeSignalFilter } from '../args.js';
import type { Page, PageArgs, RecordResult, SignalFilter } from '../port.js';
import type { Connection, EventDraft } from './connection.js';
import { toColumns, unwindColumns } from './columns.js';
import { beforeCursor, newestFirst, pageParams, toPage, type SortKey } from './paging.js';
import { resolveRefs } from './refs.js';
import { byKey, column, groupByParent, signalMap, toSignal, where } from './rows.js';

export const signalSortKey = (s: Signal): SortKey => [s.occurredAt, s.id];

/** Newest first, then the larger id first: the order of every signal page. */
const newestFirstOrder = (a: Signal, b: Signal): number =>
  (a.occurredAt !== b.occurredAt ? (a.occurredAt < b.occurredAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The fields of a signal row, sent as columns (columns.ts). */
const FIELDS = ['id', 'channel', 'externalId', 'kind', 'text', 'sentiment', 'occurredAt', 'emitterKey', 'about'] as const;

/**
 * MERGE on the (channel, externalId) uniqueness constraint: a re-sent signal matches the stored one and
 * keeps it unchanged. Only a signal created here gets its emitter and ABOUT links; topics and processes
 * are created on demand by name (their names are unique too). Rows arrive deduplicated by identity.
 */
const RECORD = `
  ${unwindColumns('rows', FIELDS)}
  MERGE (s:Signal {channel: row.channel, externalId: row.externalId})
  ON CREATE SET s.id = row.id, s.kind = row.kind, s.text = row.text, s.sentiment = row.sentiment,
                s.occurredAt = row.occurredAt, s.status = 'OPEN'
  WITH i, row, s, s.id = row.id AS created
  CALL (row, s, created) {
    WITH row, s, created WHERE created
    OPTIONAL MATCH (e:Actor {key: row.emitterKey})
    FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | CREATE (e)-[:EMITTED]->(s))
    WITH row, s
    UNWIND row.about AS ab
    OPTIONAL MATCH (x:Actor {key: ab.actor})
    FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (s)-[:ABOUT {position: ab.position}]->(x))
    // An existing topic or process is only read; MERGE (a uniqueness check under lock) only for a new one.
    WITH s, ab
    OPTIONAL MATCH (t:Topic {name: ab.topic})
    OPTIONAL MATCH (q:Process {name: ab.process})
    WITH s, ab, coalesce(t, q) AS known
    FOREACH (_ IN CASE WHEN known IS NULL THEN [] ELSE [1] END | CREATE (s)-[:ABOUT {position: ab.position}]->(known))
    FOREACH (name IN CASE WHEN known IS NULL AND ab.topic IS NOT NULL THEN [ab.topic] ELSE [] END |
      MERGE (t:Topic {name: name}) ON CREATE SET t.id = randomUUID()
      CREATE (s)-[:ABOUT {position: ab.position}]->(t))
    FOREACH (name IN CASE WHEN known IS NULL AND ab.process IS NOT NULL THEN [ab.process] ELSE [] END |
      MERGE (q:Process {name: name}) ON CREATE SET q.id = randomUUID()
      CREATE (s)-[:ABOUT {position: ab.position}]->(q))
  }
  // Only stored signals come back: a created signal is its row as written (built by the caller), and
  // recording never changes a stored signal, so no barrier is needed for "state at commit".
  WITH i, s, created WHERE NOT created
  RETURN i, ${signalMap('s')} AS signal`;

/** Only the field of its target is set: a missing key reads as null in Cypher, and is not sent at all. */
export interface AboutRow { position: number; actor?: string; topic?: string; process?: string }

const ABOUT_FIELD = { ACTOR: 'actor', TOPIC: 'topic', PROCESS: 'process' } as const;
interface SignalRow {
  id: string; channel: string; externalId: string; kind: Signal['kind']; text: string;
  sentiment: number | null; occurredAt: string; emitterKey: string | null; about: AboutRow[];
}

export function recordSignals(conn: Connection, inputs: readonly SignalInput[]): Promise<RecordResult<Signal>> {
  if (inputs.length === 0) return Promise.resolve({ items: [], created: 0, existing: 0 });
  // One row per identity (the first occurrence); later duplicates share its result.
  const rowOf = new Map<string, number>();
  const rowIndex: number[] = [];
  const rows: SignalRow[] = [];
  inputs.forEach((s) => {
    const identity = `${s.channel}\u0000${s.externalId}`;
    let r = rowOf.get(identity);
    if (r === undefined) {
      r = rows.length;
      rowOf.set(identity, r);
      rows.push({
        id: randomUUID(), channel: s.channel, externalId: s.externalId, kind: s.kind, text: s.text,
        sentiment: s.sentiment ?? null, occurredAt: s.occurredAt, emitterKey: s.emitterKey ?? null, about: aboutRows(s.about ?? []),
      });
    }
    rowIndex.push(r);
  });
  return conn.write(async (tx) => {
    // Sent together, one round trip: the server runs them in order, and a missing reference throws
    // NOT_FOUND, which rolls the whole transaction back.
    const [{ actorIds }, result] = await Promise.all([
      resolveRefs(tx, [['actorKey', inputs.flatMap((s, i) => [
        ...(s.emitterKey ? [{ value: s.emitterKey, path: ['input', i, 'emitterKey'] }] : []),
        ...(s.about ?? []).flatMap((a, j) => (a.target === 'ACTOR' ? [{ value: a.ref, path: ['input', i, 'about', j, 'ref'] }] : [])),
      ])]]),
      tx.run(RECORD, { rows: toColumns(rows, FIELDS) }),
    ]);
    const stored = new Map(result.map((r) => [r.get('i') as number, toSignal(r.get('signal') as Record<string, unknown>)]));
    const signals = rows.map((row, k): Signal => stored.get(k) ?? {
      id: row.id, channel: row.channel, externalId: row.externalId, kind: row.kind, text: row.text,
      sentiment: row.sentiment, occurredAt: row.occurredAt, status: 'OPEN',
      emitterId: row.emitterKey ? actorIds.get(row.emitterKey) ?? null : null, assigneeId: null,
    });
    const events: EventDraft[] = signals.filter((_, k) => !stored.has(k))
      .map((s) => ({ type: 'SIGNAL_RECORDED', entityId: s.id, detail: null }));
    return {
      result: { items: rowIndex.map((r) => signals[r]), created: events.length, existing: inputs.length - events.length },
      changed: events.length > 0,
      events,
    };
  }, { lock: 'last' });
}

/** ABOUT rows of one signal: a (target, ref) named twice counts once; positions follow the given order. */
export function aboutRows(about: readonly SignalInput['about'][number][]): AboutRow[] {
  const seen = new Set<string>();
  const rows: AboutRow[] = [];
  for (const a of about) {
    const identity = `${a.target}\u0000${a.ref}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    rows.push({ position: rows.length, [ABOUT_FIELD[a.target]]: a.ref });
  }
  return rows;
}

export async function signalsByIds(conn: Connection, ids: readonly string[]): Promise<(Signal | null)[]> {
  if (ids.length === 0) return [];
  const rows = await conn.query(`UNWIND $ids AS id MATCH (s:Signal {id: id}) RETURN ${signalMap('s')} AS signal`, { ids: distinct(ids) });
  return byKey(ids, column(rows, 'signal', toSignal), (s) => s.id);
}

/** The MATCH and WHERE of a signal filter (emitter as the pattern's start, so an unknown key matches nothing). */
function signalMatch(filter: SignalFilter): { match: string; conditions: string[]; params: Record<string, unknown> } {
  const f = normalizeSignalFilter(filter);
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const inList = (property: string, name: string, values: readonly string[] | undefined): void => {
    if (!values) return;
    conditions.push(`s.${property} IN $${name}`);
    params[name] = values;
  };
  inList('channel', 'channels', f.channels);
  inList('kind', 'kinds', f.kinds);
  inList('status', 'statuses', f.statuses);
  if (f.since) { conditions.push('s.occurredAt >= $since'); params.since = f.since; }
  if (f.until) { conditions.push('s.occurredAt < $until'); params.until = f.until; }
  let match = 'MATCH (s:Signal)';
  if (f.emitterKey) {
    match = 'MATCH (:Actor {key: $emitterKey})-[:EMITTED]->(s:Signal)';
    params.emitterKey = f.emitterKey;
  }
  if (f.aboutKey) {
    conditions.push('EXISTS { (s)-[:ABOUT]->(:Actor {key: $aboutKey}) }');
    params.aboutKey = f.aboutKey;
  }
  return { match, conditions, params };
}

export async function listSignals(conn: Connection, filter: SignalFilter, page: PageArgs): Promise<Page<Signal>> {
  const p = pageParams(page, 2);
  const { match, conditions, params } = signalMatch(filter);
  // From an emitter, its own signals are few: read them, not the time index of all signals.
  const order = match.includes(':Actor') ? null : newestFirst('s', 'Signal', 'occurredAt', 'id', p.hasCursor);
  if (order) conditions.push(order.condition);
  else if (p.hasCursor) conditions.push(beforeCursor('s.occurredAt', 's.id'));
  const rows = await conn.query(`
    ${match} ${order?.hint ?? ''} ${where(conditions)}
    RETURN ${signalMap('s')} AS signal
    ORDER BY s.occurredAt DESC, s.id DESC
    LIMIT $limit`, { ...params, ...p.params });
  return toPage(column(rows, 'signal', toSignal), p.first, signalSortKey);
}

export async function countSignals(conn: Connection, filter: SignalFilter): Promise<number> {
  const { match, conditions, params } = signalMatch(filter);
  const [row] = await conn.query(`${match} ${where(conditions)} RETURN count(s) AS n`, params);
  return row.get('n') as number;
}

/**
 * One query for every emitter; each emitter's page is read one of two ways, as ties are (ties.ts): an
 * emitter's signals come newest first only by sorting all of them, which for an emitter with most of
 * the signals costs its whole history per page; walking the time index newest first and keeping the
 * emitter's finds a page after about page × total / its signals entries. Each emitter takes the walk
 * when its signals² > page × total signals (degree and count stores), the sort otherwise.
 */
export async function signalsOfActors(conn: Connection, actorIds: readonly string[], page: PageArgs): Promise<Page<Signal>[]> {
  const p = pageParams(page, 2);
  if (actorIds.length === 0) return [];
  const walk = newestFirst('s', 'Signal', 'occurredAt', 'id', p.hasCursor);
  const rows = await conn.query(`
    CALL () { MATCH (s:Signal) RETURN count(s) AS total }
    UNWIND $ids AS pid
    MATCH (p:Actor {id: pid})
    WITH pid, p, COUNT { (p)-[:EMITTED]->() } AS emitted, total
    CALL (p, emitted, total) {
      WITH p WHERE emitted * emitted <= $limit * total
      MATCH (p)-[:EMITTED]->(s:Signal)
      ${p.hasCursor ? `WHERE ${beforeCursor('s.occurredAt', 's.id')}` : ''}
      WITH s
      ORDER BY s.occurredAt DESC, s.id DESC
      LIMIT $limit
      RETURN s
      UNION ALL
      // Only a busy emitter walks, in a subquery of its own so that the test runs first (see ties.ts).
      WITH p WHERE emitted * emitted > $limit * total
      CALL (p) {
        MATCH (s:Signal) ${walk.hint}
        WHERE ${walk.condition} AND EXISTS { (p)-[:EMITTED]->(s) }
        WITH s
        ORDER BY s.occurredAt DESC, s.id DESC
        LIMIT $limit
        RETURN s
      }
      RETURN s
    }
    RETURN pid, collect(${signalMap('s')}) AS signals`, { ids: distinct(actorIds), ...p.params });
  // Put newest first here: collect() after the subquery keeps the rows' order, but no contract says so.
  const pages = new Map(rows.map((r) => [r.get('pid') as string,
    toPage((r.get('signals') as Record<string, unknown>[]).map(toSignal).sort(newestFirstOrder), p.first, signalSortKey)]));
  return actorIds.map((id) => pages.get(id) ?? toPage([], p.first, signalSortKey));
}

type About = { target: 'ACTOR' | 'TOPIC' | 'PROCESS'; ref: string; id: string };

export async function aboutOfSignals(conn: Connection, signalIds: readonly string[]): Promise<About[][]> {
  if (signalIds.length === 0) return [];
  const rows = await conn.query(`
    UNWIND $ids AS sid
    MATCH (:Signal {id: sid})-[b:ABOUT]->(x)
    WITH sid, b.position AS position, x,
         CASE WHEN x:Actor THEN 'ACTOR' WHEN x:Topic THEN 'TOPIC' ELSE 'PROCESS' END AS target
    RETURN sid, target, CASE target WHEN 'ACTOR' THEN x.key ELSE x.name END AS ref, x.id AS id
    ORDER BY sid, position`, { ids: distinct(signalIds) });
  return groupByParent(signalIds, rows.map((r) => [r.get('sid') as string,
    { target: r.get('target') as About['target'], ref: r.get('ref') as string, id: r.get('id') as string }]));
}

export function assignSignal(conn: Connection, signalId: string, assigneeKey: string): Promise<Signal> {
  return conn.write(async (tx) => {
    await resolveRefs(tx, [
      ['signalId', [{ value: signalId, path: ['signalId'] }]],
      ['actorKey', [{ value: assigneeKey, path: ['assigneeKey'] }]],
    ]);
    const [row] = await tx.run(`
      MATCH (s:Signal {id: $signalId}), (a:Actor {key: $assigneeKey})
      CALL (s) { MATCH (s)-[old:ASSIGNED_TO]->() DELETE old }
      CREATE (s)-[:ASSIGNED_TO]->(a)
      SET s.status = CASE s.status WHEN 'OPEN' THEN 'ASSIGNED' ELSE s.status END
      RETURN ${signalMap('s')} AS signal`, { signalId, assigneeKey });
    return { result: toSignal(row.get('signal') as Record<string, unknown>), changed: true };
  });
}
