/**
 * Value exchanges: (:Actor)-[:VALUE {id, externalId, kind, tangible, amount, unit, occurredAt}]->(:Actor).
 *
 * Idempotency by externalId: a relationship uniqueness constraint on VALUE.externalId guarantees no
 * duplicate is ever stored, but MERGE cannot express "match this externalId between any two actors,
 * else create it between these two", so the write looks the externalId up and creates only when it is
 * absent. That check-then-create is safe because writers are serialised by the outbox counter lock
 * (connection.ts); the constraint is the backstop.
 */
import { timeOrderedId } from '../time-ordered-id.js';
import type { ValueExchange } from '../../domain/entities.js';
import type { ExchangeInput } from '../../domain/inputs.js';
import { isTangible } from '../../domain/kinds.js';
import { distinct, normalizeExchangeFilter } from '../args.js';
import type { ExchangeFilter, ExchangeQuery, Page, PageArgs, RecordResult } from '../port.js';
import type { Connection, EventDraft } from './connection.js';
import { beforeCursor, newestFirst, pageParams, toPage } from './paging.js';
import { resolveRefs } from './refs.js';
import { byKey, column, exchangeMap, toExchange, where } from './rows.js';
import { EXCHANGE_CURSOR } from '../cursor-kinds.js';

// Stored exchanges never change, and a new one is its row as written (built by the caller): only
// the stored ones are read back, and no barrier is needed for "state at commit".
const RECORD = `
  UNWIND $rows AS row
  OPTIONAL MATCH ()-[old:VALUE {externalId: row.externalId}]->()
  CALL (row, old) {
    WITH row, old WHERE old IS NULL
    MATCH (a:Actor {key: row.fromKey}), (b:Actor {key: row.toKey})
    CREATE (a)-[x:VALUE {
      id: row.id, externalId: row.externalId, kind: row.kind, tangible: row.tangible, amount: row.amount,
      unit: row.unit, occurredAt: row.occurredAt
    }]->(b)
    RETURN null AS stored
    UNION ALL
    WITH row, old WHERE old IS NOT NULL
    RETURN ${exchangeMap('old')} AS stored
  }
  RETURN row.i AS i, stored`;

interface ExchangeRow {
  i: number; id: string; externalId: string | null; fromKey: string; toKey: string; kind: ValueExchange['kind'];
  tangible: boolean; amount: number; unit: string; occurredAt: string;
}

export function recordExchanges(conn: Connection, inputs: readonly ExchangeInput[]): Promise<RecordResult<ValueExchange>> {
  if (inputs.length === 0) return Promise.resolve({ items: [], created: 0, existing: 0 });
  // One row per externalId (its first occurrence); exchanges without one are each a row.
  const rowOf = new Map<string, number>();
  const rowIndex: number[] = [];
  const rows: ExchangeRow[] = [];
  for (const x of inputs) {
    let r = x.externalId ? rowOf.get(x.externalId) : undefined;
    if (r === undefined) {
      r = rows.length;
      if (x.externalId) rowOf.set(x.externalId, r);
      rows.push({
        i: r, id: timeOrderedId(), externalId: x.externalId ?? null, fromKey: x.fromKey, toKey: x.toKey, kind: x.kind,
        tangible: isTangible(x.kind), amount: x.amount, unit: x.unit, occurredAt: x.occurredAt,
      });
    }
    rowIndex.push(r);
  }
  return conn.write(async (tx) => {
    const { actorIds } = await resolveRefs(tx, [['actorKey', inputs.flatMap((x, i) => [
      { value: x.fromKey, path: ['input', i, 'fromKey'] },
      { value: x.toKey, path: ['input', i, 'toKey'] },
    ])]]);
    const stored = new Map((await tx.run(RECORD, { rows })).map((r) =>
      [r.get('i') as number, r.get('stored') as Record<string, unknown> | null]));
    let created = 0;
    const exchanges = rows.map((row): ValueExchange => {
      const found = stored.get(row.i);
      if (found) return toExchange(found);
      created++;
      return {
        id: row.id, externalId: row.externalId, fromId: actorIds.get(row.fromKey)!, toId: actorIds.get(row.toKey)!,
        kind: row.kind, tangible: row.tangible, amount: row.amount, unit: row.unit, occurredAt: row.occurredAt,
      };
    });
    const events: EventDraft[] = exchanges.filter((x, r) => x.id === rows[r].id)
      .map((x) => ({ type: 'EXCHANGE_RECORDED', entityId: x.id, detail: null }));
    return {
      result: { items: rowIndex.map((r) => exchanges[r]), created, existing: inputs.length - created },
      changed: created > 0,
      events,
    };
  });
}

function exchangeMatch(filter: ExchangeFilter): { match: string; conditions: string[]; params: Record<string, unknown> } {
  const f = normalizeExchangeFilter(filter);
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.kinds) { conditions.push('x.kind IN $kinds'); params.kinds = f.kinds; }
  if (f.tangible !== undefined) { conditions.push('x.tangible = $tangible'); params.tangible = f.tangible; }
  if (f.since) { conditions.push('x.occurredAt >= $since'); params.since = f.since; }
  if (f.until) { conditions.push('x.occurredAt < $until'); params.until = f.until; }
  const from = f.fromKey ? '(:Actor {key: $fromKey})' : '()';
  const to = f.toKey ? '(:Actor {key: $toKey})' : '()';
  if (f.fromKey) params.fromKey = f.fromKey;
  if (f.toKey) params.toKey = f.toKey;
  return { match: `MATCH ${from}-[x:VALUE]->${to}`, conditions, params };
}

export async function listExchanges(conn: Connection, filter: ExchangeFilter, page: PageArgs): Promise<Page<ValueExchange>> {
  const p = pageParams(page, EXCHANGE_CURSOR);
  const { match, conditions, params } = exchangeMatch(filter);
  // From or to a given actor, its own exchanges are few: read them, not the time index of all.
  const order = match.includes(':Actor') ? null : newestFirst('x', 'VALUE', 'occurredAt', 'id', p.hasCursor);
  if (order) conditions.push(order.condition);
  else if (p.hasCursor) conditions.push(beforeCursor('x.occurredAt', 'x.id'));
  const rows = await conn.query(`
    ${match} ${order?.hint ?? ''} ${where(conditions)}
    RETURN ${exchangeMap('x')} AS exchange
    ORDER BY x.occurredAt DESC, x.id DESC
    LIMIT $limit`, { ...params, ...p.params });
  return toPage(column(rows, 'exchange', toExchange), p.first, EXCHANGE_CURSOR);
}

export async function countExchanges(conn: Connection, filter: ExchangeFilter): Promise<number> {
  const { match, conditions, params } = exchangeMatch(filter);
  const [row] = await conn.query(`${match} ${where(conditions)} RETURN count(x) AS n`, params);
  return row.get('n') as number;
}

const PATTERN: Record<ExchangeQuery['direction'], string> = {
  OUT: '(p)-[x:VALUE]->()',
  IN: '(p)<-[x:VALUE]-()',
  BOTH: '(p)-[x:VALUE]-()',
};

export async function exchangesOfActors(conn: Connection, actorIds: readonly string[], query: ExchangeQuery): Promise<Page<ValueExchange>[]> {
  const p = pageParams(query, EXCHANGE_CURSOR);
  if (actorIds.length === 0) return [];
  const rows = await conn.query(`
    UNWIND $ids AS pid
    MATCH (p:Actor {id: pid})
    CALL (p) {
      MATCH ${PATTERN[query.direction]}
      ${p.hasCursor ? `WHERE ${beforeCursor('x.occurredAt', 'x.id')}` : ''}
      WITH DISTINCT x
      ORDER BY x.occurredAt DESC, x.id DESC
      LIMIT $limit
      RETURN collect(${exchangeMap('x')}) AS exchanges
    }
    RETURN pid, exchanges`, { ids: distinct(actorIds), ...p.params });
  const pages = new Map(rows.map((r) => [r.get('pid') as string,
    toPage((r.get('exchanges') as Record<string, unknown>[]).map(toExchange), p.first, EXCHANGE_CURSOR)]));
  return actorIds.map((id) => pages.get(id) ?? toPage([], p.first, EXCHANGE_CURSOR));
}

/** One entry per id, in order, null where unknown (used by realtime subscriptions). */
export async function exchangesByIds(conn: Connection, ids: readonly string[]): Promise<(ValueExchange | null)[]> {
  if (ids.length === 0) return [];
  const rows = await conn.query(`UNWIND $ids AS id MATCH ()-[x:VALUE {id: id}]->() RETURN ${exchangeMap('x')} AS exchange`, { ids: distinct(ids) });
  return byKey(ids, column(rows, 'exchange', toExchange), (x) => x.id);
}
