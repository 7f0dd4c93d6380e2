/** Actors: upsert by key, lookups, keyset listing by key with kind and substring filters, erasure. */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.js';
import type { Actor } from '../../domain/entities.js';
import { checkActorKeys, checkSearch, type ActorInput } from '../../domain/inputs.js';
import { distinct, normalizeActorFilter } from '../args.js';
import type { ActorFilter, Page, PageArgs, UpsertActorsResult } from '../port.js';
import type { Connection, EventDraft } from './connection.js';
import { pageParams, toPage } from './paging.js';
import { actorMap, byKey, column, toActor, where } from './rows.js';
import { ACTOR_CURSOR } from '../cursor-kinds.js';

/** Lower-cased copies of key and name back the case-insensitive search (JS folding, as the embedded store). */
export const fold = (s: string): string => s.toLowerCase();

/**
 * Inserts, or updates what differs: attributes left out (null) keep the stored ones, and an actor
 * given as it is stays as it is (no new updatedAt, no event) — a nightly re-sync of a CRM changes
 * nothing. Rows run in order, so a key given twice ends with its last input.
 */
const UPSERT = `
  UNWIND $rows AS row
  MERGE (a:Actor {key: row.key})
  ON CREATE SET a.id = row.id, a.createdAt = $now, a.kind = row.kind, a.name = row.name,
    a.attributes = coalesce(row.attributes, '{}'), a.updatedAt = $now, a.keyFold = row.keyFold, a.nameFold = row.nameFold
  WITH row, a, a.id = row.id AS created, coalesce(row.attributes, a.attributes) AS attributes
  WITH row, a, created, attributes, NOT created AND (a.kind <> row.kind OR a.name <> row.name OR a.attributes <> attributes) AS changed
  FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
    SET a.kind = row.kind, a.name = row.name, a.attributes = attributes, a.updatedAt = $now, a.nameFold = row.nameFold)
  RETURN row.i AS i, a.id AS id, created, changed`;

export function upsertActors(conn: Connection, inputs: readonly ActorInput[]): Promise<UpsertActorsResult> {
  // Again here, whoever validated: an upsert by a tombstone's key would give the erased person a name back.
  checkActorKeys(inputs);
  if (inputs.length === 0) return Promise.resolve({ actors: [], created: 0, updated: 0, unchanged: 0 });
  const rows = inputs.map((a, i) => ({
    i, id: randomUUID(), key: a.key, kind: a.kind, name: a.name,
    attributes: a.attributes === undefined ? null : canonicalJson(a.attributes), keyFold: fold(a.key), nameFold: fold(a.name),
  }));
  const now = new Date().toISOString();
  return conn.write(async (tx) => {
    const result = await tx.run(UPSERT, { rows, now });
    let created = 0;
    let updated = 0;
    const ids: string[] = [];
    const changedIds = new Set<string>();
    for (const r of result) {
      const id = r.get('id') as string;
      ids[r.get('i') as number] = id;
      if (r.get('created')) created++;
      else if (r.get('changed')) updated++;
      if (r.get('created') || r.get('changed')) changedIds.add(id);
    }
    // The actors as committed by this statement (a key given twice: its last input).
    const read = await tx.run(`UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN ${actorMap('a')} AS actor`, { ids: distinct(ids) });
    const byId = new Map(column(read, 'actor', toActor).map((a) => [a.id, a]));
    const actors = ids.map((id) => byId.get(id)!);
    const events: EventDraft[] = [...changedIds].map((id) => ({ type: 'ACTOR_CHANGED', entityId: id, detail: null }));
    return { result: { actors, created, updated, unchanged: inputs.length - created - updated }, changed: events.length > 0, events };
  });
}

export async function actorsByIds(conn: Connection, ids: readonly string[]): Promise<(Actor | null)[]> {
  if (ids.length === 0) return [];
  const rows = await conn.query(`UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN ${actorMap('a')} AS actor`, { ids: distinct(ids) });
  return byKey(ids, column(rows, 'actor', toActor), (a) => a.id);
}

export async function actorsByKeys(conn: Connection, keys: readonly string[]): Promise<(Actor | null)[]> {
  if (keys.length === 0) return [];
  const rows = await conn.query(`UNWIND $keys AS k MATCH (a:Actor {key: k}) RETURN ${actorMap('a')} AS actor`, { keys: distinct(keys) });
  return byKey(keys, column(rows, 'actor', toActor), (a) => a.key);
}

function actorWhere(filter: ActorFilter): { conditions: string[]; params: Record<string, unknown> } {
  const f = normalizeActorFilter(filter);
  // Refused as in the embedded store (whose FTS5 query cannot hold a NUL), so both answer alike.
  checkSearch(f.search);
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.kinds) {
    conditions.push('a.kind IN $kinds');
    params.kinds = f.kinds;
  }
  if (f.search) {
    conditions.push('(a.keyFold CONTAINS $fold OR a.nameFold CONTAINS $fold)');
    params.fold = fold(f.search);
  }
  return { conditions, params };
}

export async function listActors(conn: Connection, filter: ActorFilter, page: PageArgs): Promise<Page<Actor>> {
  const p = pageParams(page, ACTOR_CURSOR);
  const { conditions, params } = actorWhere(filter);
  if (p.hasCursor) conditions.push('a.key > $after0');
  const rows = await conn.query(
    `MATCH (a:Actor) ${where(conditions)} RETURN ${actorMap('a')} AS actor ORDER BY a.key LIMIT $limit`,
    { ...params, ...p.params },
  );
  return toPage(column(rows, 'actor', toActor), p.first, ACTOR_CURSOR);
}

export async function countActors(conn: Connection, filter: ActorFilter): Promise<number> {
  const { conditions, params } = actorWhere(filter);
  const [row] = await conn.query(`MATCH (a:Actor) ${where(conditions)} RETURN count(a) AS n`, params);
  return row.get('n') as number;
}

/**
 * Right to be forgotten (see Store.eraseActor): the node stays as an anonymous tombstone (fresh id,
 * key `erased:<id>`) so counts and exchanges keep their ends; ties and ABOUT links go; texts of the
 * person's signals and responses go, and so do the texts of others' answers to those signals.
 */
const ERASE = `
  MATCH (a:Actor {key: $key})
  WITH a, a.id AS oldId
  SET a.id = $id, a.key = $tombKey, a.name = 'Erased actor', a.attributes = '{}', a.updatedAt = $now,
      a.keyFold = $tombKeyFold, a.nameFold = 'erased actor'
  WITH a, oldId
  CALL (a) { MATCH (a)-[t:TIE]-() WITH DISTINCT t DELETE t }
  CALL (a) { MATCH (a)-[:EMITTED]->(s:Signal) REMOVE s.text }
  CALL (a) { MATCH (a)-[:GAVE]->(r:Response) REMOVE r.text }
  CALL (a) { MATCH (a)-[:EMITTED]->(:Signal)<-[:ANSWERS]-(r:Response) REMOVE r.text }
  CALL (a) { MATCH (:Signal)-[b:ABOUT]->(a) DELETE b }
  RETURN oldId`;

export function eraseActor(conn: Connection, key: string): Promise<boolean> {
  const id = randomUUID();
  const tombKey = `erased:${id}`;
  return conn.write(async (tx) => {
    const rows = await tx.run(ERASE, { key, id, tombKey, tombKeyFold: fold(tombKey), now: new Date().toISOString() });
    if (rows.length === 0) return { result: false, changed: false };
    // The event names the id subscribers knew; it does not lead to the tombstone.
    const oldId = rows[0].get('oldId') as string;
    return { result: true, changed: true, events: [{ type: 'ACTOR_CHANGED', entityId: oldId, detail: null }] };
  });
}
