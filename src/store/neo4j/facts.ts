/**
 * Reads every fact table in one managed read transaction (one snapshot), streamed record by
 * record, as raw rows keyed by the entities' ids, and hands them to buildFacts.
 */
import { buildFacts, type Facts, type RawFacts } from '../facts.js';
import type { Connection, Row } from './connection.js';

type Tuple = readonly unknown[];

/** The queries, each returning one list-valued column `r` per record (a row as a tuple). */
const QUERIES: Record<keyof RawFacts, string> = {
  actors: 'MATCH (a:Actor) RETURN [a.id, a.key, a.kind] AS r ORDER BY a.key',
  memberships: `MATCH (a:Actor)-[t:TIE {type: 'MEMBER_OF'}]->(b:Actor {kind: 'TEAM'}) RETURN [a.id, b.id, t.weight] AS r`,
  topics: 'MATCH (t:Topic) RETURN [t.id, t.name] AS r',
  processes: 'MATCH (p:Process) RETURN [p.id, p.name] AS r',
  signals: `MATCH (s:Signal)
            OPTIONAL MATCH (e:Actor)-[:EMITTED]->(s)
            OPTIONAL MATCH (s)-[:ASSIGNED_TO]->(g:Actor)
            RETURN [s.id, s.channel, s.externalId, s.kind, s.status, s.occurredAt, s.sentiment, e.id, g.id] AS r
            ORDER BY s.occurredAt, s.channel, s.externalId`,
  about: `MATCH (s:Signal)-[l:ABOUT]->(x) WHERE x:Actor OR x:Topic
          WITH s, l, x ORDER BY s.id, l.position
          RETURN [s.id, CASE WHEN x:Actor THEN x.id END, CASE WHEN x:Topic THEN x.id END] AS r`,
  responses: `MATCH (r:Response)-[:ANSWERS]->(s:Signal)
              OPTIONAL MATCH (p:Actor)-[:GAVE]->(r)
              RETURN [s.id, p.id, r.respondedAt, r.channel] AS r`,
  exchanges: 'MATCH (a:Actor)-[x:VALUE]->(b:Actor) RETURN [a.id, b.id, x.kind, x.amount, x.occurredAt] AS r',
  insights: 'MATCH (i:Insight) RETURN [i.id, i.title, i.createdAt] AS r',
  insightSignals: `MATCH (i:Insight)-[d:DERIVED_FROM]->(s:Signal) WITH i, d, s ORDER BY i.id, d.position RETURN [i.id, s.id] AS r`,
  insightTopics: 'MATCH (i:Insight)-[:ABOUT]->(t:Topic) RETURN [i.id, t.id] AS r',
  changes: 'MATCH (i:Insight)<-[:IMPLEMENTS]-(c:Change)-[:MODIFIES]->(p:Process) RETURN [i.id, p.id, c.appliedAt] AS r',
};

export async function facts(conn: Connection): Promise<Facts> {
  const collected: Record<string, Tuple[]> = Object.fromEntries(Object.keys(QUERIES).map((k) => [k, []]));
  await conn.stream(Object.entries(QUERIES).map(([name, query]) => ({
    query,
    onRecord: (r: Row) => { collected[name].push(r.get('r') as Tuple); },
  })));
  // Numbers arrive as JavaScript numbers: the driver runs with disableLosslessIntegers.
  const c = collected as Record<string, unknown[][]>;
  return buildFacts(c as unknown as RawFacts);
}
