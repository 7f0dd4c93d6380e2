/**
 * An EventHub that follows the store's outbox directly: the store is the durable stream. Local
 * writes poke it for immediate delivery; a poll picks up what other instances committed to a
 * shared database.
 */
import type { Logger } from 'pino';
import type { OutboxEvent } from '../domain/events.js';
import { DomainError } from '../domain/errors.js';
import type { Store } from '../store/port.js';
import type { EventHub, EventListener } from './hub.js';

export interface StoreHubOptions {
  /** How often to look for events committed elsewhere. */
  pollMs?: number;
  /** Events read per outbox query. */
  batch?: number;
  log?: Logger;
}

export function createStoreEventHub(store: Store, options: StoreHubOptions = {}): EventHub {
  const pollMs = options.pollMs ?? 250;
  const batch = options.batch ?? 1000;
  const listeners = new Set<EventListener>();
  let head = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let failing = false;
  /** False until the outbox head was read (the store may still be connecting at start). */
  let headKnown = false;

  const emit = (events: readonly OutboxEvent[]) => {
    for (const listener of listeners) {
      try {
        listener(events);
      } catch (error) {
        options.log?.error({ err: error }, 'event listener failed');
      }
    }
  };

  async function drain(): Promise<void> {
    for (;;) {
      const events = await store.readOutbox(head, batch);
      if (!events.length) return;
      head = events[events.length - 1].seq;
      emit(events);
      if (events.length < batch) return;
    }
  }

  /** One poll at a time; a poke during a poll makes it run once more. */
  function poll(): void {
    if (stopped || !headKnown) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .then(() => {
        if (failing) options.log?.info('event outbox readable again');
        failing = false;
      }, (error: unknown) => {
        if (!failing) options.log?.error({ err: error }, 'cannot read the event outbox; retrying');
        failing = true;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          poll();
        }
      });
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    replay: (afterSeq, limit) => store.readOutbox(afterSeq, limit),
    head: () => head,
    poke: poll,
    /** Resolves once the outbox head is known (retrying while the store is unavailable). */
    async start() {
      stopped = false;
      const known = await outboxHeadWhenReadable(store, () => stopped, options.log);
      if (known === null) return;
      head = known;
      headKnown = true;
      timer = setInterval(poll, pollMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

/**
 * The outbox head, retrying while the store cannot answer yet (a Neo4j store still connecting);
 * null when `stopped()` becomes true first. Logs the failure once and the recovery once.
 */
export async function outboxHeadWhenReadable(store: Store, stopped: () => boolean, log?: Logger): Promise<number | null> {
  for (let attempt = 1; !stopped(); attempt++) {
    try {
      const head = await store.outboxHead();
      if (attempt > 1) log?.info('event outbox readable');
      return head;
    } catch (error) {
      if (attempt === 1) {
        // A store still connecting is expected at start-up: a warning with its reason, not an error with a stack.
        if (error instanceof DomainError && error.code === 'UNAVAILABLE') log?.warn({ reason: error.message }, 'event outbox not readable yet; retrying');
        else log?.error({ err: error }, 'cannot read the event outbox yet; retrying');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 5_000)));
    }
  }
  return null;
}
