/** Ties: one relationship type `:TIE` with the tie type as a property; upsert by (from, to, type), removal, per-actor pages. */
import { randomUUID } from 'node:crypto';
import type { Tie } from '../../domain/entities.js';
import type { TieInput } from '../../domain/inputs.js';
import type { TieType } from '../../domain/kinds.js';
import { distinct } from '../args.js';
import type { TiePage, TieQuery } from '../port.js';
import type { Connection } from './connection.js';
import { pageParams, toPage } from './paging.js';
import { resolveRefs } from './refs.js';
import { actorMap, tieMap, toActor, toTie, where } from './rows.js';
import { TIE_CURSOR } from '../cursor-kinds.js';

// MERGE on the pattern locks both end nodes, so one (from, to, type) never gets two ties. After the
// barrier (collect), each row reads its tie's id and since as committed; the weight is the last one
// given for the tie and the ends are the resolved actors (built by the caller).
const UPSERT = `
  UNWIND $rows AS row
  MATCH (a:Actor {key: row.fromKey}), (b:Actor {key: row.toKey})
  MERGE (a)-[t:TIE {type: row.type}]->(b)
  ON CREATE SET t.id = row.id
  SET t.weight = row.weight, t.since = coalesce(row.since, t.since)
  WITH collect({i: row.i, t: t}) AS done
  UNWIND done AS d
  RETURN d.i AS i, d.t.id AS id, d.t.since AS since`;

export function upsertTies(conn: Connection, inputs: readonly TieInput[]): Promise<Tie[]> {
  if (inputs.length === 0) return Promise.resolve([]);
  const rows = inputs.map((t, i) => ({
    i, id: randomUUID(), fromKey: t.fromKey, toKey: t.toKey, type: t.type, weight: t.weight ?? 1, since: t.since ?? null,
  }));
  const identity = (r: { fromKey: string; toKey: string; type: string }) => `${r.fromKey}\u0000${r.toKey}\u0000${r.type}`;
  const lastWeight = new Map(rows.map((r) => [identity(r), r.weight]));
  return conn.write(async (tx) => {
    const { actorIds } = await resolveRefs(tx, [['actorKey', inputs.flatMap((t, i) => [
      { value: t.fromKey, path: ['input', i, 'fromKey'] },
      { value: t.toKey, path: ['input', i, 'toKey'] },
    ])]]);
    const stored = new Map((await tx.run(UPSERT, { rows })).map((r) =>
      [r.get('i') as number, { id: r.get('id') as string, since: (r.get('since') as string | null) ?? null }]));
    const ties = rows.map((row): Tie => ({
      ...stored.get(row.i)!, fromId: actorIds.get(row.fromKey)!, toId: actorIds.get(row.toKey)!, type: row.type,
      weight: lastWeight.get(identity(row))!,
    }));
    return { result: ties, changed: true };
  });
}

export function removeTie(conn: Connection, fromKey: string, toKey: string, type: TieType): Promise<boolean> {
  return conn.write(async (tx) => {
    const [row] = await tx.run(`
      MATCH (:Actor {key: $fromKey})-[t:TIE {type: $type}]->(:Actor {key: $toKey})
      DELETE t
      RETURN count(*) AS n`, { fromKey, toKey, type });
    const removed = (row.get('n') as number) > 0;
    return { result: removed, changed: removed };
  });
}

const PATTERN: Record<TieQuery['direction'], string> = {
  OUT: '(p)-[t:TIE]->()',
  IN: '(p)<-[t:TIE]-()',
  BOTH: '(p)-[t:TIE]-()',
};

/**
 * Which end of a tie is the parent, per direction, for the walk of the id index. Both ends as a list
 * membership: written as an OR, the planner split it into a union of two full scans of the index.
 */
const ENDS: Record<TieQuery['direction'], string> = {
  OUT: 'startNode(t) = p',
  IN: 'endNode(t) = p',
  BOTH: 'p IN [startNode(t), endNode(t)]',
};

/**
 * One query for every parent; each parent's page is read one of two ways. An actor's ties come in id
 * order only by sorting all of them: a hub's 90,000 every page. For a hub it is cheaper to walk the
 * ties' id index in order and keep the parent's, which finds a page after about page × total / degree
 * entries; so each parent takes the walk when degree² > page × total ties (both counts come from
 * Neo4j's count and degree stores), and the sort otherwise.
 */
export async function tiesOfActors(conn: Connection, actorIds: readonly string[], query: TieQuery): Promise<TiePage[]> {
  const p = pageParams(query, TIE_CURSOR);
  if (actorIds.length === 0) return [];
  const types = query.types?.length ? distinct(query.types) : null;
  const conditions: string[] = [];
  if (types) conditions.push('t.type IN $types');
  if (p.hasCursor) conditions.push('t.id > $after0');
  const rows = await conn.query(`
    CALL () { MATCH ()-[t:TIE]->() RETURN count(t) AS total }
    UNWIND $ids AS pid
    MATCH (p:Actor {id: pid})
    WITH pid, p, COUNT { (p)-[:TIE]-() } AS degree, total
    CALL (p, degree, total) {
      WITH p WHERE degree * degree <= $limit * total
      MATCH ${PATTERN[query.direction]}
      ${where(conditions)}
      WITH DISTINCT t
      ORDER BY t.id
      LIMIT $limit
      RETURN t
      UNION ALL
      // Only a hub walks; the walk is a subquery of its own, so that the test on degree runs before it
      // (in one pipeline the planner put that test after the index scan, which then read every tie).
      WITH p WHERE degree * degree > $limit * total
      CALL (p) {
        MATCH ()-[t:TIE]->() USING INDEX t:TIE(id)
        WHERE t.id > ${p.hasCursor ? '$after0' : "''"} AND ${ENDS[query.direction]}${types ? ' AND t.type IN $types' : ''}
        WITH t
        ORDER BY t.id
        LIMIT $limit
        RETURN t
      }
      RETURN t
    }
    // The far end of each tie comes with it (TiePage.others): the GraphQL layer then reads no actors.
    WITH pid, t, CASE WHEN startNode(t) = p THEN endNode(t) ELSE startNode(t) END AS other
    RETURN pid, collect(${tieMap('t')}) AS ties, collect(${actorMap('other')}) AS others`, { ids: distinct(actorIds), types, ...p.params });
  const pages = new Map(rows.map((r) => {
    const others = new Map((r.get('others') as Record<string, unknown>[]).map((m) => { const a = toActor(m); return [a.id, a]; }));
    const pid = r.get('pid') as string;
    // Put in id order here: collect() after the subquery keeps the rows' order, but no contract says so.
    const page: TiePage = toPage((r.get('ties') as Record<string, unknown>[]).map(toTie).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      p.first, TIE_CURSOR);
    if (page.items.length) page.others = page.items.map((t) => others.get(t.fromId === pid ? t.toId : t.fromId)!);
    return [pid, page];
  }));
  return actorIds.map((id) => pages.get(id) ?? toPage([], p.first, TIE_CURSOR));
}
