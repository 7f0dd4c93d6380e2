/**
 * The maturity plugin's GraphQL field:
 *
 *   analytics { maturity(since: "2026-08-01T00:00:00Z") {
 *     stage overall change
 *     capabilities { name score reached change indicators { name value score description } }
 *   } }
 *
 * It assesses the window and the one before it (assess.ts) from the other plugins' analytics and
 * reports every score with the change since the previous window.
 */
import { badUserInput, type PluginSchema } from '../../src/plugin-api/index.js';
import { assess, windowOf, type Assessment } from './assess.js';
import type { MaturityOptions } from './options.js';
import { CAPABILITIES, type CapabilityScore, type Indicator, type MaturityScore } from './score.js';

interface Args {
  since?: unknown;
  until?: unknown;
  windowDays?: number | null;
  threshold?: number | null;
}

/** A DateTime argument as an ISO string (a variable arrives as a string, a literal as a Date). */
const instantOf = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string | Date).toISOString());

/** now − before, rounded to `digits` decimals (scores are rounded: keep the difference as exact). */
const difference = (now: number | null, before: number | null, digits = 2): number | null =>
  (now === null || before === null ? null : Math.round((now - before) * 10 ** digits) / 10 ** digits);

interface CapabilityRow extends CapabilityScore { previousScore: number | null }
interface IndicatorRow extends Indicator { previousValue: number | null; previousScore: number | null }

export function maturitySchema(schema: PluginSchema<MaturityOptions>): void {
  const { builder } = schema;

  const CapabilityEnum = builder.enumType('MaturityCapability', {
    description: 'The five capabilities of a social business, in the order an organisation reaches them (stages 1 to 5).',
    values: Object.fromEntries(CAPABILITIES.map((c) => [c.name, { value: c.name, description: `Stage ${c.stage}: ${c.question}` }])),
  });

  const IndicatorRef = builder.objectRef<IndicatorRow>('MaturityIndicator').implement({
    description: 'A measurement behind a capability score: its raw value, and that value mapped to [0, 1].',
    fields: (t) => ({
      name: t.exposeString('name'),
      description: t.exposeString('description', { description: 'What it measures and how the score is computed.' }),
      source: t.exposeString('source', { description: 'The plugin/analytic it comes from.' }),
      value: t.exposeFloat('value', { nullable: true, description: 'Raw value; null when the window has no data for it.' }),
      score: t.exposeFloat('score', { nullable: true, description: '0 to 1 (1 = mature); null when value is.' }),
      previousValue: t.exposeFloat('previousValue', { nullable: true, description: 'The value in the previous window.' }),
      previousScore: t.exposeFloat('previousScore', { nullable: true }),
      change: t.float({ nullable: true, description: 'score − previousScore.', resolve: (i) => difference(i.score, i.previousScore, 4) }),
    }),
  });

  const CapabilityRef = builder.objectRef<CapabilityRow>('MaturityCapabilityScore').implement({
    description: 'One capability: 100 × the mean of its defined indicator scores.',
    fields: (t) => ({
      name: t.field({ type: CapabilityEnum, resolve: (c) => c.name }),
      stage: t.exposeInt('stage'),
      question: t.exposeString('question'),
      score: t.exposeFloat('score', { nullable: true, description: '0 to 100; null when none of its indicators is defined.' }),
      reached: t.exposeBoolean('reached', { description: 'score ≥ threshold.' }),
      previousScore: t.exposeFloat('previousScore', { nullable: true }),
      change: t.float({ nullable: true, description: 'score − previousScore.', resolve: (c) => difference(c.score, c.previousScore) }),
      indicators: t.field({ type: [IndicatorRef], resolve: (c) => c.indicators as IndicatorRow[] }),
    }),
  });

  const ReportRef = builder.objectRef<Assessment>('MaturityReport').implement({
    description: 'Where the organisation stands as a social business, why, and how that changed since the previous window.',
    fields: (t) => ({
      since: t.field({ type: 'DateTime', resolve: (r) => r.window.since }),
      until: t.field({ type: 'DateTime', resolve: (r) => r.window.until }),
      previousSince: t.field({ type: 'DateTime', description: 'The previous window: the same length, just before.', resolve: (r) => r.previous.window.since }),
      stage: t.exposeInt('stage', { description: 'The highest stage whose capability and all before it reach the threshold; 0 when stage 1 does not.' }),
      previousStage: t.int({ resolve: (r) => r.previous.stage }),
      overall: t.exposeFloat('overall', { nullable: true, description: 'Mean of the capability scores, 0 to 100.' }),
      change: t.float({ nullable: true, description: 'overall − the previous window\'s.', resolve: (r) => difference(r.overall, r.previous.overall) }),
      threshold: t.exposeFloat('threshold'),
      capabilities: t.field({ type: [CapabilityRef], resolve: (r) => withPrevious(r, r.previous) }),
    }),
  });

  schema.analyticsField('maturity', (t) => t.field({
    type: ReportRef,
    description: 'The maturity of the organisation on the five capabilities of a social business, computed from the responsiveness, learning-loop and silos analytics.',
    args: {
      since: t.arg({ type: 'DateTime', required: false, description: 'Start of the window (inclusive); default windowDays before until.' }),
      until: t.arg({ type: 'DateTime', required: false, description: 'End of the window (exclusive); default now.' }),
      windowDays: t.arg.int({ required: false, description: 'Window length when since is not given (plugin option windowDays, 90 by default).' }),
      threshold: t.arg.float({ required: false, description: 'Score at which a capability is reached, 0 to 100 (plugin option threshold, 60 by default).' }),
    },
    resolve: async (_root, args: Args, ctx, info) => {
      const scope = schema.scope(ctx, info);
      const o = scope.options;
      if (args.windowDays !== null && args.windowDays !== undefined && !(args.windowDays >= 1 && args.windowDays <= 3_660)) {
        throw badUserInput('windowDays', 'must be between 1 and 3660');
      }
      if (args.threshold !== null && args.threshold !== undefined && !(args.threshold >= 0 && args.threshold <= 100)) {
        throw badUserInput('threshold', 'must be between 0 and 100');
      }
      const window = windowOf(instantOf(args.since), instantOf(args.until), args.windowDays ?? o.windowDays);
      if (window.since >= window.until) throw badUserInput(args.until ? 'until' : 'since', 'the window must end after it starts');
      return assess((plugin) => scope.dependency(plugin), window, { ...o, threshold: args.threshold ?? o.threshold });
    },
  }));
}

/** The capabilities of `now` with each capability's and indicator's previous values. */
function withPrevious(now: MaturityScore, before: MaturityScore): CapabilityRow[] {
  return now.capabilities.map((c, k) => {
    const previous = before.capabilities[k];
    return {
      ...c,
      previousScore: previous.score,
      indicators: c.indicators.map((i): IndicatorRow => {
        const p = previous.indicators.find((x) => x.name === i.name);
        return { ...i, previousValue: p?.value ?? null, previousScore: p?.score ?? null };
      }),
    };
  });
}
