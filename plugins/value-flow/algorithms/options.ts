/**
 * Osmosis Value Flow: input checks
 * =================================
 *
 * Shared by the algorithms of this folder: every check throws an AlgorithmError whose message
 * starts with the algorithm's module path, e.g. `osmosis/value-flow/series: unknown period "YEAR"`.
 */
import type { ExchangeColumns } from './columns.js';

/** INVALID_OPTION: a bad option; INVALID_INPUT: input arrays that cannot be used. */
export type AlgorithmErrorCode = 'INVALID_OPTION' | 'INVALID_INPUT';

export class AlgorithmError extends Error {
  override readonly name = 'AlgorithmError';

  constructor(readonly code: AlgorithmErrorCode, message: string) {
    super(message);
  }
}

export const invalidOption = (module: string, message: string): AlgorithmError => new AlgorithmError('INVALID_OPTION', `${module}: ${message}`);
export const invalidInput = (module: string, message: string): AlgorithmError => new AlgorithmError('INVALID_INPUT', `${module}: ${message}`);

/** Rows within the table, in ascending time; actors within [0, actorCount). O(rows). */
export function checkRows(module: string, x: ExchangeColumns, rows: Uint32Array, actorCount: number): void {
  if (!Number.isSafeInteger(actorCount) || actorCount < 0) throw invalidOption(module, 'actorCount must be an integer >= 0');
  let last = -Infinity;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r >= x.count) throw invalidInput(module, `row ${r} is not an exchange (there are ${x.count})`);
    const t = x.occurredAt[r];
    if (t < last) throw invalidInput(module, 'rows must be in ascending occurredAt');
    last = t;
    const a = x.from[r];
    const b = x.to[r];
    if (a < 0 || a >= actorCount || b < 0 || b >= actorCount) throw invalidInput(module, `exchange ${r} names an actor outside [0, ${actorCount})`);
  }
}

/** A per-actor array of the right length. */
export function checkPerActor(module: string, name: string, values: ArrayLike<number>, actorCount: number): void {
  if (!values || values.length !== actorCount) throw invalidInput(module, `${name} must have one entry per actor (${actorCount})`);
}
