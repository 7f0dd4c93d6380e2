/**
 * Opaque keyset cursors: the connection's kind and the sort key of the last item, base64url-encoded
 * JSON. The kind is checked on the way back, so that a cursor of one connection given to another (an
 * actors cursor to `processes`, a signals cursor to `exchanges`) is refused instead of paging from a
 * meaningless position.
 */
import { badInput } from '../domain/errors.js';

/** Every connection sorts by text (keys, names, ISO instants, ids). */
export type SortKey = string[];

/** The cursors of one kind of connection: the name they carry and how an item's sort key is read. */
export interface CursorKind<T> {
  readonly name: string;
  readonly arity: number;
  sortKey(item: T): SortKey;
}

export const encodeCursor = <T>(kind: CursorKind<T>, item: T): string =>
  Buffer.from(JSON.stringify([kind.name, ...kind.sortKey(item)])).toString('base64url');

/** The sort key in a cursor of `kind`; any other cursor is the caller's input error. */
export function decodeCursor(cursor: string, kind: CursorKind<never>): SortKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === kind.arity + 1 && value[0] === kind.name) {
      const key = value.slice(1);
      // Text only, as encoded: a forged number would compare differently in each store.
      if (key.every((v) => typeof v === 'string')) return key as SortKey;
    }
  } catch {
    // fall through to the input error
  }
  throw badInput([{ path: ['after'], message: 'is not a cursor returned by this API for this connection' }]);
}
