/**
 * Composition root: configuration → store → plugin host → schema → server. Everything a running
 * Osmosis is made of is wired here and nowhere else.
 */
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { Store } from './store/port.js';
import type { EmbeddedStore } from './store/embedded/index.js';
import { openServerStore } from './store/open.js';
import { buildSchema } from './graphql/schema.js';
import { createOsmosisYoga, type OsmosisYoga } from './server/yoga.js';
import { listen, type RunningServer } from './server/http.js';
import { createLogger } from './server/logger.js';
import type { EventHub } from './events/hub.js';
import { builtinCandidates, createPluginHost, loadPlugins, type PluginCandidate, type PluginHost } from './plugin-host/index.js';
// --- realtime (issue 4) ---
import { createEventPipeline, type EventPipeline } from './events/pipeline.js';
import { createEventFeed } from './events/feed.js';
import { createProjector, type RealtimeFeed } from './graphql/types/subscription-topics.js';
import { attachGraphQLWebSocket, type GraphQLWebSocketServer } from './server/ws.js';
import { QueryThreads } from './server/query-threads/query-threads.js';

export interface Osmosis {
  config: Config;
  store: Store;
  yoga: OsmosisYoga;
  log: Logger;
  /** The plugin host (plugin hook): what is loaded, the analytics runner; close it on shutdown. */
  plugins: PluginHost;
  /** Realtime (issue 4): committed events (store outbox, or Redis Streams); started by serveOsmosis. */
  events: EventPipeline;
  /** Realtime (issue 4): the subscriptions' feed. */
  realtime: RealtimeFeed;
  /** Threads that run read-only queries next to the embedded data file; null otherwise. */
  queryThreads: QueryThreads | null;
}

/** What createOsmosis can be given besides config, store and logger (plugin hook). */
export interface OsmosisParts {
  /** OSMOSIS_PLUGINS already loaded (loadPlugins); default: the built-ins the configuration lists. */
  plugins?: readonly PluginCandidate[];
  /** The instance's event hub, for plugin event hooks. */
  events?: EventHub;
}

/** Builds the service around a store (tests pass their own; `start` opens the configured one). */
export function createOsmosis(
  config: Config,
  store: Store,
  log: Logger = createLogger(config.LOG_LEVEL),
  parts: OsmosisParts = {},
): Osmosis {
  const embedded = embeddedOnFile(store);
  const queryThreads = embedded && config.OSMOSIS_QUERY_THREADS > 0 ? new QueryThreads(embedded.file, config.OSMOSIS_QUERY_THREADS, log) : null;
  // They read the store's file: they stop when it closes (startOsmosis().stop() included).
  if (queryThreads) embedded?.onClose(() => queryThreads.close());
  // Realtime (issue 4): everything writes through the pipeline's store, so each write pokes the hub;
  // the hub feeds the subscriptions (one resolution per event batch) and the plugins' event hooks.
  const events = createEventPipeline(store, {
    redisUrl: config.REDIS_URL, redisPrefix: config.OSMOSIS_REDIS_PREFIX, pollMs: config.OSMOSIS_EVENTS_POLL_MS, log,
  });
  store = events.store;
  const realtime: RealtimeFeed = createEventFeed(events.hub, createProjector(store), {
    bufferLimit: config.OSMOSIS_SUBSCRIPTION_BUFFER, slowConsumerMs: config.OSMOSIS_SLOW_CONSUMER_MS,
    log: log.child({ component: 'subscriptions' }),
  });
  // Plugin hook: plugins extend the schema before it is built, then the schema is bound to this host.
  const plugins = createPluginHost({
    candidates: parts.plugins ?? builtinCandidates(config.OSMOSIS_PLUGINS),
    store,
    log,
    events: parts.events ?? events.hub,
    localSignals: parts.events ? undefined : events.localSignals,
    strict: config.OSMOSIS_PLUGINS_STRICT,
    pluginOptions: config.OSMOSIS_PLUGIN_OPTIONS,
    limits: { timeoutMs: config.OSMOSIS_PLUGIN_TIMEOUT_MS, heapMb: config.OSMOSIS_PLUGIN_HEAP_MB, workers: config.OSMOSIS_PLUGIN_WORKERS },
  });
  // Plugins' ingest enrichers (plugin API 1.2.0) see every recordSignals batch before it is written.
  store = plugins.ingestStore(store);
  const yoga = createOsmosisYoga({
    schema: plugins.bind(buildSchema()),
    store,
    log,
    graphiql: config.OSMOSIS_GRAPHIQL,
    maxDepth: config.OSMOSIS_MAX_DEPTH,
    maxTokens: config.OSMOSIS_MAX_TOKENS,
    maxCost: config.OSMOSIS_MAX_COST,
    realtime, // realtime (issue 4)
    apiTokens: config.OSMOSIS_API_TOKENS, // realtime (issue 4): one check for HTTP, SSE and WebSocket
    corsOrigins: config.OSMOSIS_CORS_ORIGINS,
    maxBody: config.OSMOSIS_MAX_BODY,
    queryThreads,
  });
  return { config, store, yoga, log, plugins, events, realtime, queryThreads };
}

/** An embedded store on a data file, which other threads can open too; null for any other store. */
function embeddedOnFile(store: Store): { file: string; onClose(task: () => Promise<void>): void } | null {
  const embedded = store as Partial<Pick<EmbeddedStore, 'file' | 'onClose'>>;
  return store.kind === 'embedded' && typeof embedded.file === 'string' ? (embedded as Pick<EmbeddedStore, 'file' | 'onClose'> & { file: string }) : null;
}

/** Realtime (issue 4): an Osmosis served over HTTP (queries, SSE) and WebSocket (graphql-ws). */
export interface ServedOsmosis {
  http: RunningServer;
  ws: GraphQLWebSocketServer;
  /** Resolves once live events flow (the store answered); subscriptions made before wait for it. */
  eventsStarted: Promise<void>;
  /** Closes connections and stops the event pipeline; the store stays open. */
  close(): Promise<void>;
}

/** Listens, attaches graphql-ws on the GraphQL endpoint, and starts the events in the background. */
export async function serveOsmosis(osmosis: Osmosis, host: string, port: number): Promise<ServedOsmosis> {
  const { config } = osmosis;
  const http = await listen(osmosis.yoga, host, port);
  const ws = attachGraphQLWebSocket(http.server, osmosis.yoga, {
    initTimeoutMs: config.OSMOSIS_WS_INIT_TIMEOUT_MS,
    keepAliveMs: config.OSMOSIS_WS_KEEPALIVE_MS,
    maxMessageBytes: config.OSMOSIS_WS_MAX_MESSAGE,
    maxSubscriptions: config.OSMOSIS_MAX_SUBSCRIPTIONS,
    corsOrigins: config.OSMOSIS_CORS_ORIGINS,
    log: osmosis.log.child({ component: 'ws' }),
  });
  const eventsStarted = osmosis.events.start().then(() => osmosis.realtime.start());
  eventsStarted.catch((error: unknown) => osmosis.log.error({ err: error }, 'cannot start the event pipeline'));
  return {
    http,
    ws,
    eventsStarted,
    async close() {
      await ws.close();
      await osmosis.realtime.stop(); // ends SSE streams, so the HTTP server can close
      await http.close();
      await osmosis.events.stop();
    },
  };
}

export interface StartedOsmosis extends Osmosis {
  http: RunningServer;
  /** Realtime (issue 4): the graphql-ws server. */
  ws: GraphQLWebSocketServer;
  /**
   * Resolves once the store is usable (at once for the embedded store; for Neo4j when connected and
   * migrated, while /ready says 503 meanwhile); rejects when it never will be, e.g. wrong credentials.
   */
  storeReady: Promise<void>;
  stop(): Promise<void>;
}

/** Listens first, then (for Neo4j) connects the store in the background: see openServerStore. */
export async function startOsmosis(config: Config, log: Logger = createLogger(config.LOG_LEVEL)): Promise<StartedOsmosis> {
  const { store, ready } = await openServerStore(config, log);
  let osmosis: Osmosis;
  try {
    // Plugin hook: OSMOSIS_PLUGINS may name paths and packages, imported before the schema is built.
    osmosis = createOsmosis(config, store, log, { plugins: await loadPlugins(config.OSMOSIS_PLUGINS) });
  } catch (error) {
    await store.close(); // OSMOSIS_PLUGINS_STRICT=true and a plugin failed
    throw error;
  }
  osmosis.plugins.warm(); // plugin hook: start the analytics workers now, not on the first request
  osmosis.queryThreads?.warm();
  let served: ServedOsmosis; // realtime (issue 4): HTTP + WebSocket + events
  try {
    served = await serveOsmosis(osmosis, config.HOST, config.PORT);
  } catch (error) {
    await osmosis.plugins.close(); // plugin hook
    await store.close();
    throw error;
  }
  return {
    ...osmosis,
    http: served.http,
    ws: served.ws,
    storeReady: ready,
    async stop() {
      await served.close(); // realtime (issue 4): WebSocket, subscriptions, HTTP, events
      await osmosis.plugins.close(); // plugin hook
      await store.close();
    },
  };
}
