/**
 * Osmosis Influence: options and input checks
 * ============================================
 *
 * Shared by the algorithms of this folder. Options are merged over each algorithm's DEFAULTS the
 * way graphology-utils' `defaults` does it (an option left undefined keeps its default); every
 * check throws an AlgorithmError whose message starts with the algorithm's module path, e.g.
 * `osmosis/influence/pagerank: tolerance must be a positive number`.
 */
import type { Graph } from './graph.js';

/** INVALID_OPTION: a bad option; INVALID_GRAPH: the graph cannot be used (e.g. negative weights); NOT_CONVERGED: an iterative method ran out of iterations. */
export type AlgorithmErrorCode = 'INVALID_OPTION' | 'INVALID_GRAPH' | 'NOT_CONVERGED';

export class AlgorithmError extends Error {
  override readonly name = 'AlgorithmError';

  constructor(readonly code: AlgorithmErrorCode, message: string) {
    super(message);
  }
}

export const invalidOption = (module: string, message: string): AlgorithmError =>
  new AlgorithmError('INVALID_OPTION', `${module}: ${message}`);

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

export function checkOneOf<T extends string>(module: string, name: string, value: unknown, allowed: readonly T[]): void {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidOption(module, `${name} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
}

/** O(1) sanity checks of the CSR shape (lengths agree), so a malformed graph fails here and not deep in a loop. */
export function checkGraph(module: string, graph: Graph): void {
  const n = graph?.nodeCount;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || !graph.out || !graph.in) {
    throw new AlgorithmError('INVALID_GRAPH', `${module}: the graph is not a projection (nodeCount, out, in)`);
  }
  for (const side of ['out', 'in'] as const) {
    const { offsets, targets, weights } = graph[side];
    if (offsets.length !== n + 1 || offsets[n] !== targets.length || weights.length !== targets.length) {
      throw new AlgorithmError('INVALID_GRAPH', `${module}: the graph's ${side} adjacency is malformed (offsets, targets and weights disagree)`);
    }
  }
}

/**
 * One pass over the edge weights: all finite and >= 0 (or > 0 when `strict`), so weighted
 * iterations never meet a NaN, an infinity or a negative flow. The message names the first bad edge.
 */
export function checkWeights(module: string, graph: Graph, strict: boolean): void {
  const { offsets, targets, weights } = graph.out;
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e];
    if (w >= 0 && w < Infinity && (!strict || w > 0)) continue;
    let source = 0;
    while (offsets[source + 1] <= e) source++;
    throw new AlgorithmError(
      'INVALID_GRAPH',
      `${module}: edge weights must be finite and ${strict ? 'positive' : 'non-negative'} (edge ${source} -> ${targets[e]} has weight ${w})`,
    );
  }
}
