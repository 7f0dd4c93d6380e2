/**
 * Realtime benchmark (issue 4): N concurrent graphql-ws subscribers (one WebSocket each, in this
 * process) on `signalRecorded`, against `osmosis serve` child processes, while signals are recorded
 * through the API at a steady rate.
 *
 * Figures: delivery latency from commit to receipt (the event's `at`, written in the committing
 * transaction, to the moment the subscriber's client hands it over; same machine, same clock) p50 /
 * p99 / max, lost and duplicated deliveries — first at the nominal rate for the full duration, then a
 * ladder of rates to find the highest one at which p99 stays under 100 ms with nothing lost. Then the
 * same with two instances on one database through Redis (half the subscribers on each, writes on A).
 *
 *   npx tsx test/bench/realtime.bench.ts [--quick]
 *
 * The load generator shares the machine (and its cores) with the servers: its own event loop adds to
 * the measured latency, so the figures are upper bounds; the 1-minute load average and the servers'
 * CPU are printed with each phase for that reason. A delivery not received 5 s after the last write
 * counts as late (the rate is not sustainable); one never received within a further minute, as lost.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Redis } from 'ioredis';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { printTable } from './table.js';

export interface RealtimeBenchOptions {
  subscribers: number;
  /** Nominal rate (events/s) and how long to hold it. */
  rate: number;
  seconds: number;
  /** Rates tried, in order, to find the highest with p99 < target; each held stepSeconds. */
  ladder: number[];
  stepSeconds: number;
  targetP99Ms: number;
  /** Unmeasured load at the nominal rate first (JIT, caches, connection buffers). */
  warmSeconds: number;
  /** Redis for the two-instance run; null skips it. */
  redisUrl: string | null;
}

export const REALTIME_DEFAULTS: RealtimeBenchOptions = {
  subscribers: 1_000,
  rate: 10,
  seconds: 60,
  ladder: [10, 20, 30, 50, 75, 100, 150, 200, 300],
  stepSeconds: 10,
  targetP99Ms: 100,
  warmSeconds: 5,
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

export const REALTIME_QUICK: RealtimeBenchOptions = {
  ...REALTIME_DEFAULTS,
  subscribers: 200,
  seconds: 5,
  ladder: [10, 50, 100],
  stepSeconds: 3,
  warmSeconds: 2,
};

const SUBSCRIPTION = `subscription { signalRecorded(filter: { channels: ["bench"] }) { cursor at signal { externalId kind emitter { key } } } }`;
const RECORD = `mutation($input: [SignalInput!]!) { recordSignals(input: $input) { created } }`;
const EMITTER = 'bench:rt-customer';

/** CPU time (user + system) a process has used, in ms, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return NaN;
  }
}

/** Latencies in whole milliseconds, counted per millisecond: constant memory at any rate. */
class Histogram {
  private counts = new Uint32Array(60_001);
  n = 0;
  max = 0;
  add(ms: number): void {
    const v = Math.max(0, Math.min(60_000, Math.round(ms)));
    this.counts[v]++;
    this.n++;
    if (v > this.max) this.max = v;
  }
  quantile(q: number): number {
    if (!this.n) return NaN;
    const rank = Math.ceil(q * this.n);
    let seen = 0;
    for (let v = 0; v < this.counts.length; v++) {
      seen += this.counts[v];
      if (seen >= rank) return v;
    }
    return this.max;
  }
}

interface Subscriber {
  client: Client;
  /** Deliveries of the current phase, and the last seq seen (in-order check). */
  received: number;
  lastSeq: number;
  duplicates: number;
}

/** The subscribers, spread round-robin over the instances' URLs. */
class Audience {
  readonly subs: Subscriber[] = [];
  private tag = '';
  hist = new Histogram();
  private warm = new Set<Subscriber>();

  constructor(private readonly wsUrls: string[], private readonly size: number) {}

  async connect(): Promise<void> {
    const batch = 100;
    for (let i = 0; i < this.size; i += batch) {
      await Promise.all(Array.from({ length: Math.min(batch, this.size - i) }, (_, j) => this.open(this.wsUrls[(i + j) % this.wsUrls.length])));
    }
  }

  private open(url: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const client = createClient({
        url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0,
        on: { connected: () => resolve(), closed: (e) => reject(new Error(`subscriber closed: ${(e as { code?: number }).code}`)) },
      });
      const sub: Subscriber = { client, received: 0, lastSeq: 0, duplicates: 0 };
      this.subs.push(sub);
      client.subscribe<{ signalRecorded: { cursor: string; at: string; signal: { externalId: string } } }>({ query: SUBSCRIPTION }, {
        next: ({ data }) => {
          const now = Date.now();
          const e = data?.signalRecorded;
          if (!e) return;
          const seq = Number(e.cursor);
          if (seq <= sub.lastSeq) sub.duplicates++;
          sub.lastSeq = Math.max(sub.lastSeq, seq);
          const tag = e.signal.externalId.slice(0, e.signal.externalId.indexOf(':'));
          if (tag === 'warm') this.warm.add(sub);
          else if (tag === this.tag) {
            sub.received++;
            this.hist.add(now - Date.parse(e.at));
          }
        },
        error: (err) => console.error('subscription error', err),
        complete: () => {},
      });
    });
  }

  /** Until every subscriber has received a warm-up event: all subscriptions are live. */
  async warmUp(write: (tag: string, i: number) => Promise<void>): Promise<void> {
    for (let i = 0; this.warm.size < this.subs.length; i++) {
      if (i > 100) throw new Error(`only ${this.warm.size} of ${this.subs.length} subscribers are live`);
      await write('warm', i);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  startPhase(tag: string): void {
    this.tag = tag;
    this.hist = new Histogram();
    for (const s of this.subs) {
      s.received = 0;
      s.duplicates = 0;
    }
  }

  received(): number {
    return this.subs.reduce((sum, s) => sum + s.received, 0);
  }

  duplicates(): number {
    return this.subs.reduce((sum, s) => sum + s.duplicates, 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.subs.map((s) => s.client.dispose()));
  }
}

/** Records one signal per call on the writer instance; counts failures. */
function writer(url: string) {
  let failures = 0;
  const write = async (tag: string, i: number): Promise<void> => {
    const body = JSON.stringify({
      query: RECORD,
      variables: {
        input: [{
          channel: 'bench', externalId: `${tag}:${i}:${randomUUID()}`, kind: 'COMPLAINT', text: `Benchmark complaint ${i}`,
          occurredAt: new Date().toISOString(), emitterKey: EMITTER,
        }],
      },
    });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { errors?: unknown };
    if (json.errors) failures++;
  };
  return { write, failures: () => failures };
}

type PhaseFigures = {
  setup: string;
  'events/s': number;
  seconds: number;
  'deliveries/s': number;
  'p50 ms': number;
  'p99 ms': number;
  'max ms': number;
  /** Deliveries not received 5 s after the last write (the system fell behind). */
  'late >5 s': number;
  /** Deliveries never received (waited up to 60 s more for the late ones). */
  lost: number;
  duplicates: number;
  'failed writes': number;
  /** Server processes' CPU during the phase, in % of one core (all servers together). */
  'server CPU %': number;
  /** 1-minute load average of the machine when the phase started (other work shares the cores). */
  'load avg': number;
};

async function phase(
  setup: string, servers: ServerProcess[], audience: Audience, w: ReturnType<typeof writer>, rate: number, seconds: number, tag: string,
): Promise<PhaseFigures> {
  audience.startPhase(tag);
  const load = loadavg()[0];
  const cpuBefore = servers.reduce((sum, s) => sum + cpuMs(s.child.pid), 0);
  const failedBefore = w.failures();
  const count = Math.round(rate * seconds);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(w.write(tag, i).catch(() => undefined));
  }
  await Promise.all(inFlight);
  const cpu = servers.reduce((sum, s) => sum + cpuMs(s.child.pid), 0) - cpuBefore;
  const wallMs = performance.now() - started;
  const expected = count * audience.subs.length;
  const drain = async (ms: number) => {
    const until = Date.now() + ms;
    while (audience.received() < expected && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    return expected - audience.received();
  };
  const late = await drain(5_000);
  const lost = late ? await drain(60_000) : 0;
  const h = audience.hist;
  return {
    setup,
    'events/s': rate,
    seconds,
    'deliveries/s': Math.round(rate * audience.subs.length),
    'p50 ms': h.quantile(0.5),
    'p99 ms': h.quantile(0.99),
    'max ms': h.max,
    'late >5 s': late,
    lost,
    duplicates: audience.duplicates(),
    'failed writes': w.failures() - failedBefore,
    'server CPU %': Math.round((100 * cpu) / wallMs),
    'load avg': Math.round(load * 10) / 10,
  };
}

async function measure(setup: string, servers: ServerProcess[], o: RealtimeBenchOptions): Promise<{ nominal: PhaseFigures; ladder: PhaseFigures[]; best: number | null }> {
  const w = writer(servers[0].url);
  await fetch(servers[0].url, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { upsertActors(input: [{ key: "${EMITTER}", kind: CUSTOMER, name: "Bench customer" }]) { created } }` }),
  });
  const audience = new Audience(servers.map((s) => s.url.replace(/^http/, 'ws')), o.subscribers);
  await audience.connect();
  try {
    await audience.warmUp(w.write);
    await phase(setup, servers, audience, w, o.rate, o.warmSeconds, 'prewarm');
    const nominal = await phase(setup, servers, audience, w, o.rate, o.seconds, 'nominal');
    const ladder: PhaseFigures[] = [];
    let best: number | null = null;
    for (const rate of o.ladder) {
      const f = await phase(setup, servers, audience, w, rate, o.stepSeconds, `step${rate}`);
      ladder.push(f);
      if (f['p99 ms'] >= o.targetP99Ms || f['late >5 s'] > 0 || f.lost > 0 || f['failed writes'] > 0) break;
      best = rate;
    }
    return { nominal, ladder, best };
  } finally {
    await audience.close();
  }
}

export interface RealtimeFigures {
  one: Awaited<ReturnType<typeof measure>>;
  two: Awaited<ReturnType<typeof measure>> | null;
}

export async function run(options: Partial<RealtimeBenchOptions> = {}): Promise<RealtimeFigures> {
  const o = { ...REALTIME_DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'osm-rt-bench-'));
  const base = { OSMOSIS_PLUGINS: 'none', LOG_LEVEL: 'warn' };
  const report = (title: string, m: Awaited<ReturnType<typeof measure>>) => {
    printTable(`${title}: ${o.subscribers.toLocaleString()} WebSocket subscribers, ${o.rate} events/s for ${o.seconds} s`, [m.nominal]);
    printTable(`${title}: rate ladder, ${o.stepSeconds} s per step (stops at p99 ≥ ${o.targetP99Ms} ms, a late or a lost delivery)`, m.ladder);
    console.log(`highest steady rate with p99 < ${o.targetP99Ms} ms and nothing late or lost: ${m.best === null ? 'none of the ladder' : `${m.best} events/s (${(m.best * o.subscribers).toLocaleString()} deliveries/s)`}`);
    console.log(`target at ${o.rate} events/s: p99 < ${o.targetP99Ms} ms and 0 lost → ${m.nominal['p99 ms'] < o.targetP99Ms && m.nominal.lost === 0 ? 'met' : 'NOT met'}`);
  };

  let one: RealtimeFigures['one'];
  const single = await startServerProcess({ ...base, OSMOSIS_DB: join(dir, 'one.db') });
  try {
    one = await measure('one instance', [single], o);
  } finally {
    await single.stop();
  }
  report('(a) one instance (events from the store outbox)', one);

  let two: RealtimeFigures['two'] = null;
  if (o.redisUrl) {
    const prefix = `osmosis-bench-${randomUUID()}`;
    const env = { ...base, OSMOSIS_DB: join(dir, 'two.db'), REDIS_URL: o.redisUrl, OSMOSIS_REDIS_PREFIX: prefix };
    const a = await startServerProcess(env);
    const b = await startServerProcess(env).catch(async (error: unknown) => { await a.stop(); throw error; });
    try {
      two = await measure('two instances via Redis', [a, b], o);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      const redis = new Redis(o.redisUrl, { maxRetriesPerRequest: 1 });
      await redis.del(`${prefix}:events`).catch(() => undefined);
      redis.disconnect();
    }
    report('(b) two instances on one database through Redis Streams (writes on A, subscribers split A/B)', two);
  }
  rmSync(dir, { recursive: true, force: true });
  return { one, two };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  console.log(`# Realtime benchmark — node ${process.version}${quick ? ' (quick)' : ''}`);
  run(quick ? REALTIME_QUICK : REALTIME_DEFAULTS).then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
