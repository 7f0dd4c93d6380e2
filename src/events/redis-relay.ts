/**
 * The relay: copies committed outbox events, in seq order, into the Redis Stream that every instance
 * reads. Entry ids are `<seq>-0`, so several instances relaying the same outbox are idempotent: a Lua
 * script appends an event only when it directly follows the stream's last entry (an id at or below it
 * was already relayed; a gap stops the append). The stream is therefore always a contiguous run of the
 * outbox; anything older than its first entry (before Redis was first used, or trimmed) stays readable
 * in the store, where readers fetch it.
 *
 * Runs on a local write (poke) and on a timer (events committed by instances that died before
 * relaying them, or while Redis was down). Redis down: the events wait in the outbox; the relay retries.
 */
import type { Logger } from 'pino';
import type { OutboxEvent } from '../domain/events.js';
import type { Store } from '../store/port.js';
import type { RedisLink } from './redis.js';

export interface RelayOptions {
  /** How often to look for events not relayed yet (default 250 ms). */
  pollMs?: number;
  /** Events per append (default 500). */
  batch?: number;
  /** Approximate number of entries the stream keeps (default 100,000). */
  maxLen?: number;
  log: Logger;
}

export interface Relay {
  /** Relay now (after a local write) rather than at the next poll. */
  poke(): void;
  /** Seq of the last event known to be in the stream. */
  head(): number;
  /** `from`: where to start when the stream is empty (the local hub's start position). */
  start(from: number): void;
  stop(): Promise<void>;
}

/**
 * KEYS[1] stream; ARGV[1] max length; then pairs (seq, event JSON) in seq order.
 * Appends the events that extend the stream contiguously; returns {last seq in the stream, appended}.
 * An empty stream (new, or Redis restarted without persistence) accepts any first seq.
 */
const APPEND = `
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local top = -1
if #last > 0 then top = tonumber(string.match(last[1][1], '^(%d+)')) end
local added = 0
for i = 2, #ARGV, 2 do
  local seq = tonumber(ARGV[i])
  if top == -1 or seq == top + 1 then
    local ok = redis.pcall('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], ARGV[i] .. '-0', 'e', ARGV[i + 1])
    if type(ok) == 'table' and ok.err then break end
    top = seq
    added = added + 1
  elseif seq > top + 1 then
    break
  end
end
return {top, added}`;

/** Seq of the stream's last entry, 0 when it is empty. */
export async function streamTop(link: RedisLink): Promise<number> {
  const last = await link.command.xrevrange(link.stream, '+', '-', 'COUNT', 1);
  return last.length ? Number(last[0][0].split('-')[0]) : 0;
}

export function createRedisRelay(store: Store, link: RedisLink, options: RelayOptions): Relay {
  const pollMs = options.pollMs ?? 250;
  const batch = options.batch ?? 500;
  const maxLen = options.maxLen ?? 100_000;
  const log = options.log;
  /** Seq up to which the stream is known to hold the outbox; null until first read from Redis. */
  let relayed: number | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let storeFailing = false;
  /** Where an empty stream starts: this instance's hub needs everything after it. */
  let startAt = 0;

  async function append(events: readonly OutboxEvent[]): Promise<number> {
    const args: (string | number)[] = [maxLen];
    for (const e of events) args.push(e.seq, JSON.stringify(e));
    const [top] = (await link.command.eval(APPEND, 1, link.stream, ...args)) as [number, number];
    return Number(top);
  }

  async function firstPosition(): Promise<number> {
    const top = await streamTop(link);
    const storeHead = await store.outboxHead();
    if (top > storeHead) {
      log.error({ stream: link.stream, streamSeq: top, outboxSeq: storeHead },
        'the Redis event stream is ahead of this store: it belongs to another database (set OSMOSIS_REDIS_PREFIX per database)');
    }
    // An empty stream starts where this instance's hub started (it waits for what follows);
    // hubs that started earlier read the older events from the store.
    return top > 0 ? top : Math.min(startAt, storeHead);
  }

  async function relayAll(): Promise<void> {
    if (!(await link.ready(link.command))) return;
    relayed ??= await firstPosition();
    for (;;) {
      let events: OutboxEvent[];
      try {
        events = await store.readOutbox(relayed, batch);
        if (storeFailing) log.info('event outbox readable again');
        storeFailing = false;
      } catch (error) {
        if (!storeFailing) log.error({ err: error }, 'cannot read the event outbox; retrying');
        storeFailing = true;
        return;
      }
      if (!events.length) return;
      const top = await append(events);
      link.succeeded();
      if (top >= events[0].seq) {
        relayed = Math.max(relayed, top);
        if (events.length < batch && top >= events[events.length - 1].seq) return;
      } else if (top >= 0 && top < events[0].seq - 1) {
        // The stream ends before what we read (e.g. Redis restarted empty after others relayed less):
        // continue from its end so it stays contiguous.
        relayed = top;
      } else {
        // Contiguous, yet nothing appended: the stream refuses the ids (entries deleted by hand?).
        log.error({ stream: link.stream, seq: events[0].seq }, 'the Redis event stream refuses new entries; delete it to recover');
        return;
      }
    }
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = relayAll()
      .catch((error: unknown) => link.failed(error, 'relaying events'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  }

  return {
    poke: run,
    head: () => relayed ?? 0,
    start(from) {
      if (!stopped) return;
      stopped = false;
      startAt = from;
      timer = setInterval(run, pollMs);
      timer.unref();
      run();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
