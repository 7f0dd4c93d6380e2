/** Ties: upsert by (from, to, type), removal, and per-actor pages with the far ends (one read transaction). */
import { randomUUID } from 'node:crypto';
import type { Actor, Tie } from '../../domain/entities.js';
import type { TieInput } from '../../domain/inputs.js';
import type { TieType } from '../../domain/kinds.js';
import type { TiePage, TieQuery } from '../port.js';
import type { Conn } from './connection.js';
import { cursorParams, pageParams, pagesOfRawParents } from './paging.js';
import { resolve } from './refs.js';
import { TIE_COLUMNS, TIE_FROM, actorFromRaw, inJson, json, toTie, type ActorRaw } from './rows.js';
import { TIE_CURSOR } from '../cursor-kinds.js';

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

/** The rowid of each parent, by public id. */
const PARENTS = 'SELECT id, rid FROM actors WHERE id IN (SELECT value FROM json_each(?))';
const PARENT = 'SELECT id, rid FROM actors WHERE id = ?';

/**
 * The SQL of one parent's page for one shape of tie query (direction × type filter × cursor), cached
 * per shape. Each end is read in id order from its (end, id) index and stops at the page size, so a
 * hub with 90,000 ties costs what any actor does (ranking every tie of each parent took 160-330 ms for
 * the organisation; one statement for all parents with a correlated LIMIT per parent was twice as
 * slow as this per parent). With both directions a self-tie is reached from its from side only.
 */
function tiesOfActorSql(direction: TieQuery['direction'], byType: boolean, after: boolean, limit: number): string {
  // The page size is written into the SQL (a checked whole number, one statement per size): with a
  // bound LIMIT, SQLite sorted each end's candidates in a temporary b-tree (80 µs against 49 here).
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`a page limit must be a positive whole number, got ${limit}`);
  // Candidates come from the (end, id) indexes alone (the to side also holds from_rid, for the
  // self-tie test); only the page's ties are read from the table. A type filter reads the table.
  const filter = `${byType ? ` AND t.type IN ${inJson('types')}` : ''}${after ? ' AND t.id > @after0' : ''}`;
  const end = (column: 'from_rid' | 'to_rid', extra = '') => `
    SELECT * FROM (
      SELECT t.id, t.rid FROM ties t INDEXED BY ${column === 'from_rid' ? 'ties_from_id' : 'ties_to_id'}
      WHERE t.${column} = @prid${extra}${filter} ORDER BY t.id LIMIT ${limit})`;
  const links = direction === 'OUT' ? end('from_rid') : direction === 'IN' ? end('to_rid')
    : `${end('from_rid')} UNION ALL ${end('to_rid', ' AND t.from_rid <> @prid')} ORDER BY 1 LIMIT ${limit}`;
  // One end of every tie is the parent, whose id is known: only the other end is looked up.
  return `
    SELECT @pid AS parentId, t.id,
      CASE WHEN t.from_rid = @prid THEN @pid ELSE o.id END AS fromId,
      CASE WHEN t.from_rid = @prid THEN o.id ELSE @pid END AS toId,
      t.type, t.weight, t.since, ${OTHER_COLUMNS}
    FROM (${links}) l CROSS JOIN ties t ON t.rid = l.rid
    CROSS JOIN actors o ON o.rid = CASE WHEN t.from_rid = @prid THEN t.to_rid ELSE t.from_rid END
    ORDER BY l.id`;
}

// The far end's row is read anyway to resolve its id: all its columns come along (ActorRaw order), so
// the page carries the other actors and nobody reads them again (TiePage.others).
const OTHER_COLUMNS = 'o.id, o.key, o.kind, o.name, o.attributes, o.created_at, o.updated_at';
type TieOfActorRaw = [parentId: string, id: string, fromId: string, toId: string, type: Tie['type'], weight: number,
  since: string | null, ...other: ActorRaw];

export function tiesOfActors(conn: Conn, actorIds: readonly string[], query: TieQuery): TiePage[] {
  const p = pageParams(query, TIE_CURSOR);
  const types = query.types?.length ? query.types : null;
  const pageOfOne = conn.stmt(tiesOfActorSql(query.direction, types !== null, p.after !== null, p.limit)).raw(true);
  const params = { types: types && json(types), ...cursorParams(p.after) };
  // Read as arrays (rows.ts, ActorRaw), in the order of the SELECT list; in one read transaction, so
  // that every page sees the same snapshot.
  const parents = () => (actorIds.length === 1
    ? conn.stmt(PARENT).all(actorIds[0])
    : conn.stmt(PARENTS).all(json([...new Set(actorIds)]))) as { id: string; rid: number }[];
  const rows = conn.read(() => parents()
    .flatMap((a) => pageOfOne.all({ ...params, pid: a.id, prid: a.rid }) as TieOfActorRaw[]));
  const others = new Map<string, Actor>();
  for (const r of rows) if (!others.has(r[7])) others.set(r[7], actorFromRaw(r.slice(7) as ActorRaw));
  const pages: TiePage[] = pagesOfRawParents(actorIds, rows, p.first, (r): Tie => ({
    id: r[1], fromId: r[2], toId: r[3], type: r[4], weight: r[5], since: r[6],
  }), TIE_CURSOR);
  pages.forEach((page, i) => {
    // Assigned, not spread: a spread would encode the page's lazy cursors.
    if (page.items.length) page.others = page.items.map((t) => others.get(t.fromId === actorIds[i] ? t.toId : t.fromId)!);
  });
  return pages;
}
