/**
 * An EventHub that follows the Redis Stream the relays fill (XREAD BLOCK on a dedicated connection):
 * every instance sees every committed event, whichever instance wrote it, in seq order. Cursors are
 * outbox seqs, as in the store mode, so a client's cursor works on any instance.
 *
 * The store stays the source of truth: a gap in the stream (events older than its first entry, or
 * committed while Redis was down and relayed from a later point) is read from the outbox, and so are
 * replays the stream no longer holds. Redis down: delivery pauses, the outage is logged once, and
 * delivery resumes from the last delivered seq when Redis answers again — nothing is lost.
 */
import type { Logger } from 'pino';
import type { OutboxEvent } from '../domain/events.js';
import type { Store } from '../store/port.js';
import type { EventHub, EventListener } from './hub.js';
import type { RedisLink } from './redis.js';
import type { Relay } from './redis-relay.js';
import { outboxHeadWhenReadable } from './store-hub.js';

export interface RedisHubOptions {
  /** Longest XREAD block (default 5 s). */
  blockMs?: number;
  /** Events per read (default 1,000). */
  batch?: number;
  log: Logger;
}

type StreamEntry = [id: string, fields: string[]];

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 2_000;

function toEvent([id, fields]: StreamEntry): OutboxEvent {
  const at = fields.indexOf('e');
  const e = JSON.parse(fields[at + 1]) as OutboxEvent;
  return { seq: Number(id.split('-')[0]), type: e.type, entityId: e.entityId, detail: e.detail ?? null, at: e.at };
}

export function createRedisEventHub(store: Store, link: RedisLink, relay: Relay, options: RedisHubOptions): EventHub {
  const blockMs = options.blockMs ?? 5_000;
  const batch = options.batch ?? 1_000;
  const log = options.log;
  const listeners = new Set<EventListener>();
  let head: number | null = null;
  let stopped = true;
  let loop: Promise<void> | null = null;
  let storeFailing = false;

  const emit = (events: readonly OutboxEvent[]) => {
    if (!events.length) return;
    head = events[events.length - 1].seq;
    for (const listener of listeners) {
      try {
        listener(events);
      } catch (error) {
        log.error({ err: error }, 'event listener failed');
      }
    }
  };

  /** Events (from, to] from the store, delivered in pages. */
  async function fillFromStore(from: number, to: number): Promise<void> {
    let after = from;
    while (after < to && !stopped) {
      const page = await store.readOutbox(after, Math.min(batch, to - after));
      if (!page.length) return;
      emit(page);
      after = page[page.length - 1].seq;
    }
  }

  async function deliver(entries: StreamEntry[]): Promise<void> {
    const events = entries.map(toEvent).filter((e) => e.seq > head!);
    if (!events.length) return;
    if (events[0].seq > head! + 1) await fillFromStore(head!, events[0].seq - 1);
    emit(events.filter((e) => e.seq > head!));
  }

  const backoff = (failures: number) => Math.min(RETRY_MIN_MS * 2 ** Math.max(0, failures - 1), RETRY_MAX_MS);

  /** Runs a store read; false (logged once per failure run) when the store fails. */
  async function fromStore(work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      if (storeFailing) log.info('event outbox readable again');
      storeFailing = false;
      return true;
    } catch (error) {
      if (!storeFailing) log.error({ err: error }, 'cannot read the event outbox; retrying');
      storeFailing = true;
      return false;
    }
  }

  async function follow(): Promise<void> {
    let redisFailures = 0;
    let storeFailures = 0;
    while (!stopped) {
      if (head === null && !(await fromStore(async () => { head = await store.outboxHead(); }))) {
        await link.sleep(backoff(++storeFailures));
        continue;
      }
      if (!(await link.ready(link.reader))) return;
      let reply: [string, StreamEntry[]][] | null;
      try {
        reply = (await link.reader.xread('COUNT', batch, 'BLOCK', blockMs, 'STREAMS', link.stream, `${head}-0`)) as
          [string, StreamEntry[]][] | null;
        link.succeeded();
        redisFailures = 0;
      } catch (error) {
        if (stopped) return;
        link.failed(error, 'reading the event stream');
        await link.sleep(backoff(++redisFailures));
        continue;
      }
      // What was delivered before a store failure stays delivered: the next read resumes after `head`.
      if (reply && !(await fromStore(() => deliver(reply[0][1])))) await link.sleep(backoff(++storeFailures));
      else storeFailures = 0;
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async replay(afterSeq, limit) {
      if (limit <= 0) return [];
      try {
        const entries = (await link.command.xrange(link.stream, `${afterSeq + 1}-0`, '+', 'COUNT', limit)) as StreamEntry[];
        link.succeeded();
        const events = entries.map(toEvent);
        // The stream holds a contiguous run of the outbox: use it when it starts right after the cursor.
        if (events.length && events[0].seq === afterSeq + 1) return events;
      } catch (error) {
        link.failed(error, 'replaying events');
      }
      return store.readOutbox(afterSeq, limit);
    },
    head: () => head ?? 0,
    poke: () => relay.poke(),
    async start() {
      if (!stopped) return;
      stopped = false;
      link.connect();
      head = await outboxHeadWhenReadable(store, () => stopped, log);
      if (head === null) return;
      relay.start(head);
      loop = follow();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Closing first wakes whatever waits for Redis: with Redis down, the relay waited for a
      // connection that only the close would end, and SIGTERM never stopped the server.
      const closing = link.close();
      await relay.stop();
      await closing;
      await loop;
    },
  };
}
