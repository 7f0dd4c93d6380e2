/** Opaque keyset cursors: the sort key of the last item, base64url-encoded JSON. */
import { badInput } from '../domain/errors.js';

export const encodeCursor = (sortKey: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(sortKey)).toString('base64url');

/** Decodes a cursor expected to hold `arity` values; a malformed one is the caller's input error. */
export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === arity && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return value;
    }
  } catch {
    // fall through to the input error
  }
  throw badInput([{ path: ['after'], message: 'is not a cursor returned by this API' }]);
}
