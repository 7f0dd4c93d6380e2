/**
 * The Osmosis plugin API: the whole contract between Osmosis and a plugin, in one module.
 *
 * A plugin is a plain object made by `definePlugin`: metadata the host checks when it registers
 * the plugin, the analytics it offers, and up to two hooks. Everything a plugin may use is handed
 * to it by those hooks — a plugin never imports Osmosis internals, so this module is all it needs
 * and is kept stable under semantic versioning (`PLUGIN_API_VERSION`).
 *
 * Lifecycle, in order, for every plugin listed in OSMOSIS_PLUGINS:
 *   1. load      the module is imported (a built-in name, a path or an npm package name);
 *   2. register  name uniqueness, `apiVersion` and `dependencies` are checked, then `options`;
 *   3. schema    `schema(schema)` adds GraphQL types and fields (once per process, see PluginSchema);
 *   4. setup     `setup(context)` receives the per-instance capabilities (events, graph, signals, logger);
 *   5. serve     analytics run in the worker pool when asked, through GraphQL or `run`.
 * A failure in steps 1–4 marks only that plugin FAILED (see `Query.plugins`) and Osmosis starts
 * without it, unless OSMOSIS_PLUGINS_STRICT=true makes it fatal.
 *
 * Analytics are the heavy part and run off the event loop: the plugin declares each one with
 * `defineAnalytic` (its params schema, the projection it reads, and the module that computes
 * it) and the worker imports that module, whose default export is made by `defineCompute`.
 * A compute that loops, throws or exhausts its heap fails only its own request.
 */
import type { ArgBuilder, EnumRef, MutationFieldThunk, ObjectFieldThunk, ObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';

/** graphql-js types a resolver meets (its `info`, the selection it reads to compute only what is asked). */
export type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import * as kinds from '../domain/kinds.js';
import { badUserInput as hostBadUserInput } from '../graphql/errors.js';

export { z } from 'zod';

// --- versions and names --------------------------------------------------------------------------

/**
 * The version of this API, semver. A minor version only adds (new capabilities, new optional
 * fields); a major version may remove or change. Plugins declare the range they accept in
 * `apiVersion`, e.g. `^1.0.0`.
 */
export const PLUGIN_API_VERSION = '1.2.0';

/** A plugin's name: lower-case letters, digits and single dashes, starting with a letter, at most 40 characters. */
export const PLUGIN_NAME_PATTERN = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,39}$/;

/** Any JSON value: what generic tools send as analytic params and receive as results. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// --- the domain vocabulary a plugin sees -----------------------------------------------------------

/** Actor kinds; `side` derives from them (INSIDE: EMPLOYEE, TEAM, ORGANIZATION; OUTSIDE: the rest). */
export const ACTOR_KINDS = kinds.ACTOR_KINDS;
/** One actor kind. */
export type ActorKind = kinds.ActorKind;
/** INSIDE or OUTSIDE the organisation. */
export const SIDES = kinds.SIDES;
/** One side. */
export type Side = kinds.Side;
/** The side an actor kind is on. */
export const sideOf: (kind: ActorKind) => Side = kinds.sideOf;
/** Tie types between actors. */
export const TIE_TYPES = kinds.TIE_TYPES;
/** One tie type. */
export type TieType = kinds.TieType;
/** Value exchange kinds; MONEY, GOODS and SERVICE are tangible, the others intangible. */
export const VALUE_KINDS = kinds.VALUE_KINDS;
/** One value kind. */
export type ValueKind = kinds.ValueKind;
/** Signal kinds. */
export const SIGNAL_KINDS = kinds.SIGNAL_KINDS;
/** One signal kind. */
export type SignalKind = kinds.SignalKind;
/** Signal statuses. */
export const SIGNAL_STATUSES = kinds.SIGNAL_STATUSES;
/** One signal status. */
export type SignalStatus = kinds.SignalStatus;
/** True for the tangible value kinds (MONEY, GOODS, SERVICE). */
export const isTangible: (kind: ValueKind) => boolean = kinds.isTangible;

/** An actor as plugins see it: what the `Actor` GraphQL type resolves from. */
export interface ActorView {
  /** Internal id (the GraphQL `Actor.id` is its Relay global id). */
  readonly id: string;
  /** The client's stable external key, e.g. `crm:4711`; the projection's node key. */
  readonly key: string;
  /** The actor's kind. */
  readonly kind: ActorKind;
  /** Display name. */
  readonly name: string;
}

/** A signal as event hooks see it. */
export interface SignalView {
  /** Internal id; pass it to `SignalEnrichment.enrich`. */
  readonly id: string;
  /** Where it came from: `email`, `web`, `call-center`, ... */
  readonly channel: string;
  /** The channel's id of it; (channel, externalId) is unique. */
  readonly externalId: string;
  /** What kind of signal it is. */
  readonly kind: SignalKind;
  /** Its text; null once the emitter exercised the right to be forgotten. */
  readonly text: string | null;
  /** Sentiment in [-1, 1] if known. */
  readonly sentiment: number | null;
  /** ISO-8601 UTC instant. */
  readonly occurredAt: string;
  /** Its status when the hook runs. */
  readonly status: SignalStatus;
}

// --- the read-only projection ------------------------------------------------------------------------

export type {
  Adjacency, Projection, ProjectionEdges, ProjectionSpec, ProjectionWeight,
} from '../domain/projection.js';
import type { Projection, ProjectionSpec } from '../domain/projection.js';

// --- the activity facts (since 1.1.0) ------------------------------------------------------------------

export type {
  ActorFacts, ChangeFacts, ExchangeFacts, Facts, InsightFacts, ResponseFacts, SignalFacts,
} from '../domain/facts.js';
import type { Facts } from '../domain/facts.js';

/** The node ↔ actor-key map of the projection an analytic ran on, to read its per-node results. */
export interface GraphIndex extends Pick<Projection, 'spec' | 'nodeCount' | 'edgeCount' | 'keys' | 'kinds'> {
  /** Node index of an actor key, -1 when the actor is not in the projection. */
  indexOf(key: string): number;
}

// --- analytics -------------------------------------------------------------------------------------------

/** What a compute function receives besides the graph and its params. */
export interface ComputeContext {
  /** The plugin's name. */
  readonly plugin: string;
  /** The analytic's name. */
  readonly analytic: string;
  /**
   * Every signal, response, exchange, insight and change as typed columns, at the same graph
   * version as the projection — present when the analytic declares `facts: true` (since 1.1.0).
   * Its actors are ordered by key, like a projection without a `nodeKinds` filter.
   */
  readonly facts?: Facts;
}

/** The facts of a compute context; throws when the analytic did not declare `facts: true`. */
export function factsOf(context: ComputeContext): Facts {
  if (!context.facts) throw new Error(`${context.plugin}/${context.analytic} reads facts but does not declare \`facts: true\``);
  return context.facts;
}

/**
 * The function a worker runs: pure, over the projection, returning a structured-cloneable value
 * (typed arrays are transferred back without a copy). It may be async. It must not touch the
 * network, the database or the file system; the host stops it past the wall-clock limit.
 */
export type ComputeFunction<P = unknown, R = unknown> = (graph: Projection, params: P, context: ComputeContext) => R | Promise<R>;

/** Declares one analytic of a plugin (host side); see `defineAnalytic`. */
export interface AnalyticDeclaration<P = unknown, R = unknown> {
  /**
   * The module the worker imports, resolved against the plugin's own file:
   * `new URL('./analytics/pagerank.js', import.meta.url)`. Its default export is a
   * ComputeFunction (see `defineCompute`). A `.js` URL also finds a `.ts` sibling in development.
   */
  readonly module: URL | string;
  /** zod schema of the params. The host validates with it (failure: BAD_USER_INPUT) and the compute receives its output. */
  readonly params: ZodType<P>;
  /** The projection it reads, from its params; default: every actor, ties weighted by tie weight. */
  readonly projection?: (params: P) => ProjectionSpec;
  /** One line for `Query.plugins` and tools. */
  readonly description?: string;
  /** True when the compute reads `context.facts` (since 1.1.0); the host then builds them (cached per graph version). */
  readonly facts?: boolean;
  /**
   * Turns a result into JSON for the generic `analytics { run }` field. Default: typed arrays
   * become arrays, everything else is passed as is.
   */
  readonly toJSON?: (result: R, graph: GraphIndex, params: P) => JsonValue;
}

/** The outcome of running an analytic. */
export interface AnalyticResult<R = unknown> {
  /** What the compute function returned (shared by every caller of the same cached run: do not mutate). */
  readonly value: R;
  /** The projection it ran on. */
  readonly graph: GraphIndex;
  /** The graph version it was computed at. */
  readonly graphVersion: number;
  /** True when served from the cache (same graph version and params), false when computed now. */
  readonly cached: boolean;
  /** Milliseconds the compute took in the worker. */
  readonly computeMs: number;
}

/** Runs the plugin's own analytics in the worker pool, cached by graph version and params. */
export interface AnalyticsRunner {
  /**
   * Validates `params` with the analytic's schema, builds (or reuses) its projection and computes
   * it off the event loop. Rejects with a coded error: BAD_USER_INPUT, PLUGIN_UNKNOWN_ANALYTIC,
   * PLUGIN_TIMEOUT, PLUGIN_OUT_OF_MEMORY, PLUGIN_FAILED or PLUGIN_BUSY.
   */
  run<R = unknown>(analytic: string, params?: unknown): Promise<AnalyticResult<R>>;
}

// --- GraphQL ----------------------------------------------------------------------------------------------

/** The GraphQL context plugin resolvers see: deliberately small. */
export interface PluginRequestContext {
  /** The request's id (the `x-request-id` header or a generated one), for logs. */
  readonly requestId: string;
}

/** The Pothos schema types of the builder plugins receive. Fields are non-null unless marked `nullable`. */
export type PluginSchemaTypes = PothosSchemaTypes.ExtendDefaultTypes<{
  Context: PluginRequestContext;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: string; Output: string };
    JSONObject: { Input: Record<string, JsonValue>; Output: Record<string, JsonValue> };
    ID: { Input: string; Output: string };
  };
}>;

/** The host's Pothos builder, typed for plugins. */
export type PluginBuilder = PothosSchemaTypes.SchemaBuilder<PluginSchemaTypes>;

/** `t.arg` of a field builder, to share a set of arguments between fields. */
export type PluginArgBuilder = ArgBuilder<PluginSchemaTypes>;

/**
 * The error a resolver throws for a bad argument: reaches the client as BAD_USER_INPUT naming
 * the field (other errors a resolver throws are masked as internal errors).
 */
export function badUserInput(field: string, message: string): Error {
  return hostBadUserInput(field, message);
}

/** The parent value of every field under `Query.analytics` (carries nothing). */
export type AnalyticsRoot = Readonly<Record<string, never>>;

/** The per-request view of a plugin that its resolvers use. */
export interface PluginRequestScope<O = unknown> extends AnalyticsRunner {
  /** The plugin's validated options. */
  readonly options: O;
  /** The plugin's logger, bound to the request id. */
  readonly log: PluginLogger;
  /** Actors by key, one per key in order, null where unknown; batched per request. */
  actorsByKeys(keys: readonly string[]): Promise<(ActorView | null)[]>;
  /** The existing signals: scan and enrich them (since 1.1.0), e.g. from a mutation the plugin adds. */
  readonly signals: SignalAccess;
  /**
   * The analytics of a plugin this one lists in `dependencies` (since 1.1.0), e.g. a score built
   * from other plugins' indicators; throws PLUGIN_CAPABILITY_DENIED for any other plugin.
   */
  dependency(plugin: string): AnalyticsRunner;
}

/**
 * The schema extension point. Type names a plugin creates must start with its name in
 * PascalCase (`influence` → `InfluenceScore`), and the fields it adds to `Analytics`, `Actor` or
 * `Mutation` with its name in camelCase (`influence`, `influenceRank`); registration checks both.
 *
 * The hook first runs against a scratch builder (so a hook that throws or leaves the schema
 * incomplete fails only its plugin), then against the host's. Keep it declarative: it may run
 * more than once and its resolvers must take per-request state from `scope(ctx, info)`, never
 * from variables captured elsewhere.
 */
export interface PluginSchema<O = unknown> {
  /** The host's Pothos builder. */
  readonly builder: PluginBuilder;
  /** `Actor`: return it from fields, or extend it with `actorField`. */
  readonly Actor: ObjectRef<PluginSchemaTypes, ActorView>;
  /** `Analytics`, the type of `Query.analytics`; extend it with `analyticsField`. */
  readonly Analytics: ObjectRef<PluginSchemaTypes, AnalyticsRoot>;
  /** The `ActorKind` enum. */
  readonly ActorKind: EnumRef<PluginSchemaTypes, ActorKind, ActorKind>;
  /** The `Side` enum. */
  readonly Side: EnumRef<PluginSchemaTypes, Side, Side>;
  /** The `TieType` enum. */
  readonly TieType: EnumRef<PluginSchemaTypes, TieType, TieType>;
  /** The `ValueKind` enum. */
  readonly ValueKind: EnumRef<PluginSchemaTypes, ValueKind, ValueKind>;
  /** Adds a field to `Query.analytics`. */
  analyticsField(name: string, field: ObjectFieldThunk<PluginSchemaTypes, AnalyticsRoot>): void;
  /** Adds a field to `Actor`. */
  actorField(name: string, field: ObjectFieldThunk<PluginSchemaTypes, ActorView>): void;
  /**
   * Adds a field to `Mutation` (since 1.1.0), for the plugin's own writes (e.g. re-running an
   * enrichment). It is served like every mutation: behind the API tokens when OSMOSIS_API_TOKENS is
   * set, with the same validation and limits. Its resolver reaches the plugin's capabilities through
   * `scope(ctx, info)` (`signals` to write); a DomainError it lets through reaches the client coded.
   */
  mutationField(name: string, field: MutationFieldThunk<PluginSchemaTypes>): void;
  /**
   * This plugin's capabilities for the request a resolver serves. Throws PLUGIN_NOT_LOADED when
   * the serving Osmosis instance did not load the plugin.
   */
  scope(context: PluginRequestContext, info: GraphQLResolveInfo): PluginRequestScope<O>;
}

// --- setup: per-instance capabilities -----------------------------------------------------------

/** The plugin's pino logger; every line carries `plugin: <name>`. */
export type PluginLogger = Logger;

/** Read access to the graph for light work on the event loop (heavy work belongs in analytics). */
export interface GraphAccess {
  /** The current graph version; every committed write increases it. */
  version(): Promise<number>;
  /** A read-only projection, cached per graph version and spec. */
  projection(spec?: ProjectionSpec): Promise<Projection>;
}

/** Sentiment and topics an event hook may attach to a signal. */
export interface Enrichment {
  /** In [-1, 1]; replaces the signal's sentiment. */
  sentiment?: number;
  /** Topic names (created on demand), at most 20 of at most 100 characters; added to what the signal is about. */
  topics?: string[];
}

/** The narrow write capability of `onSignalsRecorded`: enrich the signals of the batch, nothing else. */
export interface SignalEnrichment {
  /**
   * Records sentiment and/or topics for a signal of the current batch: the sentiment replaces the
   * stored one, the topics are linked after what the signal is already about (a topic it is already
   * about is kept once). Calls made in the same tick (`Promise.all(signals.map(...))`) are written in
   * one transaction — prefer that to awaiting each. Rejects with PLUGIN_CAPABILITY_DENIED for a signal
   * outside the batch or an invalid enrichment, and with PLUGIN_CAPABILITY_UNAVAILABLE when the store
   * cannot enrich (a custom store without `enrichSignals`).
   */
  enrich(signalId: string, enrichment: Enrichment): Promise<void>;
}

/** One signal's enrichment, for `SignalAccess.enrich` (since 1.1.0). */
export interface SignalEnrichmentItem extends Enrichment {
  /** The signal's internal id (`SignalView.id`). */
  readonly signalId: string;
}

/** Which existing signals `SignalAccess.scan` pages over (since 1.1.0). */
export interface SignalScan {
  /** `endCursor` of the previous page; absent or null: from the newest signal. */
  after?: string | null;
  /** Signals per page, 1 to 1,000. */
  limit: number;
  /** Only signals that occurred at or after this ISO-8601 instant. */
  since?: string;
  /** Only signals that occurred before this ISO-8601 instant. */
  until?: string;
}

/** One page of `SignalAccess.scan` (since 1.1.0). */
export interface SignalPage {
  /** Newest first: occurredAt, then id, descending — the order of `Query.signals`. */
  readonly signals: readonly SignalView[];
  /** Pass it as `after` for the next page; null after the last one. */
  readonly endCursor: string | null;
}

/**
 * The existing signals, to (re)process them outside an event hook (since 1.1.0): `setup` gets it as
 * `context.signals`, resolvers as `scope(ctx, info).signals`. Keep each page small and yield between
 * pages (`await new Promise((r) => setImmediate(r))`): this runs on the event loop.
 */
export interface SignalAccess {
  /** One page of signals. Rejects with BAD_USER_INPUT for a bad limit, instant or cursor. */
  scan(scan: SignalScan): Promise<SignalPage>;
  /**
   * Enriches any existing signals, all in one transaction (as SignalEnrichment.enrich does for one).
   * Rejects with PLUGIN_CAPABILITY_DENIED for an invalid enrichment or more than 1,000 items,
   * NOT_FOUND naming each unknown signal (nothing is written then), and PLUGIN_CAPABILITY_UNAVAILABLE
   * when the store cannot enrich.
   */
  enrich(items: readonly SignalEnrichmentItem[]): Promise<void>;
}

/** Called after signals were recorded (new ones only, never re-sent ones), in commit order. */
export type SignalsRecordedHook = (signals: readonly SignalView[], enrichment: SignalEnrichment) => void | Promise<void>;

/** A signal about to be recorded, as an ingest enricher sees it (since 1.2.0). */
export interface IncomingSignal {
  readonly channel: string;
  readonly externalId: string;
  readonly kind: SignalKind;
  readonly text: string;
  /** The sentiment the client sent, or what an earlier enricher set; null if none. */
  readonly sentiment: number | null;
  readonly occurredAt: string;
}

/**
 * Enriches a batch of signals before it is written (since 1.2.0): one answer per signal, in order —
 * an Enrichment, or null/undefined for none. The sentiment replaces the incoming one; the topics are
 * added to what the signal is about. Written in the same transaction as the signals, so a client
 * reading them back (or a subscriber) sees them enriched at once, and nothing is written twice.
 */
export type SignalsIncomingEnricher = (signals: readonly IncomingSignal[]) =>
  readonly (Enrichment | null | undefined)[] | Promise<readonly (Enrichment | null | undefined)[]>;

/** Event hooks. They run on the event loop, one batch at a time, each hook with a time limit. */
export interface PluginEvents {
  /** Registers a hook run after every batch of newly recorded signals. */
  onSignalsRecorded(hook: SignalsRecordedHook): void;
  /**
   * Registers an ingest enricher (since 1.2.0), run on every batch given to `recordSignals` before it
   * is written, on the request path: keep it to microseconds per signal (yield between chunks of a
   * large batch). It has the hooks' time limit; when it fails, times out or answers something
   * invalid, the signals are recorded without its enrichment (logged, counted) — ingestion never
   * fails because of a plugin. Re-sent signals are enriched too but change nothing (they are known).
   */
  enrichIncomingSignals(enricher: SignalsIncomingEnricher): void;
}

/** What `setup` receives: the capabilities of one Osmosis instance. */
export interface PluginContext<O = unknown> {
  /** The plugin's name. */
  readonly name: string;
  /** The plugin's version. */
  readonly version: string;
  /** The plugin's options, validated by its `options` schema. */
  readonly options: O;
  /** The plugin's logger. */
  readonly log: PluginLogger;
  /** Read-only graph access. */
  readonly graph: GraphAccess;
  /** The existing signals: scan and enrich them (since 1.1.0). */
  readonly signals: SignalAccess;
  /** The plugin's own analytics, e.g. to precompute from a hook. */
  readonly analytics: AnalyticsRunner;
  /** The analytics of a plugin listed in `dependencies` (since 1.1.0); PLUGIN_CAPABILITY_DENIED for others. */
  dependency(plugin: string): AnalyticsRunner;
  /** Event hooks. */
  readonly events: PluginEvents;
}

/** What `setup` may return: called once when the Osmosis instance stops. */
export type Teardown = () => void | Promise<void>;

// --- the plugin ---------------------------------------------------------------------------------------

/** A plugin. Make it with `definePlugin` and export it as the module's default export. */
export interface PluginDefinition<O = unknown> {
  /** Unique name (PLUGIN_NAME_PATTERN), e.g. `influence`, `value-flow`; prefixes its GraphQL names. */
  readonly name: string;
  /** The plugin's own version, semver (`1.4.0`); shown by `Query.plugins`, matched by dependants. */
  readonly version: string;
  /** The plugin-API versions it works with, a semver range (`^1.0.0`); else PLUGIN_INCOMPATIBLE_API. */
  readonly apiVersion: string;
  /** One line shown by `Query.plugins`. */
  readonly description?: string;
  /** Plugins that must be loaded first: name → semver range of their version. */
  readonly dependencies?: Readonly<Record<string, string>>;
  /**
   * zod schema of the plugin's options, read from OSMOSIS_PLUGIN_OPTIONS[name] (`{}` when absent);
   * a failure is PLUGIN_INVALID_OPTIONS. Without it the plugin receives `{}`.
   */
  readonly options?: ZodType<O>;
  /** The analytics it offers, by name (letters, digits and dashes). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own params and result types
  readonly analytics?: Readonly<Record<string, AnalyticDeclaration<any, any>>>;
  /** Adds GraphQL types and fields; see PluginSchema for when it runs. */
  readonly schema?: (schema: PluginSchema<O>) => void;
  /** Runs once per Osmosis instance, synchronously, after `schema`; may return a Teardown. */
  readonly setup?: (context: PluginContext<O>) => void | Teardown;
}

/** Makes a plugin. The host validates it again when it registers it. */
export function definePlugin<O = Record<string, never>>(plugin: PluginDefinition<O>): PluginDefinition<O> {
  return Object.freeze({ ...plugin });
}

/** Declares an analytic, keeping the types of its params and result together. */
export function defineAnalytic<P, R = unknown>(analytic: AnalyticDeclaration<P, R>): AnalyticDeclaration<P, R> {
  return Object.freeze({ ...analytic });
}

/** Makes the default export of an analytic module (the function the worker runs). */
export function defineCompute<P, R>(compute: ComputeFunction<P, R>): ComputeFunction<P, R> {
  return compute;
}
