/**
 * Facts laid out in SharedArrayBuffers, built once per graph version and handed to every worker
 * without copying the columns: posting a typed array over shared memory shares it. The name
 * lists (keys, channels, topics, processes) are small next to the columns and are cloned.
 */
import type { Facts } from '../domain/facts.js';

type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

function shared<T extends Column>(source: T): T {
  const Ctor = source.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(source.byteLength));
  copy.set(source as never);
  return copy;
}

/** A copy of `value` with every typed array moved to shared memory (two levels deep, as Facts is laid out). */
function shareColumns<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = ArrayBuffer.isView(v) ? shared(v as Column) : v;
  }
  return out as T;
}

export function shareFacts(facts: Facts): Facts {
  return {
    ...facts,
    actors: shareColumns(facts.actors),
    signals: shareColumns(facts.signals),
    responses: shareColumns(facts.responses),
    exchanges: shareColumns(facts.exchanges),
    insights: shareColumns(facts.insights),
    changes: shareColumns(facts.changes),
  };
}

/** Bytes of the columns of a Facts (shared memory once shared). */
export function factsBytes(facts: Facts): number {
  let bytes = 0;
  for (const table of [facts.actors, facts.signals, facts.responses, facts.exchanges, facts.insights, facts.changes]) {
    for (const v of Object.values(table)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  }
  return bytes;
}
