/**
 * Core API benchmarks (issue: core service):
 * (a) the typical frontend query — an actor, its ties, the other actors' latest signals — under
 *     autocannon against a served 100,000-actor graph, versus `{ __typename }` on the same server;
 * (b) recordSignals through the API in batches of 1,000, versus the store port's own batch write
 *     with the same signals. Figures are printed, never asserted.
 */
import autocannon from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { ActorProfileDocument, RecordSignalsCountDocument } from '../../schema/generated/graphql.js';
import { loadConfig } from '../../src/config/config.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import type { Store } from '../../src/store/port.js';
import type { ActorInput, SignalInput } from '../../src/domain/inputs.js';
import { largeEmbeddedDb } from './bench-db.js';
import { startServerProcess } from './server-process.js';
import { printTable } from './table.js';

export interface CoreBenchOptions {
  actors: number;
  ties: number;
  signals: number;
  seconds: number;
  connections: number;
}

export const CORE_DEFAULTS: CoreBenchOptions = { actors: 100_000, ties: 1_000_000, signals: 200_000, seconds: 20, connections: 20 };

interface Load { rps: number; p50: number; p99: number; errors: number; non2xx: number }

export async function load(url: string, bodies: string[], seconds: number, connections: number): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export async function readBenchmark(o: CoreBenchOptions): Promise<void> {
  const db = largeEmbeddedDb(o.actors, o.ties, o.signals);
  const server = await startServerProcess({ OSMOSIS_DB: db });
  try {
    const keys = await sampleKeys(server.url, 500);
    const profile = print(ActorProfileDocument);
    const typical = keys.map((key) => JSON.stringify({ query: profile, variables: { key } }));
    const trivial = [JSON.stringify({ query: '{ __typename }' })];
    // Warm both paths first (JIT, SQLite and OS page caches), then alternate them so a drift of the
    // machine's load during the run weighs on both alike; each figure is the mean of its rounds, and
    // the ratio of each round (its two measures taken back to back) is printed with their median.
    await load(server.url, trivial, 3, o.connections);
    await load(server.url, typical, 3, o.connections);
    const rounds = 5;
    const runs: { t: Load; q: Load }[] = [];
    for (let r = 0; r < rounds; r++) {
      const t = await load(server.url, trivial, o.seconds / rounds, o.connections);
      const q = await load(server.url, typical, o.seconds / rounds, o.connections);
      runs.push({ t, q });
    }
    const mean = (pick: (x: { t: Load; q: Load }) => number) => runs.reduce((sum, x) => sum + pick(x), 0) / runs.length;
    const t = { rps: mean((x) => x.t.rps), p50: mean((x) => x.t.p50), p99: Math.max(...runs.map((x) => x.t.p99)), errors: runs.reduce((n, x) => n + x.t.errors + x.t.non2xx, 0) };
    const q = { rps: mean((x) => x.q.rps), p50: mean((x) => x.q.p50), p99: Math.max(...runs.map((x) => x.q.p99)), errors: runs.reduce((n, x) => n + x.q.errors + x.q.non2xx, 0) };
    const threads = process.env.OSMOSIS_QUERY_THREADS ?? `${loadConfig({}).OSMOSIS_QUERY_THREADS} (default)`;
    printTable(`(a) read: ${o.actors.toLocaleString()} actors, ${o.ties.toLocaleString()} ties, ${o.connections} connections, `
      + `${rounds} alternating rounds of ${o.seconds / rounds} s each, OSMOSIS_QUERY_THREADS=${threads}`, [
      { query: '{ __typename }', 'req/s': t.rps, 'p50 ms': t.p50, 'p99 ms': t.p99, errors: t.errors },
      { query: 'actor → ties(10) → other → signals(3)', 'req/s': q.rps, 'p50 ms': q.p50, 'p99 ms': q.p99, errors: q.errors },
    ]);
    const ratios = runs.map((x) => x.q.rps / x.t.rps);
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
    console.log(`ratio typical/trivial req/s: ${(q.rps / t.rps).toFixed(3)} of the means; per round ${ratios.map((r) => r.toFixed(3)).join(', ')}, `
      + `median ${median.toFixed(3)} (target ≥ 0.30)`);
  } finally {
    await server.stop();
  }
}

export async function sampleKeys(url: string, n: number): Promise<string[]> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ actors(first: ${n}, filter: { kinds: [CUSTOMER, EMPLOYEE, PARTNER] }) { nodes { key } } }` }),
  });
  const body = (await res.json()) as { data: { actors: { nodes: { key: string }[] } } };
  return body.data.actors.nodes.map((a) => a.key);
}

const EMITTERS = 1000;
export const actors = (): ActorInput[] => Array.from({ length: EMITTERS }, (_, i) => ({
  key: `bench:c-${i}`, kind: 'CUSTOMER', name: `Bench customer ${i}`, attributes: {},
}));
export const signalBatch = (b: number, size: number): SignalInput[] => Array.from({ length: size }, (_, i) => ({
  channel: 'bench', externalId: `${b}-${i}`, kind: 'QUESTION', text: `Benchmark signal ${b}/${i} about deliveries and invoices`,
  sentiment: null, occurredAt: new Date(Date.UTC(2026, 0, 1) + b * 1000 + i).toISOString(),
  emitterKey: `bench:c-${(((b * size + i) % EMITTERS) + EMITTERS) % EMITTERS}`, about: [],
}));

/**
 * `inFlight` batches are kept in flight at once on every path, as an ingestion pipeline would: on a
 * database file the store writes on its writer thread, so the API parses the next batch while one is
 * written. The three paths (the port in this process, the API with the default plugins, the API with
 * none) take turns in rounds of `round` batches, each into its own database, so that a change in the
 * machine's load weighs on all of them alike and each database grows the same way; the first
 * `warmUp` batches of each path are not timed. An API round counts until its last signal is
 * answered and, with the enrichment plugin, enriched, so no work is left behind.
 */
export async function ingestBenchmark(batches: number, batchSize = 1000, inFlight = 4, warmUp = 20, round = 20): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'osm-bench-'));
  const work = Array.from({ length: warmUp + batches }, (_, b) => signalBatch(b, batchSize));
  const direct: Store = await openEmbeddedStore({ file: join(dir, 'port.db') });
  await direct.migrate();
  await direct.upsertActors(actors());
  // API: the same signals through HTTP + GraphQL + validation, on a served store — with the default
  // plugins (the enrichment plugin analyses every signal and adds its topics), and with none.
  const withPlugins = await apiPath(join(dir, 'api.db'), {});
  const bare = await apiPath(join(dir, 'api-bare.db'), { OSMOSIS_PLUGINS: 'none' });
  const paths: Record<'port' | 'api' | 'bare', (b: number) => Promise<unknown>> = {
    port: (b) => direct.recordSignals(work[b]),
    api: (b) => withPlugins.send(b),
    bare: (b) => bare.send(b),
  };
  const bodies = work.map((input) => JSON.stringify({ query: print(RecordSignalsCountDocument), variables: { input } }));
  withPlugins.bodies = bodies;
  bare.bodies = bodies;
  const elapsed = { port: 0, api: 0, bare: 0 };
  let timed = 0; // batches per path in timed rounds
  try {
    for (let from = 0; from < work.length; from += round) {
      const to = Math.min(work.length, from + round);
      if (from >= warmUp) timed += to - from;
      for (const name of Object.keys(paths) as (keyof typeof paths)[]) {
        const started = performance.now();
        await inParallel(inFlight, to - from, (k) => paths[name](from + k));
        if (name === 'api' && withPlugins.enriching) await enrichedUpTo(withPlugins.url, work[to - 1][batchSize - 1]);
        if (from >= warmUp) elapsed[name] += performance.now() - started;
      }
    }
  } finally {
    await direct.close();
    await withPlugins.stop();
    await bare.stop();
  }
  const rate = (ms: number) => (timed * batchSize) / (ms / 1000);
  const [portRate, apiRate, bareRate] = [rate(elapsed.port), rate(elapsed.api), rate(elapsed.bare)];
  printTable(`(b) ingestion: ${timed} timed batches of ${batchSize} signals per path (after ${warmUp} warm-up), ${inFlight} in flight, paths interleaved in rounds of ${round}`, [
    { path: 'store port recordSignals', 'signals/s': Math.round(portRate) },
    { path: 'GraphQL recordSignals over HTTP, default plugins (live enrichment)', 'signals/s': Math.round(apiRate) },
    { path: 'GraphQL recordSignals over HTTP, OSMOSIS_PLUGINS=none', 'signals/s': Math.round(bareRate) },
  ]);
  console.log(`ratio API/port: ${(apiRate / portRate).toFixed(3)} with the default plugins, ${(bareRate / portRate).toFixed(3)} without `
    + '(targets: API ≥ 50,000 signals/s and ratio ≥ 0.5)');
}

interface ApiPath {
  url: string;
  enriching: boolean;
  bodies: string[];
  send(b: number): Promise<unknown>;
  stop(): Promise<void>;
}

/** A served store with the bench's emitters, ready to take recordSignals batches (bodies set by the caller). */
async function apiPath(file: string, env: Record<string, string>): Promise<ApiPath> {
  const server = await startServerProcess({ OSMOSIS_DB: file, ...env });
  const post = async (body: string) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { data?: unknown; errors?: unknown };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  await post(JSON.stringify({ query: 'mutation($i:[ActorInput!]!){ upsertActors(input:$i){ created } }', variables: { i: actors() } }));
  const path: ApiPath = {
    url: server.url,
    enriching: await enrichmentLoaded(server.url),
    bodies: [],
    send: (b) => post(path.bodies[b]),
    stop: () => server.stop(),
  };
  return path;
}

/** Runs `task(0..count-1)` with at most `width` in flight, in order of start. */
export async function inParallel(width: number, count: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, count) }, async () => {
    while (next < count) await task(next++);
  }));
}

async function enrichmentLoaded(url: string): Promise<boolean> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ plugins { name } }' }) });
  const body = (await res.json()) as { data?: { plugins: { name: string }[] } };
  return body.data?.plugins.some((p) => p.name === 'enrichment') ?? false;
}

/** Waits until the newest bench signal (the last one sent) has been enriched (a sentiment written). */
async function enrichedUpTo(url: string, last: SignalInput): Promise<void> {
  const query = JSON.stringify({ query: '{ signals(first: 1, filter: { channels: ["bench"] }) { nodes { externalId sentiment } } }' });
  for (;;) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    const body = (await res.json()) as { data: { signals: { nodes: { externalId: string; sentiment: number | null }[] } } };
    const [newest] = body.data.signals.nodes;
    if (newest?.externalId === last.externalId && newest.sentiment !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
