/** Actors: upsert by key, lookups, keyset listing by key with kind and substring filters, erasure. */
import { randomUUID } from 'node:crypto';
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

// Only id and createdAt are read back: they never change after creation, so no barrier is needed
// for "state at commit"; every other field is the last input given for the key (built by the caller).
const UPSERT = `
  UNWIND $rows AS row
  MERGE (a:Actor {key: row.key})
  ON CREATE SET a.id = row.id, a.createdAt = $now
  SET a.kind = row.kind, a.name = row.name, a.attributes = row.attributes, a.updatedAt = $now,
      a.keyFold = row.keyFold, a.nameFold = row.nameFold
  RETURN row.i AS i, a.id AS id, a.createdAt AS createdAt`;

export function upsertActors(conn: Connection, inputs: readonly ActorInput[]): Promise<UpsertActorsResult> {
  // Again here, whoever validated: an upsert by a tombstone's key would give the erased person a name back.
  checkActorKeys(inputs);
  if (inputs.length === 0) return Promise.resolve({ actors: [], created: 0, updated: 0 });
  const rows = inputs.map((a, i) => ({
    i, id: randomUUID(), key: a.key, kind: a.kind, name: a.name, attributes: JSON.stringify(a.attributes ?? {}),
    keyFold: fold(a.key), nameFold: fold(a.name),
  }));
  // A key given twice ends with its last input.
  const last = new Map(rows.map((row) => [row.key, row]));
  const now = new Date().toISOString();
  return conn.write(async (tx) => {
    const result = await tx.run(UPSERT, { rows, now });
    const stored = new Map(result.map((r) => [r.get('i') as number, { id: r.get('id') as string, createdAt: r.get('createdAt') as string }]));
    let created = 0;
    const actors = rows.map((row): Actor => {
      const { id, createdAt } = stored.get(row.i)!;
      if (id === row.id) created++;
      const final = last.get(row.key)!;
      return {
        id, key: row.key, kind: final.kind, name: final.name, attributes: JSON.parse(final.attributes) as Actor['attributes'],
        createdAt, updatedAt: now,
      };
    });
    const events: EventDraft[] = distinct(actors.map((a) => a.id))
      .map((id) => ({ type: 'ACTOR_CHANGED', entityId: id, detail: null }));
    return { result: { actors, created, updated: inputs.length - created }, changed: true, events };
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
