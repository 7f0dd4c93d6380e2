/**
 * The analytics projection, streamed in one read transaction: first the kept actors ordered by key (one
 * record holding three parallel lists: internal node ids, keys, kinds), then the edges grouped by source
 * node (one record per source: its internal id, the targets' internal ids and, when the weight needs it,
 * the weights). Internal ids are only used inside the transaction to map rows onto node indexes; no
 * per-edge objects or strings are built, so a million edges stay a few typed arrays.
 */
import type { ActorKind } from '../../domain/kinds.js';
import { EdgeListBuilder, resolveProjectionSpec, type Projection, type ProjectionSpec } from '../projection.js';
import type { Connection, Params, Row } from './connection.js';
import { where } from './rows.js';

export async function projection(conn: Connection, input: ProjectionSpec): Promise<Projection> {
  const spec = resolveProjectionSpec(input);
  const builder = new EdgeListBuilder(1 << 16);
  // Internal node id → node index.
  const nodeOf = new Map<number, number>();
  const kinds = spec.nodeKinds ?? null;

  const queries: { query: string; params?: Params; onRecord: (r: Row) => void }[] = [{
    query: `
      MATCH (a:Actor) ${kinds ? 'WHERE a.kind IN $kinds' : ''}
      WITH a ORDER BY a.key
      RETURN collect(id(a)) AS ids, collect(a.key) AS keys, collect(a.kind) AS kinds`,
    params: { kinds },
    onRecord: (r) => {
      const ids = r.get('ids') as number[];
      const keys = r.get('keys') as string[];
      const nodeKinds = r.get('kinds') as ActorKind[];
      for (let i = 0; i < ids.length; i++) nodeOf.set(ids[i], builder.node(keys[i], nodeKinds[i]));
    },
  }];

  const addEdges = (r: Row, weighted: boolean): void => {
    const from = nodeOf.get(r.get('s') as number);
    if (from === undefined) return;
    const targets = r.get('t') as number[];
    const weights = weighted ? (r.get('w') as number[]) : null;
    for (let e = 0; e < targets.length; e++) {
      const to = nodeOf.get(targets[e]);
      if (to !== undefined) builder.edge(from, to, weights ? weights[e] : 1);
    }
  };

  // Edges whose ends fall outside the kept kinds are dropped on the server already. Every TIE and VALUE
  // ends at an Actor, so the target is only read (for its kind) when kinds are filtered.
  const endKinds = kinds ? ['b.kind IN $kinds'] : [];
  if (spec.edges !== 'EXCHANGES') {
    const conditions = [...endKinds];
    if (spec.tieTypes) conditions.push('t.type IN $types');
    if (spec.since) conditions.push('(t.since IS NULL OR t.since >= $since)');
    if (spec.until) conditions.push('(t.since IS NULL OR t.since < $until)');
    const weighted = spec.weight === 'TIE_WEIGHT';
    queries.push({
      query: edgeQuery('(a)-[t:TIE]->(b)', conditions, weighted ? 't.weight' : null, kinds),
      params: { kinds, types: spec.tieTypes ?? null, since: spec.since ?? null, until: spec.until ?? null },
      onRecord: (r) => addEdges(r, weighted),
    });
  }
  if (spec.edges !== 'TIES') {
    const conditions = [...endKinds];
    if (spec.valueKinds) conditions.push('x.kind IN $valueKinds');
    if (spec.tangible !== undefined) conditions.push('x.tangible = $tangible');
    if (spec.since) conditions.push('x.occurredAt >= $since');
    if (spec.until) conditions.push('x.occurredAt < $until');
    const weighted = spec.weight === 'AMOUNT';
    queries.push({
      query: edgeQuery('(a)-[x:VALUE]->(b)', conditions, weighted ? 'x.amount' : null, kinds),
      params: {
        kinds, valueKinds: spec.valueKinds ?? null, tangible: spec.tangible ?? null, since: spec.since ?? null, until: spec.until ?? null,
      },
      onRecord: (r) => addEdges(r, weighted),
    });
  }

  await conn.stream(queries);
  return builder.build(spec);
}

/** Per source actor: one record with its targets (and weights), aggregated per node so memory stays per node. */
function edgeQuery(pattern: string, conditions: string[], weight: string | null, kinds: readonly string[] | null): string {
  return `
    MATCH (a:Actor) ${kinds ? 'WHERE a.kind IN $kinds' : ''}
    CALL (a) {
      MATCH ${pattern}
      ${where(conditions)}
      RETURN collect(id(b)) AS t${weight ? `, collect(${weight}) AS w` : ''}
    }
    WITH a, t${weight ? ', w' : ''} WHERE size(t) > 0
    RETURN id(a) AS s, t${weight ? ', w' : ''}`;
}
