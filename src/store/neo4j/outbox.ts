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

/**
 * Events are stored one `(:OutboxBatch)` per write (connection.ts): the batches holding seqs after
 * `afterSeq` are found through the index on `last`, in order — at most `limit` of them, as each holds at
 * least one event — and each comes back as one record with the slices of its lists that are wanted (a
 * thousand events as three lists cost far less to send and decode than a thousand records), unrolled
 * here into one event per seq.
 */
const READ = `
  MATCH (b:OutboxBatch) WHERE b.last > $after
  WITH b ORDER BY b.last LIMIT $limit
  WITH b, CASE WHEN b.first > $after THEN 0 ELSE $after + 1 - b.first END AS from
  RETURN b.first + from AS first, b.types[from..from + $limit] AS types, b.entityIds[from..from + $limit] AS entityIds,
         b.details[from..from + $limit] AS details, b.at AS at
  ORDER BY first`;

export async function readOutbox(conn: Connection, afterSeq: number, limit: number): Promise<OutboxEvent[]> {
  if (!Number.isInteger(afterSeq) || afterSeq < 0) throw badInput([{ path: ['afterSeq'], message: 'must be a non-negative integer' }]);
  if (!Number.isInteger(limit) || limit < 0) throw badInput([{ path: ['limit'], message: 'must be a non-negative integer' }]);
  if (limit === 0) return [];
  const rows = await conn.query(READ, { after: int(afterSeq), limit: int(limit) });
  const events: OutboxEvent[] = [];
  for (const r of rows) {
    const first = r.get('first') as number;
    const types = r.get('types') as OutboxEvent['type'][];
    const entityIds = r.get('entityIds') as string[];
    const details = r.get('details') as string[] | null;
    const at = r.get('at') as string;
    for (let k = 0; k < types.length && events.length < limit; k++) {
      events.push({ seq: first + k, type: types[k], entityId: entityIds[k], detail: details?.[k] || null, at });
    }
  }
  return events;
}
