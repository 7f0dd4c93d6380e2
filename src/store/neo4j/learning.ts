/** The learning loop: insights derived from signals, topics, processes and the changes applied to them. */
import { timeOrderedId } from '../time-ordered-id.js';
import { randomUUID } from 'node:crypto';
import type { Change, Insight, Process, Topic } from '../../domain/entities.js';
import type { ChangeInput, InsightInput } from '../../domain/inputs.js';
import { checkNotBefore, distinct } from '../args.js';
import type { Page, PageArgs } from '../port.js';
import type { Connection } from './connection.js';
import { newestFirst, pageParams, toPage } from './paging.js';
import { resolveRefs } from './refs.js';
import {
  byKey, changeMap, column, groupByParent, insightMap, namedMap, toChange, toInsight, toProcess, toTopic,
} from './rows.js';
import { INSIGHT_CURSOR, PROCESS_CURSOR } from '../cursor-kinds.js';

const CREATE_INSIGHT = `
  CREATE (i:Insight {id: $id, title: $title, summary: $summary, createdAt: $now})
  WITH i
  CALL (i) {
    UNWIND $signals AS link
    MATCH (s:Signal {id: link.id})
    CREATE (i)-[:DERIVED_FROM {position: link.position}]->(s)
  }
  CALL (i) {
    UNWIND $topics AS name
    MERGE (t:Topic {name: name}) ON CREATE SET t.id = randomUUID()
    CREATE (i)-[:ABOUT]->(t)
  }
  RETURN ${insightMap('i')} AS insight`;

export function createInsight(conn: Connection, input: InsightInput): Promise<Insight> {
  const signalIds = distinct(input.signalIds);
  return conn.write(async (tx) => {
    await resolveRefs(tx, [['signalId', signalIds.map((value) => ({
      value, path: ['input', 'signalIds', input.signalIds.indexOf(value)],
    }))]]);
    if (input.createdAt) {
      const [latest] = await tx.run('UNWIND $ids AS id MATCH (s:Signal {id: id}) RETURN max(s.occurredAt) AS latest', { ids: signalIds });
      checkNotBefore(input.createdAt, latest.get('latest') as string | null, ['input', 'createdAt'], 'the latest of its signals occurred');
    }
    const [row] = await tx.run(CREATE_INSIGHT, {
      id: timeOrderedId(), title: input.title, summary: input.summary ?? '', now: input.createdAt ?? new Date().toISOString(),
      signals: signalIds.map((id, position) => ({ id, position })), topics: distinct(input.topics ?? []),
    });
    return { result: toInsight(row.get('insight') as Record<string, unknown>), changed: true };
  });
}

export async function insightsByIds(conn: Connection, ids: readonly string[]): Promise<(Insight | null)[]> {
  if (ids.length === 0) return [];
  const rows = await conn.query(`UNWIND $ids AS id MATCH (i:Insight {id: id}) RETURN ${insightMap('i')} AS insight`, { ids: distinct(ids) });
  return byKey(ids, column(rows, 'insight', toInsight), (i) => i.id);
}

export async function listInsights(conn: Connection, page: PageArgs): Promise<Page<Insight>> {
  const p = pageParams(page, INSIGHT_CURSOR);
  const order = newestFirst('i', 'Insight', 'createdAt', 'id', p.hasCursor);
  const rows = await conn.query(`
    MATCH (i:Insight) ${order.hint} WHERE ${order.condition}
    RETURN ${insightMap('i')} AS insight
    ORDER BY i.createdAt DESC, i.id DESC
    LIMIT $limit`, p.params);
  return toPage(column(rows, 'insight', toInsight), p.first, INSIGHT_CURSOR);
}

export async function countInsights(conn: Connection): Promise<number> {
  const [row] = await conn.query('MATCH (i:Insight) RETURN count(i) AS n');
  return row.get('n') as number;
}

export async function signalIdsOfInsights(conn: Connection, insightIds: readonly string[]): Promise<string[][]> {
  if (insightIds.length === 0) return [];
  const rows = await conn.query(`
    UNWIND $ids AS iid
    MATCH (:Insight {id: iid})-[l:DERIVED_FROM]->(s:Signal)
    RETURN iid, s.id AS signalId
    ORDER BY iid, l.position`, { ids: distinct(insightIds) });
  return groupByParent(insightIds, rows.map((r) => [r.get('iid') as string, r.get('signalId') as string]));
}

export async function topicsOfInsights(conn: Connection, insightIds: readonly string[]): Promise<Topic[][]> {
  if (insightIds.length === 0) return [];
  const rows = await conn.query(`
    UNWIND $ids AS iid
    MATCH (:Insight {id: iid})-[:ABOUT]->(t:Topic)
    RETURN iid, ${namedMap('t')} AS topic
    ORDER BY iid, t.name`, { ids: distinct(insightIds) });
  return groupByParent(insightIds, rows.map((r) => [r.get('iid') as string, toTopic(r.get('topic') as Record<string, unknown>)]));
}

export async function topicsByIds(conn: Connection, ids: readonly string[]): Promise<(Topic | null)[]> {
  if (ids.length === 0) return [];
  const rows = await conn.query(`UNWIND $ids AS id MATCH (t:Topic {id: id}) RETURN ${namedMap('t')} AS topic`, { ids: distinct(ids) });
  return byKey(ids, column(rows, 'topic', toTopic), (t) => t.id);
}

const APPLY_CHANGE = `
  MATCH (i:Insight {id: $insightId})
  MERGE (p:Process {name: $processName}) ON CREATE SET p.id = randomUUID()
  CREATE (c:Change {id: $id, description: $description, appliedAt: $appliedAt})
  CREATE (c)-[:IMPLEMENTS]->(i), (c)-[:MODIFIES]->(p)
  RETURN ${changeMap('c')} AS change, ${namedMap('p')} AS process`;

export function applyChange(conn: Connection, input: ChangeInput): Promise<{ change: Change; process: Process }> {
  return conn.write(async (tx) => {
    await resolveRefs(tx, [['insightId', [{ value: input.insightId, path: ['input', 'insightId'] }]]]);
    if (input.appliedAt) {
      const [latest] = await tx.run('MATCH (:Insight {id: $id})-[:DERIVED_FROM]->(s:Signal) RETURN max(s.occurredAt) AS latest', { id: input.insightId });
      checkNotBefore(input.appliedAt, latest.get('latest') as string | null, ['input', 'appliedAt'], 'the latest signal of its insight occurred');
    }
    const [row] = await tx.run(APPLY_CHANGE, {
      insightId: input.insightId, processName: input.processName, id: randomUUID(), description: input.description,
      appliedAt: input.appliedAt ?? new Date().toISOString(),
    });
    return {
      result: {
        change: toChange(row.get('change') as Record<string, unknown>),
        process: toProcess(row.get('process') as Record<string, unknown>),
      },
      changed: true,
    };
  });
}

export async function processesByIds(conn: Connection, ids: readonly string[]): Promise<(Process | null)[]> {
  if (ids.length === 0) return [];
  const rows = await conn.query(`UNWIND $ids AS id MATCH (p:Process {id: id}) RETURN ${namedMap('p')} AS process`, { ids: distinct(ids) });
  return byKey(ids, column(rows, 'process', toProcess), (p) => p.id);
}

export async function listProcesses(conn: Connection, page: PageArgs): Promise<Page<Process>> {
  const p = pageParams(page, PROCESS_CURSOR);
  const rows = await conn.query(`
    MATCH (p:Process) ${p.hasCursor ? 'WHERE p.name > $after0' : ''}
    RETURN ${namedMap('p')} AS process
    ORDER BY p.name
    LIMIT $limit`, p.params);
  return toPage(column(rows, 'process', toProcess), p.first, PROCESS_CURSOR);
}

export async function countProcesses(conn: Connection): Promise<number> {
  const [row] = await conn.query('MATCH (p:Process) RETURN count(p) AS n');
  return row.get('n') as number;
}

export async function changesOfProcesses(conn: Connection, processIds: readonly string[]): Promise<Change[][]> {
  if (processIds.length === 0) return [];
  const rows = await conn.query(`
    UNWIND $ids AS pid
    MATCH (:Process {id: pid})<-[:MODIFIES]-(c:Change)
    RETURN pid, ${changeMap('c')} AS change
    ORDER BY pid, c.appliedAt, c.id`, { ids: distinct(processIds) });
  return groupByParent(processIds, rows.map((r) => [r.get('pid') as string, toChange(r.get('change') as Record<string, unknown>)]));
}

export async function changesOfInsights(conn: Connection, insightIds: readonly string[]): Promise<Change[][]> {
  if (insightIds.length === 0) return [];
  const rows = await conn.query(`
    UNWIND $ids AS iid
    MATCH (:Insight {id: iid})<-[:IMPLEMENTS]-(c:Change)
    RETURN iid, ${changeMap('c')} AS change
    ORDER BY iid, c.appliedAt, c.id`, { ids: distinct(insightIds) });
  return groupByParent(insightIds, rows.map((r) => [r.get('iid') as string, toChange(r.get('change') as Record<string, unknown>)]));
}
