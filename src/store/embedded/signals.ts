/** Signals: idempotent ingestion by (channel, externalId), lookups, listing, per-emitter pages, ABOUT, assignment. */
import type { Signal } from '../../domain/entities.js';
import { notFoundAll } from '../../domain/errors.js';
import type { SignalInput } from '../../domain/inputs.js';
import { normalizeSignalFilter } from '../args.js';
import type { Page, PageArgs, RecordResult, SignalFilter } from '../port.js';
import type { Conn } from './connection.js';
import { cursorParams, pageParams, pagesOfRawParents, toPage } from './paging.js';
import { appendEvents, type EventDraft } from './outbox.js';
import { lookup, missing, namedRid, type Ref } from './refs.js';
import { timeOrderedId } from '../time-ordered-id.js';
import { SIGNAL_COLUMNS, SIGNAL_FROM, SIGNAL_JOINS, byIds, groupByParent, inJson, json, toSignal, where } from './rows.js';
import { SIGNAL_CURSOR } from '../cursor-kinds.js';

// Positional parameters and no RETURNING: both cost per row on a 1,000-row batch (the rowid comes
// from the statement's lastInsertRowid; `changes` is 0 when (channel, external_id) already exists).
const INSERT = `
  INSERT INTO signals (id, channel, external_id, kind, text, sentiment, occurred_at, status, emitter_rid)
  VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
  ON CONFLICT (channel, external_id) DO NOTHING`;
const ACTORS_BY_KEY = 'SELECT key, rid, id FROM actors WHERE key IN (SELECT value FROM json_each(?))';
const INSERT_ABOUT = `
  INSERT INTO signal_about (signal_rid, position, actor_rid, topic_rid, process_rid) VALUES (?, ?, ?, ?, ?)`;

const SIGNALS_BY_RIDS =
  `SELECT ${SIGNAL_COLUMNS}, s.rid AS rid FROM ${SIGNAL_FROM} WHERE s.rid IN (SELECT value FROM json_each(?))`;

/** Signals by rowid, in the order of `rids`. */
export function signalsByRids(conn: Conn, rids: readonly number[]): Signal[] {
  const rows = conn.stmt(SIGNALS_BY_RIDS).all(json(rids)) as (Signal & { rid: number })[];
  const byRid = new Map(rows.map((r) => [r.rid, toSignal(r)]));
  return rids.map((rid) => byRid.get(rid)!);
}

export function recordSignals(conn: Conn, inputs: readonly SignalInput[]): RecordResult<Signal> {
  return conn.write(() => {
    // Rowid and public id of every actor named; NOT_FOUND for each unknown key (paths built only then).
    const keys = new Set<string>();
    for (const s of inputs) {
      if (s.emitterKey) keys.add(s.emitterKey);
      for (const a of s.about ?? []) if (a.target === 'ACTOR') keys.add(a.ref);
    }
    const found = keys.size
      ? conn.stmt(ACTORS_BY_KEY).all(json([...keys])) as { key: string; rid: number; id: string }[]
      : [];
    const actors = new Map(found.map((a) => [a.key, a.rid]));
    const actorIds = new Map(found.map((a) => [a.key, a.id]));
    if (actors.size < keys.size) {
      const refs: Ref[] = inputs.flatMap((s, i) => [
        ...(s.emitterKey ? [{ value: s.emitterKey, path: ['input', i, 'emitterKey'] }] : []),
        ...(s.about ?? []).flatMap((a, j) => (a.target === 'ACTOR' ? [{ value: a.ref, path: ['input', i, 'about', j, 'ref'] }] : [])),
      ]);
      throw notFoundAll(missing('actorKey', refs, actors));
    }

    const insert = conn.stmt(INSERT);
    const named = namedRids(conn); // topics and processes by name, looked up once per batch
    // A new signal is exactly what was inserted, so only the re-sent ones are read back.
    const seen = new Map<string, Signal | number>();
    const slots: (Signal | number)[] = [];
    const events: EventDraft[] = []; // one per new signal, in input order (a re-sent one is new only once)
    for (const s of inputs) {
      const identity = `${s.channel}\u0000${s.externalId}`;
      let slot = seen.get(identity);
      if (slot === undefined) {
        const id = timeOrderedId();
        const sentiment = s.sentiment ?? null;
        const emitter = s.emitterKey ? actors.get(s.emitterKey)! : null;
        const info = insert.run(id, s.channel, s.externalId, s.kind, s.text, sentiment, s.occurredAt, emitter);
        if (info.changes > 0) {
          slot = {
            id, channel: s.channel, externalId: s.externalId, kind: s.kind, text: s.text, sentiment,
            occurredAt: s.occurredAt, status: 'OPEN', emitterId: s.emitterKey ? actorIds.get(s.emitterKey)! : null, assigneeId: null,
          };
          insertAbout(conn, Number(info.lastInsertRowid), s.about ?? [], actors, named);
          events.push({ type: 'SIGNAL_RECORDED', entityId: id });
        } else {
          slot = (conn.stmt('SELECT rid FROM signals WHERE channel = ? AND external_id = ?')
            .get(s.channel, s.externalId) as { rid: number }).rid;
        }
        seen.set(identity, slot);
      }
      slots.push(slot);
    }
    const resent = slots.filter((x): x is number => typeof x === 'number');
    const stored = new Map<number, Signal>();
    if (resent.length) {
      const unique = [...new Set(resent)];
      signalsByRids(conn, unique).forEach((signal, i) => stored.set(unique[i], signal));
    }
    const items = slots.map((x) => (typeof x === 'number' ? stored.get(x)! : x));
    appendEvents(conn, events);
    return { items, created: events.length, existing: inputs.length - events.length };
  });
}

function insertAbout(conn: Conn, signal: number, about: SignalInput['about'], actors: Map<string, number>, named: NamedRids): void {
  const done = new Set<string>();
  const insert = conn.stmt(INSERT_ABOUT);
  let position = 0;
  for (const a of about) {
    const identity = `${a.target}\u0000${a.ref}`;
    if (done.has(identity)) continue;
    done.add(identity);
    insert.run(
      signal, position++,
      a.target === 'ACTOR' ? actors.get(a.ref) : null,
      a.target === 'TOPIC' ? named('topics', a.ref) : null,
      a.target === 'PROCESS' ? named('processes', a.ref) : null,
    );
  }
}

type NamedRids = (table: 'topics' | 'processes', name: string) => number;

/** namedRid with a memo, for one transaction (a rolled-back topic must not outlive it). */
function namedRids(conn: Conn): NamedRids {
  const memo = new Map<string, number>();
  return (table, name) => {
    const key = `${table}\u0000${name}`;
    let rid = memo.get(key);
    if (rid === undefined) memo.set(key, (rid = namedRid(conn, table, name)));
    return rid;
  };
}

export function signalsByIds(conn: Conn, ids: readonly string[]): (Signal | null)[] {
  const rows = conn.stmt(`SELECT ${SIGNAL_COLUMNS} FROM ${SIGNAL_FROM} WHERE s.id IN ${inJson('ids')}`)
    .all({ ids: json(ids) }) as Signal[];
  return byIds(ids, rows, toSignal);
}

/** The WHERE of a signal filter, with the filter as normalised (callers choose an index from it). */
function signalWhere(filter: SignalFilter): { f: SignalFilter; conditions: string[]; params: Record<string, unknown> } {
  const f = normalizeSignalFilter(filter);
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const inList = (column: string, name: string, values: readonly string[] | undefined): void => {
    if (!values) return;
    conditions.push(`${column} IN ${inJson(name)}`);
    params[name] = json(values);
  };
  inList('s.channel', 'channels', f.channels);
  inList('s.kind', 'kinds', f.kinds);
  inList('s.status', 'statuses', f.statuses);
  if (f.since) { conditions.push('s.occurred_at >= @since'); params.since = f.since; }
  if (f.until) { conditions.push('s.occurred_at < @until'); params.until = f.until; }
  if (f.emitterKey) {
    conditions.push('s.emitter_rid = (SELECT rid FROM actors WHERE key = @emitterKey)');
    params.emitterKey = f.emitterKey;
  }
  if (f.aboutKey) {
    conditions.push(`s.rid IN (SELECT signal_rid FROM signal_about
      WHERE actor_rid = (SELECT rid FROM actors WHERE key = @aboutKey))`);
    params.aboutKey = f.aboutKey;
  }
  return { f, conditions, params };
}

export function listSignals(conn: Conn, filter: SignalFilter, page: PageArgs): Page<Signal> {
  const p = pageParams(page, SIGNAL_CURSOR);
  const { f, conditions, params } = signalWhere(filter);
  if (p.after) conditions.push('(s.occurred_at, s.id) < (@after0, @after1)');
  // The page is picked on the signals table alone, then joined: SQLite then reads, for each channel
  // asked, only the newest signals up to the LIMIT (with the joins in the same statement it sorted
  // every signal of the channels: 60 ms for 100,000). Without statistics it would pick the channel
  // through the (channel, external_id) index; an emitter or ABOUT filter is narrower still.
  const index = f.channels && !f.emitterKey && !f.aboutKey ? 'INDEXED BY signals_channel_time' : '';
  const sql = `SELECT ${SIGNAL_COLUMNS}
               FROM (SELECT s.rid FROM signals s ${index} ${where(conditions)}
                     ORDER BY s.occurred_at DESC, s.id DESC LIMIT @limit) pick
               CROSS JOIN signals s ON s.rid = pick.rid ${SIGNAL_JOINS}
               ORDER BY s.occurred_at DESC, s.id DESC`;
  const rows = conn.stmt(sql).all({ ...params, ...cursorParams(p.after), limit: p.limit }) as Signal[];
  return toPage(rows.map(toSignal), p.first, SIGNAL_CURSOR);
}

export function countSignals(conn: Conn, filter: SignalFilter): number {
  const { conditions, params } = signalWhere(filter);
  return (conn.stmt(`SELECT count(*) AS n FROM signals s ${where(conditions)}`).get(params) as { n: number }).n;
}

// The emitter is the parent actor, so its id comes from the parent instead of a join per signal.
// Read as arrays (rows.ts, ActorRaw), in this order.
const SIGNAL_COLUMNS_BUT_EMITTER =
  's.id, s.channel, s.external_id, s.kind, s.text, s.sentiment, s.occurred_at, s.status, g.id';
type SignalOfEmitterRaw = [parentId: string, id: string, channel: string, externalId: string, kind: Signal['kind'],
  text: string | null, sentiment: number | null, occurredAt: string, status: Signal['status'], assigneeId: string | null];

export function signalsOfActors(conn: Conn, actorIds: readonly string[], page: PageArgs): Page<Signal>[] {
  const p = pageParams(page, SIGNAL_CURSOR);
  // Only the signals at or after each emitter's `floor` are read: the time of its limit-th newest one
  // (read from the emitter index in order), so a busy emitter does not read its whole history per page
  // (479 signals: 374 -> 19 us). Null when it has fewer. The few rows read are put in order here:
  // ranking them in SQL (a window and two sorts) cost a typical page of 10 emitters a fifth more.
  const before = (alias: string) => (p.after ? `AND (${alias}.occurred_at, ${alias}.id) < (@after0, @after1)` : '');
  const sql = `
    WITH parents AS (
      SELECT a.id AS pid, a.rid AS prid,
        (SELECT e.occurred_at FROM signals e WHERE e.emitter_rid = a.rid ${before('e')}
         ORDER BY e.occurred_at DESC LIMIT 1 OFFSET @limit - 1) AS floor
      FROM json_each(@ids) j CROSS JOIN actors a ON a.id = j.value)
    SELECT p.pid AS parentId, ${SIGNAL_COLUMNS_BUT_EMITTER}
    FROM parents p CROSS JOIN signals s ON s.emitter_rid = p.prid AND s.occurred_at >= coalesce(p.floor, '') ${before('s')}
    LEFT JOIN actors g ON g.rid = s.assignee_rid`;
  const rows = conn.stmt(sql).raw(true).all({ ids: json([...new Set(actorIds)]), limit: p.limit, ...cursorParams(p.after) }) as
    SignalOfEmitterRaw[];
  rows.sort(newestFirst); // SQLite compares text by bytes; these are ASCII, where code units order alike
  return pagesOfRawParents(actorIds, rows, p.first, (r): Signal => ({
    id: r[1], channel: r[2], externalId: r[3], kind: r[4], text: r[5], sentiment: r[6], occurredAt: r[7], status: r[8],
    emitterId: r[0], assigneeId: r[9],
  }), SIGNAL_CURSOR);
}

/** Newest first, then the larger id: the order of every signal list. */
const newestFirst = (a: SignalOfEmitterRaw, b: SignalOfEmitterRaw): number =>
  a[7] !== b[7] ? (a[7] < b[7] ? 1 : -1) : a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0;

type About = { target: 'ACTOR' | 'TOPIC' | 'PROCESS'; ref: string; id: string };

export function aboutOfSignals(conn: Conn, signalIds: readonly string[]): About[][] {
  const rows = conn.stmt(`
    SELECT sg.id AS parentId,
      CASE WHEN b.actor_rid IS NOT NULL THEN 'ACTOR' WHEN b.topic_rid IS NOT NULL THEN 'TOPIC' ELSE 'PROCESS' END AS target,
      coalesce(ba.key, bt.name, bp.name) AS ref, coalesce(ba.id, bt.id, bp.id) AS id
    FROM signals sg JOIN signal_about b ON b.signal_rid = sg.rid
    LEFT JOIN actors ba ON ba.rid = b.actor_rid
    LEFT JOIN topics bt ON bt.rid = b.topic_rid
    LEFT JOIN processes bp ON bp.rid = b.process_rid
    WHERE sg.id IN ${inJson('ids')}
    ORDER BY b.signal_rid, b.position`).all({ ids: json(signalIds) }) as (About & { parentId: string })[];
  return groupByParent(signalIds, rows, (r) => ({ target: r.target, ref: r.ref, id: r.id }));
}

export function assignSignal(conn: Conn, signalId: string, assigneeKey: string): Signal {
  return conn.write(() => {
    const signalRef: Ref[] = [{ value: signalId, path: ['signalId'] }];
    const assigneeRef: Ref[] = [{ value: assigneeKey, path: ['assigneeKey'] }];
    const signals = lookup(conn, 'signalId', [signalId]);
    const actors = lookup(conn, 'actorKey', [assigneeKey]);
    const issues = [...missing('signalId', signalRef, signals), ...missing('actorKey', assigneeRef, actors)];
    if (issues.length) throw notFoundAll(issues);
    const rid = signals.get(signalId)!;
    conn.stmt(`UPDATE signals SET assignee_rid = ?, status = CASE status WHEN 'OPEN' THEN 'ASSIGNED' ELSE status END
               WHERE rid = ?`).run(actors.get(assigneeKey), rid);
    return signalsByRids(conn, [rid])[0];
  });
}
