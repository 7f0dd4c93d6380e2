/**
 * The testkit for plugin authors: build a projection from a small fixture exactly as the stores
 * build it, run an analytic of your plugin on it — in process, or in a real worker with the
 * host's limits — and assert on the result with your test runner.
 *
 *   const graph = { actors: ['a', 'b', 'c'], ties: [['a', 'b'], ['b', 'c']] };
 *   const { value, graph: index } = await runAnalytic(plugin, 'pagerank', {}, { graph });
 *   expect(value.scores[index.indexOf('c')]).toBeCloseTo(0.4327, 4);
 */
import { pino } from 'pino';
import { isTangible } from '../domain/kinds.js';
import { buildFacts as buildStoreFacts } from '../store/facts.js';
import { EdgeListBuilder, resolveProjectionSpec } from '../store/projection.js';
import { shareFacts } from '../plugin-host/shared-facts.js';
import { checkDefinition } from '../plugin-host/definition.js';
import { PluginRegistrationError } from '../plugin-host/errors.js';
import { WorkerPool } from '../plugin-host/pool.js';
import { registerPlugins } from '../plugin-host/registry.js';
import { shareProjection } from '../plugin-host/shared-graph.js';
import type {
  ActorKind, AnalyticResult, ComputeContext, ComputeFunction, Facts, GraphIndex, PluginDefinition, Projection, ProjectionSpec,
  SignalKind, SignalStatus, TieType, ValueKind,
} from './plugin.js';

/** An actor of a fixture; a bare string is an EMPLOYEE with that key. */
export interface FixtureActor {
  /** The actor's key. */
  key: string;
  /** Default EMPLOYEE. */
  kind?: ActorKind;
}

/** A tie of a fixture; `[from, to, weight?]` is a KNOWS tie. */
export interface FixtureTie {
  /** Key of the actor the tie goes from. */
  from: string;
  /** Key of the actor it goes to. */
  to: string;
  /** Default KNOWS. */
  type?: TieType;
  /** Default 1. */
  weight?: number;
  /** ISO-8601; none by default (kept by every time window). */
  since?: string | null;
}

/** A value exchange of a fixture. */
export interface FixtureExchange {
  /** Key of the giver. */
  from: string;
  /** Key of the receiver. */
  to: string;
  /** Default MONEY. */
  kind?: ValueKind;
  /** Default 1. */
  amount?: number;
  /** ISO-8601; default 2026-01-01T00:00:00.000Z. */
  occurredAt?: string;
}

/** A signal of a fixture. */
export interface FixtureSignal {
  /** ISO-8601. */
  occurredAt: string;
  /** Default `email`. */
  channel?: string;
  /** Default `s<position in the list>`; a response or an insight may name the signal by it. */
  externalId?: string;
  /** Default QUESTION. */
  kind?: SignalKind;
  /** Default: ANSWERED when a response answers it, else ASSIGNED when it has an assignee, else OPEN. */
  status?: SignalStatus;
  /** In [-1, 1]; unknown by default. */
  sentiment?: number | null;
  /** Key of the emitter. */
  emitter?: string | null;
  /** Key of the assignee. */
  assignee?: string | null;
  /** Keys of the actors it is about. */
  about?: string[];
  /** Topic names it is about. */
  topics?: string[];
}

/** A response of a fixture. */
export interface FixtureResponse {
  /** The signal it answers: its position in `signals` or its externalId. */
  signal: number | string;
  /** ISO-8601. */
  respondedAt: string;
  /** Key of the responder. */
  responder?: string | null;
  /** Default: the signal's channel. */
  channel?: string;
}

/** An insight of a fixture. */
export interface FixtureInsight {
  /** ISO-8601. */
  createdAt: string;
  /** The signals it derives from: positions in `signals` or externalIds. */
  signals?: ReadonlyArray<number | string>;
  /** Topic names. */
  topics?: string[];
  /** Default `insight <position>`. */
  title?: string;
}

/** A change of a fixture. */
export interface FixtureChange {
  /** Position of the insight it implements in `insights`. */
  insight: number;
  /** Name of the process it modifies. */
  process: string;
  /** ISO-8601. */
  appliedAt: string;
}

/** A small ecosystem, written by hand in a test: the network, and the activity `facts: true` analytics read. */
export interface GraphFixture {
  /** Every actor, whether it has edges or not. */
  actors: ReadonlyArray<FixtureActor | string>;
  /** Ties between them; MEMBER_OF ties to a TEAM make the actor a member of that team. */
  ties?: ReadonlyArray<FixtureTie | readonly [string, string, number?]>;
  /** Value exchanges between them. */
  exchanges?: ReadonlyArray<FixtureExchange>;
  /** Signals. */
  signals?: ReadonlyArray<FixtureSignal>;
  /** Responses to them. */
  responses?: ReadonlyArray<FixtureResponse>;
  /** Insights derived from them. */
  insights?: ReadonlyArray<FixtureInsight>;
  /** Changes implementing the insights. */
  changes?: ReadonlyArray<FixtureChange>;
}

const normalTie = (raw: FixtureTie | readonly [string, string, number?]): FixtureTie =>
  (Array.isArray(raw) ? { from: raw[0], to: raw[1], weight: raw[2] } : raw as FixtureTie);

/**
 * The facts of a fixture as the stores build them (same ordering and codes); `readAt` is the
 * "now" of backlog ages, default 2026-06-01T00:00:00Z so tests do not depend on the clock.
 */
export function buildFixtureFacts(fixture: GraphFixture, readAt = '2026-06-01T00:00:00Z'): Facts {
  const actors = fixture.actors.map((a) => (typeof a === 'string' ? { key: a, kind: 'EMPLOYEE' as ActorKind } : { kind: 'EMPLOYEE' as ActorKind, ...a }));
  const kindOf = new Map(actors.map((a) => [a.key, a.kind]));
  const known = (key: string | null | undefined, what: string): string | null => {
    if (key === null || key === undefined) return null;
    if (!kindOf.has(key)) throw new Error(`testkit: ${what} names the unknown actor "${key}"`);
    return key;
  };
  const signals = (fixture.signals ?? []).map((s, i) => ({ ...s, channel: s.channel ?? 'email', externalId: s.externalId ?? `s${i}` }));
  const signalRef = (ref: number | string, what: string): number => {
    const i = typeof ref === 'number' ? ref : signals.findIndex((s) => s.externalId === ref);
    if (!signals[i]) throw new Error(`testkit: ${what} names the unknown signal ${JSON.stringify(ref)}`);
    return i;
  };
  const responses = (fixture.responses ?? []).map((r) => ({ ...r, signal: signalRef(r.signal, 'a response') }));
  const answered = new Set(responses.map((r) => r.signal));
  const insights = fixture.insights ?? [];
  const topics = new Set<string>();
  for (const s of signals) for (const t of s.topics ?? []) topics.add(t);
  for (const x of insights) for (const t of x.topics ?? []) topics.add(t);
  const changes = (fixture.changes ?? []).map((c) => {
    if (!insights[c.insight]) throw new Error(`testkit: a change names the unknown insight ${c.insight}`);
    return c;
  });

  // The stores' order for the two tables they sort: actors by key; signals by time, channel, externalId.
  const byKey = [...actors].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const at = (s: { occurredAt: string }) => Date.parse(s.occurredAt);
  const signalOrder = signals.map((_, i) => i).sort((a, b) => at(signals[a]) - at(signals[b])
    || (signals[a].channel < signals[b].channel ? -1 : signals[a].channel > signals[b].channel ? 1 : 0)
    || (signals[a].externalId < signals[b].externalId ? -1 : signals[a].externalId > signals[b].externalId ? 1 : 0));
  return buildStoreFacts({
    actors: byKey.map((a) => [a.key, a.key, a.kind] as const),
    memberships: (fixture.ties ?? []).map(normalTie)
      .filter((t) => (t.type ?? 'KNOWS') === 'MEMBER_OF' && kindOf.get(known(t.to, 'a tie')!) === 'TEAM')
      .map((t) => [known(t.from, 'a tie')!, t.to, t.weight ?? 1] as const),
    topics: [...topics].map((t) => [t, t] as const),
    processes: changes.map((c) => [c.process, c.process] as const),
    signals: signalOrder.map((i) => {
      const s = signals[i];
      return [
        i, s.channel, s.externalId, s.kind ?? 'QUESTION',
        s.status ?? (answered.has(i) ? 'ANSWERED' : s.assignee ? 'ASSIGNED' : 'OPEN'),
        new Date(s.occurredAt).toISOString(), s.sentiment ?? null, known(s.emitter, 'a signal'), known(s.assignee, 'a signal'),
      ] as const;
    }),
    about: signals.flatMap((s, i) => [
      ...(s.about ?? []).map((k) => [i, known(k, 'a signal'), null] as const),
      ...(s.topics ?? []).map((t) => [i, null, t] as const),
    ]),
    responses: responses.map((r) => [r.signal, known(r.responder, 'a response'), new Date(r.respondedAt).toISOString(), r.channel ?? signals[r.signal].channel] as const),
    exchanges: (fixture.exchanges ?? []).map((x) => [
      known(x.from, 'an exchange')!, known(x.to, 'an exchange')!, x.kind ?? 'MONEY', x.amount ?? 1,
      new Date(x.occurredAt ?? '2026-01-01T00:00:00Z').toISOString(),
    ] as const),
    insights: insights.map((x, i) => [i, x.title ?? `insight ${i}`, new Date(x.createdAt).toISOString()] as const),
    insightSignals: insights.flatMap((x, i) => (x.signals ?? []).map((ref) => [i, signalRef(ref, 'an insight')] as const)),
    insightTopics: insights.flatMap((x, i) => (x.topics ?? []).map((t) => [i, t] as const)),
    changes: changes.map((c) => [c.insight, c.process, new Date(c.appliedAt).toISOString()] as const),
  }, Date.parse(readAt));
}

/**
 * The projection of a fixture under `spec`, with the stores' semantics: nodes ordered by key,
 * the spec's filters and weights applied, parallel relationships summed.
 */
export function buildProjection(fixture: GraphFixture, spec: ProjectionSpec = {}): Projection {
  const s = resolveProjectionSpec(spec);
  const actors = fixture.actors.map((a) => (typeof a === 'string' ? { key: a, kind: 'EMPLOYEE' as ActorKind } : { kind: 'EMPLOYEE' as ActorKind, ...a }));
  const seen = new Set<string>();
  for (const a of actors) {
    if (seen.has(a.key)) throw new Error(`testkit: actor "${a.key}" is listed twice`);
    seen.add(a.key);
  }
  const kept = actors.filter((a) => !s.nodeKinds || s.nodeKinds.includes(a.kind)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const builder = new EdgeListBuilder(16);
  for (const a of kept) builder.node(a.key, a.kind);
  const nodeOf = (key: string): number | undefined => {
    if (!seen.has(key)) throw new Error(`testkit: an edge names the unknown actor "${key}"`);
    return builder.indexOf(key);
  };
  const instant = (x: string) => new Date(x).toISOString();
  const inWindow = (at: string) => (!s.since || at >= s.since) && (!s.until || at < s.until);

  if (s.edges !== 'EXCHANGES') {
    for (const raw of fixture.ties ?? []) {
      const t = normalTie(raw);
      const a = nodeOf(t.from);
      const b = nodeOf(t.to);
      if (a === undefined || b === undefined) continue;
      if (s.tieTypes && !s.tieTypes.includes(t.type ?? 'KNOWS')) continue;
      if (t.since && !inWindow(instant(t.since))) continue;
      builder.edge(a, b, s.weight === 'TIE_WEIGHT' ? (t.weight ?? 1) : 1);
    }
  }
  if (s.edges !== 'TIES') {
    for (const x of fixture.exchanges ?? []) {
      const a = nodeOf(x.from);
      const b = nodeOf(x.to);
      if (a === undefined || b === undefined) continue;
      const kind = x.kind ?? 'MONEY';
      if (s.valueKinds && !s.valueKinds.includes(kind)) continue;
      if (s.tangible !== undefined && isTangible(kind) !== s.tangible) continue;
      if (!inWindow(instant(x.occurredAt ?? '2026-01-01T00:00:00Z'))) continue;
      builder.edge(a, b, s.weight === 'AMOUNT' ? (x.amount ?? 1) : 1);
    }
  }
  return builder.build(s);
}

/**
 * Runs the plugin's registration checks (definition, plugin-API compatibility) and its options
 * schema; throws a PluginRegistrationError with the code registration would give. Returns the
 * validated options.
 */
export function checkPlugin<O>(plugin: PluginDefinition<O>, options?: unknown): O {
  const { failed } = registerPlugins([{ source: 'testkit', builtin: false, exported: plugin }]);
  if (failed.length) throw failed[0].error;
  if (!plugin.options) return {} as O;
  const parsed = plugin.options.safeParse(options ?? {});
  if (!parsed.success) {
    throw new PluginRegistrationError('PLUGIN_INVALID_OPTIONS', plugin.name, `invalid options: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

/** How `runAnalytic` runs. */
export interface RunAnalyticOptions {
  /** The graph: a fixture (projected with the analytic's own spec) or a ready projection. */
  graph: GraphFixture | Projection;
  /** The facts of a `facts: true` analytic; default: built from the fixture (buildFixtureFacts). */
  facts?: Facts;
  /** Run in a real worker thread (default false: in process, easier to debug). */
  isolated?: boolean;
  /** Wall-clock limit in a worker; default 30 s. */
  timeoutMs?: number;
  /** Heap limit of the worker; default 512 MB. */
  heapMb?: number;
}

const isProjection = (g: GraphFixture | Projection): g is Projection => 'nodeCount' in g && 'out' in g;

function indexOf(p: Projection): GraphIndex {
  const byKey = new Map(p.keys.map((k, i) => [k, i]));
  return { spec: p.spec, nodeCount: p.nodeCount, edgeCount: p.edgeCount, keys: p.keys, kinds: p.kinds, indexOf: (k) => byKey.get(k) ?? -1 };
}

/**
 * Validates params with the analytic's schema, projects the graph with the analytic's spec and
 * computes it as the host would. Invalid params reject with the host's BAD_USER_INPUT error;
 * in a worker, a timeout or a crash rejects with PLUGIN_TIMEOUT, PLUGIN_OUT_OF_MEMORY or PLUGIN_FAILED.
 */
export async function runAnalytic<R = unknown>(
  plugin: PluginDefinition<any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any plugin's options
  analytic: string,
  params: unknown,
  options: RunAnalyticOptions,
): Promise<AnalyticResult<R>> {
  const { definition, modules } = checkDefinition(plugin, plugin?.name ?? 'testkit');
  const declaration = definition.analytics?.[analytic];
  const module = modules.get(analytic);
  if (!declaration || !module) throw new Error(`testkit: plugin "${definition.name}" has no analytic "${analytic}"`);
  const parsed = declaration.params.safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw Object.assign(new Error(`Invalid value at params.${issue.path.join('.')}: ${issue.message}`), { code: 'BAD_USER_INPUT', issues: parsed.error.issues });
  }
  const spec = declaration.projection?.(parsed.data) ?? {};
  const graph = isProjection(options.graph) ? options.graph : buildProjection(options.graph, spec);
  let facts: Facts | undefined;
  if (declaration.facts) {
    facts = options.facts ?? (isProjection(options.graph) ? undefined : buildFixtureFacts(options.graph));
    if (!facts) throw new Error(`testkit: ${definition.name}/${analytic} reads facts: pass options.facts with a ready projection`);
  }

  let value: unknown;
  let computeMs: number;
  if (options.isolated) {
    const pool = new WorkerPool({ workers: 1, timeoutMs: options.timeoutMs ?? 30_000, heapMb: options.heapMb ?? 512, maxQueue: 1 }, pino({ level: 'silent' }));
    try {
      ({ value, computeMs } = await pool.run({
        plugin: definition.name, analytic, module, params: parsed.data, graph: shareProjection(graph, 'testkit'),
        ...(facts ? { facts: shareFacts(facts) } : {}),
      }));
    } finally {
      await pool.close();
    }
  } else {
    const loaded = (await import(module)) as { default?: unknown };
    if (typeof loaded.default !== 'function') throw new Error(`testkit: ${module} has no default export compute function`);
    const started = performance.now();
    const context: ComputeContext = { plugin: definition.name, analytic, ...(facts ? { facts } : {}) };
    value = await (loaded.default as ComputeFunction)(graph, parsed.data, Object.freeze(context));
    computeMs = performance.now() - started;
  }
  return { value: value as R, graph: indexOf(graph), graphVersion: 0, cached: false, computeMs };
}
