/** Value exchanges: idempotent recording by externalId, listing, per-actor pages in one windowed query. */
import { timeOrderedId } from '../time-ordered-id.js';
import type { ValueExchange } from '../../domain/entities.js';
import type { ExchangeInput } from '../../domain/inputs.js';
import { isTangible } from '../../domain/kinds.js';
import { normalizeExchangeFilter } from '../args.js';
import type { ExchangeFilter, ExchangeQuery, Page, PageArgs, RecordResult } from '../port.js';
import type { Conn } from './connection.js';
import { cursorParams, pageParams, pagesOfParents, toPage } from './paging.js';
import { appendEvents } from './outbox.js';
import { resolve } from './refs.js';
import { EXCHANGE_COLUMNS, EXCHANGE_FROM, EXCHANGE_JOINS, byIds, inJson, json, toExchange, type ExchangeRow, where } from './rows.js';
import { EXCHANGE_CURSOR } from '../cursor-kinds.js';

const INSERT = `
  INSERT INTO exchanges (id, external_id, from_rid, to_rid, kind, tangible, amount, unit, occurred_at)
  VALUES (@id, @externalId, @from, @to, @kind, @tangible, @amount, @unit, @occurredAt)
  ON CONFLICT (external_id) DO NOTHING
  RETURNING rid`;
const EXCHANGES_BY_RIDS =
  `SELECT ${EXCHANGE_COLUMNS}, x.rid AS rid FROM ${EXCHANGE_FROM} WHERE x.rid IN (SELECT value FROM json_each(?))`;

function exchangesByRids(conn: Conn, rids: readonly number[]): ValueExchange[] {
  const rows = conn.stmt(EXCHANGES_BY_RIDS).all(json(rids)) as (ExchangeRow & { rid: number })[];
  const byRid = new Map(rows.map((r) => [r.rid, toExchange(r)]));
  return rids.map((rid) => byRid.get(rid)!);
}

export function recordExchanges(conn: Conn, inputs: readonly ExchangeInput[]): RecordResult<ValueExchange> {
  return conn.write(() => {
    const actors = resolve(conn, 'actorKey', inputs.flatMap((x, i) => [
      { value: x.fromKey, path: ['input', i, 'fromKey'] },
      { value: x.toKey, path: ['input', i, 'toKey'] },
    ]));
    const insert = conn.stmt(INSERT);
    const seen = new Map<string, number>();
    const rids: number[] = [];
    const createdRids = new Set<number>();
    for (const x of inputs) {
      let rid = x.externalId ? seen.get(x.externalId) : undefined;
      if (rid === undefined) {
        const row = insert.get({
          id: timeOrderedId(), externalId: x.externalId ?? null, from: actors.get(x.fromKey), to: actors.get(x.toKey),
          kind: x.kind, tangible: isTangible(x.kind) ? 1 : 0, amount: x.amount, unit: x.unit, occurredAt: x.occurredAt,
        }) as { rid: number } | undefined;
        if (row) {
          rid = row.rid;
          createdRids.add(rid);
        } else {
          rid = (conn.stmt('SELECT rid FROM exchanges WHERE external_id = ?').get(x.externalId) as { rid: number }).rid;
        }
        if (x.externalId) seen.set(x.externalId, rid);
      }
      rids.push(rid);
    }
    const created = createdRids.size;
    const items = exchangesByRids(conn, rids);
    // One event per new exchange, in input order (a repeated externalId is new only once).
    appendEvents(conn, items.filter((_, i) => createdRids.delete(rids[i])).map((x) => ({ type: 'EXCHANGE_RECORDED', entityId: x.id })));
    return { items, created, existing: inputs.length - created };
  });
}

function exchangeWhere(filter: ExchangeFilter): { conditions: string[]; params: Record<string, unknown> } {
  const f = normalizeExchangeFilter(filter);
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.kinds) { conditions.push(`x.kind IN ${inJson('kinds')}`); params.kinds = json(f.kinds); }
  if (f.tangible !== undefined) { conditions.push('x.tangible = @tangible'); params.tangible = f.tangible ? 1 : 0; }
  if (f.fromKey) { conditions.push('x.from_rid = (SELECT rid FROM actors WHERE key = @fromKey)'); params.fromKey = f.fromKey; }
  if (f.toKey) { conditions.push('x.to_rid = (SELECT rid FROM actors WHERE key = @toKey)'); params.toKey = f.toKey; }
  if (f.since) { conditions.push('x.occurred_at >= @since'); params.since = f.since; }
  if (f.until) { conditions.push('x.occurred_at < @until'); params.until = f.until; }
  return { conditions, params };
}

export function listExchanges(conn: Conn, filter: ExchangeFilter, page: PageArgs): Page<ValueExchange> {
  const p = pageParams(page, EXCHANGE_CURSOR);
  const { conditions, params } = exchangeWhere(filter);
  if (p.after) conditions.push('(x.occurred_at, x.id) < (@after0, @after1)');
  const sql = `SELECT ${EXCHANGE_COLUMNS} FROM ${EXCHANGE_FROM} ${where(conditions)}
               ORDER BY x.occurred_at DESC, x.id DESC LIMIT @limit`;
  const rows = conn.stmt(sql).all({ ...params, ...cursorParams(p.after), limit: p.limit }) as ExchangeRow[];
  return toPage(rows.map(toExchange), p.first, EXCHANGE_CURSOR);
}

export function countExchanges(conn: Conn, filter: ExchangeFilter): number {
  const { conditions, params } = exchangeWhere(filter);
  return (conn.stmt(`SELECT count(*) AS n FROM exchanges x ${where(conditions)}`).get(params) as { n: number }).n;
}

function exchangesOfActorsSql(direction: ExchangeQuery['direction'], after: boolean): string {
  const cursor = after ? ' AND (x.occurred_at, x.id) < (@after0, @after1)' : '';
  const out = `SELECT p.pid, p.prid, x.rid AS xrid, x.occurred_at AS at, x.id AS xid
               FROM parents p CROSS JOIN exchanges x ON x.from_rid = p.prid${cursor}`;
  const inn = `SELECT p.pid, p.prid, x.rid AS xrid, x.occurred_at AS at, x.id AS xid
               FROM parents p CROSS JOIN exchanges x ON x.to_rid = p.prid${cursor}`;
  const links = direction === 'OUT' ? out : direction === 'IN' ? inn : `${out} UNION ${inn}`;
  return `
    WITH parents AS (SELECT DISTINCT a.id AS pid, a.rid AS prid FROM json_each(@ids) j CROSS JOIN actors a ON a.id = j.value),
    links AS (${links}),
    ranked AS (SELECT pid, xrid, ROW_NUMBER() OVER (PARTITION BY prid ORDER BY at DESC, xid DESC) AS rn FROM links)
    SELECT rk.pid AS parentId, ${EXCHANGE_COLUMNS}
    FROM ranked rk CROSS JOIN exchanges x ON x.rid = rk.xrid ${EXCHANGE_JOINS}
    WHERE rk.rn <= @limit
    ORDER BY rk.pid, rk.rn`;
}

export function exchangesOfActors(conn: Conn, actorIds: readonly string[], query: ExchangeQuery): Page<ValueExchange>[] {
  const p = pageParams(query, EXCHANGE_CURSOR);
  const rows = conn.stmt(exchangesOfActorsSql(query.direction, p.after !== null))
    .all({ ids: json([...new Set(actorIds)]), limit: p.limit, ...cursorParams(p.after) }) as (ExchangeRow & { parentId: string })[];
  return pagesOfParents(actorIds, rows, p.first, toExchange, EXCHANGE_CURSOR);
}

/** One entry per id, in order, null where unknown (used by realtime subscriptions). */
export function exchangesByIds(conn: Conn, ids: readonly string[]): (ValueExchange | null)[] {
  const rows = conn.stmt(`SELECT ${EXCHANGE_COLUMNS} FROM ${EXCHANGE_FROM} WHERE x.id IN ${inJson('ids')}`)
    .all({ ids: json(ids) }) as ExchangeRow[];
  return byIds(ids, rows, toExchange);
}
