/** Whole-store counts, the graph version and the outbox (appended by Connection.write). */
import { badInput } from '../../domain/errors.js';
import type { OutboxEvent } from '../../domain/events.js';
import type { StoreStats } from '../port.js';
import { int, type Connection } from './connection.js';

export async function stats(conn: Connection): Promise<StoreStats> {
  // Label and relationship-type counts come from the count store: constant time.
  const [row] = await conn.query(`
    CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
    CALL () { MATCH ()-[t:TIE]->() RETURN count(t) AS ties }
    CALL () { MATCH (s:Signal) RETURN count(s) AS signals }
    CALL () { MATCH (r:Response) RETURN count(r) AS responses }
    CALL () { MATCH ()-[x:VALUE]->() RETURN count(x) AS exchanges }
    CALL () { MATCH (i:Insight) RETURN count(i) AS insights }
    CALL () { MATCH (c:Change) RETURN count(c) AS changes }
    RETURN actors, ties, signals, responses, exchanges, insights, changes`);
  const n = (k: string) => row.get(k) as number;
  return {
    actors: n('actors'), ties: n('ties'), signals: n('signals'), responses: n('responses'),
    exchanges: n('exchanges'), insights: n('insights'), changes: n('changes'),
  };
}

export async function graphVersion(conn: Connection): Promise<number> {
  const rows = await conn.query("MATCH (v:GraphVersion {name: 'graph'}) RETURN v.value AS value");
  return rows.length ? (rows[0].get('value') as number) : 0;
}

export async function outboxHead(conn: Connection): Promise<number> {
  const rows = await conn.query("MATCH (c:OutboxCounter {name: 'outbox'}) RETURN c.seq AS seq");
  return rows.length ? (rows[0].get('seq') as number) : 0;
}

export async function readOutbox(conn: Connection, afterSeq: number, limit: number): Promise<OutboxEvent[]> {
  if (!Number.isInteger(afterSeq) || afterSeq < 0) throw badInput([{ path: ['afterSeq'], message: 'must be a non-negative integer' }]);
  if (!Number.isInteger(limit) || limit < 0) throw badInput([{ path: ['limit'], message: 'must be a non-negative integer' }]);
  if (limit === 0) return [];
  const rows = await conn.query(`
    MATCH (e:OutboxEvent) WHERE e.seq > $after
    RETURN e {.seq, .type, .entityId, .detail, .at} AS event
    ORDER BY e.seq
    LIMIT $limit`, { after: int(afterSeq), limit: int(limit) });
  return rows.map((r) => {
    const e = r.get('event') as Record<string, unknown>;
    return {
      seq: e.seq as number, type: e.type as OutboxEvent['type'], entityId: e.entityId as string,
      detail: (e.detail as string | null) ?? null, at: e.at as string,
    };
  });
}
