/**
 * Osmosis Silos: options and input checks
 * ========================================
 *
 * Shared by the algorithms of this folder (and by the value-flow plugin, which reuses Louvain).
 * Options are merged over each algorithm's DEFAULTS the way graphology-utils' `defaults` does it
 * (an option left undefined keeps its default); every check throws an AlgorithmError whose
 * message starts with the algorithm's module path, e.g.
 * `osmosis/silos/louvain: resolution must be a positive number`.
 */

/** INVALID_OPTION: a bad option; INVALID_GRAPH: the graph or an input array cannot be used. */
export type AlgorithmErrorCode = 'INVALID_OPTION' | 'INVALID_GRAPH';

export class AlgorithmError extends Error {
  override readonly name = 'AlgorithmError';

  constructor(readonly code: AlgorithmErrorCode, message: string) {
    super(message);
  }
}

export const invalidOption = (module: string, message: string): AlgorithmError =>
  new AlgorithmError('INVALID_OPTION', `${module}: ${message}`);

export const invalidGraph = (module: string, message: string): AlgorithmError =>
  new AlgorithmError('INVALID_GRAPH', `${module}: ${message}`);

/** DEFAULTS overridden by every option that is not undefined; unknown option names are rejected (a typo never passes silently). */
export function resolveOptions<T extends object>(module: string, defaults: T, options: Partial<T> | undefined): T {
  if (options === undefined) return { ...defaults };
  if (options === null || typeof options !== 'object') throw invalidOption(module, 'options must be an object');
  const resolved = { ...defaults };
  for (const key of Object.keys(options) as (keyof T)[]) {
    if (!Object.prototype.hasOwnProperty.call(defaults, key)) {
      throw invalidOption(module, `unknown option "${String(key)}" (known: ${Object.keys(defaults).join(', ')})`);
    }
    const value = options[key];
    if (value !== undefined) resolved[key] = value as T[keyof T];
  }
  return resolved;
}

export function checkBoolean(module: string, name: string, value: unknown): void {
  if (typeof value !== 'boolean') throw invalidOption(module, `${name} must be a boolean`);
}

export function checkPositive(module: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalidOption(module, `${name} must be a positive number`);
  }
}

export function checkInteger(module: string, name: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw invalidOption(module, `${name} must be an integer >= ${min}`);
  }
}

/** A per-node array of the graph's length. */
export function checkPerNode(module: string, name: string, values: ArrayLike<number> | null | undefined, nodeCount: number): void {
  if (!values || typeof values !== 'object' || values.length !== nodeCount) {
    throw invalidGraph(module, `${name} must have one entry per node (${nodeCount})`);
  }
}
