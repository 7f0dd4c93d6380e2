/**
 * Plugin analytics benchmark (issue 5, item 9), end to end from the store:
 *
 *   npx tsx test/bench/plugins.bench.ts [--quick]
 *
 * On the generated 100,000-actor / 1,000,000-tie database (test/bench/bench-db.ts, shared with the
 * core benchmark) it measures:
 *   - compute: our weighted PageRank (plugins/influence) vs graphology-metrics' on the same graph
 *     (target ≥ 10×), and that they agree;
 *   - end to end: `store.projection()` + our PageRank vs reading the same ties from the database
 *     into a graphology graph + its PageRank (target ≥ 5×);
 *   - the projection: build time from each store (embedded; Neo4j when `openNeo4j` is given, the
 *     same data copied into it) and its memory per edge (target ≤ 32 bytes);
 *   - through the plugin host: a cold run (projection, shared memory, worker) and a cached one;
 *   - the enrichment plugin's analysis of one signal's text (sentiment, language, topics), in µs per
 *     signal over the demo's 5,000 signal texts.
 * `run()` returns the figures; the `npm run bench` driver calls it.
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { DirectedGraph } from 'graphology';
import graphologyPagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { pino } from 'pino';
import type { ActorKind, TieType } from '../../src/domain/kinds.js';
import type { Projection } from '../../src/plugin-api/index.js';
import { BUILTIN_PLUGINS, createPluginHost } from '../../src/plugin-host/index.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import type { Store } from '../../src/store/port.js';
import { pagerank } from '../../plugins/influence/algorithms/pagerank.js';
import { analyse } from '../../plugins/enrichment/analyse.js';
import { enrichmentOptions, settingsOf } from '../../plugins/enrichment/options.js';
import { generateEcosystem } from '../../seeds/index.js';
import { largeEmbeddedDb } from './bench-db.js';
import { printTable } from './table.js';

type GraphologyPagerank = (graph: DirectedGraph, options: { getEdgeWeight: string | null; tolerance: number }) => Record<string, number>;
const graphologyPagerank = graphologyPagerankModule as unknown as GraphologyPagerank;

export interface PluginBenchOptions {
  actors: number;
  ties: number;
  signals: number;
  /** Repetitions of our measurements (median reported); graphology runs twice. */
  repeat: number;
  tolerance: number;
  /** Opens an empty Neo4j store to copy the graph into and time its projection; skipped when absent. */
  openNeo4j?: () => Promise<Store>;
  log: (line: string) => void;
}

export const PLUGIN_BENCH_DEFAULTS: Readonly<PluginBenchOptions> = Object.freeze({
  actors: 100_000,
  ties: 1_000_000,
  signals: 200_000,
  repeat: 3,
  tolerance: 1e-6,
  log: (line: string) => console.log(line),
});

export const PLUGIN_BENCH_QUICK: Partial<PluginBenchOptions> = { actors: 2_000, ties: 20_000, signals: 5_000, repeat: 2 };

export interface PluginBenchResult {
  nodes: number;
  edges: number;
  ms: {
    embeddedProjection: number;
    neo4jProjection: number | null;
    ourPagerank: number;
    graphologyRead: number;
    graphologyPagerank: number;
    hostCold: number;
    hostCached: number;
  };
  computeSpeedup: number;
  endToEndSpeedup: number;
  projectionBytesPerEdge: number;
  sharedBytesPerEdge: number;
  maxAbsDiff: number;
  /** Enrichment `analyse` per demo signal text, best of several passes. */
  enrichmentMicrosPerSignal: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timed<T>(f: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await f();
  return [value, performance.now() - start];
}

/** µs per signal of the enrichment analysis over the demo's signal texts: the best of `passes` (the machine may be shared). */
export function enrichmentMicrosPerSignal(passes = 20): number {
  const texts = [...generateEcosystem().signalEvents()].map((e) => e.input.text ?? '');
  const settings = settingsOf(enrichmentOptions.parse({}));
  let best = Infinity;
  let topics = 0; // used, so the work is not optimised away
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    for (const text of texts) topics += analyse(text, settings).topics.length;
    best = Math.min(best, ((performance.now() - start) * 1000) / texts.length);
  }
  if (topics === 0) throw new Error('enrichment found no topic in the demo texts');
  return best;
}

const projectionBytes = (p: Projection): number =>
  [p.out, p.in].reduce((sum, side) => sum + side.offsets.byteLength + side.targets.byteLength + side.weights.byteLength, 0);

/** What a graphology-based implementation would do: read the actors and ties from the database into a DirectedGraph. */
function graphologyFromDatabase(file: string): DirectedGraph {
  const db = new Database(file, { readonly: true });
  try {
    const graph = new DirectedGraph();
    for (const [key] of db.prepare('SELECT key FROM actors ORDER BY key').raw().iterate() as Iterable<[string]>) graph.addNode(key);
    const ties = db.prepare('SELECT a.key, b.key, t.weight FROM ties t JOIN actors a ON a.rid = t.from_rid JOIN actors b ON b.rid = t.to_rid').raw();
    for (const [from, to, weight] of ties.iterate() as Iterable<[string, string, number]>) {
      // Ties of several types between one pair become one edge with the summed weight, as in the projection.
      if (graph.hasEdge(from, to)) graph.updateEdgeAttribute(from, to, 'weight', (w: number | undefined) => (w ?? 0) + weight);
      else graph.addEdge(from, to, { weight });
    }
    return graph;
  } finally {
    db.close();
  }
}

/** Copies the database's actors and ties into another store through the store port. */
async function copyGraph(file: string, target: Store): Promise<void> {
  const db = new Database(file, { readonly: true });
  try {
    const actors = db.prepare('SELECT key, kind, name FROM actors ORDER BY rid').all() as { key: string; kind: ActorKind; name: string }[];
    for (let i = 0; i < actors.length; i += 10_000) {
      await target.upsertActors(actors.slice(i, i + 10_000).map((a) => ({ ...a, attributes: {} })));
    }
    const ties = db.prepare(`SELECT a.key AS fromKey, b.key AS toKey, t.type, t.weight, t.since FROM ties t
      JOIN actors a ON a.rid = t.from_rid JOIN actors b ON b.rid = t.to_rid ORDER BY t.rid`).all() as
      { fromKey: string; toKey: string; type: TieType; weight: number; since: string | null }[];
    for (let i = 0; i < ties.length; i += 10_000) await target.upsertTies(ties.slice(i, i + 10_000));
  } finally {
    db.close();
  }
}

export async function run(options: Partial<PluginBenchOptions> = {}): Promise<PluginBenchResult> {
  const o: PluginBenchOptions = { ...PLUGIN_BENCH_DEFAULTS, ...options };
  const log = o.log;
  const file = largeEmbeddedDb(o.actors, o.ties, o.signals);
  log(`Plugins bench: ${file}, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at start (timings scale with it)`);

  const store = await openEmbeddedStore({ file });
  try {
    // Ours, end to end: projection from the store, then PageRank.
    const builds: number[] = [];
    const computes: number[] = [];
    let projection: Projection | undefined;
    let ranks: Float64Array = new Float64Array(0);
    for (let r = 0; r < o.repeat; r++) {
      const [p, buildMs] = await timed(() => store.projection({}));
      const [x, computeMs] = await timed(() => pagerank(p, { tolerance: o.tolerance }));
      builds.push(buildMs);
      computes.push(computeMs);
      projection = p;
      ranks = x;
    }
    const p = projection!;

    // graphology, end to end: the same ties read from the database into its graph, then its PageRank.
    const reads: number[] = [];
    const theirs: number[] = [];
    let graph: DirectedGraph | undefined;
    let reference: Record<string, number> = {};
    for (let r = 0; r < 2; r++) {
      graph = undefined; // let the previous one go first: it weighs about half a GiB at full size
      const [g, readMs] = await timed(() => graphologyFromDatabase(file));
      const [x, ms] = await timed(() => graphologyPagerank(g, { getEdgeWeight: 'weight', tolerance: o.tolerance }));
      reads.push(readMs);
      theirs.push(ms);
      graph = g;
      reference = x;
    }
    let maxAbsDiff = 0;
    for (let i = 0; i < p.nodeCount; i++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(ranks[i] - reference[p.keys[i]]));
    if (graph!.size !== p.edgeCount) throw new Error(`graphology has ${graph!.size} edges, the projection ${p.edgeCount}`);
    graph = undefined;

    // Through the plugin host: cold (projection, shared memory, worker start excluded by warming) and cached.
    const host = createPluginHost({
      candidates: [{ source: 'influence', builtin: true, exported: BUILTIN_PLUGINS.influence }],
      store,
      log: pino({ level: 'silent' }),
      limits: { workers: 1, timeoutMs: 600_000, heapMb: 2048 },
    });
    let hostCold = 0;
    let hostCached = 0;
    let sharedBytes = 0;
    try {
      await host.run('influence', 'degree', { tieTypes: ['FOLLOWS'] }); // starts the worker
      const params = { tolerance: o.tolerance };
      [, hostCold] = await timed(() => host.run('influence', 'pagerank', params));
      [, hostCached] = await timed(() => host.run('influence', 'pagerank', params));
      sharedBytes = host.stats().projections.bytes;
    } finally {
      await host.close();
    }

    let neo4jProjection: number | null = null;
    if (o.openNeo4j) {
      const neo4j = await o.openNeo4j();
      try {
        await copyGraph(file, neo4j);
        const times: number[] = [];
        for (let r = 0; r < o.repeat; r++) {
          const [q, ms] = await timed(() => neo4j.projection({}));
          if (q.edgeCount !== p.edgeCount) throw new Error(`Neo4j projection has ${q.edgeCount} edges, embedded ${p.edgeCount}`);
          times.push(ms);
        }
        neo4jProjection = median(times);
      } finally {
        await neo4j.close();
      }
    }

    const ms = {
      embeddedProjection: median(builds),
      neo4jProjection,
      ourPagerank: median(computes),
      graphologyRead: median(reads),
      graphologyPagerank: median(theirs),
      hostCold,
      hostCached,
    };
    const result: PluginBenchResult = {
      nodes: p.nodeCount,
      edges: p.edgeCount,
      ms,
      computeSpeedup: ms.graphologyPagerank / ms.ourPagerank,
      endToEndSpeedup: (ms.graphologyRead + ms.graphologyPagerank) / (ms.embeddedProjection + ms.ourPagerank),
      projectionBytesPerEdge: projectionBytes(p) / p.edgeCount,
      sharedBytesPerEdge: sharedBytes / p.edgeCount,
      maxAbsDiff,
      enrichmentMicrosPerSignal: enrichmentMicrosPerSignal(),
    };

    printTable(`PageRank from the store: ${p.nodeCount.toLocaleString('en')} actors, ${p.edgeCount.toLocaleString('en')} edges (weighted, tolerance ${o.tolerance})`, [
      { step: 'read / build the graph', 'ours ms': ms.embeddedProjection, 'graphology ms': ms.graphologyRead, ratio: `${(ms.graphologyRead / ms.embeddedProjection).toFixed(1)}×` },
      { step: 'PageRank', 'ours ms': ms.ourPagerank, 'graphology ms': ms.graphologyPagerank, ratio: `${result.computeSpeedup.toFixed(1)}× (target ≥ 10×)` },
      { step: 'end to end', 'ours ms': ms.embeddedProjection + ms.ourPagerank, 'graphology ms': ms.graphologyRead + ms.graphologyPagerank, ratio: `${result.endToEndSpeedup.toFixed(1)}× (target ≥ 5×)` },
    ]);
    printTable('Projection and plugin host', [
      { measure: 'projection build, embedded store', value: `${ms.embeddedProjection.toFixed(0)} ms` },
      { measure: 'projection build, Neo4j store', value: neo4jProjection === null ? 'not run (no openNeo4j)' : `${neo4jProjection.toFixed(0)} ms` },
      { measure: 'projection memory (CSR out + in)', value: `${result.projectionBytesPerEdge.toFixed(1)} bytes/edge (target ≤ 32)` },
      { measure: 'shared copy for workers (with keys)', value: `${result.sharedBytesPerEdge.toFixed(1)} bytes/edge` },
      { measure: 'host run, cold (projection + share + worker)', value: `${hostCold.toFixed(0)} ms` },
      { measure: 'host run, cached', value: `${hostCached.toFixed(2)} ms` },
      { measure: 'max |ours - graphology|', value: maxAbsDiff.toExponential(2) },
      { measure: 'enrichment analyse, demo signal texts', value: `${result.enrichmentMicrosPerSignal.toFixed(2)} µs/signal` },
    ]);
    return result;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run(process.argv.includes('--quick') ? PLUGIN_BENCH_QUICK : {});
}
