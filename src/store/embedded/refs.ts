/** Resolving the references a write names (actor keys, signal ids, insight ids) to rowids, in one query each. */
import { randomUUID } from 'node:crypto';
import { notFoundAll, type FieldIssue } from '../../domain/errors.js';
import type { Conn } from './connection.js';
import { json } from './rows.js';

/** A reference found in a write input, with the path of the field that holds it. */
export interface Ref {
  value: string;
  path: (string | number)[];
}

type Lookup = 'actorKey' | 'actorId' | 'signalId' | 'insightId';

const SQL: Record<Lookup, string> = {
  actorKey: 'SELECT key AS ref, rid FROM actors WHERE key IN (SELECT value FROM json_each(?))',
  actorId: 'SELECT id AS ref, rid FROM actors WHERE id IN (SELECT value FROM json_each(?))',
  signalId: 'SELECT id AS ref, rid FROM signals WHERE id IN (SELECT value FROM json_each(?))',
  insightId: 'SELECT id AS ref, rid FROM insights WHERE id IN (SELECT value FROM json_each(?))',
};

const WHAT: Record<Lookup, string> = {
  actorKey: 'actor', actorId: 'actor', signalId: 'signal', insightId: 'insight',
};

/** Rowid of each value that exists. */
export function lookup(conn: Conn, kind: Lookup, values: Iterable<string>): Map<string, number> {
  const unique = [...new Set(values)];
  if (unique.length === 0) return new Map();
  const rows = conn.stmt(SQL[kind]).all(json(unique)) as { ref: string; rid: number }[];
  return new Map(rows.map((r) => [r.ref, r.rid]));
}

/** An issue for each reference that `found` lacks. */
export const missing = (kind: Lookup, refs: readonly Ref[], found: Map<string, number>): FieldIssue[] =>
  refs.filter((r) => !found.has(r.value)).map((r) => ({ path: r.path, message: `${WHAT[kind]} '${r.value}' not found` }));

/** Rowid of every reference; throws NOT_FOUND naming each one that does not exist. */
export function resolve(conn: Conn, kind: Lookup, refs: readonly Ref[]): Map<string, number> {
  const found = lookup(conn, kind, refs.map((r) => r.value));
  const issues = missing(kind, refs, found);
  if (issues.length) throw notFoundAll(issues);
  return found;
}

/** `rid` of the row named `name` in topics or processes, created on demand. */
export function namedRid(conn: Conn, table: 'topics' | 'processes', name: string): number {
  const found = conn.stmt(`SELECT rid FROM ${table} WHERE name = ?`).get(name) as { rid: number } | undefined;
  if (found) return found.rid;
  return Number(conn.stmt(`INSERT INTO ${table} (id, name) VALUES (?, ?)`).run(randomUUID(), name).lastInsertRowid);
}
