/** Signals: idempotent ingestion by (channel, externalId), lookups, listing, per-emitter pages, ABOUT, assignment. */
import { timeOrderedId } from '../time-ordered-id.js';
import type { Signal } from '../../domain/entities.js';
import type { SignalInput } from '../../domain/inputs.js';
import { distinct, normalizeSignalFilter } from '../args.js';
import type { Page, PageArgs, RecordResult, SignalFilter } from '../port.js';
import type { Connection, EventDraft } from './connection.js';
import { toColumns, unwindColumns } from './columns.js';
import { beforeCursor, newestFirst, pageParams, toPage } from './paging.js';
import { checkFound, resolveRefs } from './refs.js';
import { byKey, column, groupByParent, signalMap, toSignal, where } from './rows.js';
import { SIGNAL_CURSOR } from '../cursor-kinds.js';

/** Newest first, then the larger id first: the order of every signal page. */
const newestFirstOrder = (a: Signal, b: Signal): number =>
  (a.occurredAt !== b.occurredAt ? (a.occurredAt < b.occurredAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The fields of a signal row, sent as columns (columns.ts). */
const FIELDS = ['id', 'channel', 'externalId', 'kind', 'text', 'sentiment', 'occurredAt', 'emitter', 'about'] as const;

/**
 * MERGE on the (channel, externalId) uniqueness constraint: a re-sent signal matches the stored one and
 * keeps it unchanged. Only a signal created here gets its emitter and ABOUT links. The batch's actors,
 * topics and processes are looked up once, into one list of targets (topics and processes created on
 * demand by name; their names are unique too); a row names its emitter and its ABOUT targets by index
 * in that list, the k-th ABOUT link at position k. Looking targets up per row cost two index seeks per
 * link; here a batch about two topics does two. Rows arrive deduplicated by identity.
 */
const RECORD = `
  CALL () { UNWIND $actorKeys AS k OPTIONAL MATCH (a:Actor {key: k}) RETURN collect({node: a}) AS actors }
  CALL () { UNWIND $topics AS name MERGE (t:Topic {name: name}) ON CREATE SET t.id = randomUUID() RETURN collect(t) AS topics }
  CALL () { UNWIND $processes AS name MERGE (q:Process {name: name}) ON CREATE SET q.id = randomUUID() RETURN collect(q) AS processes }
  WITH [a IN actors | a.node] + topics + processes AS targets, [a IN actors | a.node.id] AS actorIds
  ${unwindColumns('rows', FIELDS, 'row', ['targets', 'actorIds'])}
  MERGE (s:Signal {channel: row.channel, externalId: row.externalId})
  ON CREATE SET s.id = row.id, s.kind = row.kind, s.text = row.text, s.sentiment = row.sentiment,
                s.occurredAt = row.occurredAt, s.status = 'OPEN'
  WITH targets, actorIds, i, row, s, s.id = row.id AS created
  CALL (targets, row, s, created) {
    WITH targets, row, s, created WHERE created
    // Indexes arrive as floats (JS numbers). A missing actor (null target) is left out: the caller
    // fails the write NOT_FOUND from actorIds.
    WITH s, row, targets[toInteger(row.emitter)] AS emitter, [k IN row.about | targets[toInteger(k)]] AS about
    FOREACH (e IN CASE WHEN emitter IS NULL THEN [] ELSE [emitter] END | CREATE (e)-[:EMITTED]->(s))
    FOREACH (k IN range(0, size(about) - 1) |
      FOREACH (x IN CASE WHEN about[k] IS NULL THEN [] ELSE [about[k]] END | CREATE (s)-[:ABOUT {position: k}]->(x)))
  }
  // Only stored signals come back: a created signal is its row as written (built by the caller), and
  // recording never changes a stored signal, so no barrier is needed for "state at commit". The ids of
  // the batch's actors (null: not found) come once, from the first row.
  RETURN collect(CASE WHEN NOT created THEN {i: i, signal: ${signalMap('s')}} END) AS stored,
         collect(CASE WHEN i = 0 THEN actorIds END)[0] AS actorIds`;

/** Only the field of its target is set: a missing key reads as null in Cypher, and is not sent at all. */
export interface AboutRow { position: number; actor?: string; topic?: string; process?: string }

const ABOUT_FIELD = { ACTOR: 'actor', TOPIC: 'topic', PROCESS: 'process' } as const;
interface SignalRow {
  id: string; channel: string; externalId: string; kind: Signal['kind']; text: string;
  sentiment: number | null; occurredAt: string; emitterKey: string | null; aboutRows: AboutRow[];
  /** Indexes in the batch's target list (see RECORD). */
  emitter: number | null; about: number[];
}

/** The batch's distinct actor keys, topics and processes, and each row's targets as indexes into them. */
function indexTargets(rows: SignalRow[]): { actorKeys: string[]; topics: string[]; processes: string[] } {
  const actors = new Map<string, number>();
  const topics = new Map<string, number>();
  const processes = new Map<string, number>();
  const slot = (names: Map<string, number>, name: string) => {
    let k = names.get(name);
    if (k === undefined) names.set(name, (k = names.size));
    return k;
  };
  for (const row of rows) {
    if (row.emitterKey !== null) slot(actors, row.emitterKey);
    for (const a of row.aboutRows) if (a.actor !== undefined) slot(actors, a.actor);
  }
  for (const row of rows) for (const a of row.aboutRows) {
    if (a.topic !== undefined) slot(topics, a.topic);
    if (a.process !== undefined) slot(processes, a.process);
  }
  // Actors first, then topics, then processes: the order of RECORD's target list.
  const topicBase = actors.size;
  const processBase = topicBase + topics.size;
  for (const row of rows) {
    row.emitter = row.emitterKey === null ? null : actors.get(row.emitterKey)!;
    row.about = row.aboutRows.map((a) => (a.actor !== undefined ? actors.get(a.actor)!
      : a.topic !== undefined ? topicBase + topics.get(a.topic)! : processBase + processes.get(a.process!)!));
  }
  return { actorKeys: [...actors.keys()], topics: [...topics.keys()], processes: [...processes.keys()] };
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
        id: timeOrderedId(), channel: s.channel, externalId: s.externalId, kind: s.kind, text: s.text,
        sentiment: s.sentiment ?? null, occurredAt: s.occurredAt, emitterKey: s.emitterKey ?? null,
        aboutRows: aboutRows(s.about ?? []), emitter: null, about: [],
      });
    }
    rowIndex.push(r);
  });
  const targets = indexTargets(rows);
  return conn.write(async (tx) => {
    const [result] = await tx.run(RECORD, { ...targets, rows: toColumns(rows, FIELDS) });
    const actorIds = new Map<string, string>();
    (result.get('actorIds') as (string | null)[]).forEach((id, k) => { if (id !== null) actorIds.set(targets.actorKeys[k], id); });
    // A missing reference fails the write (rolled back whole), naming every one as resolveRefs does.
    checkFound([['actorKey', inputs.flatMap((s, i) => [
      ...(s.emitterKey ? [{ value: s.emitterKey, path: ['input', i, 'emitterKey'] }] : []),
      ...(s.about ?? []).flatMap((a, j) => (a.target === 'ACTOR' ? [{ value: a.ref, path: ['input', i, 'about', j, 'ref'] }] : [])),
    ])]], { actorKey: new Set(actorIds.keys()) });
    const stored = new Map((result.get('stored') as { i: number; signal: Record<string, unknown> }[]).map((r) => [r.i, toSignal(r.signal)]));
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
  const p = pageParams(page, SIGNAL_CURSOR);
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
  return toPage(column(rows, 'signal', toSignal), p.first, SIGNAL_CURSOR);
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
  const p = pageParams(page, SIGNAL_CURSOR);
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
    toPage((r.get('signals') as Record<string, unknown>[]).map(toSignal).sort(newestFirstOrder), p.first, SIGNAL_CURSOR)]));
  return actorIds.map((id) => pages.get(id) ?? toPage([], p.first, SIGNAL_CURSOR));
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
