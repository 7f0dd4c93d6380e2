/**
 * The influence plugin's GraphQL fields:
 *
 *   analytics { influence(measure: PAGERANK, on: TIES, top: 10, kinds: [CUSTOMER], side: OUTSIDE) { actor { key name } score rank } }
 *   actor(key: "crm:4711") { influence(measure: BETWEENNESS) { score rank } }
 *
 * Both run the measure's analytic through the host (worker pool, cached by graph version and
 * params), then rank on the event loop: `top` is a bounded heap, a per-actor rank is one sort per
 * cached result.
 */
import {
  badUserInput, type ActorKind, type ActorView, type PluginArgBuilder, type PluginRequestScope, type PluginSchema, type Side,
  sideOf,
} from '../../src/plugin-api/index.js';
import { rank } from './algorithms/rank.js';
import { top } from './algorithms/top.js';
import type { GraphParams, InfluenceOptions, InfluenceResult } from './params.js';

const MEASURES = {
  PAGERANK: { analytic: 'pagerank', description: 'Weighted PageRank (alpha 0.85): influence flowing along directed edges.' },
  DEGREE: { analytic: 'degree', description: 'In- plus out-degree; strength (summed weights) when weighted.' },
  IN_DEGREE: { analytic: 'degree', description: 'Edges received (strength when weighted).' },
  OUT_DEGREE: { analytic: 'degree', description: 'Edges given (strength when weighted).' },
  BETWEENNESS: { analytic: 'betweenness', description: 'Share of shortest paths through the actor (brokerage); sampled on large graphs.' },
  EIGENVECTOR: { analytic: 'eigenvector', description: 'Connected to well-connected actors (unit Euclidean norm).' },
} as const;
type Measure = keyof typeof MEASURES;

interface ScoreRow {
  actor: ActorView;
  score: number;
  rank: number;
}

interface GraphArgs {
  measure: Measure;
  on: 'TIES' | 'EXCHANGES' | 'BOTH';
  weight?: 'TIE_WEIGHT' | 'AMOUNT' | 'COUNT' | null;
  weighted?: boolean | null;
  nodeKinds?: ActorKind[] | null;
  tieTypes?: GraphParams['tieTypes'] | null;
  valueKinds?: GraphParams['valueKinds'] | null;
  tangible?: boolean | null;
  since?: string | null;
  until?: string | null;
  sample?: number | null;
}

/** The analytic and params a measure and its arguments stand for. */
function toRun(args: GraphArgs, options: InfluenceOptions): { analytic: string; params: Record<string, unknown> } {
  if (args.since && args.until && new Date(args.since).getTime() >= new Date(args.until).getTime()) throw badUserInput('until', 'must be after since');
  const params: Record<string, unknown> = { on: args.on };
  for (const key of ['weight', 'weighted', 'nodeKinds', 'tieTypes', 'valueKinds', 'tangible', 'since', 'until'] as const) {
    const value = args[key];
    if (value !== null && value !== undefined) params[key] = value;
  }
  switch (args.measure) {
    case 'DEGREE': params.direction = 'total'; break;
    case 'IN_DEGREE': params.direction = 'in'; break;
    case 'OUT_DEGREE': params.direction = 'out'; break;
    case 'BETWEENNESS':
      params.exactUpTo = options.exactBetweennessUpTo;
      params.autoSample = options.betweennessSample;
      if (args.sample !== null && args.sample !== undefined) params.sample = args.sample;
      break;
    default:
  }
  if (args.measure !== 'BETWEENNESS' && args.sample !== null && args.sample !== undefined) {
    throw badUserInput('sample', 'applies to BETWEENNESS only');
  }
  if (args.sample !== null && args.sample !== undefined && args.sample < 1) throw badUserInput('sample', 'must be at least 1 (pivots to sample)');
  return { analytic: MEASURES[args.measure].analytic, params };
}

/** One rank array per cached result (results are shared while the graph version holds). */
const ranks = new WeakMap<Float64Array, Uint32Array>();
const ranksOf = (scores: Float64Array): Uint32Array => {
  let r = ranks.get(scores);
  if (!r) ranks.set(scores, (r = rank(scores)));
  return r;
};

const run = (scope: PluginRequestScope<InfluenceOptions>, args: GraphArgs) => {
  const { analytic, params } = toRun(args, scope.options);
  return scope.run<InfluenceResult>(analytic, params);
};

export function influenceSchema(schema: PluginSchema<InfluenceOptions>): void {
  const { builder } = schema;

  const MeasureEnum = builder.enumType('InfluenceMeasure', {
    description: 'A centrality measure.',
    values: Object.fromEntries(Object.entries(MEASURES).map(([k, v]) => [k, { description: v.description }])) as Record<Measure, { description: string }>,
  });
  const EdgesEnum = builder.enumType('InfluenceEdges', {
    description: 'Which relationships are edges: ties, value exchanges, or both.',
    values: ['TIES', 'EXCHANGES', 'BOTH'] as const,
  });
  const WeightEnum = builder.enumType('InfluenceWeight', {
    description: 'What an edge weighs: tie weight, exchanged amount, or 1 per relationship (parallel ones summed).',
    values: ['TIE_WEIGHT', 'AMOUNT', 'COUNT'] as const,
  });

  const ScoreRef = builder.objectRef<ScoreRow>('InfluenceScore').implement({
    description: 'An actor\'s score on a measure, and its rank (1 = most influential) among the actors considered.',
    fields: (t) => ({
      actor: t.field({ type: schema.Actor, resolve: (r) => r.actor }),
      score: t.exposeFloat('score'),
      rank: t.exposeInt('rank'),
    }),
  });

  const graphArgs = (arg: PluginArgBuilder) => ({
    measure: arg({ type: MeasureEnum, required: true, defaultValue: 'PAGERANK' }),
    on: arg({ type: EdgesEnum, required: true, defaultValue: 'TIES' }),
    weight: arg({ type: WeightEnum, description: 'Default: TIE_WEIGHT on TIES, AMOUNT on EXCHANGES, COUNT on BOTH.' }),
    weighted: arg.boolean({ description: 'Use edge weights. Default: yes for PAGERANK and EIGENVECTOR, no for the others.' }),
    nodeKinds: arg({ type: [schema.ActorKind], description: 'Only these actors (and the edges among them) form the graph.' }),
    tieTypes: arg({ type: [schema.TieType] }),
    valueKinds: arg({ type: [schema.ValueKind] }),
    tangible: arg.boolean(),
    since: arg({ type: 'DateTime', description: 'Inclusive; exchange time and tie `since`.' }),
    until: arg({ type: 'DateTime', description: 'Exclusive.' }),
    sample: arg.int({ description: 'BETWEENNESS only: pivots to sample (default: exact on small graphs, sampled on large ones).' }),
  });

  schema.analyticsField('influence', (t) => t.field({
    type: [ScoreRef],
    description: 'The most influential actors on a measure, best first.',
    args: {
      ...graphArgs(t.arg),
      top: t.arg.int({ required: true, defaultValue: 10, description: 'How many (at most the plugin option maxTop).' }),
      kinds: t.arg({ type: [schema.ActorKind], description: 'Rank only actors of these kinds (the graph keeps everyone).' }),
      side: t.arg({ type: schema.Side, description: 'Rank only actors on this side.' }),
    },
    resolve: async (_root, args, context, info) => {
      const scope = schema.scope(context, info);
      if (args.top < 0 || args.top > scope.options.maxTop) throw badUserInput('top', `must be between 0 and ${scope.options.maxTop}`);
      const result = await run(scope, args as GraphArgs);
      const { kinds } = result.graph;
      const wantedKinds = args.kinds?.length ? new Set<ActorKind>(args.kinds) : null;
      const side: Side | null = args.side ?? null;
      const filter = wantedKinds || side
        ? (i: number) => (!wantedKinds || wantedKinds.has(kinds[i])) && (!side || sideOf(kinds[i]) === side)
        : null;
      const best = top(result.value.scores, args.top, { filter });
      const actors = await scope.actorsByKeys([...best].map((i) => result.graph.keys[i]));
      const rows: ScoreRow[] = [];
      best.forEach((i, position) => {
        const actor = actors[position];
        if (actor) rows.push({ actor, score: result.value.scores[i], rank: position + 1 });
      });
      return rows;
    },
  }));

  schema.actorField('influence', (t) => t.field({
    type: ScoreRef,
    nullable: true,
    description: 'This actor\'s score and rank among all actors of the graph; null when the graph leaves it out.',
    args: graphArgs(t.arg),
    resolve: async (actor, args, context, info) => {
      const result = await run(schema.scope(context, info), args as GraphArgs);
      const i = result.graph.indexOf(actor.key);
      if (i < 0) return null;
      const score = result.value.scores[i];
      return Number.isFinite(score) ? { actor, score, rank: ranksOf(result.value.scores)[i] } : null;
    },
  }));
}
