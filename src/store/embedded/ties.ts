/** Ties: upsert by (from, to, type), removal, and per-actor pages (with the far ends) in one windowed query. */
import { randomUUID } from 'node:crypto';
import type { Actor, Tie } from '../../domain/entities.js';
import type { TieInput } from '../../domain/inputs.js';
import type { TieType } from '../../domain/kinds.js';
import type { TiePage, TieQuery } from '../port.js';
import type { Conn } from './connection.js';
import { cursorParams, pageParams, pagesOfRawParents } from './paging.js';
import { resolve } from './refs.js';
import { TIE_COLUMNS, TIE_FROM, actorFromRaw, inJson, json, toTie, type ActorRaw } from './rows.js';

const UPSERT = `
  INSERT INTO ties (id, from_rid, to_rid, type, weight, since) VALUES (@id, @from, @to, @type, @weight, @since)
  ON CONFLICT (from_rid, to_rid, type) DO UPDATE SET weight = excluded.weight, since = coalesce(excluded.since, since)
  RETURNING rid`;

export const TIES_BY_RIDS = `SELECT ${TIE_COLUMNS}, t.rid AS rid FROM ${TIE_FROM} WHERE t.rid IN (SELECT value FROM json_each(?))`;

/** Ties by rowid, in the order of `rids`. */
export function tiesByRids(conn: Conn, rids: readonly number[]): Tie[] {
  const rows = conn.stmt(TIES_BY_RIDS).all(json(rids)) as (Tie & { rid: number })[];
  const byRid = new Map(rows.map((r) => [r.rid, toTie(r)]));
  return rids.map((rid) => byRid.get(rid)!);
}

export function upsertTies(conn: Conn, inputs: readonly TieInput[]): Tie[] {
  return conn.write(() => {
    const actors = resolve(conn, 'actorKey', inputs.flatMap((t, i) => [
      { value: t.fromKey, path: ['input', i, 'fromKey'] },
      { value: t.toKey, path: ['input', i, 'toKey'] },
    ]));
    const upsert = conn.stmt(UPSERT);
    const rids = inputs.map((t) => (upsert.get({
      id: randomUUID(), from: actors.get(t.fromKey), to: actors.get(t.toKey), type: t.type,
      weight: t.weight ?? 1, since: t.since ?? null,
    }) as { rid: number }).rid);
    return tiesByRids(conn, rids);
  });
}

export function removeTie(conn: Conn, fromKey: string, toKey: string, type: TieType): boolean {
  return conn.write(() => conn.stmt(`
    DELETE FROM ties WHERE type = @type
      AND from_rid = (SELECT rid FROM actors WHERE key = @fromKey)
      AND to_rid = (SELECT rid FROM actors WHERE key = @toKey)`).run({ fromKey, toKey, type }).changes > 0);
}

/** The SQL for one shape of tie query (direction × type filter × cursor), cached per shape. */
function tiesOfActorsSql(direction: TieQuery['direction'], byType: boolean, after: boolean): string {
  const filter = `${byType ? ` AND t.type IN ${inJson('types')}` : ''}${after ? ' AND t.id > @after0' : ''}`;
  // A link carries its tie's columns, so no tie is read twice; with both directions a self-tie is
  // reached from its from side only (UNION ALL: no duplicate elimination to pay for).
  const link = (end: 'from_rid' | 'to_rid', extra = '') => `
    SELECT p.pid, p.prid, t.id, t.from_rid, t.to_rid, t.type, t.weight, t.since
    FROM parents p CROSS JOIN ties t ON t.${end} = p.prid${extra}${filter}`;
  const links = direction === 'OUT' ? link('from_rid') : direction === 'IN' ? link('to_rid')
    : `${link('from_rid')} UNION ALL ${link('to_rid', ' AND t.from_rid <> p.prid')}`;
  // One end of every tie is the parent, whose id is known: only the other end is looked up.
  return `
    WITH parents AS (SELECT a.id AS pid, a.rid AS prid FROM json_each(@ids) j CROSS JOIN actors a ON a.id = j.value),
    links AS (${links}),
    ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY prid ORDER BY id) AS rn FROM links)
    SELECT rk.pid AS parentId, rk.id,
      CASE WHEN rk.from_rid = rk.prid THEN rk.pid ELSE o.id END AS fromId,
      CASE WHEN rk.from_rid = rk.prid THEN o.id ELSE rk.pid END AS toId,
      rk.type, rk.weight, rk.since, ${OTHER_COLUMNS}
    FROM ranked rk JOIN actors o ON o.rid = CASE WHEN rk.from_rid = rk.prid THEN rk.to_rid ELSE rk.from_rid END
    WHERE rk.rn <= @limit
    ORDER BY rk.pid, rk.rn`;
}

// The far end's row is read anyway to resolve its id: all its columns come along (ActorRaw order), so
// the page carries the other actors and nobody reads them again (TiePage.others).
const OTHER_COLUMNS = 'o.id, o.key, o.kind, o.name, o.attributes, o.created_at, o.updated_at';
type TieOfActorRaw = [parentId: string, id: string, fromId: string, toId: string, type: Tie['type'], weight: number,
  since: string | null, ...other: ActorRaw];

export function tiesOfActors(conn: Conn, actorIds: readonly string[], query: TieQuery): TiePage[] {
  const p = pageParams(query, 1);
  const types = query.types?.length ? query.types : null;
  const sql = tiesOfActorsSql(query.direction, types !== null, p.after !== null);
  // Read as arrays (rows.ts, ActorRaw), in the order of the SELECT list.
  const rows = conn.stmt(sql).raw(true).all({
    ids: json([...new Set(actorIds)]), types: types && json(types), limit: p.limit, ...cursorParams(p.after),
  }) as TieOfActorRaw[];
  const others = new Map<string, Actor>();
  for (const r of rows) if (!others.has(r[7])) others.set(r[7], actorFromRaw(r.slice(7) as ActorRaw));
  const pages: TiePage[] = pagesOfRawParents(actorIds, rows, p.first, (r): Tie => ({
    id: r[1], fromId: r[2], toId: r[3], type: r[4], weight: r[5], since: r[6],
  }), (t) => [t.id]);
  pages.forEach((page, i) => {
    // Assigned, not spread: a spread would encode the page's lazy cursors.
    if (page.items.length) page.others = page.items.map((t) => others.get(t.fromId === actorIds[i] ? t.toId : t.fromId)!);
  });
  return pages;
}
