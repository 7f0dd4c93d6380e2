/**
 * Keyset pages, with the same cursors as the embedded store (the sort key of the last item, see
 * src/store/cursor.ts). Queries fetch `first + 1` items; the extra one only says whether more exist.
 */
import { pageSize } from '../args.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { Page, PageArgs } from '../port.js';
import { int } from './connection.js';

export type SortKey = (string | number)[];

export interface PageParams {
  first: number;
  /** Cypher parameters: `limit` (first + 1) and `after0`, `after1`, … when there is a cursor. */
  params: Record<string, unknown>;
  hasCursor: boolean;
}

export function pageParams(page: PageArgs, arity: number): PageParams {
  const first = pageSize(page.first);
  const after = page.after ? decodeCursor(page.after, arity) : null;
  const params: Record<string, unknown> = { limit: int(first + 1) };
  after?.forEach((v, i) => { params[`after${i}`] = v; });
  return { first, params, hasCursor: after !== null };
}

export function toPage<T>(items: T[], first: number, sortKey: (item: T) => SortKey): Page<T> {
  const kept = items.slice(0, first);
  return { items: kept, cursors: kept.map((i) => encodeCursor(sortKey(i))), hasNextPage: items.length > first };
}

/** Cypher condition: `(time, id)` strictly before the cursor (descending order). */
export const beforeCursor = (time: string, id: string): string =>
  `(${time} < $after0 OR (${time} = $after0 AND ${id} < $after1))`;
