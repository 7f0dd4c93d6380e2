/** Actors: upsert by key, lookups, keyset listing by key with kind and substring filters, erasure. */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.js';
import type { Actor } from '../../domain/entities.js';
import { checkActorKeys, checkSearch, type ActorInput } from '../../domain/inputs.js';
import { normalizeActorFilter } from '../args.js';
import type { ActorFilter, Page, PageArgs, UpsertActorsResult } from '../port.js';
import type { Conn } from './connection.js';
import { appendEvents } from './outbox.js';
import { cursorParams, pageParams, toPage } from './paging.js';
import { ACTOR_COLUMNS, actorFromRaw, inJson, json, toActor, type ActorRaw, type ActorRow, where } from './rows.js';
import { ACTOR_CURSOR } from '../cursor-kinds.js';

/**
 * Inserts, or updates what differs: attributes left out (null) keep the stored ones, and an actor
 * given as it is stays as it is (no new updatedAt, no event) — a nightly re-sync of a CRM changes
 * nothing. A row comes back only when inserted or changed.
 */
const UPSERT = `
  INSERT INTO actors (id, key, kind, name, attributes, created_at, updated_at)
  VALUES (@id, @key, @kind, @name, coalesce(@attributes, '{}'), @now, @now)
  ON CONFLICT (key) DO UPDATE SET
    kind = excluded.kind, name = excluded.name, attributes = coalesce(@attributes, attributes), updated_at = excluded.updated_at
  WHERE kind IS NOT excluded.kind OR name IS NOT excluded.name OR attributes IS NOT coalesce(@attributes, attributes)
  RETURNING rid, id`;
const RID_BY_KEY = 'SELECT rid FROM actors WHERE key = ?';

export const ACTORS_BY_RIDS =
  `SELECT ${ACTOR_COLUMNS}, a.rid AS rid FROM actors a WHERE a.rid IN (SELECT value FROM json_each(?))`;

/** Actors by rowid, in the order of `rids`. */
export function actorsByRids(conn: Conn, rids: readonly number[]): Actor[] {
  const rows = conn.stmt(ACTORS_BY_RIDS).all(json(rids)) as (ActorRow & { rid: number })[];
  const byRid = new Map(rows.map((r) => [r.rid, toActor(r)]));
  return rids.map((rid) => byRid.get(rid)!);
}

export function upsertActors(conn: Conn, inputs: readonly ActorInput[]): UpsertActorsResult {
  // Again here, whoever validated: an upsert by a tombstone's key would give the erased person a name back.
  checkActorKeys(inputs);
  return conn.write(() => {
    const now = new Date().toISOString();
    const upsert = conn.stmt(UPSERT);
    const rids: number[] = [];
    const changed = new Set<number>();
    let created = 0;
    let updated = 0;
    for (const input of inputs) {
      const id = randomUUID();
      const attributes = input.attributes === undefined ? null : canonicalJson(input.attributes);
      const row = upsert.get({ id, key: input.key, kind: input.kind, name: input.name, attributes, now }) as { rid: number; id: string } | undefined;
      if (row) {
        if (row.id === id) created++;
        else updated++;
        changed.add(row.rid);
      }
      rids.push(row ? row.rid : (conn.stmt(RID_BY_KEY).get(input.key) as { rid: number }).rid);
    }
    const actors = actorsByRids(conn, rids);
    const events = [...new Set(actors.filter((_, i) => changed.has(rids[i])).map((a) => a.id))];
    appendEvents(conn, events.map((id) => ({ type: 'ACTOR_CHANGED', entityId: id })));
    return { actors, created, updated, unchanged: inputs.length - created - updated };
  });
}

export function actorsByIds(conn: Conn, ids: readonly string[]): (Actor | null)[] {
  const rows = (ids.length === 1
    ? conn.stmt(`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = ?`).raw(true).all(ids[0])
    : conn.stmt(`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id IN ${inJson('ids')}`).raw(true).all({ ids: json(ids) })) as ActorRaw[];
  const found = new Map(rows.map((r) => [r[0], r]));
  return ids.map((id) => {
    const r = found.get(id);
    return r ? actorFromRaw(r) : null;
  });
}

export function actorsByKeys(conn: Conn, keys: readonly string[]): (Actor | null)[] {
  // One key (an actor(key:) lookup) needs no JSON array to walk: a plain equality is cheaper.
  const rows = (keys.length === 1
    ? conn.stmt(`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.key = ?`).raw(true).all(keys[0])
    : conn.stmt(`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.key IN ${inJson('keys')}`).raw(true).all({ keys: json(keys) })) as ActorRaw[];
  const found = new Map(rows.map((r) => [r[1], r]));
  return keys.map((k) => {
    const r = found.get(k);
    return r ? actorFromRaw(r) : null;
  });
}

/** WHERE conditions and parameters of an actor filter. */
function actorWhere(filter: ActorFilter): { conditions: string[]; params: Record<string, unknown> } {
  const f = normalizeActorFilter(filter);
  // FTS5 stops reading its query at a NUL ("unterminated string"): refused, as in the Neo4j store.
  checkSearch(f.search);
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.kinds) {
    conditions.push(`a.kind IN ${inJson('kinds')}`);
    params.kinds = json(f.kinds);
  }
  if (f.search) {
    if ([...f.search].length >= 3) {
      // Trigram index: a quoted phrase of three or more characters matches substrings, case-insensitively.
      conditions.push('a.rid IN (SELECT rowid FROM actor_search WHERE actor_search MATCH @match)');
      params.match = `"${f.search.replaceAll('"', '""')}"`;
    } else {
      conditions.push('(instr(osm_fold(a.key), @fold) > 0 OR instr(osm_fold(a.name), @fold) > 0)');
      params.fold = f.search.toLowerCase();
    }
  }
  return { conditions, params };
}

export function listActors(conn: Conn, filter: ActorFilter, page: PageArgs): Page<Actor> {
  const p = pageParams(page, ACTOR_CURSOR);
  const { conditions, params } = actorWhere(filter);
  if (p.after) conditions.push('a.key > @after0');
  const sql = `SELECT ${ACTOR_COLUMNS} FROM actors a ${where(conditions)} ORDER BY a.key LIMIT @limit`;
  const rows = conn.stmt(sql).all({ ...params, ...cursorParams(p.after), limit: p.limit }) as ActorRow[];
  return toPage(rows.map(toActor), p.first, ACTOR_CURSOR);
}

export function countActors(conn: Conn, filter: ActorFilter): number {
  const { conditions, params } = actorWhere(filter);
  const row = conn.stmt(`SELECT count(*) AS n FROM actors a ${where(conditions)}`).get(params) as { n: number };
  return row.n;
}

/** Right to be forgotten (see Store.eraseActor). */
export function eraseActor(conn: Conn, key: string): boolean {
  return conn.write(() => {
    const found = conn.stmt('SELECT rid, id FROM actors WHERE key = ?').get(key) as { rid: number; id: string } | undefined;
    if (!found) return false;
    const id = randomUUID();
    conn.stmt(`UPDATE actors SET id = @id, key = @key, name = 'Erased actor', attributes = '{}', updated_at = @now
               WHERE rid = @rid`).run({ id, key: `erased:${id}`, now: new Date().toISOString(), rid: found.rid });
    conn.stmt('DELETE FROM ties WHERE from_rid = ?').run(found.rid);
    conn.stmt('DELETE FROM ties WHERE to_rid = ?').run(found.rid);
    conn.stmt('UPDATE signals SET text = NULL WHERE emitter_rid = ?').run(found.rid);
    conn.stmt('UPDATE responses SET text = NULL WHERE responder_rid = ?').run(found.rid);
    // Answers to the person's signals speak to them ("Dear Roberto, …"): their text goes too, the responses stay.
    conn.stmt('UPDATE responses SET text = NULL WHERE signal_rid IN (SELECT rid FROM signals WHERE emitter_rid = ?)').run(found.rid);
    conn.stmt('DELETE FROM signal_about WHERE actor_rid = ?').run(found.rid);
    // The id the world knew, so that caches holding it drop the person.
    appendEvents(conn, [{ type: 'ACTOR_CHANGED', entityId: found.id }]);
    return true;
  });
}
