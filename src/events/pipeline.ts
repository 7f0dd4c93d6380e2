/**
 * The event pipeline of one instance, transport chosen by configuration:
 * - store (default): the hub follows the store's outbox directly — the store is the durable stream;
 *   local writes poke it, a poll picks up what other instances committed to a shared database;
 * - Redis (`REDIS_URL`): a relay copies the outbox into a Redis Stream, and the hub reads the stream,
 *   so every instance gets every event at once without polling the database.
 * Either way cursors are outbox seqs, and the store wrapped here pokes the pipeline after each write.
 */
import type { Logger } from 'pino';
import type { Store } from '../store/port.js';
import type { EventHub } from './hub.js';
import { LocalSignals } from './local-signals.js';
import { notifyingStore } from './notifying-store.js';
import { createStoreEventHub } from './store-hub.js';
import { createRedisLink, safeRedisUrl } from './redis.js';
import { createRedisRelay } from './redis-relay.js';
import { createRedisEventHub } from './redis-hub.js';

export interface EventPipelineOptions {
  /** Redis for the event stream; absent: the store is the stream. */
  redisUrl?: string;
  /** Prefix of the Redis keys; one per database. */
  redisPrefix?: string;
  /** Poll period for events committed elsewhere (store mode) or not yet relayed (Redis mode). */
  pollMs?: number;
  log: Logger;
}

export interface EventPipeline {
  readonly mode: 'store' | 'redis';
  readonly hub: EventHub;
  /** The store to write through: each completed write pokes the pipeline for immediate delivery. */
  readonly store: Store;
  /** Signals recorded through `store` by this instance whose events are not delivered yet. */
  readonly localSignals: LocalSignals;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createEventPipeline(store: Store, options: EventPipelineOptions): EventPipeline {
  const log = options.log.child({ component: 'events' });
  let hub: EventHub;
  if (options.redisUrl) {
    const link = createRedisLink({ url: options.redisUrl, prefix: options.redisPrefix ?? 'osmosis', log });
    const relay = createRedisRelay(store, link, { pollMs: options.pollMs, log });
    hub = createRedisEventHub(store, link, relay, { log });
    log.info({ redis: safeRedisUrl(options.redisUrl), stream: link.stream }, 'events: Redis Streams');
  } else {
    hub = createStoreEventHub(store, { pollMs: options.pollMs, log });
  }
  let started = false;
  const localSignals = new LocalSignals();
  return {
    mode: options.redisUrl ? 'redis' : 'store',
    hub,
    store: notifyingStore(store, () => hub.poke(), localSignals),
    localSignals,
    async start() {
      if (started) return;
      started = true;
      await hub.start();
    },
    async stop() {
      if (!started) return;
      started = false;
      await hub.stop();
    },
  };
}
