/**
 * Redis connections for the event stream, and the one place that reports Redis outages: once when
 * Redis stops answering, once when it answers again. Commands fail fast while Redis is down (no
 * offline queue): the relay and the reader retry on their own schedule, and nothing else waits on them —
 * mutations write the outbox in the store and never touch Redis.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface RedisLinkOptions {
  url: string;
  /** Key prefix; the stream is `<prefix>:events`. One prefix per database. */
  prefix: string;
  log: Logger;
}

export interface RedisLink {
  /** Key of the event stream. */
  readonly stream: string;
  /** For short commands (relay writes, replay reads). */
  readonly command: Redis;
  /** For the blocking read of the stream only. */
  readonly reader: Redis;
  /** Starts connecting (and reconnecting, until closed); never throws. */
  connect(): void;
  /** Resolves when `client` is connected, or false once the link is closed. */
  ready(client: Redis): Promise<boolean>;
  /** Reports a failed Redis command (logged once per outage). */
  failed(error: unknown, doing: string): void;
  /** Reports a successful Redis command (logs the recovery once). */
  succeeded(): void;
  /** Waits `ms`, or less when the link closes; the timer never outlives the link. */
  sleep(ms: number): Promise<void>;
  readonly closed: boolean;
  close(): Promise<void>;
}

const RECONNECT_MAX_MS = 2_000;

/** Hides the password of a redis:// URL in logs. */
export const safeRedisUrl = (url: string): string => url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');

export function createRedisLink(options: RedisLinkOptions): RedisLink {
  const log = options.log;
  let down: { since: number } | null = null;
  let closed = false;
  const wakers = new Set<() => void>();

  const client = (name: string): Redis => {
    const redis = new Redis(options.url, {
      connectionName: `osmosis-${name}`,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => (closed ? null : Math.min(100 * times, RECONNECT_MAX_MS)),
    });
    // ioredis reports every failed reconnection here; the outage itself is logged once by `failed`.
    redis.on('error', (error: Error) => link.failed(error, `connecting (${name})`));
    return redis;
  };

  const link: RedisLink = {
    stream: `${options.prefix}:events`,
    command: undefined as unknown as Redis,
    reader: undefined as unknown as Redis,
    get closed() { return closed; },
    connect() {
      if (closed) return;
      for (const redis of [link.command, link.reader]) {
        if (redis.status === 'wait') redis.connect().catch((error: unknown) => link.failed(error, 'connecting'));
      }
    },
    ready(redis) {
      if (closed) return Promise.resolve(false);
      if (redis.status === 'ready') return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const done = () => {
          redis.off('ready', done);
          wakers.delete(done);
          resolve(!closed);
        };
        redis.on('ready', done);
        wakers.add(done);
      });
    },
    failed(error, doing) {
      if (closed || down) return;
      down = { since: Date.now() };
      log.error({ err: error, redis: safeRedisUrl(options.url), doing },
        'Redis unavailable: live events paused (mutations are unaffected; events wait in the outbox); retrying');
    },
    succeeded() {
      if (!down) return;
      const ms = Date.now() - down.since;
      down = null;
      log.warn({ redis: safeRedisUrl(options.url), outageMs: ms }, 'Redis available again: live events resumed');
    },
    sleep(ms) {
      if (closed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wakers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        wakers.add(done);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const wake of [...wakers]) wake();
      // The reader may be blocked in XREAD: disconnect rather than wait for the block to time out.
      link.reader.disconnect();
      await link.command.quit().catch(() => link.command.disconnect());
    },
  };
  (link as { command: Redis }).command = client('command');
  (link as { reader: Redis }).reader = client('reader');
  return link;
}
