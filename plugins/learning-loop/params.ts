/**
 * The learning-loop plugin's parameters and result: the window (and the previous one of equal
 * length, for trends) and which signals count. Validated by the host before a worker sees them;
 * the worker imports only their types.
 */
import { SIDES, SIGNAL_KINDS, z, type JsonValue } from '../../src/plugin-api/index.js';
import type { Coverage, InsightToChange, ProcessChanges, SignalToInsight, TopicTrends } from './indicators/index.js';

const instant = z.iso.datetime({ offset: true });

export const reportParams = z.strictObject({
  /** Inclusive; default: `windowDays` before until. */
  since: instant.optional(),
  /** Exclusive; default: facts.readAt (now). */
  until: instant.optional(),
  /** Length of the window when `since` is not given. */
  windowDays: z.number().positive().max(3_660).default(90),
  /** Signal filters (coverage and topics): channel names (an unknown one matches nothing), kinds, side of the emitter. */
  channels: z.array(z.string().trim().toLowerCase().min(1).max(64)).max(1_000).optional(),
  kinds: z.array(z.enum(SIGNAL_KINDS)).optional(),
  side: z.enum(SIDES).optional(),
}).refine((p) => !p.since || !p.until || Date.parse(p.since) < Date.parse(p.until), { path: ['until'], message: 'must be later than since' });
export type ReportParams = z.output<typeof reportParams>;

/** What `learning-loop/report` returns; instants and durations in ms (NaN: undefined). */
export interface LearningLoopResult {
  readAt: number;
  previousSince: number;
  since: number;
  until: number;
  coverage: Coverage;
  signalToInsight: SignalToInsight;
  insightToChange: InsightToChange;
  processes: ProcessChanges & { names: string[] };
  /** Insight indexes (facts order: by createdAt) created before `until` and never implemented, oldest first. */
  unimplemented: Int32Array;
  /** The insights the result refers to (processes' insights, unimplemented ones), by index. */
  insights: { index: Int32Array; createdAt: Float64Array; signals: Float64Array; firstChangeAt: Float64Array; topics: string[][] };
  topics: TopicTrends & { names: string[] };
}

const DAY = 86_400_000;
const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const daysOf = (ms: number): number | null => (Number.isFinite(ms) ? ms / DAY : null);
const isoOf = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

/** An insight as the report shows it. Insights have no id in the facts: `position` is its rank by createdAt (0 = oldest). */
export interface InsightRow {
  position: number;
  createdAt: string;
  ageDays: number;
  signals: number;
  topics: string[];
  firstChangeAt: string | null;
}

export interface ProcessRow {
  name: string;
  changes: number;
  changesTotal: number;
  lastChangedAt: string | null;
  insights: InsightRow[];
}

export interface TopicRow {
  name: string;
  signals: number;
  previousSignals: number;
  growth: number | null;
  meanSentiment: number | null;
  previousMeanSentiment: number | null;
  sentimentChange: number | null;
  insights: number;
  previousInsights: number;
}

export interface LeadTimeRow {
  count: number;
  p50Days: number | null;
  p90Days: number | null;
  meanDays: number | null;
}

/** The result as plain rows: what both the typed GraphQL field and the generic JSON show. */
export interface LearningLoopRows {
  readAt: string;
  previousSince: string;
  since: string;
  until: string;
  coverage: { signals: number; linked: number; share: number | null };
  insights: { created: number; implemented: number; implementedShare: number | null; backdated: number; signalToInsight: LeadTimeRow; insightToChange: LeadTimeRow };
  processes: { count: number; changed: number; share: number | null; rows: ProcessRow[]; neverChanged: string[] };
  unimplementedInsights: InsightRow[];
  /** Topics with signals or insights in either window, by signals in the window (descending), then name. */
  topics: TopicRow[];
}

const leadTime = (d: { count: number; p50: number; p90: number; mean: number }): LeadTimeRow =>
  ({ count: d.count, p50Days: daysOf(d.p50), p90Days: daysOf(d.p90), meanDays: daysOf(d.mean) });

export function rowsOf(r: LearningLoopResult): LearningLoopRows {
  const info = new Map<number, InsightRow>();
  r.insights.index.forEach((i, k) => info.set(i, {
    position: i, createdAt: isoOf(r.insights.createdAt[k])!, ageDays: (r.readAt - r.insights.createdAt[k]) / DAY,
    signals: r.insights.signals[k], topics: r.insights.topics[k], firstChangeAt: isoOf(r.insights.firstChangeAt[k]),
  }));
  const p = r.processes;
  const t = r.topics;
  const topics: TopicRow[] = [];
  t.names.forEach((name, k) => {
    if (!(t.current[k] || t.previous[k] || t.insights[k] || t.previousInsights[k])) return;
    topics.push({
      name, signals: t.current[k], previousSignals: t.previous[k], growth: num(t.growth[k]),
      meanSentiment: num(t.sentiment[k]), previousMeanSentiment: num(t.previousSentiment[k]), sentimentChange: num(t.sentimentChange[k]),
      insights: t.insights[k], previousInsights: t.previousInsights[k],
    });
  });
  topics.sort((a, b) => b.signals - a.signals || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    readAt: isoOf(r.readAt)!, previousSince: isoOf(r.previousSince)!, since: isoOf(r.since)!, until: isoOf(r.until)!,
    coverage: { signals: r.coverage.signals, linked: r.coverage.linked, share: num(r.coverage.share) },
    insights: {
      created: r.insightToChange.insights, implemented: r.insightToChange.implemented,
      implementedShare: num(r.insightToChange.implementedShare), backdated: r.insightToChange.backdated,
      signalToInsight: leadTime(r.signalToInsight), insightToChange: leadTime(r.insightToChange),
    },
    processes: {
      count: p.count, changed: p.changed, share: num(p.share),
      rows: p.names.map((name, k) => ({
        name, changes: p.changesInWindow[k], changesTotal: p.changesTotal[k], lastChangedAt: isoOf(p.lastAppliedAt[k]),
        insights: Array.from(p.insights.subarray(p.insightOffsets[k], p.insightOffsets[k + 1]), (i) => info.get(i)!),
      })),
      neverChanged: p.names.filter((_, k) => p.changesTotal[k] === 0),
    },
    unimplementedInsights: Array.from(r.unimplemented, (i) => info.get(i)!),
    topics,
  };
}

/** The generic JSON of a result (`analytics { run }`). */
export const reportToJson = (r: LearningLoopResult): JsonValue => rowsOf(r) as unknown as JsonValue;
