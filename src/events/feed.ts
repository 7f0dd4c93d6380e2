/**
 * The typed event feed of one API instance: committed events from the hub, turned into the payloads
 * of a topic map once per batch (however many subscribers), fanned out to subscriptions that filter in
 * memory. A subscription may start from a cursor: it first replays what it missed from the durable
 * stream (pulled page by page, as the client consumes), then follows live events, in seq order and
 * without duplicates.
 *
 * Memory is bounded: each subscription queues at most `bufferLimit` live events. When a burst does not
 * fit, the subscription stops queueing and catches up from the durable stream at its consumer's pace
 * (nothing lost, one page in memory). A consumer still behind `slowConsumerMs` after its buffer filled
 * is slow: it gets one final `SlowConsumer` item and is ended (its transport closes the connection).
 *
 * Ordering rule: a subscription records `covered`, the seq up to which every event was delivered or
 * deliberately skipped. A live batch (from, to] is delivered only when it starts at or before `covered`
 * and its topic was projected; otherwise the subscription falls back to replay from `covered`, which
 * reads the durable stream. So nothing is lost when a subscription joins while a batch is in flight.
 */
import type { Logger } from 'pino';
import type { OutboxEvent } from '../domain/events.js';
import type { EventHub } from './hub.js';

/** What each topic delivers; every payload carries the seq of its event (its cursor). */
export type TopicMap = { [topic: string]: { readonly seq: number } };
export type TopicOf<T extends TopicMap> = keyof T & string;

/** One payload of one topic. */
export type Published<T extends TopicMap> = { [K in TopicOf<T>]: { topic: K; payload: T[K] } }[TopicOf<T>];

/**
 * Turns committed events (in seq order) into the payloads of the wanted topics, in seq order. Called
 * once per live batch for all subscribers, and once per replay page of a subscription that catches up.
 */
export type Projector<T extends TopicMap> = (events: readonly OutboxEvent[], topics: ReadonlySet<TopicOf<T>>) => Promise<Published<T>[]>;

/** The last item of a subscription whose consumer fell more than `limit` events behind. */
export class SlowConsumer {
  constructor(
    /** Seq of the last event handed to the consumer (0 when none): resume after it. */
    readonly lastSeq: number,
    readonly limit: number,
    /** How long it stayed behind after its buffer filled. */
    readonly behindMs: number,
  ) {}
}

export interface SubscribeOptions<P> {
  /** Replay events after this seq first (a client's last cursor); absent: live events from now on. */
  after?: number;
  /** In-memory filter; payloads it rejects are skipped. */
  accept?: (payload: P) => boolean;
  /** Called once when the subscription overflows (e.g. to close the client's connection). */
  onOverflow?: (slow: SlowConsumer) => void;
  /** Called once when the subscription ends, whatever the reason. */
  onEnd?: (delivered: number) => void;
}

export interface FeedOptions {
  /** Live events a subscription may have queued; beyond, it catches up from the stream (default 1,000). */
  bufferLimit?: number;
  /** How long a subscription may stay behind after its buffer filled before it is ended (default 30 s). */
  slowConsumerMs?: number;
  /** Events read per replay page (default 500, at most bufferLimit). */
  replayPage?: number;
  log?: Logger;
}

export interface FeedStats {
  /** Subscriptions not yet ended (each one a live generator). */
  subscriptions: number;
  /** Of which catching up through replay. */
  replaying: number;
  /** Events queued across subscriptions. */
  buffered: number;
  /** Retry timers pending (a replay that failed waits before trying again). */
  timers: number;
}

export interface EventFeed<T extends TopicMap> {
  subscribe<K extends TopicOf<T>>(topic: K, options?: SubscribeOptions<T[K]>): AsyncIterableIterator<T[K] | SlowConsumer>;
  /** Seq of the newest event dispatched to subscriptions. */
  head(): number;
  stats(): FeedStats;
  /** Follows the hub (start the hub first). */
  start(): void;
  /** Ends every subscription and stops following the hub. */
  stop(): Promise<void>;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

export function createEventFeed<T extends TopicMap>(hub: EventHub, project: Projector<T>, options: FeedOptions = {}): EventFeed<T> {
  const bufferLimit = Math.max(1, options.bufferLimit ?? 1_000);
  const replayPage = Math.max(1, Math.min(options.replayPage ?? 500, bufferLimit));
  const slowConsumerMs = options.slowConsumerMs ?? 30_000;
  const log = options.log;
  const subs = new Set<Sub<TopicOf<T>>>();
  let head = 0;
  let chain: Promise<void> = Promise.resolve();
  let unsubscribe: (() => void) | null = null;
  let timers = 0;
  /** Subscriptions may arrive before the hub knows its head: they wait for start. */
  let started = false;
  let stopped = false;
  let markStarted!: () => void;
  const whenStarted = new Promise<void>((resolve) => (markStarted = resolve));

  type Item<K extends TopicOf<T>> = T[K] | SlowConsumer;
  type Waiter = (() => void) | null;

  class Sub<K extends TopicOf<T>> implements AsyncIterableIterator<Item<K>> {
    private queue: Item<K>[] = [];
    private mode: 'replay' | 'live' | 'done';
    private covered: number;
    private lastSeq: number;
    private delivered = 0;
    private wake: Waiter = null;
    private retryTimer: NodeJS.Timeout | null = null;
    private failures = 0;
    /** When its buffer last filled, while it has not caught up since. */
    private behindSince: number | null = null;

    constructor(readonly topic: K, private readonly opts: SubscribeOptions<T[K]>) {
      if (opts.after === undefined) {
        this.mode = 'live';
        this.covered = head;
        this.lastSeq = head;
      } else {
        this.mode = 'replay';
        this.covered = opts.after;
        this.lastSeq = opts.after;
      }
    }

    get replaying(): boolean { return this.mode === 'replay'; }
    get pending(): number { return this.queue.length; }
    get ended(): boolean { return this.mode === 'done'; }

    [Symbol.asyncIterator](): this { return this; }

    /** A live subscription made before the feed started follows from the head it starts at. */
    anchor(at: number): void {
      if (this.opts.after !== undefined) return;
      this.covered = at;
      this.lastSeq = at;
    }

    async next(): Promise<IteratorResult<Item<K>>> {
      if (!started) await whenStarted;
      for (;;) {
        const item = this.queue.shift();
        if (item !== undefined) {
          if (!(item instanceof SlowConsumer)) {
            this.lastSeq = item.seq;
            this.delivered++;
          }
          return { done: false, value: item };
        }
        if (this.mode === 'done') return { done: true, value: undefined };
        if (this.mode === 'replay') await this.replay();
        else await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }

    async return(): Promise<IteratorResult<Item<K>>> {
      this.end();
      return { done: true, value: undefined };
    }

    async throw(error?: unknown): Promise<IteratorResult<Item<K>>> {
      this.end();
      throw error;
    }

    /** One page of the durable stream after `covered`; back to live once caught up with the feed. */
    private async replay(): Promise<void> {
      let published: Published<T>[];
      let events: OutboxEvent[];
      try {
        events = await hub.replay(this.covered, replayPage);
        published = events.length ? await project(events, new Set([this.topic])) : [];
      } catch (error) {
        if (this.mode !== 'replay') return;
        if (this.failures++ === 0) log?.error({ err: error, topic: this.topic, after: this.covered }, 'replay failed; retrying');
        await this.pause(Math.min(RETRY_MIN_MS * 2 ** (this.failures - 1), RETRY_MAX_MS));
        return;
      }
      if (this.failures) log?.info({ topic: this.topic }, 'replay works again');
      this.failures = 0;
      if (this.mode !== 'replay') return;
      for (const p of published) {
        if (p.topic === this.topic && p.payload.seq > this.covered && this.accepts(p.payload as T[K])) this.queue.push(p.payload as T[K]);
      }
      if (events.length) this.covered = Math.max(this.covered, events[events.length - 1].seq);
      // Synchronously with the check: every batch dispatched after this point reaches us live.
      if (!events.length || this.covered >= head) {
        this.mode = 'live';
        this.behindSince = null;
      }
    }

    private pause(ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        timers++;
        this.wake = () => {
          if (this.retryTimer) {
            clearTimeout(this.retryTimer);
            this.retryTimer = null;
            timers--;
          }
          resolve();
        };
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          timers--;
          this.wake = null;
          resolve();
        }, ms);
      });
    }

    /** A live batch (from, to] projected for `topics`. */
    offer(from: number, to: number, topics: ReadonlySet<string>, payloads: readonly T[K][]): void {
      if (this.behindSince !== null && Date.now() - this.behindSince > slowConsumerMs) return this.overflow();
      if (this.mode !== 'live' || to <= this.covered) return;
      if (from > this.covered || !topics.has(this.topic)) return this.catchUp();
      const fresh = payloads.filter((p) => p.seq > this.covered && this.accepts(p));
      if (this.queue.length + fresh.length > bufferLimit) {
        // A burst larger than the buffer: read it from the stream at the consumer's pace instead.
        this.behindSince ??= Date.now();
        return this.catchUp();
      }
      this.queue.push(...fresh);
      this.covered = to;
      if (fresh.length) this.poke();
    }

    /** Missed or skipped live events: continue from `covered` through the durable stream. */
    private catchUp(): void {
      this.mode = 'replay';
      this.poke();
    }

    private accepts(p: T[K]): boolean {
      if (!this.opts.accept) return true;
      try {
        return this.opts.accept(p);
      } catch (error) {
        log?.error({ err: error, topic: this.topic }, 'subscription filter failed; event skipped');
        return false;
      }
    }

    private overflow(): void {
      const slow = new SlowConsumer(this.lastSeq, bufferLimit, Date.now() - (this.behindSince ?? Date.now()));
      this.queue = [slow];
      this.finish();
      this.poke();
      try {
        this.opts.onOverflow?.(slow);
      } catch (error) {
        log?.error({ err: error }, 'overflow handler failed');
      }
    }

    private poke(): void {
      const wake = this.wake;
      this.wake = null;
      wake?.();
    }

    /** No more events; what is queued is still handed out. */
    private finish(): void {
      if (this.mode === 'done') return;
      this.mode = 'done';
      subs.delete(this as unknown as Sub<TopicOf<T>>);
      try {
        this.opts.onEnd?.(this.delivered);
      } catch (error) {
        log?.error({ err: error }, 'subscription end handler failed');
      }
    }

    /** Ends now: drops what is queued and releases a pending next(). */
    end(): void {
      this.queue = [];
      this.finish();
      this.poke();
    }
  }

  async function dispatch(events: readonly OutboxEvent[]): Promise<void> {
    const fresh = events.filter((e) => e.seq > head);
    if (!fresh.length) return;
    const from = fresh[0].seq - 1;
    const to = fresh[fresh.length - 1].seq;
    const topics = new Set<TopicOf<T>>();
    for (const s of subs) if (!s.replaying) topics.add(s.topic);
    let published: Published<T>[] = [];
    if (topics.size) {
      try {
        published = await project(fresh, topics);
      } catch (error) {
        // Live subscribers will see the topic unprojected and catch up through replay.
        log?.error({ err: error, from, to }, 'cannot resolve events; subscribers will replay them');
        topics.clear();
      }
    }
    head = Math.max(head, to);
    const byTopic = new Map<string, T[TopicOf<T>][]>();
    for (const p of published) {
      let list = byTopic.get(p.topic);
      if (!list) byTopic.set(p.topic, (list = []));
      list.push(p.payload);
    }
    for (const s of [...subs]) s.offer(from, to, topics, byTopic.get(s.topic) ?? []);
  }

  return {
    subscribe(topic, opts = {}) {
      const sub = new Sub(topic, opts);
      subs.add(sub as unknown as Sub<TopicOf<T>>);
      if (stopped) sub.end(); // the server is shutting down
      return sub;
    },
    head: () => head,
    stats() {
      let replaying = 0;
      let buffered = 0;
      for (const s of subs) {
        if (s.replaying) replaying++;
        buffered += s.pending;
      }
      return { subscriptions: subs.size, replaying, buffered, timers };
    },
    start() {
      if (unsubscribe) return;
      head = hub.head();
      for (const s of subs) s.anchor(head);
      started = true;
      markStarted();
      unsubscribe = hub.subscribe((events) => {
        chain = chain.then(() => dispatch(events)).catch((error: unknown) => log?.error({ err: error }, 'event dispatch failed'));
      });
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = null;
      await chain;
      for (const s of [...subs]) s.end();
      markStarted(); // releases subscriptions that were waiting for a start that will not come
    },
  };
}
