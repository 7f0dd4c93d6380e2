/** The learning loop: insights derived from signals, topics, processes and the changes applied to them. */
import { timeOrderedId } from '../time-ordered-id.js';
import { randomUUID } from 'node:crypto';
import type { Change, Insight, Process, Topic } from '../../domain/entities.js';
import type { ChangeInput, InsightInput } from '../../domain/inputs.js';
import { checkNotBefore } from '../args.js';
import type { Page, PageArgs } from '../port.js';
import type { Conn } from './connection.js';
import { cursorParams, pageParams, toPage } from './paging.js';
import { namedRid, resolve } from './refs.js';
import {
  CHANGE_COLUMNS, CHANGE_FROM, INSIGHT_COLUMNS, byIds, groupByParent, inJson, json, toChange, toInsight, toProcess, toTopic,
} from './rows.js';
import { INSIGHT_CURSOR, PROCESS_CURSOR } from '../cursor-kinds.js';

export function createInsight(conn: Conn, input: InsightInput): Insight {
  return conn.write(() => {
    const signalIds = [...new Set(input.signalIds)];
    const signals = resolve(conn, 'signalId', signalIds.map((value) => ({
      value, path: ['input', 'signalIds', input.signalIds.indexOf(value)],
    })));
    if (input.createdAt) {
      const { latest } = conn.stmt('SELECT max(occurred_at) AS latest FROM signals WHERE rid IN (SELECT value FROM json_each(?))')
        .get(json([...signals.values()])) as { latest: string | null };
      checkNotBefore(input.createdAt, latest, ['input', 'createdAt'], 'the latest of its signals occurred');
    }
    const id = timeOrderedId();
    const { rid } = conn.stmt('INSERT INTO insights (id, title, summary, created_at) VALUES (?, ?, ?, ?) RETURNING rid')
      .get(id, input.title, input.summary ?? '', input.createdAt ?? new Date().toISOString()) as { rid: number };
    const link = conn.stmt('INSERT INTO insight_signals (insight_rid, signal_rid, position) VALUES (?, ?, ?)');
    signalIds.forEach((s, position) => link.run(rid, signals.get(s), position));
    const tag = conn.stmt('INSERT OR IGNORE INTO insight_topics (insight_rid, topic_rid) VALUES (?, ?)');
    for (const topic of new Set(input.topics ?? [])) tag.run(rid, namedRid(conn, 'topics', topic));
    return insightsByIds(conn, [id])[0]!;
  });
}

export function insightsByIds(conn: Conn, ids: readonly string[]): (Insight | null)[] {
  const rows = conn.stmt(`SELECT ${INSIGHT_COLUMNS} FROM insights i WHERE i.id IN ${inJson('ids')}`)
    .all({ ids: json(ids) }) as Insight[];
  return byIds(ids, rows, toInsight);
}

export function listInsights(conn: Conn, page: PageArgs): Page<Insight> {
  const p = pageParams(page, INSIGHT_CURSOR);
  const sql = `SELECT ${INSIGHT_COLUMNS} FROM insights i
               ${p.after ? 'WHERE (i.created_at, i.id) < (@after0, @after1)' : ''}
               ORDER BY i.created_at DESC, i.id DESC LIMIT @limit`;
  const rows = conn.stmt(sql).all({ ...cursorParams(p.after), limit: p.limit }) as Insight[];
  return toPage(rows.map(toInsight), p.first, INSIGHT_CURSOR);
}

export function countInsights(conn: Conn): number {
  return (conn.stmt('SELECT count(*) AS n FROM insights').get() as { n: number }).n;
}

export function signalIdsOfInsights(conn: Conn, insightIds: readonly string[]): string[][] {
  const rows = conn.stmt(`
    SELECT i.id AS parentId, s.id AS signalId
    FROM insights i JOIN insight_signals l ON l.insight_rid = i.rid JOIN signals s ON s.rid = l.signal_rid
    WHERE i.id IN ${inJson('ids')} ORDER BY i.rid, l.position`)
    .all({ ids: json(insightIds) }) as { parentId: string; signalId: string }[];
  return groupByParent(insightIds, rows, (r) => r.signalId);
}

export function topicsOfInsights(conn: Conn, insightIds: readonly string[]): Topic[][] {
  const rows = conn.stmt(`
    SELECT i.id AS parentId, t.id, t.name
    FROM insights i JOIN insight_topics l ON l.insight_rid = i.rid JOIN topics t ON t.rid = l.topic_rid
    WHERE i.id IN ${inJson('ids')} ORDER BY i.rid, t.name`)
    .all({ ids: json(insightIds) }) as (Topic & { parentId: string })[];
  return groupByParent(insightIds, rows, toTopic);
}

export function topicsByIds(conn: Conn, ids: readonly string[]): (Topic | null)[] {
  const rows = conn.stmt(`SELECT id, name FROM topics WHERE id IN ${inJson('ids')}`).all({ ids: json(ids) }) as Topic[];
  return byIds(ids, rows, toTopic);
}

export function applyChange(conn: Conn, input: ChangeInput): { change: Change; process: Process } {
  return conn.write(() => {
    const insights = resolve(conn, 'insightId', [{ value: input.insightId, path: ['input', 'insightId'] }]);
    if (input.appliedAt) {
      const { latest } = conn.stmt(`SELECT max(s.occurred_at) AS latest FROM insight_signals l JOIN signals s ON s.rid = l.signal_rid
                                    WHERE l.insight_rid = ?`).get(insights.get(input.insightId)) as { latest: string | null };
      checkNotBefore(input.appliedAt, latest, ['input', 'appliedAt'], 'the latest signal of its insight occurred');
    }
    const processRid = namedRid(conn, 'processes', input.processName);
    const id = randomUUID();
    conn.stmt('INSERT INTO changes (id, description, applied_at, insight_rid, process_rid) VALUES (?, ?, ?, ?, ?)')
      .run(id, input.description, input.appliedAt ?? new Date().toISOString(), insights.get(input.insightId), processRid);
    const change = toChange(conn.stmt(`SELECT ${CHANGE_COLUMNS} FROM ${CHANGE_FROM} WHERE c.id = ?`).get(id) as Change);
    const process = toProcess(conn.stmt('SELECT id, name FROM processes WHERE rid = ?').get(processRid) as Process);
    return { change, process };
  });
}

export function processesByIds(conn: Conn, ids: readonly string[]): (Process | null)[] {
  const rows = conn.stmt(`SELECT id, name FROM processes WHERE id IN ${inJson('ids')}`).all({ ids: json(ids) }) as Process[];
  return byIds(ids, rows, toProcess);
}

export function listProcesses(conn: Conn, page: PageArgs): Page<Process> {
  const p = pageParams(page, PROCESS_CURSOR);
  const sql = `SELECT id, name FROM processes ${p.after ? 'WHERE name > @after0' : ''} ORDER BY name LIMIT @limit`;
  const rows = conn.stmt(sql).all({ ...cursorParams(p.after), limit: p.limit }) as Process[];
  return toPage(rows.map(toProcess), p.first, PROCESS_CURSOR);
}

export function countProcesses(conn: Conn): number {
  return (conn.stmt('SELECT count(*) AS n FROM processes').get() as { n: number }).n;
}

export function changesOfProcesses(conn: Conn, processIds: readonly string[]): Change[][] {
  const rows = conn.stmt(`SELECT cp.id AS parentId, ${CHANGE_COLUMNS} FROM ${CHANGE_FROM}
    WHERE cp.id IN ${inJson('ids')} ORDER BY c.process_rid, c.applied_at, c.id`)
    .all({ ids: json(processIds) }) as (Change & { parentId: string })[];
  return groupByParent(processIds, rows, toChange);
}

export function changesOfInsights(conn: Conn, insightIds: readonly string[]): Change[][] {
  const rows = conn.stmt(`SELECT ci.id AS parentId, ${CHANGE_COLUMNS} FROM ${CHANGE_FROM}
    WHERE ci.id IN ${inJson('ids')} ORDER BY c.insight_rid, c.applied_at, c.id`)
    .all({ ids: json(insightIds) }) as (Change & { parentId: string })[];
  return groupByParent(insightIds, rows, toChange);
}
