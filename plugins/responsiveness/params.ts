/**
 * The responsiveness plugin's parameters, options and result: which signals (window, channels,
 * kinds, side), how to group them, and the first-response targets breaches are measured against.
 * Validated by the host before a worker sees them; the worker imports only their types.
 */
import {
  SIDES, SIGNAL_KINDS, z, type JsonValue, type Side, type SignalKind,
} from '../../src/plugin-api/index.js';
import { DEFAULT_TARGETS, DIMENSIONS, type Dimension } from './indicators/index.js';

const instant = z.iso.datetime({ offset: true });
const hours = z.number().positive().max(24 * 366 * 10);

/** First-response targets in hours (indicators/breaches.ts): the strictest of kind and channel applies, else defaultHours. */
export const targetsSchema = z.strictObject({
  defaultHours: hours.default(DEFAULT_TARGETS.defaultHours),
  /** Replaces the default `{ COMPLAINT: 24 }` when given. */
  kinds: z.partialRecord(z.enum(SIGNAL_KINDS), hours).default({ ...DEFAULT_TARGETS.kinds }),
  channels: z.record(z.string().trim().toLowerCase().min(1).max(64), hours).default({}),
});
export type TargetsParams = z.output<typeof targetsSchema>;

export const reportParams = z.strictObject({
  /** Inclusive, on the signal's occurredAt. */
  since: instant.optional(),
  /** Exclusive. */
  until: instant.optional(),
  /** Channel names; an unknown one matches nothing. */
  channels: z.array(z.string().trim().toLowerCase().min(1).max(64)).max(1_000).optional(),
  kinds: z.array(z.enum(SIGNAL_KINDS)).optional(),
  /** Side of the emitter (no emitter: OUTSIDE). */
  side: z.enum(SIDES).optional(),
  groupBy: z.array(z.enum(DIMENSIONS)).max(DIMENSIONS.length).default([]),
  /** Default: the built-in targets (the typed GraphQL field passes the plugin options' targets). */
  targets: targetsSchema.prefault({}),
}).refine((p) => !p.since || !p.until || Date.parse(p.since) < Date.parse(p.until), { path: ['until'], message: 'must be later than since' });
export type ReportParams = z.output<typeof reportParams>;

/** The plugin's options (OSMOSIS_PLUGIN_OPTIONS.responsiveness); they apply to its typed GraphQL field. */
export const responsivenessOptions = z.strictObject({
  targets: targetsSchema.prefault({}),
});
export type ResponsivenessOptions = z.output<typeof responsivenessOptions>;

/** Indicator values, one per group; times in ms (NaN: undefined, e.g. a rate of an empty group). */
export interface ResponsivenessStats {
  signals: Float64Array;
  answered: Float64Array;
  responseRate: Float64Array;
  firstResponseP50: Float64Array;
  firstResponseP90: Float64Array;
  firstResponseMean: Float64Array;
  backlog: Float64Array;
  backlogMedianAge: Float64Array;
  backlogMaxAge: Float64Array;
  due: Float64Array;
  breaches: Float64Array;
  breachRate: Float64Array;
  responses: Float64Array;
  responders: Float64Array;
  respondingTeams: Float64Array;
  responderGini: Float64Array;
  teamGini: Float64Array;
}

/** What `responsiveness/report` returns. */
export interface ResponsivenessResult {
  /** facts.readAt: the "now" of backlog ages and of unanswered breaches (ms). */
  readAt: number;
  dimensions: Dimension[];
  /** Every signal in scope, one group. */
  overall: ResponsivenessStats;
  groups: {
    count: number;
    /** Per group; null where not grouped on the dimension (team: also for signals without a team). */
    channel: (string | null)[];
    kind: (SignalKind | null)[];
    side: (Side | null)[];
    /** Team actor key. */
    team: (string | null)[];
    stats: ResponsivenessStats;
  };
}

/** One group as plain numbers: counts, shares in [0, 1], times in hours; null where undefined. */
export interface ResponsivenessRow {
  channel: string | null;
  kind: SignalKind | null;
  side: Side | null;
  /** Team actor key. */
  team: string | null;
  signals: number;
  answered: number;
  responseRate: number | null;
  firstResponseP50Hours: number | null;
  firstResponseP90Hours: number | null;
  firstResponseMeanHours: number | null;
  backlog: number;
  backlogMedianAgeHours: number | null;
  backlogMaxAgeHours: number | null;
  due: number;
  breaches: number;
  breachRate: number | null;
  responses: number;
  responders: number;
  respondingTeams: number;
  responderGini: number | null;
  teamGini: number | null;
}

const HOUR = 3_600_000;
const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const hoursOf = (ms: number): number | null => (Number.isFinite(ms) ? ms / HOUR : null);

/** Row `g` of a stats table. */
export function statsRow(stats: ResponsivenessStats, g: number): Omit<ResponsivenessRow, 'channel' | 'kind' | 'side' | 'team'> {
  return {
    signals: stats.signals[g],
    answered: stats.answered[g],
    responseRate: num(stats.responseRate[g]),
    firstResponseP50Hours: hoursOf(stats.firstResponseP50[g]),
    firstResponseP90Hours: hoursOf(stats.firstResponseP90[g]),
    firstResponseMeanHours: hoursOf(stats.firstResponseMean[g]),
    backlog: stats.backlog[g],
    backlogMedianAgeHours: hoursOf(stats.backlogMedianAge[g]),
    backlogMaxAgeHours: hoursOf(stats.backlogMaxAge[g]),
    due: stats.due[g],
    breaches: stats.breaches[g],
    breachRate: num(stats.breachRate[g]),
    responses: stats.responses[g],
    responders: stats.responders[g],
    respondingTeams: stats.respondingTeams[g],
    responderGini: num(stats.responderGini[g]),
    teamGini: num(stats.teamGini[g]),
  };
}

/** Every row of a result: the overall one, then the groups in order. */
export function rowsOf(result: ResponsivenessResult): { overall: ResponsivenessRow; groups: ResponsivenessRow[] } {
  const { groups } = result;
  return {
    overall: { channel: null, kind: null, side: null, team: null, ...statsRow(result.overall, 0) },
    groups: Array.from({ length: groups.count }, (_, g) => ({
      channel: groups.channel[g], kind: groups.kind[g], side: groups.side[g], team: groups.team[g], ...statsRow(groups.stats, g),
    })),
  };
}

/** The generic JSON of a result (`analytics { run }`). */
export function reportToJson(result: ResponsivenessResult): JsonValue {
  const { overall, groups } = rowsOf(result);
  return {
    readAt: new Date(result.readAt).toISOString(),
    dimensions: result.dimensions,
    overall: overall as unknown as JsonValue,
    groups: groups as unknown as JsonValue,
  };
}
