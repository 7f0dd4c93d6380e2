/** Relay global ids: base64("Type:id"). Decoding checks the type and reports the field at fault. */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { badUserInput } from './errors.js';

export const globalId = (type: string, id: string): string => encodeGlobalID(type, id);

export function decodeId(expected: string, value: string, field: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(value);
  } catch {
    throw badUserInput(field, 'is not an id returned by this API');
  }
  if (decoded.typename !== expected || !decoded.id) {
    throw badUserInput(field, `is not the id of a ${expected}`);
  }
  return decoded.id;
}

/** Like decodeId, but answers null for ids of another type or malformed ones (for lookups). */
export function tryDecodeId(expected: string, value: string): string | null {
  try {
    const d = decodeGlobalID(value);
    return d.typename === expected && d.id ? d.id : null;
  } catch {
    return null;
  }
}
