/**
 * The influence plugin's parameters: what every analytic takes to choose its projection (which
 * relationships, which weights, which actors, which time window), then each measure's own.
 * Validated by the host before a worker sees them; the worker imports only their types.
 */
import {
  ACTOR_KINDS, TIE_TYPES, VALUE_KINDS, z, type GraphIndex, type JsonValue, type ProjectionSpec,
} from '../../src/plugin-api/index.js';

const instant = z.iso.datetime({ offset: true });

/** The projection an analytic runs on. */
const graph = {
  /** Ties, value exchanges, or both. */
  on: z.enum(['TIES', 'EXCHANGES', 'BOTH']).default('TIES'),
  /** Default: tie weight on TIES, amount on EXCHANGES, a count on BOTH. */
  weight: z.enum(['TIE_WEIGHT', 'AMOUNT', 'COUNT']).optional(),
  /** Actors kept in the graph (the others and their edges are left out). */
  nodeKinds: z.array(z.enum(ACTOR_KINDS)).optional(),
  tieTypes: z.array(z.enum(TIE_TYPES)).optional(),
  valueKinds: z.array(z.enum(VALUE_KINDS)).optional(),
  tangible: z.boolean().optional(),
  since: instant.optional(),
  until: instant.optional(),
};

const iterations = {
  tolerance: z.number().positive().max(1).default(1e-6),
  maxIterations: z.int().min(1).max(10_000).default(100),
};

/** A time window ends after it starts (the typed fields check it too, naming `until`). */
const windowInOrder = (p: { since?: string; until?: string }) => !p.since || !p.until || Date.parse(p.since) < Date.parse(p.until);
const WINDOW_ORDER = { path: ['until'], message: 'must be later than since' };

export const pagerankParams = z.strictObject({
  ...graph,
  ...iterations,
  alpha: z.number().min(0).lt(1).default(0.85),
  weighted: z.boolean().default(true),
}).refine(windowInOrder, WINDOW_ORDER);

export const degreeParams = z.strictObject({
  ...graph,
  direction: z.enum(['in', 'out', 'total']).default('total'),
  weighted: z.boolean().default(false),
  normalized: z.boolean().default(false),
}).refine(windowInOrder, WINDOW_ORDER);

export const betweennessParams = z.strictObject({
  ...graph,
  /** Shortest paths by length 1/weight (a strong tie is a short one) instead of by hops. */
  weighted: z.boolean().default(false),
  normalized: z.boolean().default(true),
  /** 'auto': exact up to `exactUpTo` nodes, else `autoSample` pivots; false: exact; k: k pivots. */
  sample: z.union([z.literal('auto'), z.literal(false), z.int().min(1)]).default('auto'),
  exactUpTo: z.int().min(0).default(2_000),
  autoSample: z.int().min(1).default(256),
  seed: z.int().default(1),
}).refine(windowInOrder, WINDOW_ORDER);

export const eigenvectorParams = z.strictObject({
  ...graph,
  ...iterations,
  weighted: z.boolean().default(true),
}).refine(windowInOrder, WINDOW_ORDER);

export type PagerankParams = z.output<typeof pagerankParams>;
export type DegreeParams = z.output<typeof degreeParams>;
export type BetweennessParams = z.output<typeof betweennessParams>;
export type EigenvectorParams = z.output<typeof eigenvectorParams>;
export type GraphParams = Pick<PagerankParams, keyof typeof graph>;

/** What every influence analytic returns. */
export interface InfluenceResult {
  /** One score per node of the projection. */
  scores: Float64Array;
  /** Pivots used when betweenness was sampled; null when exact (and for the other measures). */
  sample: number | null;
}

/** The projection spec of an analytic's params. */
export function projectionOf(p: GraphParams): ProjectionSpec {
  const spec: ProjectionSpec = { edges: p.on };
  if (p.weight) spec.weight = p.weight;
  if (p.nodeKinds) spec.nodeKinds = p.nodeKinds;
  if (p.tieTypes) spec.tieTypes = p.tieTypes;
  if (p.valueKinds) spec.valueKinds = p.valueKinds;
  if (p.tangible !== undefined) spec.tangible = p.tangible;
  if (p.since) spec.since = p.since;
  if (p.until) spec.until = p.until;
  return spec;
}

/** The generic JSON of a result: scores by actor key. */
export function scoresToJson(result: InfluenceResult, index: GraphIndex): JsonValue {
  const scores: Record<string, number | null> = {};
  for (let i = 0; i < index.nodeCount; i++) scores[index.keys[i]] = Number.isFinite(result.scores[i]) ? result.scores[i] : null;
  return { sample: result.sample, scores };
}

/** The plugin's options (OSMOSIS_PLUGIN_OPTIONS.influence); they apply to its typed GraphQL fields. */
export const influenceOptions = z.strictObject({
  /** Largest `top` a request may ask for. */
  maxTop: z.int().min(1).max(100_000).default(1_000),
  /** Betweenness is exact up to this many nodes, sampled above. */
  exactBetweennessUpTo: z.int().min(0).default(2_000),
  /** Pivots of sampled betweenness (error: see algorithms/betweenness.ts). */
  betweennessSample: z.int().min(1).default(256),
});
export type InfluenceOptions = z.output<typeof influenceOptions>;
