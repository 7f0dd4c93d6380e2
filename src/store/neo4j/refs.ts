/** Resolving the references a write names (actor keys, signal ids, insight ids), all kinds in one query. */
import { notFoundAll, type FieldIssue } from '../../domain/errors.js';
import type { Tx } from './connection.js';

/** A reference found in a write input, with the path of the field that holds it. */
export interface Ref {
  value: string;
  path: (string | number)[];
}

export type RefKind = 'actorKey' | 'signalId' | 'insightId';

const WHAT: Record<RefKind, string> = { actorKey: 'actor', signalId: 'signal', insightId: 'insight' };

const LOOKUP = `
  CALL () { UNWIND $actorKeys AS k MATCH (a:Actor {key: k}) RETURN collect([k, a.id]) AS actorKey }
  CALL () { UNWIND $signalIds AS k MATCH (s:Signal {id: k}) RETURN collect(k) AS signalId }
  CALL () { UNWIND $insightIds AS k MATCH (i:Insight {id: k}) RETURN collect(k) AS insightId }
  RETURN actorKey, signalId, insightId`;

/** What the references resolved to: the id of each actor key. */
export interface Resolved {
  actorIds: Map<string, string>;
}

/**
 * Checks every reference (one query); throws NOT_FOUND naming each missing one, in the order the groups
 * and their references are given (the embedded store's order).
 */
export async function resolveRefs(tx: Tx, groups: [RefKind, readonly Ref[]][]): Promise<Resolved> {
  const wanted: Record<RefKind, Set<string>> = { actorKey: new Set(), signalId: new Set(), insightId: new Set() };
  for (const [kind, refs] of groups) for (const r of refs) wanted[kind].add(r.value);
  if (Object.values(wanted).every((s) => s.size === 0)) return { actorIds: new Map() };
  const [row] = await tx.run(LOOKUP, {
    actorKeys: [...wanted.actorKey], signalIds: [...wanted.signalId], insightIds: [...wanted.insightId],
  });
  const actorIds = new Map(row.get('actorKey') as [string, string][]);
  checkFound(groups, {
    actorKey: new Set(actorIds.keys()),
    signalId: new Set(row.get('signalId') as string[]),
    insightId: new Set(row.get('insightId') as string[]),
  });
  return { actorIds };
}

/** Throws NOT_FOUND naming each reference not in `found`, in the order the groups and references are given. */
export function checkFound(groups: [RefKind, readonly Ref[]][], found: Partial<Record<RefKind, ReadonlySet<string>>>): void {
  const issues: FieldIssue[] = groups.flatMap(([kind, refs]) => refs
    .filter((r) => !found[kind]?.has(r.value))
    .map((r) => ({ path: r.path, message: `${WHAT[kind]} '${r.value}' not found` })));
  if (issues.length) throw notFoundAll(issues);
}
