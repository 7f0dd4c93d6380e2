/**
 * Builds the analytics projection by streaming raw rows (no per-row objects) into EdgeListBuilder,
 * inside one read transaction so nodes and edges come from the same snapshot.
 */
import type { ActorKind } from '../../domain/kinds.js';
import { EdgeListBuilder, resolveProjectionSpec, type Projection, type ProjectionSpec } from '../projection.js';
import type { Conn, Stmt } from './connection.js';
import { inJson, json } from './rows.js';

/** Raw-mode statements are cached under their own text, so no other caller gets one in raw mode. */
const rawStmt = (conn: Conn, sql: string): Stmt => conn.stmt(`/* raw */ ${sql}`).raw(true);

export function projection(conn: Conn, input: ProjectionSpec): Projection {
  const spec = resolveProjectionSpec(input);
  return conn.read(() => {
    const maxRid = (conn.stmt('SELECT coalesce(max(rid), 0) AS m FROM actors').get() as { m: number }).m;
    // Actor rowid → node index, -1 for actors outside the kept kinds.
    const nodeOf = new Int32Array(maxRid + 1).fill(-1);
    const builder = new EdgeListBuilder(1 << 16);
    const nodes = rawStmt(conn, `SELECT rid, key, kind FROM actors ${spec.nodeKinds ? `WHERE kind IN ${inJson('kinds')}` : ''}
                                 ORDER BY key`);
    for (const [rid, key, kind] of nodes.iterate({ kinds: json(spec.nodeKinds ?? []) }) as Iterable<[number, string, ActorKind]>) {
      nodeOf[rid] = builder.node(key, kind);
    }

    const addEdges = (rows: Iterable<[number, number, number]>): void => {
      for (const [from, to, weight] of rows) {
        const a = nodeOf[from];
        const b = nodeOf[to];
        if (a >= 0 && b >= 0) builder.edge(a, b, weight);
      }
    };
    if (spec.edges !== 'EXCHANGES') {
      const conditions: string[] = [];
      if (spec.tieTypes) conditions.push(`type IN ${inJson('types')}`);
      if (spec.since) conditions.push('(since IS NULL OR since >= @since)');
      if (spec.until) conditions.push('(since IS NULL OR since < @until)');
      const weight = spec.weight === 'TIE_WEIGHT' ? 'weight' : '1.0';
      const sql = `SELECT from_rid, to_rid, ${weight} FROM ties ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
      addEdges(rawStmt(conn, sql).iterate({ types: json(spec.tieTypes ?? []), since: spec.since ?? null, until: spec.until ?? null }) as
        Iterable<[number, number, number]>);
    }
    if (spec.edges !== 'TIES') {
      const conditions: string[] = [];
      if (spec.valueKinds) conditions.push(`kind IN ${inJson('kinds')}`);
      if (spec.tangible !== undefined) conditions.push('tangible = @tangible');
      if (spec.since) conditions.push('occurred_at >= @since');
      if (spec.until) conditions.push('occurred_at < @until');
      const weight = spec.weight === 'AMOUNT' ? 'amount' : '1.0';
      const sql = `SELECT from_rid, to_rid, ${weight} FROM exchanges ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
      addEdges(rawStmt(conn, sql).iterate({
        kinds: json(spec.valueKinds ?? []), tangible: spec.tangible ? 1 : 0, since: spec.since ?? null, until: spec.until ?? null,
      }) as Iterable<[number, number, number]>);
    }
    return builder.build(spec);
  });
}
