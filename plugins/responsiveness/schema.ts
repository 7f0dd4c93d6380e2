/**
 * The responsiveness plugin's GraphQL field:
 *
 *   analytics { responsiveness(since: "2026-01-01T00:00:00Z", side: OUTSIDE, groupBy: [BY_TEAM]) {
 *     overall { signals responseRate firstResponseP50Hours backlog breachRate }
 *     groups { team { key name } signals responseRate backlog breaches }
 *   } }
 *
 * It runs `responsiveness/report` through the host (worker pool, cached by graph version and
 * params) with the plugin options' targets, then resolves team keys to actors in one batch.
 */
import {
  DIMENSIONS, type Dimension,
} from './indicators/index.js';
import {
  SIGNAL_KINDS, badUserInput, type ActorView, type PluginSchema, type Side, type SignalKind,
} from '../../src/plugin-api/index.js';
import { rowsOf, type ResponsivenessOptions, type ResponsivenessResult, type ResponsivenessRow, type TargetsParams } from './params.js';

interface Row extends ResponsivenessRow {
  teamActor: ActorView | null;
}

interface Report {
  readAt: string;
  since: string | null;
  until: string | null;
  dimensions: Dimension[];
  targets: TargetsParams;
  overall: Row;
  groups: Row[];
}

interface Args {
  since?: string | null;
  until?: string | null;
  channels?: string[] | null;
  kinds?: SignalKind[] | null;
  side?: Side | null;
  groupBy?: Dimension[] | null;
}

/**
 * A DateTime argument as an ISO string. The host's scalar gives a string for a variable but a Date
 * for a literal in the query (its parseLiteral is graphql-scalars'), so take either.
 */
const instantOf = (value: unknown): string => new Date(value as string | Date).toISOString();

/** The report params of the field's arguments, checked; throws BAD_USER_INPUT naming the argument. */
export function paramsOf(args: Args, options: ResponsivenessOptions): Record<string, unknown> {
  const params: Record<string, unknown> = { groupBy: [...new Set(args.groupBy ?? [])], targets: options.targets };
  if (args.since) params.since = instantOf(args.since);
  if (args.until) params.until = instantOf(args.until);
  if (params.since && params.until && params.since >= params.until) throw badUserInput('until', 'must be later than since');
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

export function responsivenessSchema(schema: PluginSchema<ResponsivenessOptions>): void {
  const { builder } = schema;

  const DimensionEnum = builder.enumType('ResponsivenessDimension', {
    description: 'What rows a responsiveness report has: one per channel, signal kind, side of the emitter, or team (the assignee\'s team, else the first responder\'s).',
    values: DIMENSIONS,
  });
  const SignalKindEnum = builder.enumType('ResponsivenessSignalKind', {
    description: 'A signal kind (the values of SignalKind).',
    values: SIGNAL_KINDS,
  });

  const KindTarget = builder.objectRef<{ kind: SignalKind; hours: number }>('ResponsivenessKindTarget').implement({
    description: 'The first-response target of a signal kind.',
    fields: (t) => ({ kind: t.field({ type: SignalKindEnum, resolve: (r) => r.kind }), hours: t.exposeFloat('hours') }),
  });
  const ChannelTarget = builder.objectRef<{ channel: string; hours: number }>('ResponsivenessChannelTarget').implement({
    description: 'The first-response target of a channel.',
    fields: (t) => ({ channel: t.exposeString('channel'), hours: t.exposeFloat('hours') }),
  });
  const Targets = builder.objectRef<TargetsParams>('ResponsivenessTargets').implement({
    description: 'First-response targets (plugin options): a signal\'s target is the smaller of its kind\'s and its channel\'s, else defaultHours.',
    fields: (t) => ({
      defaultHours: t.exposeFloat('defaultHours'),
      kinds: t.field({
        type: [KindTarget],
        resolve: (r) => SIGNAL_KINDS.flatMap((kind) => (r.kinds[kind] === undefined ? [] : [{ kind, hours: r.kinds[kind]! }])),
      }),
      channels: t.field({ type: [ChannelTarget], resolve: (r) => Object.entries(r.channels).map(([channel, hours]) => ({ channel, hours })) }),
    }),
  });

  const RowRef = builder.objectRef<Row>('ResponsivenessRow').implement({
    description: 'Responsiveness indicators of a set of signals. Shares are in [0, 1], times in hours; a null value is undefined for the row (e.g. a time with no answered signal).',
    fields: (t) => ({
      channel: t.exposeString('channel', { nullable: true, description: 'The channel, when grouped BY_CHANNEL.' }),
      kind: t.field({ type: SignalKindEnum, nullable: true, description: 'The signal kind, when grouped BY_KIND.', resolve: (r) => r.kind }),
      side: t.field({ type: schema.Side, nullable: true, description: 'The side of the emitter, when grouped BY_SIDE (no emitter: OUTSIDE).', resolve: (r) => r.side }),
      team: t.field({
        type: schema.Actor, nullable: true,
        description: 'The team, when grouped BY_TEAM: the assignee\'s team, else the first responder\'s; null for signals with neither.',
        resolve: (r) => r.teamActor,
      }),
      signals: t.exposeInt('signals', { description: 'Signals (volume).' }),
      answered: t.exposeInt('answered', { description: 'Signals with at least one response.' }),
      responseRate: t.exposeFloat('responseRate', { nullable: true, description: 'answered / signals.' }),
      firstResponseP50Hours: t.exposeFloat('firstResponseP50Hours', { nullable: true, description: 'Median time to first response of the answered signals (nearest rank).' }),
      firstResponseP90Hours: t.exposeFloat('firstResponseP90Hours', { nullable: true, description: '90th percentile of the time to first response (nearest rank).' }),
      firstResponseMeanHours: t.exposeFloat('firstResponseMeanHours', { nullable: true, description: 'Mean time to first response.' }),
      backlog: t.exposeInt('backlog', { description: 'Signals without a response and not CLOSED.' }),
      backlogMedianAgeHours: t.exposeFloat('backlogMedianAgeHours', { nullable: true, description: 'Median age of the backlog at readAt (nearest rank).' }),
      backlogMaxAgeHours: t.exposeFloat('backlogMaxAgeHours', { nullable: true, description: 'Age of the oldest signal of the backlog at readAt.' }),
      due: t.exposeInt('due', { description: 'Signals answered, or unanswered and older than their target.' }),
      breaches: t.exposeInt('breaches', { description: 'Due signals first answered later than their target, or not answered at all.' }),
      breachRate: t.exposeFloat('breachRate', { nullable: true, description: 'breaches / due.' }),
      responses: t.exposeInt('responses', { description: 'Responses to these signals.' }),
      responders: t.exposeInt('responders', { description: 'Distinct actors who gave them.' }),
      respondingTeams: t.exposeInt('respondingTeams', { description: 'Distinct teams of those responders.' }),
      responderGini: t.exposeFloat('responderGini', { nullable: true, description: 'Gini coefficient of responses per responder (0: evenly shared).' }),
      teamGini: t.exposeFloat('teamGini', { nullable: true, description: 'Gini coefficient of responses per responding team.' }),
    }),
  });

  const ReportRef = builder.objectRef<Report>('ResponsivenessReport').implement({
    description: 'How the organisation answers the signals in scope: overall, and one row per group.',
    fields: (t) => ({
      readAt: t.field({ type: 'DateTime', description: 'When the data was read: the "now" of backlog ages and unanswered breaches.', resolve: (r) => r.readAt }),
      since: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.since }),
      until: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.until }),
      dimensions: t.field({ type: [DimensionEnum], resolve: (r) => r.dimensions }),
      targets: t.field({ type: Targets, resolve: (r) => r.targets }),
      overall: t.field({ type: RowRef, resolve: (r) => r.overall }),
      groups: t.field({ type: [RowRef], description: 'One row per combination of the groupBy dimensions that occurs; none without groupBy.', resolve: (r) => r.groups }),
    }),
  });

  schema.analyticsField('responsiveness', (t) => t.field({
    type: ReportRef,
    description: 'Response rate, time to first response, backlog, target breaches and breadth of response of the signals in scope.',
    args: {
      since: t.arg({ type: 'DateTime', description: 'Inclusive, on the signal\'s occurredAt.' }),
      until: t.arg({ type: 'DateTime', description: 'Exclusive; later than since.' }),
      channels: t.arg.stringList({ description: 'Only these channels (an unknown one matches nothing).' }),
      kinds: t.arg({ type: [SignalKindEnum], description: 'Only these signal kinds.' }),
      side: t.arg({ type: schema.Side, description: 'Only signals whose emitter is on this side (no emitter: OUTSIDE).' }),
      groupBy: t.arg({ type: [DimensionEnum], description: 'Rows per combination of these dimensions; none: overall only.' }),
    },
    resolve: async (_root, args, context, info) => {
      const scope = schema.scope(context, info);
      const params = paramsOf(args as Args, scope.options);
      const { value } = await scope.run<ResponsivenessResult>('report', params);
      const { overall, groups } = rowsOf(value);
      const keys = [...new Set(groups.flatMap((g) => (g.team ? [g.team] : [])))];
      const actors = keys.length ? await scope.actorsByKeys(keys) : [];
      const byKey = new Map(keys.map((k, i) => [k, actors[i]]));
      const withTeam = (r: ResponsivenessRow): Row => ({ ...r, teamActor: r.team ? byKey.get(r.team) ?? null : null });
      return {
        readAt: new Date(value.readAt).toISOString(),
        since: (params.since as string | undefined) ?? null,
        until: (params.until as string | undefined) ?? null,
        dimensions: value.dimensions,
        targets: scope.options.targets,
        overall: withTeam(overall),
        groups: groups.map(withTeam),
      };
    },
  }));
}
