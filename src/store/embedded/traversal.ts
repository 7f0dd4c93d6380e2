/**
 * Traversals over ties in either direction, level by level: one query per BFS level expands the whole
 * frontier, inside one read transaction so every level sees the same snapshot.
 */
import type { Actor, Tie } from '../../domain/entities.js';
import type { Neighborhood } from '../port.js';
import { actorsByRids } from './actors.js';
import type { Conn } from './connection.js';
import { TIE_COLUMNS, TIE_FROM, json, toTie } from './rows.js';
import { tiesByRids } from './ties.js';

interface Step { src: number; dst: number; tie: number; key: string }

/** Every tie touching the frontier, as a step from the frontier node to the other end. */
const NEIGHBOURS = `
  SELECT n.src, n.dst, n.tie, a.key FROM (
    SELECT from_rid AS src, to_rid AS dst, rid AS tie FROM ties WHERE from_rid IN (SELECT value FROM json_each(@frontier))
    UNION ALL
    SELECT to_rid AS src, from_rid AS dst, rid AS tie FROM ties WHERE to_rid IN (SELECT value FROM json_each(@frontier))
  ) n JOIN actors a ON a.rid = n.dst
  ORDER BY n.tie`;

const TIES_AMONG = `
  SELECT ${TIE_COLUMNS} FROM ${TIE_FROM}
  WHERE t.from_rid IN (SELECT value FROM json_each(@set)) AND t.to_rid IN (SELECT value FROM json_each(@set))
  ORDER BY t.id`;

const steps = (conn: Conn, frontier: readonly number[]): Step[] =>
  conn.stmt(NEIGHBOURS).all({ frontier: json(frontier) }) as Step[];

const ridOfKey = (conn: Conn, key: string): number | undefined =>
  (conn.stmt('SELECT rid FROM actors WHERE key = ?').get(key) as { rid: number } | undefined)?.rid;

export function neighborhood(conn: Conn, key: string, depth: number, limit: number): Neighborhood | null {
  return conn.read(() => {
    const centre = ridOfKey(conn, key);
    if (centre === undefined) return null;
    const maxActors = Math.max(1, Math.floor(limit));
    const visited = new Set<number>([centre]);
    const ordered = [centre];
    let frontier = [centre];
    for (let d = 1; d <= depth && frontier.length > 0 && visited.size < maxActors; d++) {
      const next = new Map<number, string>();
      for (const s of steps(conn, frontier)) if (!visited.has(s.dst)) next.set(s.dst, s.key);
      const level = [...next].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
        .slice(0, maxActors - visited.size)
        .map(([rid]) => rid);
      for (const rid of level) visited.add(rid);
      ordered.push(...level);
      frontier = level;
    }
    const ties = conn.stmt(TIES_AMONG).all({ set: json(ordered) }) as Tie[];
    return { actors: actorsByRids(conn, ordered), ties: ties.map(toTie) };
  });
}

interface Visit { via: number | null; tie: number | null; dist: number }

/** Bidirectional BFS: expands the smaller frontier by one level at a time until the two sides meet. */
export function shortestPath(
  conn: Conn, fromKey: string, toKey: string, maxHops: number,
): { actors: Actor[]; ties: Tie[] } | null {
  return conn.read(() => {
    const from = ridOfKey(conn, fromKey);
    const to = ridOfKey(conn, toKey);
    if (from === undefined || to === undefined) return null;
    if (from === to) return { actors: actorsByRids(conn, [from]), ties: [] };
    const forward = new Map<number, Visit>([[from, { via: null, tie: null, dist: 0 }]]);
    const backward = new Map<number, Visit>([[to, { via: null, tie: null, dist: 0 }]]);
    let frontF = [from];
    let frontB = [to];
    for (let hops = 0; hops < maxHops && frontF.length > 0 && frontB.length > 0; hops++) {
      const isForward = frontF.length <= frontB.length;
      const [side, other, front] = isForward ? [forward, backward, frontF] : [backward, forward, frontB];
      const dist = side.get(front[0])!.dist + 1;
      const next: number[] = [];
      for (const s of steps(conn, front)) {
        if (side.has(s.dst)) continue;
        side.set(s.dst, { via: s.src, tie: s.tie, dist });
        // The first node both sides reached closes a shortest path: the sides were disjoint before
        // this level, so every meeting node lies on the other side's outermost level.
        if (other.has(s.dst)) return materialise(conn, s.dst, forward, backward);
        next.push(s.dst);
      }
      if (isForward) frontF = next;
      else frontB = next;
    }
    return null;
  });
}

function materialise(conn: Conn, meet: number, forward: Map<number, Visit>, backward: Map<number, Visit>) {
  const actors = [meet];
  const ties: number[] = [];
  for (let v = forward.get(meet)!; v.via !== null; v = forward.get(v.via)!) {
    actors.unshift(v.via);
    ties.unshift(v.tie!);
  }
  for (let v = backward.get(meet)!; v.via !== null; v = backward.get(v.via)!) {
    actors.push(v.via);
    ties.push(v.tie!);
  }
  return { actors: actorsByRids(conn, actors), ties: tiesByRids(conn, ties) };
}
