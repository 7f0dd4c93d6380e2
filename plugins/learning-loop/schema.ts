/**
 * The learning-loop plugin's GraphQL field:
 *
 *   analytics { learningLoop(since: "2026-08-01T00:00:00Z", until: "2026-11-01T00:00:00Z") {
 *     coverage { share }
 *     insights { implementedShare signalToInsight { p50Days } insightToChange { p50Days p90Days } }
 *     processes { share neverChanged rows(changed: true) { name changes } }
 *     topics(orderBy: GROWTH, top: 5) { name signals previousSignals growth sentimentChange }
 *   } }
 *
 * It runs `learning-loop/report` through the host (worker pool, cached by graph version and
 * params); ordering and limits of the lists are applied here, on the rows of the cached result.
 */
import {
  SIGNAL_KINDS, badUserInput, type PluginSchema, type Side, type SignalKind,
} from '../../src/plugin-api/index.js';
import {
  rowsOf, type InsightRow, type LeadTimeRow, type LearningLoopResult, type LearningLoopRows, type ProcessRow, type TopicRow,
} from './params.js';

const TOPIC_ORDERS = {
  GROWTH: 'Fastest growing first (a topic new in the window, with no signal before, counts as infinite growth).',
  DECLINE: 'Fastest shrinking first.',
  VOLUME: 'Most signals in the window first.',
  SENTIMENT_DROP: 'Largest fall of mean sentiment first (topics without sentiment in both windows last).',
} as const;
type TopicOrder = keyof typeof TOPIC_ORDERS;

const byName = (a: TopicRow, b: TopicRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const growthKey = (t: TopicRow) => (t.growth ?? (t.signals > 0 ? Infinity : -Infinity));
const COMPARE: Record<TopicOrder, (a: TopicRow, b: TopicRow) => number> = {
  GROWTH: (a, b) => growthKey(b) - growthKey(a) || b.signals - a.signals || byName(a, b),
  DECLINE: (a, b) => (a.growth ?? Infinity) - (b.growth ?? Infinity) || b.previousSignals - a.previousSignals || byName(a, b),
  VOLUME: (a, b) => b.signals - a.signals || byName(a, b),
  SENTIMENT_DROP: (a, b) => (a.sentimentChange ?? Infinity) - (b.sentimentChange ?? Infinity) || b.signals - a.signals || byName(a, b),
};

/** Orders and cuts the topic rows (pure, for the resolver and tests). */
export function topTopics(rows: readonly TopicRow[], orderBy: TopicOrder, top: number, minSignals: number): TopicRow[] {
  return rows.filter((t) => t.signals + t.previousSignals >= minSignals).sort(COMPARE[orderBy]).slice(0, top);
}

interface Args {
  since?: unknown;
  until?: unknown;
  windowDays?: number | null;
  channels?: string[] | null;
  kinds?: SignalKind[] | null;
  side?: Side | null;
}

/** A DateTime argument as an ISO string (the host's scalar gives a Date for a literal, a string for a variable). */
const instantOf = (value: unknown): string => new Date(value as string | Date).toISOString();

/** The report params of the field's arguments, checked; throws BAD_USER_INPUT naming the argument. */
export function paramsOf(args: Args): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (args.since) params.since = instantOf(args.since);
  if (args.until) params.until = instantOf(args.until);
  if (params.since && params.until && (params.since as string) >= (params.until as string)) throw badUserInput('until', 'must be later than since');
  // Without until the window ends now: a later since would make it end before it starts.
  if (params.since && !params.until && Date.parse(params.since as string) > Date.now()) {
    throw badUserInput('since', 'is in the future: the window ends now unless until says otherwise');
  }
  if (args.windowDays !== null && args.windowDays !== undefined) {
    if (!(args.windowDays > 0 && args.windowDays <= 3_660)) throw badUserInput('windowDays', 'must be more than 0 and at most 3660');
    params.windowDays = args.windowDays;
  }
  if (args.channels) {
    const channels = args.channels.map((c) => c.trim().toLowerCase());
    if (channels.some((c) => c.length === 0 || c.length > 64)) throw badUserInput('channels', 'channel names are 1 to 64 characters');
    if (channels.length > 1_000) throw badUserInput('channels', 'at most 1,000 channels');
    params.channels = channels;
  }
  if (args.kinds) params.kinds = args.kinds;
  if (args.side) params.side = args.side;
  return params;
}

const checkCount = (field: string, value: number, max: number) => {
  if (!(value >= 0 && value <= max)) throw badUserInput(field, `must be between 0 and ${max}`);
};

export function learningLoopSchema(schema: PluginSchema): void {
  const { builder } = schema;

  const SignalKindEnum = builder.enumType('LearningLoopSignalKind', { description: 'A signal kind (the values of SignalKind).', values: SIGNAL_KINDS });
  const TopicOrderEnum = builder.enumType('LearningLoopTopicOrder', {
    description: 'How trending topics are ordered.',
    values: Object.fromEntries(Object.entries(TOPIC_ORDERS).map(([k, description]) => [k, { description }])) as Record<TopicOrder, { description: string }>,
  });

  const LeadTime = builder.objectRef<LeadTimeRow>('LearningLoopLeadTime').implement({
    description: 'A lead-time distribution in days: nearest-rank percentiles and mean; null when empty.',
    fields: (t) => ({
      count: t.exposeInt('count', { description: 'Insights measured.' }),
      p50Days: t.exposeFloat('p50Days', { nullable: true }),
      p90Days: t.exposeFloat('p90Days', { nullable: true }),
      meanDays: t.exposeFloat('meanDays', { nullable: true }),
    }),
  });

  const Insight = builder.objectRef<InsightRow>('LearningLoopInsight').implement({
    description: 'An insight. The facts analytics read carry no insight id: `position` is its rank by creation (0 = the oldest), stable while no older insight is added.',
    fields: (t) => ({
      position: t.exposeInt('position'),
      createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
      ageDays: t.exposeFloat('ageDays', { description: 'Days since it was created, at readAt.' }),
      signals: t.exposeInt('signals', { description: 'Signals it derives from.' }),
      topics: t.exposeStringList('topics'),
      firstChangeAt: t.field({ type: 'DateTime', nullable: true, description: 'When its first change was applied; null when never implemented.', resolve: (r) => r.firstChangeAt }),
    }),
  });

  const Coverage = builder.objectRef<LearningLoopRows['coverage']>('LearningLoopCoverage').implement({
    description: 'Signals of the window (kept by the filters) and how many an insight derives from.',
    fields: (t) => ({
      signals: t.exposeInt('signals'),
      linked: t.exposeInt('linked'),
      share: t.exposeFloat('share', { nullable: true, description: 'linked / signals.' }),
    }),
  });

  const Insights = builder.objectRef<LearningLoopRows['insights']>('LearningLoopInsights').implement({
    description: 'The insights created in the window: how many were implemented, and how fast the loop ran.',
    fields: (t) => ({
      created: t.exposeInt('created'),
      implemented: t.exposeInt('implemented', { description: 'With at least one change (by readAt).' }),
      implementedShare: t.exposeFloat('implementedShare', { nullable: true, description: 'implemented / created.' }),
      backdated: t.exposeInt('backdated', { description: 'Implemented by a change applied before the insight was created: left out of insightToChange.' }),
      signalToInsight: t.field({ type: LeadTime, description: 'createdAt − occurredAt of its earliest signal.', resolve: (r) => r.signalToInsight }),
      insightToChange: t.field({ type: LeadTime, description: 'appliedAt of its first change − createdAt, over the implemented ones.', resolve: (r) => r.insightToChange }),
    }),
  });

  const Process = builder.objectRef<ProcessRow>('LearningLoopProcess').implement({
    description: 'A process and the changes made to it.',
    fields: (t) => ({
      name: t.exposeString('name'),
      changes: t.exposeInt('changes', { description: 'Changes applied in the window.' }),
      changesTotal: t.exposeInt('changesTotal', { description: 'All its changes.' }),
      lastChangedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.lastChangedAt }),
      insights: t.field({ type: [Insight], description: 'The insights its changes of the window implement.', resolve: (r) => r.insights }),
    }),
  });

  const Processes = builder.objectRef<LearningLoopRows['processes']>('LearningLoopProcesses').implement({
    description: 'Processes changed by feedback in the window.',
    fields: (t) => ({
      count: t.exposeInt('count', { description: 'Every process known (changed, or named by a signal).' }),
      changed: t.exposeInt('changed', { description: 'Processes with at least one change in the window.' }),
      share: t.exposeFloat('share', { nullable: true, description: 'changed / count.' }),
      neverChanged: t.exposeStringList('neverChanged', { description: 'Processes no change ever modified.' }),
      rows: t.field({
        type: [Process],
        description: 'Every process by name; `changed` keeps those with (true) or without (false) a change in the window.',
        args: { changed: t.arg.boolean() },
        resolve: (r, args) => (args.changed === null || args.changed === undefined ? r.rows : r.rows.filter((p) => (p.changes > 0) === args.changed)),
      }),
    }),
  });

  const Topic = builder.objectRef<TopicRow>('LearningLoopTopic').implement({
    description: 'A topic in the window against the previous window of equal length.',
    fields: (t) => ({
      name: t.exposeString('name'),
      signals: t.exposeInt('signals', { description: 'Signals about it in the window.' }),
      previousSignals: t.exposeInt('previousSignals', { description: 'In the previous window.' }),
      growth: t.exposeFloat('growth', { nullable: true, description: '(signals − previousSignals) / previousSignals; null when previousSignals is 0.' }),
      meanSentiment: t.exposeFloat('meanSentiment', { nullable: true, description: 'Mean sentiment of those signals (known ones only).' }),
      previousMeanSentiment: t.exposeFloat('previousMeanSentiment', { nullable: true }),
      sentimentChange: t.exposeFloat('sentimentChange', { nullable: true, description: 'meanSentiment − previousMeanSentiment.' }),
      insights: t.exposeInt('insights', { description: 'Insights created in the window tagged with it.' }),
      previousInsights: t.exposeInt('previousInsights'),
    }),
  });

  const Report = builder.objectRef<LearningLoopRows>('LearningLoopReport').implement({
    description: 'The learning loop signal → insight → change in a window [since, until), with trends against [previousSince, since).',
    fields: (t) => ({
      readAt: t.field({ type: 'DateTime', description: 'When the data was read ("now").', resolve: (r) => r.readAt }),
      previousSince: t.field({ type: 'DateTime', resolve: (r) => r.previousSince }),
      since: t.field({ type: 'DateTime', resolve: (r) => r.since }),
      until: t.field({ type: 'DateTime', resolve: (r) => r.until }),
      coverage: t.field({ type: Coverage, resolve: (r) => r.coverage }),
      insights: t.field({ type: Insights, resolve: (r) => r.insights }),
      processes: t.field({ type: Processes, resolve: (r) => r.processes }),
      unimplementedCount: t.int({ description: 'Insights created before until that no change implements.', resolve: (r) => r.unimplementedInsights.length }),
      unimplementedInsights: t.field({
        type: [Insight],
        description: 'Those insights, oldest first.',
        args: { first: t.arg.int({ required: true, defaultValue: 20, description: 'At most 1000.' }) },
        resolve: (r, args) => {
          checkCount('first', args.first, 1_000);
          return r.unimplementedInsights.slice(0, args.first);
        },
      }),
      topics: t.field({
        type: [Topic],
        description: 'Trending topics (signal ABOUT topics, and insight topics).',
        args: {
          orderBy: t.arg({ type: TopicOrderEnum, required: true, defaultValue: 'GROWTH' }),
          top: t.arg.int({ required: true, defaultValue: 10, description: 'At most 1000.' }),
          minSignals: t.arg.int({ required: true, defaultValue: 5, description: 'Only topics with at least this many signals in the two windows together.' }),
        },
        resolve: (r, args) => {
          checkCount('top', args.top, 1_000);
          checkCount('minSignals', args.minSignals, Number.MAX_SAFE_INTEGER);
          return topTopics(r.topics, args.orderBy, args.top, args.minSignals);
        },
      }),
    }),
  });

  schema.analyticsField('learningLoop', (t) => t.field({
    type: Report,
    description: 'How the organisation learns: signals turned into insights, insights into process changes, and the topics on the rise.',
    args: {
      since: t.arg({ type: 'DateTime', description: 'Inclusive. Default: windowDays before until.' }),
      until: t.arg({ type: 'DateTime', description: 'Exclusive; later than since. Default: now.' }),
      windowDays: t.arg.float({ description: 'Length of the window when since is not given (default 90).' }),
      channels: t.arg.stringList({ description: 'Only signals of these channels (coverage and topics; an unknown one matches nothing).' }),
      kinds: t.arg({ type: [SignalKindEnum], description: 'Only signals of these kinds (coverage and topics).' }),
      side: t.arg({ type: schema.Side, description: 'Only signals whose emitter is on this side (no emitter: OUTSIDE).' }),
    },
    resolve: async (_root, args, context, info) => {
      const scope = schema.scope(context, info);
      const { value } = await scope.run<LearningLoopResult>('report', paramsOf(args as Args));
      return rowsOf(value);
    },
  }));
}

