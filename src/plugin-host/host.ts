/**
 * The plugin host of one Osmosis instance: registers the configured plugins, gives each one the
 * capabilities of the public plugin API and nothing else, runs their analytics in the worker pool
 * behind the two caches, and reports what is loaded. A plugin that fails to register, to validate
 * its options, to extend the schema or to set up is marked FAILED and left out; the others load
 * (unless `strict`, which makes any failure fatal).
 *
 * Setup order, per plugin, dependencies first: options → schema hook → setup. Run path of an
 * analytic: params (zod) → graph version → result cache → projection cache → worker pool.
 */
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, formatPath } from '../domain/errors.js';
import type { Actor, Signal } from '../domain/entities.js';
import type { EventHub } from '../events/hub.js';
import type { Context } from '../graphql/context.js';
import { OsmosisError, toGraphQLError } from '../graphql/errors.js';
import type {
  ActorView, AnalyticDeclaration, AnalyticResult, AnalyticsRunner, GraphIndex, PluginContext, PluginDefinition, PluginRequestContext,
  PluginRequestScope, Projection, ProjectionSpec, SignalsIncomingEnricher, SignalsRecordedHook, Teardown,
} from '../plugin-api/plugin.js';
import type { Store } from '../store/port.js';
import { resolveProjectionSpec } from '../store/projection.js';
import { bindSchema, type JsonRun, type PluginStatus } from './binding.js';
import { stableKey, VersionedCache } from './cache.js';
import { PluginRegistrationError, PluginStartupError, pluginError } from './errors.js';
import { SignalHooks, type HookStats } from './events.js';
import { enrichingStore } from './enriching-store.js';
import { IncomingEnrichers, type IncomingStats } from './incoming.js';
import { signalAccess } from './signal-access.js';
import { WorkerPool, type PoolLimits, type PoolStats } from './pool.js';
import { registerPlugins, type PluginCandidate } from './registry.js';
import { extendSchema } from './schema-extension.js';
import { factsBytes, shareFacts } from './shared-facts.js';
import { projectionView, shareProjection, sharedBytes, type SharedGraph } from './shared-graph.js';
import type { Facts } from '../domain/facts.js';

export interface HostLimits extends PoolLimits {
  /** Results kept in the cache (all versions together; older versions go first). */
  resultEntries: number;
  /** Projections kept in shared memory. */
  projectionEntries: number;
  /** Time limit of one event hook call. */
  hookTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<HostLimits> = Object.freeze({
  workers: 2,
  timeoutMs: 30_000,
  heapMb: 512,
  maxQueue: 64,
  resultEntries: 128,
  projectionEntries: 4,
  hookTimeoutMs: 10_000,
});

export interface PluginHostOptions {
  /** The loaded OSMOSIS_PLUGINS entries (loadPlugins or builtinCandidates). */
  candidates: readonly PluginCandidate[];
  store: Store;
  log: Logger;
  /** The instance's event hub; without one, event hooks do not run (a warning says so). */
  events?: EventHub;
  /**
   * When given, hooks run only for the signals it says this instance recorded: with several
   * instances on one database, each signal's hooks run once, on the instance that recorded it.
   */
  localSignals?: { take(signalId: string): Signal | undefined; track?(): void };
  /** Any failure is fatal (PluginStartupError). */
  strict?: boolean;
  /** Options by plugin name (OSMOSIS_PLUGIN_OPTIONS). */
  pluginOptions?: Readonly<Record<string, unknown>>;
  limits?: Partial<HostLimits>;
}

export interface HostStats {
  pool: PoolStats;
  results: { size: number; hits: number; misses: number };
  projections: { size: number; builds: number; bytes: number };
  facts: { size: number; builds: number };
  hooks: HookStats;
  /** Ingest enrichers (enrichIncomingSignals): batches enriched, failures by plugin. */
  incoming: IncomingStats;
}

export interface PluginHost {
  /** Every configured plugin, in configuration order. */
  statuses(): readonly PluginStatus[];
  /** Runs an analytic of a loaded plugin (validated, cached, in the worker pool). */
  run<R = unknown>(plugin: string, analytic: string, params?: unknown): Promise<AnalyticResult<R>>;
  /** Makes `schema` answer plugin fields from this host; returns it. */
  bind(schema: GraphQLSchema): GraphQLSchema;
  /** Starts the workers now. */
  warm(): void;
  stats(): HostStats;
  /** Hands a batch of events to the plugins' event hooks, as the event hub does. */
  deliver(events: Parameters<SignalHooks['deliver']>[0]): Promise<void>;
  /**
   * `store` with the plugins' ingest enrichers applied to every recordSignals batch (the store the
   * API writes through); `store` itself when no plugin registered one.
   */
  ingestStore(store: Store): Store;
  close(): Promise<void>;
}

interface Active {
  definition: PluginDefinition<unknown>;
  modules: ReadonlyMap<string, string>;
  options: unknown;
  log: Logger;
  teardown?: Teardown;
}

interface CachedGraph {
  shared: SharedGraph;
  /** Shared memory it holds. */
  bytes: number;
  index: GraphIndex;
  projection: Projection;
}

interface StoredResult {
  value: unknown;
  graph: GraphIndex;
  graphVersion: number;
  computeMs: number;
}

function graphIndex(p: Projection): GraphIndex {
  let byKey: Map<string, number> | null = null;
  return Object.freeze({
    spec: p.spec,
    nodeCount: p.nodeCount,
    edgeCount: p.edgeCount,
    keys: p.keys,
    kinds: p.kinds,
    indexOf(key: string): number {
      if (!byKey) byKey = new Map(p.keys.map((k, i) => [k, i]));
      return byKey.get(key) ?? -1;
    },
  });
}

/** Typed arrays become arrays, non-finite numbers null: what the generic `run` field returns by default. */
export function toJsonValue(value: unknown, depth = 0): unknown {
  if (depth > 32) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (x) => toJsonValue(typeof x === 'bigint' ? Number(x) : x, depth + 1));
  }
  if (Array.isArray(value)) return value.map((x) => toJsonValue(x, depth + 1));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJsonValue(v, depth + 1)]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v, depth + 1)]));
  }
  return value === undefined ? null : value;
}

const isThenable = (x: unknown): x is PromiseLike<unknown> =>
  (typeof x === 'object' || typeof x === 'function') && x !== null && typeof (x as { then?: unknown }).then === 'function';

const badParams = (issues: { path: PropertyKey[]; message: string }[]): OsmosisError => {
  const rows = issues.map((i) => ({ field: formatPath(['params', ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))]), message: i.message }));
  return new OsmosisError(`Invalid value at ${rows[0].field}: ${rows[0].message}`, 'BAD_USER_INPUT', { field: rows[0].field, issues: rows });
};

export function createPluginHost(options: PluginHostOptions): PluginHost {
  const limits: HostLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { store } = options;
  const log = options.log.child({ component: 'plugins' });
  const hooks = new SignalHooks(store, options.events, log, limits.hookTimeoutMs, options.localSignals);
  const incoming = new IncomingEnrichers(limits.hookTimeoutMs);
  const pool = new WorkerPool(limits, log);
  const active = new Map<string, Active>();
  const statuses = new Map<PluginCandidate, PluginStatus>();
  const failures: PluginRegistrationError[] = [];
  let projectionBuilds = 0;
  let graphIds = 0;
  let liveSharedBytes = 0;

  const projections = new VersionedCache<CachedGraph>(limits.projectionEntries, (evicted) => {
    evicted.then((g) => { liveSharedBytes -= g.bytes; }, () => undefined);
  });
  const results = new VersionedCache<StoredResult>(limits.resultEntries);
  // Facts do not depend on params: one entry per graph version, the newest two kept.
  const factsCache = new VersionedCache<{ facts: Facts; bytes: number }>(2, (evicted) => {
    evicted.then((f) => { liveSharedBytes -= f.bytes; }, () => undefined);
  });
  let factsBuilds = 0;

  const factsAt = (version: number): Promise<{ facts: Facts; bytes: number }> => factsCache.get(version, 'facts', async () => {
    const started = performance.now();
    const facts = shareFacts(await store.facts());
    const bytes = factsBytes(facts);
    factsBuilds++;
    liveSharedBytes += bytes;
    log.debug({ version, signals: facts.signals.count, exchanges: facts.exchanges.count, bytes, ms: Math.round(performance.now() - started) }, 'facts built');
    return { facts, bytes };
  }).value;

  // --- graphs and runs ---------------------------------------------------------------------------

  const graphAt = (version: number, spec: ProjectionSpec): Promise<CachedGraph> => {
    const resolved = resolveProjectionSpec(spec);
    const { value } = projections.get(version, stableKey(resolved), async () => {
      const started = performance.now();
      const p = await store.projection(resolved);
      const shared = shareProjection(p, `g${++graphIds}@${version}`);
      const bytes = sharedBytes(shared);
      projectionBuilds++;
      liveSharedBytes += bytes;
      log.debug({ version, nodes: p.nodeCount, edges: p.edgeCount, bytes, ms: Math.round(performance.now() - started) }, 'projection built');
      return { shared, bytes, index: graphIndex(p), projection: projectionView(shared, { keys: p.keys, kinds: p.kinds }) };
    });
    return value;
  };

  const declarationOf = (plugin: string, analytic: string): { p: Active; declaration: AnalyticDeclaration; module: string } => {
    const p = active.get(plugin);
    if (!p) {
      const known = [...active.keys()];
      throw pluginError('PLUGIN_NOT_LOADED', `plugin "${plugin}" is not loaded${known.length ? ` (loaded: ${known.join(', ')})` : ''}`, { plugin });
    }
    const declaration = p.definition.analytics?.[analytic];
    const module = p.modules.get(analytic);
    if (!declaration || !module) {
      const known = Object.keys(p.definition.analytics ?? {});
      throw pluginError('PLUGIN_UNKNOWN_ANALYTIC', `plugin "${plugin}" has no analytic "${analytic}" (it has: ${known.join(', ') || 'none'})`, { plugin, analytic });
    }
    return { p, declaration, module };
  };

  const prepare = (plugin: string, analytic: string, params: unknown) => {
    const { declaration, module } = declarationOf(plugin, analytic);
    const parsed = declaration.params.safeParse(params ?? {});
    if (!parsed.success) throw badParams(parsed.error.issues);
    let spec: ProjectionSpec;
    try {
      spec = resolveProjectionSpec(declaration.projection?.(parsed.data) ?? {});
    } catch (error) {
      if (error instanceof DomainError) throw toGraphQLError(error);
      throw pluginError('PLUGIN_FAILED', `${plugin}/${analytic}: its projection(params) threw: ${(error as Error).message}`, { plugin, analytic });
    }
    return { declaration, module, params: parsed.data, spec };
  };

  async function compute<R>(plugin: string, analytic: string, prepared: ReturnType<typeof prepare>): Promise<AnalyticResult<R>> {
    const version = await store.graphVersion();
    const { value, cached } = results.get(version, stableKey([plugin, analytic, prepared.params]), async () => {
      const [graph, facts] = await Promise.all([graphAt(version, prepared.spec), prepared.declaration.facts ? factsAt(version) : undefined]);
      const outcome = await pool.run({
        plugin, analytic, module: prepared.module, params: prepared.params, graph: graph.shared, ...(facts ? { facts: facts.facts } : {}),
      });
      return { value: outcome.value, computeMs: outcome.computeMs, graph: graph.index, graphVersion: version };
    });
    const stored = await value;
    return { ...stored, value: stored.value as R, cached };
  }

  const run = <R>(plugin: string, analytic: string, params?: unknown): Promise<AnalyticResult<R>> => {
    try {
      return compute<R>(plugin, analytic, prepare(plugin, analytic, params));
    } catch (error) {
      return Promise.reject(error);
    }
  };

  async function runJson(plugin: string, analytic: string, params: unknown): Promise<JsonRun> {
    const prepared = prepare(plugin, analytic, params);
    const result = await compute(plugin, analytic, prepared);
    let json: unknown;
    try {
      json = prepared.declaration.toJSON ? prepared.declaration.toJSON(result.value, result.graph, prepared.params) : toJsonValue(result.value);
    } catch (error) {
      throw pluginError('PLUGIN_FAILED', `${plugin}/${analytic}: toJSON threw: ${(error as Error).message}`, { plugin, analytic });
    }
    return { plugin, analytic, result, json };
  }

  // --- request scopes ------------------------------------------------------------------------------

  /** Runs an analytic of a plugin `plugin` declared as a dependency; anything else is denied. */
  const dependencyRunner = (plugin: string, definition: PluginDefinition<unknown>) => (dependency: string): AnalyticsRunner => {
    if (!Object.hasOwn(definition.dependencies ?? {}, dependency)) {
      throw pluginError('PLUGIN_CAPABILITY_DENIED', `plugin "${plugin}" may only run analytics of the plugins it declares as dependencies (not "${dependency}")`, { plugin });
    }
    return Object.freeze({ run: <R>(analytic: string, params?: unknown) => run<R>(dependency, analytic, params) });
  };

  const scopes = new WeakMap<object, Map<string, PluginRequestScope<unknown>>>();
  function scope(plugin: string, context: PluginRequestContext): PluginRequestScope<unknown> {
    const p = active.get(plugin);
    if (!p) throw pluginError('PLUGIN_NOT_LOADED', `plugin "${plugin}" is not loaded by this Osmosis instance`, { plugin });
    let perRequest = scopes.get(context);
    if (!perRequest) scopes.set(context, (perRequest = new Map()));
    let s = perRequest.get(plugin);
    if (!s) {
      const loaders = (context as Partial<Context>).loaders;
      s = Object.freeze({
        options: p.options,
        log: p.log.child({ requestId: context.requestId }),
        run: <R>(analytic: string, params?: unknown) => run<R>(plugin, analytic, params),
        dependency: dependencyRunner(plugin, p.definition),
        signals: signalAccess(store, plugin),
        actorsByKeys: async (keys: readonly string[]): Promise<(ActorView | null)[]> => {
          if (!loaders) return store.actorsByKeys(keys);
          const found = await loaders.actorByKey.loadMany(keys);
          return found.map((a) => {
            if (a instanceof Error) throw a;
            return a as Actor | null;
          });
        },
      });
      perRequest.set(plugin, s);
    }
    return s;
  }

  // --- registration and setup ----------------------------------------------------------------------

  const registration = registerPlugins(options.candidates);
  const candidateOf = new Map(options.candidates.map((c) => [c.source, c]));

  type Meta = Pick<PluginDefinition<unknown>, 'name' | 'version' | 'apiVersion' | 'description' | 'analytics'>;
  const fail = (candidate: PluginCandidate, meta: Partial<Meta> | null, error: PluginRegistrationError) => {
    failures.push(error);
    log.error({ plugin: error.plugin, code: error.code, source: candidate.source, err: error.cause }, error.message);
    statuses.set(candidate, {
      name: meta?.name ?? error.plugin,
      version: meta?.version ?? null,
      apiVersion: meta?.apiVersion ?? null,
      description: meta?.description ?? null,
      source: candidate.source,
      builtin: candidate.builtin,
      status: 'FAILED',
      errorCode: error.code,
      error: error.message,
      analytics: Object.keys(meta?.analytics ?? {}),
    });
  };

  for (const f of registration.failed) {
    fail(candidateOf.get(f.source)!, { name: f.name, version: f.version ?? undefined, apiVersion: f.apiVersion ?? undefined }, f.error);
  }

  for (const plugin of registration.accepted) {
    const candidate = candidateOf.get(plugin.source)!;
    const { definition } = plugin;
    const { name } = definition;
    const missing = Object.keys(definition.dependencies ?? {}).find((dep) => !active.has(dep));
    if (missing) {
      fail(candidate, plugin.definition, new PluginRegistrationError('PLUGIN_MISSING_DEPENDENCY', name, `it depends on "${missing}", which failed to set up`));
      continue;
    }
    const given = options.pluginOptions?.[name];
    let pluginOptions: unknown = {};
    if (definition.options) {
      const parsed = definition.options.safeParse(given ?? {});
      if (!parsed.success) {
        const detail = parsed.error.issues.map((i) => `${formatPath(i.path.map((p) => (typeof p === 'number' ? p : String(p)))) || '(options)'}: ${i.message}`).join('; ');
        fail(candidate, plugin.definition, new PluginRegistrationError('PLUGIN_INVALID_OPTIONS', name, `invalid options: ${detail}`));
        continue;
      }
      pluginOptions = parsed.data;
    } else if (given !== undefined && (typeof given !== 'object' || given === null || Object.keys(given).length > 0)) {
      fail(candidate, plugin.definition, new PluginRegistrationError('PLUGIN_INVALID_OPTIONS', name, 'it takes no options'));
      continue;
    }
    try {
      extendSchema(definition);
    } catch (error) {
      fail(candidate, plugin.definition, error as PluginRegistrationError);
      continue;
    }
    const pluginLog = options.log.child({ plugin: name });
    const pendingHooks: SignalsRecordedHook[] = [];
    const pendingEnrichers: SignalsIncomingEnricher[] = [];
    const context: PluginContext<unknown> = Object.freeze({
      name,
      version: definition.version,
      options: pluginOptions,
      log: pluginLog,
      graph: Object.freeze({
        version: () => store.graphVersion(),
        projection: async (spec: ProjectionSpec = {}) => (await graphAt(await store.graphVersion(), spec)).projection,
      }),
      analytics: Object.freeze({ run: <R>(analytic: string, params?: unknown) => run<R>(name, analytic, params) }),
      dependency: dependencyRunner(name, definition),
      signals: signalAccess(store, name),
      events: Object.freeze({
        onSignalsRecorded: (hook: SignalsRecordedHook) => void pendingHooks.push(hook),
        enrichIncomingSignals: (enricher: SignalsIncomingEnricher) => void pendingEnrichers.push(enricher),
      }),
    });
    const entry: Active = { definition, modules: plugin.modules, options: pluginOptions, log: pluginLog };
    try {
      const teardown = definition.setup?.(context);
      if (isThenable(teardown)) {
        // setup is synchronous and is not awaited, so an async one cannot hold start-up; it is refused,
        // and its rejection is caught here: unhandled, it would crash the process.
        teardown.then(undefined, (error: unknown) => pluginLog.warn({ err: error }, 'the refused async setup rejected'));
        throw new Error('setup returned a promise: setup must be synchronous (start asynchronous work from it, do not return it)');
      }
      if (teardown !== undefined && typeof teardown !== 'function') throw new Error('setup must return nothing or a teardown function');
      if (teardown) entry.teardown = teardown;
      for (const hook of pendingHooks) hooks.add(name, hook, pluginLog);
      for (const enricher of pendingEnrichers) incoming.add(name, enricher, pluginLog);
    } catch (error) {
      fail(candidate, plugin.definition, new PluginRegistrationError('PLUGIN_SETUP_FAILED', name, `setup threw: ${(error as Error).message}`, { cause: error }));
      continue;
    }
    active.set(name, entry);
    statuses.set(candidate, {
      name,
      version: definition.version,
      apiVersion: definition.apiVersion,
      description: definition.description ?? null,
      source: plugin.source,
      builtin: plugin.builtin,
      status: 'ACTIVE',
      errorCode: null,
      error: null,
      analytics: Object.keys(definition.analytics ?? {}),
    });
    log.info({ plugin: name, version: definition.version, source: plugin.source }, 'plugin loaded');
  }

  for (const name of Object.keys(options.pluginOptions ?? {})) {
    if (!options.candidates.some((c) => statuses.get(c)?.name === name)) log.warn({ plugin: name }, 'options given for a plugin that is not configured');
  }

  const close = async (): Promise<void> => {
    await hooks.stop();
    await pool.close();
    for (const p of [...active.values()].reverse()) {
      try {
        await p.teardown?.();
      } catch (error) {
        p.log.warn({ err: error }, 'teardown failed');
      }
    }
    active.clear();
    projections.clear();
    results.clear();
  };

  if (options.strict && failures.length > 0) {
    void close();
    throw new PluginStartupError(failures);
  }
  hooks.start();

  const ordered = (): PluginStatus[] => options.candidates.map((c) => statuses.get(c)!).filter(Boolean);

  const host: PluginHost = {
    statuses: ordered,
    run,
    bind: (schema) => bindSchema(schema, { statuses: ordered, scope, runJson }),
    warm: () => pool.warm(),
    stats: () => ({
      pool: pool.stats(),
      results: { size: results.size, hits: results.hits, misses: results.misses },
      projections: { size: projections.size, builds: projectionBuilds, bytes: liveSharedBytes },
      facts: { size: factsCache.size, builds: factsBuilds },
      hooks: hooks.snapshot(),
      incoming: incoming.snapshot(),
    }),
    deliver: (events) => hooks.deliver(events),
    ingestStore: (base) => (incoming.size ? enrichingStore(base, incoming) : base),
    close,
  };
  return host;
}
