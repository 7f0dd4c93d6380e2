/**
 * The value-flow plugin's GraphQL fields (value network analysis, Verna Allee):
 *
 *   analytics { valueFlow(since: "2026-01-01T00:00:00Z") {
 *     exchanges totals { kind count amount }
 *     actors(top: 5, orderBy: EXCHANGES) { actor { name } tangible { inCount outCount } intangible { inCount outCount } }
 *     reciprocity(window: 30) { share pairs(top: 5) { a { name } b { name } aToB bToA share } }
 *     matrix(groupBy: TEAM) { cells { from { key } to { key } count reciprocity } }
 *     brokerage { total brokers(top: 5) { actor { name } vitality relay insideToOutside outsideToInside } }
 *     series(period: MONTH) { start count tangibleCount intangibleCount }
 *     trace(channel: "email", occurredAt: "2026-03-02T09:00:00Z") { responses { responder { name } } exchanges { kind amount via } }
 *   } }
 *   actor(key: "crm:c-0101") { valueFlow { tangible { net } intangible { net } reciprocity { givenShare } } }
 *
 * `valueFlow` only fixes the exchanges read (value kinds, tangible, time window); each sub-field
 * runs its own analytic (worker pool, cached by graph version and params) with its own arguments,
 * so a query computes only what it asks for.
 */
import type { GraphQLResolveInfo, SelectionSetNode } from '../../src/plugin-api/index.js';
import {
  ACTOR_KINDS, SIGNAL_KINDS, SIGNAL_STATUSES, VALUE_KINDS, badUserInput, isTangible, sideOf,
  type ActorKind, type ActorView, type AnalyticResult, type PluginArgBuilder, type PluginRequestContext, type PluginSchema, type Side, type ValueKind,
} from '../../src/plugin-api/index.js';
import { VIA } from './algorithms/trace.js';
import { MAX_BUCKETS } from './algorithms/series.js';
import type {
  BalancesResult, BrokersResult, ExchangeParams, MatrixResult, ReciprocityResult, SeriesResult, TraceResult, TraceRow, ValueFlowOptions,
} from './params.js';

const K = VALUE_KINDS.length;
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const iso = (ms: number): string => new Date(ms).toISOString();

/** A DateTime argument as an ISO string (the scalar parses input to a Date). */
const isoOf = (value: string | Date | null | undefined): string | undefined =>
  (value === null || value === undefined ? undefined : value instanceof Date ? value.toISOString() : new Date(value).toISOString());

interface ReportArgs {
  valueKinds?: ValueKind[] | null;
  tangible?: boolean | null;
  since?: string | Date | null;
  until?: string | Date | null;
}

/** The exchange params of the field arguments, checked so that errors name the argument. */
function exchangeParamsOf(args: ReportArgs): ExchangeParams {
  const params: ExchangeParams = {};
  if (args.valueKinds?.length) params.valueKinds = args.valueKinds;
  if (args.tangible !== null && args.tangible !== undefined) params.tangible = args.tangible;
  const since = isoOf(args.since);
  const until = isoOf(args.until);
  if (since) params.since = since;
  if (until) params.until = until;
  if (since && until && since >= until) throw badUserInput('until', 'must be after since');
  if (params.valueKinds && params.tangible !== undefined && !params.valueKinds.some((k) => isTangible(k) === params.tangible)) {
    throw badUserInput('tangible', `none of the valueKinds is ${params.tangible ? 'tangible' : 'intangible'}`);
  }
  return params;
}

const RECIPROCITY_FIELDS = new Set(['reciprocated', 'reciprocity']);

/** True when the field being resolved selects, at any depth (fragments included), a field named in `names`. */
function selects(info: GraphQLResolveInfo, names: ReadonlySet<string>): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean => !!set && set.selections.some((node) => {
    if (node.kind === 'Field') return names.has(node.name.value) || visit(node.selectionSet);
    if (node.kind === 'InlineFragment') return visit(node.selectionSet);
    return visit(info.fragments[node.name.value]?.selectionSet);
  });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

const checkDays = (name: string, value: number) => {
  if (!(value >= 0 && value <= 3_650)) throw badUserInput(name, 'must be a number of days between 0 and 3650');
};

interface Report { params: ExchangeParams }
interface KindTotal { kind: ValueKind; count: number; amount: number }
interface ActorRow { params: ExchangeParams; run: AnalyticResult<BalancesResult>; node: number; actor: ActorView; rank: number | null }
interface Balance { inCount: number; outCount: number; inflow: number; outflow: number }
interface KindBalance extends Balance { kind: ValueKind }
interface ActorReciprocityRow { given: number; givenReciprocated: number; received: number; receivedAnswered: number }
interface PairRow { a: ActorView; b: ActorView; aToB: number; bToA: number; aToBReciprocated: number; bToAReciprocated: number }
interface GroupRow { id: number; key: string; side: Side | null; kind: ActorKind | null; team: ActorView | null; community: number | null }
interface MatrixRow { run: AnalyticResult<MatrixResult>; groups: GroupRow[]; params: Record<string, unknown> }
interface CellRow { matrix: MatrixRow; c: number; from: GroupRow; to: GroupRow; count: Uint32Array; amount: Float64Array }
interface BrokerageRow { run: AnalyticResult<BrokersResult> }
interface BrokerRow { run: AnalyticResult<BrokersResult>; node: number; actor: ActorView; rank: number }
interface PeriodRow { start: number; end: number; count: Uint32Array; amount: Float64Array }
interface TraceView { row: TraceRow; keys: readonly string[] }

const kindTotals = (count: ArrayLike<number>, amount: ArrayLike<number>, offset = 0, keepEmpty = false): KindTotal[] =>
  VALUE_KINDS.flatMap((kind, k) => (keepEmpty || count[offset + k] > 0 ? [{ kind, count: count[offset + k], amount: amount[offset + k] }] : []));
const countWhere = (count: ArrayLike<number>, offset: number, tangible: boolean) =>
  VALUE_KINDS.reduce((sum, kind, k) => sum + (isTangible(kind) === tangible ? count[offset + k] : 0), 0);

const ORDERS = {
  EXCHANGES: 'Exchanges given and received.',
  IN_COUNT: 'Exchanges received.',
  OUT_COUNT: 'Exchanges given.',
  NET_COUNT: 'Exchanges received minus given.',
  INFLOW: 'Amount received (all kinds summed: filter one value kind for one unit).',
  OUTFLOW: 'Amount given (all kinds summed).',
  NET: 'Amount received minus given (all kinds summed).',
} as const;
type Order = keyof typeof ORDERS;

/** Node order by a balance measure, computed once per cached result and order. */
const actorOrders = new WeakMap<Float64Array, Map<string, Uint32Array>>();
function actorOrder(b: BalancesResult, order: Order, ascending: boolean): Uint32Array {
  let byOrder = actorOrders.get(b.inAmount);
  if (!byOrder) actorOrders.set(b.inAmount, (byOrder = new Map()));
  const cacheKey = `${order}:${ascending}`;
  let cached = byOrder.get(cacheKey);
  if (!cached) {
    const n = b.inAmount.length / K;
    const score = new Float64Array(n);
    const nodes: number[] = [];
    for (let a = 0; a < n; a++) {
      let inC = 0, outC = 0, inA = 0, outA = 0;
      for (let k = 0; k < K; k++) {
        inC += b.inCount[a * K + k];
        outC += b.outCount[a * K + k];
        inA += b.inAmount[a * K + k];
        outA += b.outAmount[a * K + k];
      }
      if (inC + outC === 0) continue;
      nodes.push(a);
      score[a] = { EXCHANGES: inC + outC, IN_COUNT: inC, OUT_COUNT: outC, NET_COUNT: inC - outC, INFLOW: inA, OUTFLOW: outA, NET: inA - outA }[order];
    }
    nodes.sort((x, y) => (ascending ? score[x] - score[y] : score[y] - score[x]) || x - y);
    byOrder.set(cacheKey, (cached = Uint32Array.from(nodes)));
  }
  return cached;
}

function balanceOf(b: BalancesResult, node: number, keep: (kind: ValueKind) => boolean): Balance {
  const r: Balance = { inCount: 0, outCount: 0, inflow: 0, outflow: 0 };
  VALUE_KINDS.forEach((kind, k) => {
    if (!keep(kind)) return;
    r.inCount += b.inCount[node * K + k];
    r.outCount += b.outCount[node * K + k];
    r.inflow += b.inAmount[node * K + k];
    r.outflow += b.outAmount[node * K + k];
  });
  return r;
}

export function valueFlowSchema(schema: PluginSchema<ValueFlowOptions>): void {
  const { builder } = schema;
  const actorsOf = (context: PluginRequestContext, info: GraphQLResolveInfo, keys: string[]) => schema.scope(context, info).actorsByKeys(keys);
  const checkTop = (context: PluginRequestContext, info: GraphQLResolveInfo, name: string, value: number) => {
    const { maxTop } = schema.scope(context, info).options;
    if (value < 0 || value > maxTop) throw badUserInput(name, `must be between 0 and ${maxTop}`);
  };
  const run = <R>(context: PluginRequestContext, info: GraphQLResolveInfo, analytic: string, params: object) =>
    schema.scope(context, info).run<R>(analytic, params);

  const GroupByEnum = builder.enumType('ValueFlowGroupBy', {
    description: 'How actors are grouped: by side, by kind, by team (outsiders by kind), or by Louvain community of the exchange graph.',
    values: ['SIDE', 'KIND', 'TEAM', 'COMMUNITY'] as const,
  });
  const PeriodEnum = builder.enumType('ValueFlowPeriod', {
    description: 'Bucket of a time series: UTC days, ISO weeks (from Monday) or calendar months.',
    values: ['DAY', 'WEEK', 'MONTH'] as const,
  });
  const MeasureEnum = builder.enumType('ValueFlowMeasure', {
    description: 'COUNT: every exchange counts 1 (kinds have different units); AMOUNT: summed amounts (meaningful with one value kind).',
    values: ['COUNT', 'AMOUNT'] as const,
  });
  const OrderEnum = builder.enumType('ValueFlowActorOrder', {
    description: 'What actors are ranked by.',
    values: Object.fromEntries(Object.entries(ORDERS).map(([k, description]) => [k, { description }])) as Record<Order, { description: string }>,
  });
  const ViaEnum = builder.enumType('ValueFlowVia', {
    description: 'How the other end of an exchange that followed a signal relates to it.',
    values: { RESPONDER: { description: 'It answered the signal.' }, TEAM: { description: 'The team of one who answered.' }, ORGANIZATION: { description: 'The organisation.' } },
  });

  const KindTotalRef = builder.objectRef<KindTotal>('ValueFlowKindTotal').implement({
    description: 'Exchanges of one value kind and their summed amount (in that kind\'s unit).',
    fields: (t) => ({
      kind: t.field({ type: schema.ValueKind, resolve: (r) => r.kind }),
      tangible: t.boolean({ resolve: (r) => isTangible(r.kind) }),
      count: t.exposeInt('count'),
      amount: t.exposeFloat('amount'),
    }),
  });

  const BalanceRef = builder.objectRef<Balance>('ValueFlowBalance').implement({
    description: 'What an actor received and gave. Amounts are summed across kinds (mixed units unless one kind is selected); counts always add up.',
    fields: (t) => ({
      inCount: t.exposeInt('inCount'),
      outCount: t.exposeInt('outCount'),
      netCount: t.int({ resolve: (r) => r.inCount - r.outCount }),
      inflow: t.exposeFloat('inflow'),
      outflow: t.exposeFloat('outflow'),
      net: t.float({ resolve: (r) => r.inflow - r.outflow }),
    }),
  });
  const KindBalanceRef = builder.objectRef<KindBalance>('ValueFlowKindBalance').implement({
    description: 'What an actor received and gave of one value kind.',
    fields: (t) => ({
      kind: t.field({ type: schema.ValueKind, resolve: (r) => r.kind }),
      tangible: t.boolean({ resolve: (r) => isTangible(r.kind) }),
      inCount: t.exposeInt('inCount'),
      outCount: t.exposeInt('outCount'),
      inflow: t.exposeFloat('inflow'),
      outflow: t.exposeFloat('outflow'),
      net: t.float({ resolve: (r) => r.inflow - r.outflow }),
    }),
  });
  const ActorReciprocityRef = builder.objectRef<ActorReciprocityRow>('ValueFlowActorReciprocity').implement({
    description: 'How much of what an actor gave came back, and how much of what it received it answered, within the window.',
    fields: (t) => ({
      given: t.exposeInt('given'),
      givenReciprocated: t.exposeInt('givenReciprocated'),
      givenShare: t.float({ nullable: true, resolve: (r) => share(r.givenReciprocated, r.given) }),
      received: t.exposeInt('received'),
      receivedAnswered: t.exposeInt('receivedAnswered'),
      receivedShare: t.float({ nullable: true, resolve: (r) => share(r.receivedAnswered, r.received) }),
    }),
  });

  const ActorRef = builder.objectRef<ActorRow>('ValueFlowActor').implement({
    description: 'An actor\'s value balance: inflow, outflow and net, tangible and intangible, by value kind.',
    fields: (t) => ({
      actor: t.field({ type: schema.Actor, resolve: (r) => r.actor }),
      rank: t.int({ nullable: true, description: 'Rank in the list asked for; null outside a list.', resolve: (r) => r.rank }),
      exchanges: t.int({ description: 'Exchanges given and received.', resolve: (r) => { const b = balanceOf(r.run.value, r.node, () => true); return b.inCount + b.outCount; } }),
      total: t.field({ type: BalanceRef, resolve: (r) => balanceOf(r.run.value, r.node, () => true) }),
      tangible: t.field({ type: BalanceRef, description: 'MONEY, GOODS and SERVICE.', resolve: (r) => balanceOf(r.run.value, r.node, (k) => isTangible(k)) }),
      intangible: t.field({ type: BalanceRef, description: 'KNOWLEDGE, FEEDBACK, IDEA, REFERRAL, SUPPORT and RECOGNITION.', resolve: (r) => balanceOf(r.run.value, r.node, (k) => !isTangible(k)) }),
      byKind: t.field({
        type: [KindBalanceRef],
        description: 'Per value kind it exchanged.',
        resolve: (r) => VALUE_KINDS.map((kind) => ({ kind, ...balanceOf(r.run.value, r.node, (k) => k === kind) })).filter((b) => b.inCount + b.outCount > 0),
      }),
      reciprocity: t.field({
        type: ActorReciprocityRef,
        args: { window: t.arg.float({ required: true, defaultValue: 30, description: 'Days within which value in return counts.' }) },
        resolve: async (r, args, context, info) => {
          checkDays('window', args.window);
          const result = await run<ReciprocityResult>(context, info, 'reciprocity', { ...r.params, window: args.window });
          const a = result.value.actors;
          return { given: a.given[r.node], givenReciprocated: a.givenReciprocated[r.node], received: a.received[r.node], receivedAnswered: a.receivedAnswered[r.node] };
        },
      }),
    }),
  });

  const PairRef = builder.objectRef<PairRow>('ValueFlowPair').implement({
    description: 'Two actors that exchanged value, and how much of it was reciprocated each way.',
    fields: (t) => ({
      a: t.field({ type: schema.Actor, resolve: (r) => r.a }),
      b: t.field({ type: schema.Actor, resolve: (r) => r.b }),
      exchanges: t.int({ resolve: (r) => r.aToB + r.bToA }),
      aToB: t.exposeInt('aToB'),
      bToA: t.exposeInt('bToA'),
      aToBReciprocated: t.exposeInt('aToBReciprocated'),
      bToAReciprocated: t.exposeInt('bToAReciprocated'),
      share: t.float({ nullable: true, description: 'Share of the pair\'s exchanges reciprocated.', resolve: (r) => share(r.aToBReciprocated + r.bToAReciprocated, r.aToB + r.bToA) }),
    }),
  });

  const GroupRef = builder.objectRef<GroupRow>('ValueFlowGroup').implement({
    description: 'A group of actors: a side, a kind, a team (or the inside actors without one) or a community.',
    fields: (t) => ({
      id: t.exposeInt('id'),
      key: t.exposeString('key', { description: 'INSIDE / OUTSIDE, a kind, a team\'s key (INSIDE: inside actors without a team), or community:<n>.' }),
      side: t.field({ type: schema.Side, nullable: true, resolve: (r) => r.side }),
      kind: t.field({ type: schema.ActorKind, nullable: true, resolve: (r) => r.kind }),
      team: t.field({ type: schema.Actor, nullable: true, resolve: (r) => r.team }),
      community: t.int({ nullable: true, resolve: (r) => r.community }),
    }),
  });

  /** A cell's reciprocated count: from its matrix, or from the same matrix run with reciprocity (cells come in the same order). */
  const reciprocatedIn = async (r: CellRow, context: PluginRequestContext, info: GraphQLResolveInfo): Promise<number> => {
    if (r.matrix.run.value.reciprocity) return r.matrix.run.value.flows.reciprocated[r.c];
    const full = await run<MatrixResult>(context, info, 'matrix', { ...r.matrix.params, reciprocity: true });
    return full.value.flows.reciprocated[r.c];
  };

  const CellRef = builder.objectRef<CellRow>('ValueFlowCell').implement({
    description: 'Value flowing from one group to another, by kind, and how much of it was reciprocated.',
    fields: (t) => ({
      from: t.field({ type: GroupRef, resolve: (r) => r.from }),
      to: t.field({ type: GroupRef, resolve: (r) => r.to }),
      count: t.int({ resolve: (r) => r.count.reduce((s, x) => s + x, 0) }),
      tangibleCount: t.int({ resolve: (r) => countWhere(r.count, 0, true) }),
      intangibleCount: t.int({ resolve: (r) => countWhere(r.count, 0, false) }),
      byKind: t.field({ type: [KindTotalRef], resolve: (r) => kindTotals(r.count, r.amount) }),
      reciprocated: t.int({ description: 'Of these exchanges, how many were reciprocated within the window.', resolve: (r, _a, context, info) => reciprocatedIn(r, context, info) }),
      reciprocity: t.float({
        nullable: true,
        description: 'Share of these exchanges reciprocated within the window.',
        resolve: async (r, _a, context, info) => share(await reciprocatedIn(r, context, info), r.count.reduce((s, x) => s + x, 0)),
      }),
    }),
  });

  const groupRows = async (result: AnalyticResult<MatrixResult>, context: PluginRequestContext, info: GraphQLResolveInfo): Promise<GroupRow[]> => {
    const g = result.value.groups;
    const teamKeys: string[] = [];
    for (let i = 0; i < g.count; i++) if (g.team[i] >= 0) teamKeys.push(result.graph.keys[g.team[i]]);
    const teams = await actorsOf(context, info, teamKeys);
    let t = 0;
    return Array.from({ length: g.count }, (_x, id) => {
      const team = g.team[id] >= 0 ? teams[t++] : null;
      const kind = g.kind[id] >= 0 ? ACTOR_KINDS[g.kind[id]] : null;
      const side: Side | null = g.side[id] === 0 ? 'INSIDE' : g.side[id] === 1 ? 'OUTSIDE' : null;
      const key = g.team[id] >= 0 ? result.graph.keys[g.team[id]] : g.community[id] >= 0 ? `community:${g.community[id]}` : kind ?? side ?? 'INSIDE';
      return { id, key, side, kind, team: team ?? null, community: g.community[id] >= 0 ? g.community[id] : null };
    });
  };
  const cellRows = (m: MatrixRow, top: number | null | undefined): CellRow[] => {
    const f = m.run.value.flows;
    const order = Array.from({ length: f.cells }, (_x, c) => c);
    const total = (c: number) => { let s = 0; for (let k = 0; k < K; k++) s += f.count[c * K + k]; return s; };
    if (top !== null && top !== undefined) order.sort((a, b) => total(b) - total(a) || a - b).splice(top);
    return order.map((c) => ({
      matrix: m, c, from: m.groups[f.from[c]], to: m.groups[f.to[c]], count: f.count.subarray(c * K, (c + 1) * K), amount: f.amount.subarray(c * K, (c + 1) * K),
    }));
  };

  const MatrixRef = builder.objectRef<MatrixRow>('ValueFlowMatrix').implement({
    description: 'The flow matrix between groups (sparse: only cells that carry value).',
    fields: (t) => ({
      groupBy: t.field({ type: GroupByEnum, resolve: (r) => r.run.value.groups.by }),
      modularity: t.float({ nullable: true, description: 'COMMUNITY: modularity of the communities of the exchange graph.', resolve: (r) => finite(r.run.value.modularity) }),
      groups: t.field({ type: [GroupRef], resolve: (r) => r.groups }),
      cells: t.field({
        type: [CellRef],
        description: 'Non-empty cells by from group, then to group; with `top`, the busiest first.',
        args: { top: t.arg.int() },
        resolve: (r, args, context, info) => {
          if (args.top !== null && args.top !== undefined) checkTop(context, info, 'top', args.top);
          return cellRows(r, args.top);
        },
      }),
    }),
  });

  /** The matrix analytic, with reciprocity only when the query selects it (it costs one more pass over the exchanges). */
  const matrixField = async (params: ExchangeParams, groupBy: string, window: number, resolution: number, context: PluginRequestContext, info: GraphQLResolveInfo): Promise<MatrixRow> => {
    checkDays('window', window);
    if (!(resolution > 0 && resolution <= 1_000)) throw badUserInput('resolution', 'must be a number in (0, 1000]');
    const matrixParams = { ...params, groupBy, window, resolution };
    const reciprocity = selects(info, RECIPROCITY_FIELDS);
    const result = await run<MatrixResult>(context, info, 'matrix', { ...matrixParams, reciprocity });
    return { run: result, groups: await groupRows(result, context, info), params: matrixParams };
  };

  const ReciprocityRef = builder.objectRef<{ params: ExchangeParams; run: AnalyticResult<ReciprocityResult> }>('ValueFlowReciprocity').implement({
    description: 'Reciprocity: the share of exchanges a → b followed by value b → a within the window.',
    fields: (t) => ({
      window: t.float({ description: 'Days.', resolve: (r) => r.run.value.windowDays }),
      exchanges: t.int({ resolve: (r) => r.run.value.exchanges }),
      reciprocated: t.int({ resolve: (r) => r.run.value.reciprocated }),
      share: t.float({ nullable: true, resolve: (r) => share(r.run.value.reciprocated, r.run.value.exchanges) }),
      pairs: t.field({
        type: [PairRef],
        description: 'The pairs that exchanged most, busiest first.',
        args: { top: t.arg.int({ required: true, defaultValue: 10 }) },
        resolve: async (r, args, context, info) => {
          checkTop(context, info, 'top', args.top);
          const p = r.run.value.pairs;
          const order = Array.from({ length: p.count }, (_x, i) => i)
            .sort((x, y) => p.aToB[y] + p.bToA[y] - p.aToB[x] - p.bToA[x] || x - y).slice(0, args.top);
          const keys = r.run.graph.keys;
          const actors = await actorsOf(context, info, order.flatMap((i) => [keys[p.a[i]], keys[p.b[i]]]));
          return order.flatMap((i, k) => {
            const [a, b] = [actors[2 * k], actors[2 * k + 1]];
            return a && b ? [{ a, b, aToB: p.aToB[i], bToA: p.bToA[i], aToBReciprocated: p.aToBReciprocated[i], bToAReciprocated: p.bToAReciprocated[i] }] : [];
          });
        },
      }),
      groups: t.field({
        type: [CellRef],
        description: 'Reciprocity between groups (the flow matrix\'s cells).',
        args: { groupBy: t.arg({ type: GroupByEnum, required: true, defaultValue: 'SIDE' }), resolution: t.arg.float({ required: true, defaultValue: 1 }) },
        resolve: async (r, args, context, info) => cellRows(await matrixField(r.params, args.groupBy, r.run.value.windowDays, args.resolution, context, info), null),
      }),
    }),
  });

  const BrokerRef = builder.objectRef<BrokerRow>('ValueFlowBroker').implement({
    description: 'A value broker: how much the value relayed across the inside/outside boundary drops without it, and what it relays itself.',
    fields: (t) => ({
      actor: t.field({ type: schema.Actor, resolve: (r) => r.actor }),
      rank: t.exposeInt('rank'),
      vitality: t.float({ description: 'M − M without this actor: the drop of the relayed flow if it went (what brokers are ranked by).', resolve: (r) => r.run.value.vitality[r.node] }),
      relay: t.float({ description: 'insideToOutside + outsideToInside: value it relays itself.', resolve: (r) => r.run.value.relay[r.node] }),
      insideToOutside: t.float({ resolve: (r) => r.run.value.insideToOutside[r.node] }),
      outsideToInside: t.float({ resolve: (r) => r.run.value.outsideToInside[r.node] }),
      inFromInside: t.float({ resolve: (r) => r.run.value.inFromInside[r.node] }),
      inFromOutside: t.float({ resolve: (r) => r.run.value.inFromOutside[r.node] }),
      outToInside: t.float({ resolve: (r) => r.run.value.outToInside[r.node] }),
      outToOutside: t.float({ resolve: (r) => r.run.value.outToOutside[r.node] }),
    }),
  });
  const brokerOrders = new WeakMap<Float64Array, Uint32Array>();
  const BrokerageRef = builder.objectRef<BrokerageRow>('ValueFlowBrokerage').implement({
    description: 'Value relayed across the inside/outside boundary by intermediaries, and who relays it.',
    fields: (t) => ({
      total: t.float({ description: 'M = Σ relay over every actor: value relayed across the boundary by intermediaries.', resolve: (r) => r.run.value.total }),
      brokers: t.field({
        type: [BrokerRef],
        args: {
          top: t.arg.int({ required: true, defaultValue: 10 }),
          side: t.arg({ type: schema.Side, description: 'Only brokers on this side.' }),
          kinds: t.arg({ type: [schema.ActorKind], description: 'Only brokers of these kinds (e.g. people and companies, without the TEAM and ORGANIZATION nodes).' }),
        },
        resolve: async (r, args, context, info) => {
          checkTop(context, info, 'top', args.top);
          const { vitality, relay } = r.run.value;
          let order = brokerOrders.get(vitality);
          if (!order) {
            const nodes: number[] = [];
            for (let i = 0; i < vitality.length; i++) if (vitality[i] > 0) nodes.push(i);
            nodes.sort((a, b) => vitality[b] - vitality[a] || relay[b] - relay[a] || a - b);
            brokerOrders.set(vitality, (order = Uint32Array.from(nodes)));
          }
          const wanted = args.kinds?.length ? new Set<ActorKind>(args.kinds) : null;
          const kinds = r.run.graph.kinds;
          const picked = [...order].filter((i) => (!args.side || sideOf(kinds[i]) === args.side) && (!wanted || wanted.has(kinds[i]))).slice(0, args.top);
          const actors = await actorsOf(context, info, picked.map((i) => r.run.graph.keys[i]));
          const rows: BrokerRow[] = [];
          picked.forEach((node, k) => { if (actors[k]) rows.push({ run: r.run, node, actor: actors[k]!, rank: rows.length + 1 }); });
          return rows;
        },
      }),
    }),
  });

  const PeriodRef = builder.objectRef<PeriodRow>('ValueFlowBucket').implement({
    description: 'The value exchanged in one period.',
    fields: (t) => ({
      start: t.field({ type: 'DateTime', resolve: (r) => iso(r.start) }),
      end: t.field({ type: 'DateTime', description: 'Exclusive.', resolve: (r) => iso(r.end) }),
      count: t.int({ resolve: (r) => r.count.reduce((s, x) => s + x, 0) }),
      tangibleCount: t.int({ resolve: (r) => countWhere(r.count, 0, true) }),
      intangibleCount: t.int({ resolve: (r) => countWhere(r.count, 0, false) }),
      byKind: t.field({ type: [KindTotalRef], args: { all: t.arg.boolean({ description: 'Include kinds without exchanges.' }) }, resolve: (r, args) => kindTotals(r.count, r.amount, 0, args.all ?? false) }),
    }),
  });

  interface TraceResponseRow { responder: ActorView | null; respondedAt: number; channel: string; signalAt: number }
  interface TraceExchangeRow { from: ActorView | null; to: ActorView | null; kind: ValueKind; amount: number; occurredAt: number; via: (typeof VIA)[number]; signalAt: number }
  const TraceResponseRef = builder.objectRef<TraceResponseRow>('ValueFlowTraceResponse').implement({
    description: 'A response to the traced signal.',
    fields: (t) => ({
      responder: t.field({ type: schema.Actor, nullable: true, resolve: (r) => r.responder }),
      respondedAt: t.field({ type: 'DateTime', resolve: (r) => iso(r.respondedAt) }),
      channel: t.exposeString('channel'),
      hours: t.float({ description: 'Hours after the signal.', resolve: (r) => (r.respondedAt - r.signalAt) / 3_600_000 }),
    }),
  });
  const TraceExchangeRef = builder.objectRef<TraceExchangeRow>('ValueFlowTraceExchange').implement({
    description: 'A value exchange between the emitter of the traced signal and a counterpart, after the signal.',
    fields: (t) => ({
      from: t.field({ type: schema.Actor, nullable: true, resolve: (r) => r.from }),
      to: t.field({ type: schema.Actor, nullable: true, resolve: (r) => r.to }),
      kind: t.field({ type: schema.ValueKind, resolve: (r) => r.kind }),
      tangible: t.boolean({ resolve: (r) => isTangible(r.kind) }),
      amount: t.exposeFloat('amount'),
      occurredAt: t.field({ type: 'DateTime', resolve: (r) => iso(r.occurredAt) }),
      days: t.float({ description: 'Days after the signal.', resolve: (r) => (r.occurredAt - r.signalAt) / 86_400_000 }),
      via: t.field({ type: ViaEnum, resolve: (r) => r.via }),
    }),
  });
  const TraceRef = builder.objectRef<TraceView>('ValueFlowTrace').implement({
    description: 'A signal, its responses, and the value exchanged with its emitter in the days after it.',
    fields: (t) => ({
      channel: t.string({ resolve: (r) => r.row.channel }),
      kind: t.string({ description: 'The signal kind (SignalKind).', resolve: (r) => SIGNAL_KINDS[r.row.kind] }),
      status: t.string({ description: 'The signal status (SignalStatus).', resolve: (r) => SIGNAL_STATUSES[r.row.status] }),
      occurredAt: t.field({ type: 'DateTime', resolve: (r) => iso(r.row.occurredAt) }),
      emitter: t.field({ type: schema.Actor, nullable: true, resolve: async (r, _a, context, info) => (r.row.emitter < 0 ? null : (await actorsOf(context, info, [r.keys[r.row.emitter]]))[0]) }),
      responses: t.field({
        type: [TraceResponseRef],
        resolve: async (r, _a, context, info) => {
          const x = r.row.responses;
          const actors = await actorsOf(context, info, Array.from(x.responder, (a) => (a >= 0 ? r.keys[a] : '')));
          return Array.from(x.responder, (a, i) => ({ responder: a >= 0 ? actors[i] : null, respondedAt: x.respondedAt[i], channel: x.channel[i], signalAt: r.row.occurredAt }));
        },
      }),
      exchanges: t.field({
        type: [TraceExchangeRef],
        resolve: async (r, _a, context, info) => {
          const x = r.row.exchanges;
          const actors = await actorsOf(context, info, [...Array.from(x.from, (a) => r.keys[a]), ...Array.from(x.to, (a) => r.keys[a])]);
          return Array.from(x.from, (_a, i) => ({
            from: actors[i], to: actors[x.from.length + i], kind: VALUE_KINDS[x.kind[i]], amount: x.amount[i], occurredAt: x.occurredAt[i], via: VIA[x.via[i]], signalAt: r.row.occurredAt,
          }));
        },
      }),
      value: t.field({
        type: [KindTotalRef],
        description: 'The exchanges that followed, per value kind.',
        resolve: (r) => {
          const count = new Uint32Array(K);
          const amount = new Float64Array(K);
          r.row.exchanges.kind.forEach((k, i) => { count[k]++; amount[k] += r.row.exchanges.amount[i]; });
          return kindTotals(count, amount);
        },
      }),
    }),
  });

  const ReportRef = builder.objectRef<Report>('ValueFlowReport').implement({
    description: 'Value network analysis of the selected exchanges.',
    fields: (t) => ({
      exchanges: t.int({ description: 'Exchanges selected.', resolve: async (r, _a, context, info) => (await run<BalancesResult>(context, info, 'balances', r.params)).value.exchanges }),
      totals: t.field({
        type: [KindTotalRef],
        description: 'Per value kind: exchanges and amount.',
        resolve: async (r, _a, context, info) => {
          const { totals } = (await run<BalancesResult>(context, info, 'balances', r.params)).value;
          return kindTotals(totals.count, totals.amount);
        },
      }),
      tangibleCount: t.int({ resolve: async (r, _a, context, info) => countWhere((await run<BalancesResult>(context, info, 'balances', r.params)).value.totals.count, 0, true) }),
      intangibleCount: t.int({ resolve: async (r, _a, context, info) => countWhere((await run<BalancesResult>(context, info, 'balances', r.params)).value.totals.count, 0, false) }),
      actors: t.field({
        type: [ActorRef],
        description: 'Actors ranked by a balance measure (actors without exchanges left out).',
        args: {
          top: t.arg.int({ required: true, defaultValue: 10 }),
          orderBy: t.arg({ type: OrderEnum, required: true, defaultValue: 'EXCHANGES' }),
          ascending: t.arg.boolean({ required: true, defaultValue: false }),
          kinds: t.arg({ type: [schema.ActorKind], description: 'Only actors of these kinds.' }),
          side: t.arg({ type: schema.Side, description: 'Only actors on this side.' }),
        },
        resolve: async (r, args, context, info) => {
          checkTop(context, info, 'top', args.top);
          const result = await run<BalancesResult>(context, info, 'balances', r.params);
          const wanted = args.kinds?.length ? new Set<ActorKind>(args.kinds) : null;
          const kinds = result.graph.kinds;
          const picked: number[] = [];
          for (const node of actorOrder(result.value, args.orderBy, args.ascending)) {
            if (picked.length >= args.top) break;
            if ((!wanted || wanted.has(kinds[node])) && (!args.side || sideOf(kinds[node]) === args.side)) picked.push(node);
          }
          const actors = await actorsOf(context, info, picked.map((i) => result.graph.keys[i]));
          const rows: ActorRow[] = [];
          picked.forEach((node, k) => { if (actors[k]) rows.push({ params: r.params, run: result, node, actor: actors[k]!, rank: rows.length + 1 }); });
          return rows;
        },
      }),
      reciprocity: t.field({
        type: ReciprocityRef,
        description: 'Exchanges a → b followed by value b → a within the window.',
        args: { window: t.arg.float({ required: true, defaultValue: 30, description: 'Days within which value in return counts.' }) },
        resolve: async (r, args, context, info) => {
          checkDays('window', args.window);
          return { params: r.params, run: await run<ReciprocityResult>(context, info, 'reciprocity', { ...r.params, window: args.window }) };
        },
      }),
      matrix: t.field({
        type: MatrixRef,
        description: 'The flow matrix between groups of actors, by value kind, with reciprocity.',
        args: {
          groupBy: t.arg({ type: GroupByEnum, required: true, defaultValue: 'SIDE' }),
          window: t.arg.float({ required: true, defaultValue: 30, description: 'Days within which value in return counts as reciprocation.' }),
          resolution: t.arg.float({ required: true, defaultValue: 1, description: 'COMMUNITY: Louvain resolution.' }),
        },
        resolve: (r, args, context, info) => matrixField(r.params, args.groupBy, args.window, args.resolution, context, info),
      }),
      brokerage: t.field({
        type: BrokerageRef,
        description: 'Value relayed across the inside/outside boundary, and the brokers whose removal would reduce it most.',
        args: { measure: t.arg({ type: MeasureEnum, required: true, defaultValue: 'COUNT' }) },
        resolve: async (r, args, context, info) => ({ run: await run<BrokersResult>(context, info, 'brokers', { ...r.params, measure: args.measure }) }),
      }),
      series: t.field({
        type: [PeriodRef],
        description: 'Value exchanged per period (UTC), contiguous buckets from the window\'s start (or the first exchange) to its end (or the last).',
        args: {
          period: t.arg({ type: PeriodEnum, required: true, defaultValue: 'MONTH' }),
          fromSide: t.arg({ type: schema.Side }),
          toSide: t.arg({ type: schema.Side }),
        },
        resolve: async (r, args, context, info) => {
          // Known before running when the window is: too many buckets is then the caller's input error.
          const { since, until } = r.params as { since?: string; until?: string };
          if (since && until) {
            const days = (Date.parse(until) - Date.parse(since)) / 86_400_000;
            const buckets = args.period === 'DAY' ? days : args.period === 'WEEK' ? days / 7 : days / 30.436875;
            if (buckets > MAX_BUCKETS) throw badUserInput('period', `more than ${MAX_BUCKETS} ${args.period} buckets from since to until: narrow the window or take a longer period`);
          }
          const params: Record<string, unknown> = { ...r.params, period: args.period };
          if (args.fromSide) params.fromSide = args.fromSide;
          if (args.toSide) params.toSide = args.toSide;
          const { starts, count, amount } = (await run<SeriesResult>(context, info, 'series', params)).value;
          return Array.from({ length: Math.max(0, starts.length - 1) }, (_x, i) => ({
            start: starts[i], end: starts[i + 1], count: count.subarray(i * K, (i + 1) * K), amount: amount.subarray(i * K, (i + 1) * K),
          }));
        },
      }),
      trace: t.field({
        type: [TraceRef],
        description: 'The signal(s) on `channel` at exactly `occurredAt` (from `emitterKey`), each with its responses and the value exchanged with its emitter within `days` (value kinds and tangible apply, the time window does not).',
        args: {
          channel: t.arg.string({ required: true }),
          occurredAt: t.arg({ type: 'DateTime', required: true }),
          emitterKey: t.arg.string(),
          days: t.arg.float({ required: true, defaultValue: 30 }),
        },
        resolve: async (r, args, context, info) => {
          if (!args.channel.trim()) throw badUserInput('channel', 'must not be empty');
          checkDays('days', args.days);
          const params: Record<string, unknown> = { channel: args.channel, occurredAt: isoOf(args.occurredAt as string | Date), days: args.days };
          if (args.emitterKey) params.emitterKey = args.emitterKey;
          if (r.params.valueKinds) params.valueKinds = r.params.valueKinds;
          if (r.params.tangible !== undefined) params.tangible = r.params.tangible;
          const result = await run<TraceResult>(context, info, 'trace', params);
          return result.value.traces.map((row) => ({ row, keys: result.graph.keys }));
        },
      }),
    }),
  });

  const reportArgs = (arg: PluginArgBuilder) => ({
    valueKinds: arg({ type: [schema.ValueKind], description: 'Only these value kinds.' }),
    tangible: arg.boolean({ description: 'Only tangible (true) or intangible (false) value.' }),
    since: arg({ type: 'DateTime', description: 'Inclusive.' }),
    until: arg({ type: 'DateTime', description: 'Exclusive.' }),
  });

  schema.analyticsField('valueFlow', (t) => t.field({
    type: ReportRef,
    description: 'Value network analysis (Allee): balances, reciprocity, flow matrices, brokers, time series and signal tracing over the value exchanges.',
    args: reportArgs(t.arg),
    resolve: (_root, args) => ({ params: exchangeParamsOf(args as ReportArgs) }),
  }));

  schema.actorField('valueFlow', (t) => t.field({
    type: ActorRef,
    nullable: true,
    description: 'This actor\'s value balance over the selected exchanges.',
    args: reportArgs(t.arg),
    resolve: async (actor, args, context, info) => {
      const params = exchangeParamsOf(args as ReportArgs);
      const result = await run<BalancesResult>(context, info, 'balances', params);
      const node = result.graph.indexOf(actor.key);
      return node < 0 ? null : { params, run: result, node, actor, rank: null };
    },
  }));
}
