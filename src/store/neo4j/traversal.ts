/**
 * Traversals over ties in either direction, each one query: `ANY SHORTEST` quantified path patterns
 * (Neo4j 5.21+) run a breadth-first search bounded by the hop count.
 *
 * Cypher takes path-length bounds only as literals, so the bound is written into the query text. It is
 * never user text: an integer clamped to 0…MAX_HOPS, which also bounds how many query texts exist.
 */
import type { Actor, Tie } from '../../domain/entities.js';
import type { Neighborhood } from '../port.js';
import type { Connection } from './connection.js';
import { int } from './connection.js';
import { actorMap, tieMap, toActor, toTie } from './rows.js';

/** Larger bounds are clamped: deeper than this, a BFS covers any real ecosystem anyway. */
export const MAX_HOPS = 100;

const bound = (n: number): number => {
  if (!Number.isFinite(n)) return n > 0 ? MAX_HOPS : 0;
  return Math.min(MAX_HOPS, Math.max(0, Math.trunc(n)));
};

// Quantifiers need an upper bound of at least 1; zero hops is the centre alone.
const NEIGHBORHOOD = (depth: number) => `
  MATCH (c:Actor {key: $key})
  CALL (c) {
    ${depth === 0 ? 'RETURN c AS x' : `MATCH p = ANY SHORTEST (c)-[:TIE]-{0,${depth}}(x:Actor)
    RETURN x, length(p) AS d
    ORDER BY d, x.key
    LIMIT $limit`}
  }
  WITH c, collect(x) AS xs
  CALL (xs) {
    UNWIND xs AS a
    MATCH (a)-[t:TIE]->(b)
    WHERE b IN xs
    WITH t ORDER BY t.id
    RETURN collect(${tieMap('t')}) AS ties
  }
  RETURN [x IN xs | ${actorMap('x')}] AS actors, ties`;

export async function neighborhood(conn: Connection, key: string, depth: number, limit: number): Promise<Neighborhood | null> {
  // As the embedded BFS: levels 1…floor(depth); at least the centre.
  const maxActors = Math.max(1, Math.floor(limit));
  const rows = await conn.query(NEIGHBORHOOD(bound(Math.floor(depth))), { key, limit: int(Math.min(maxActors, 2 ** 31)) });
  if (rows.length === 0) return null;
  const [row] = rows;
  return {
    actors: (row.get('actors') as Record<string, unknown>[]).map(toActor),
    ties: (row.get('ties') as Record<string, unknown>[]).map(toTie),
  };
}

const SHORTEST = (maxHops: number) => `
  MATCH (a:Actor {key: $fromKey}), (b:Actor {key: $toKey})
  ${maxHops === 0 ? 'WITH a, b WHERE a = b MATCH p = (a)' : `MATCH p = ANY SHORTEST (a)-[:TIE]-{0,${maxHops}}(b)`}
  RETURN [n IN nodes(p) | ${actorMap('n')}] AS actors, [t IN relationships(p) | ${tieMap('t')}] AS ties`;

export async function shortestPath(
  conn: Connection, fromKey: string, toKey: string, maxHops: number,
): Promise<{ actors: Actor[]; ties: Tie[] } | null> {
  // As the embedded BFS, which expands while hops < maxHops: ceil(maxHops) ties at most.
  const rows = await conn.query(SHORTEST(bound(Math.ceil(maxHops))), { fromKey, toKey });
  if (rows.length === 0) return null;
  const [row] = rows;
  return {
    actors: (row.get('actors') as Record<string, unknown>[]).map(toActor),
    ties: (row.get('ties') as Record<string, unknown>[]).map(toTie),
  };
}
