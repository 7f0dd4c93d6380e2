/**
 * The value-flow plugin's parameters: which exchanges an analysis reads (value kinds, tangible or
 * not, a time window), then each analysis' own. Validated by the host before a worker sees them;
 * the worker imports only their types. Every analytic reads the same projection (the exchange
 * graph, one per filter), so the host caches one graph for all of them.
 */
import { VALUE_KINDS, z, type ProjectionSpec } from '../../src/plugin-api/index.js';
import type { Brokers } from './algorithms/brokers.js';
import type { GroupFlows } from './algorithms/group-flows.js';
import type { Groups } from './algorithms/groups.js';
import type { ActorReciprocity } from './algorithms/actor-reciprocity.js';
import type { PairReciprocity } from './algorithms/pair-reciprocity.js';
import type { Series } from './algorithms/series.js';

const instant = z.iso.datetime({ offset: true });

/** The exchanges an analysis reads. */
const exchanges = {
  valueKinds: z.array(z.enum(VALUE_KINDS)).optional(),
  /** Only tangible (true) or intangible (false) value. */
  tangible: z.boolean().optional(),
  /** Inclusive. */
  since: instant.optional(),
  /** Exclusive. */
  until: instant.optional(),
};

/** Days within which value in return counts as reciprocation. */
const window = z.number().min(0).max(3_650).default(30);

/** A time window ends after it starts (the typed fields check it too, naming `until`). */
const windowInOrder = (p: { since?: string; until?: string }) => !p.since || !p.until || Date.parse(p.since) < Date.parse(p.until);
const WINDOW_ORDER = { path: ['until'], message: 'must be later than since' };

export const balancesParams = z.strictObject({ ...exchanges }).refine(windowInOrder, WINDOW_ORDER);

export const reciprocityParams = z.strictObject({ ...exchanges, window }).refine(windowInOrder, WINDOW_ORDER);

export const matrixParams = z.strictObject({
  ...exchanges,
  window,
  groupBy: z.enum(['SIDE', 'KIND', 'TEAM', 'COMMUNITY']).default('SIDE'),
  /** COMMUNITY: Louvain's resolution on the exchange graph (silos plugin). */
  resolution: z.number().positive().max(1_000).default(1),
  /** Count the reciprocated exchanges of every cell (one more pass over the exchanges). */
  reciprocity: z.boolean().default(true),
}).refine(windowInOrder, WINDOW_ORDER);

export const brokersParams = z.strictObject({
  ...exchanges,
  /** COUNT: every exchange counts 1 (kinds have different units); AMOUNT: amounts (with one value kind). */
  measure: z.enum(['COUNT', 'AMOUNT']).default('COUNT'),
}).refine(windowInOrder, WINDOW_ORDER);

export const seriesParams = z.strictObject({
  ...exchanges,
  period: z.enum(['DAY', 'WEEK', 'MONTH']).default('MONTH'),
  fromSide: z.enum(['INSIDE', 'OUTSIDE']).optional(),
  toSide: z.enum(['INSIDE', 'OUTSIDE']).optional(),
}).refine(windowInOrder, WINDOW_ORDER);

export const traceParams = z.strictObject({
  valueKinds: exchanges.valueKinds,
  tangible: exchanges.tangible,
  /** The signal: its channel and instant, and its emitter's key when several signals share them. */
  channel: z.string().min(1).max(200),
  occurredAt: instant,
  emitterKey: z.string().min(1).max(200).optional(),
  /** Days after the signal in which exchanges count as following it. */
  days: z.number().min(0).max(3_650).default(30),
});

export type ExchangeParams = { [K in keyof typeof exchanges]?: z.output<(typeof exchanges)[K]> };
export type BalancesParams = z.output<typeof balancesParams>;
export type ReciprocityParams = z.output<typeof reciprocityParams>;
export type MatrixParams = z.output<typeof matrixParams>;
export type BrokersParams = z.output<typeof brokersParams>;
export type SeriesParams = z.output<typeof seriesParams>;
export type TraceParams = z.output<typeof traceParams>;

/** The exchange graph every analytic reads: 1 per exchange (summed per pair), filtered like the facts. */
export function projectionOf(p: ExchangeParams): ProjectionSpec {
  const spec: ProjectionSpec = { edges: 'EXCHANGES', weight: 'COUNT' };
  if (p.valueKinds) spec.valueKinds = p.valueKinds;
  if (p.tangible !== undefined) spec.tangible = p.tangible;
  if (p.since) spec.since = p.since;
  if (p.until) spec.until = p.until;
  return spec;
}

// --- results (typed arrays over the facts' actors, which are the projection's nodes) ----------------

/** Per value kind over the selected exchanges. */
export interface KindTotals {
  count: Uint32Array;
  amount: Float64Array;
}

export interface BalancesResult {
  exchanges: number;
  totals: KindTotals;
  /** inAmount[a · K + k] etc., K = VALUE_KINDS.length. */
  inAmount: Float64Array;
  outAmount: Float64Array;
  inCount: Uint32Array;
  outCount: Uint32Array;
}

export interface ReciprocityResult {
  windowDays: number;
  exchanges: number;
  reciprocated: number;
  actors: ActorReciprocity;
  pairs: PairReciprocity;
}

export interface MatrixResult {
  groups: Groups;
  /** `reciprocated` is all zeros when the params asked for no reciprocity. */
  flows: GroupFlows;
  reciprocity: boolean;
  /** COMMUNITY only: the partition's modularity (NaN otherwise). */
  modularity: number;
}

export type BrokersResult = Brokers;

export type SeriesResult = Series;

export interface TraceRow {
  signal: number;
  channel: string;
  kind: number;
  status: number;
  occurredAt: number;
  emitter: number;
  responses: { responder: Int32Array; respondedAt: Float64Array; channel: string[] };
  exchanges: { from: Int32Array; to: Int32Array; kind: Uint8Array; amount: Float64Array; occurredAt: Float64Array; via: Uint8Array };
}

export interface TraceResult {
  traces: TraceRow[];
}

/** The plugin's options (OSMOSIS_PLUGIN_OPTIONS["value-flow"]); they apply to its typed GraphQL fields. */
export const valueFlowOptions = z.strictObject({
  /** Largest `top` a request may ask for. */
  maxTop: z.int().min(1).max(100_000).default(1_000),
});
export type ValueFlowOptions = z.output<typeof valueFlowOptions>;
