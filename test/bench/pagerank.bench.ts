/**
 * Influence algorithms benchmark: our projection and algorithms against graphology, in one run.
 *
 *   npx tsx test/bench/pagerank.bench.ts
 *
 * On one seeded preferential-attachment-like graph (100,000 nodes, 1,000,000 distinct weighted
 * edges) it measures: building our Projection through EdgeListBuilder vs building a graphology
 * DirectedGraph from the same edges; the projection's bytes per edge; our weighted PageRank vs
 * graphology-metrics' at the same tolerance (and that they agree); sampled betweenness. Then, on a
 * 5,000-node graph where exact betweenness is affordable, the error of sampled betweenness for
 * several sample sizes. `run()` returns the figures so a `npm run bench` driver can call it.
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { DirectedGraph } from 'graphology';
import graphologyPagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { Projection } from '../../src/domain/projection.js';
import { EdgeListBuilder } from '../../src/store/projection.js';
import { betweenness, DEFAULT_SAMPLE_SIZE } from '../../plugins/influence/algorithms/betweenness.js';
import { pagerank } from '../../plugins/influence/algorithms/pagerank.js';
import { top } from '../../plugins/influence/algorithms/top.js';
import {
  byIndex, keyOf, maxAbsDiff, preferentialGraph, toGraphology, type EdgeList,
} from '../../plugins/influence/test-support/graphs.js';

type GraphologyPagerank = (graph: DirectedGraph, options: { getEdgeWeight: string | null; tolerance: number }) => Record<string, number>;
const graphologyPagerank = graphologyPagerankModule as unknown as GraphologyPagerank;

export interface BenchOptions {
  nodes: number;
  edgesPerNode: number;
  seed: number;
  tolerance: number;
  /** Repetitions of our (fast) measurements; the median is reported. */
  repeat: number;
  /** Sample sizes whose betweenness error is measured on the small graph; [] skips that part. */
  errorSampleSizes: number[];
  errorNodes: number;
  errorSeeds: number;
  log: (line: string) => void;
}

export const DEFAULTS: Readonly<BenchOptions> = Object.freeze({
  nodes: 100_000,
  edgesPerNode: 10,
  seed: 42,
  tolerance: 1e-6,
  repeat: 5,
  errorSampleSizes: [64, 128, 256, 512, 1024],
  errorNodes: 5_000,
  errorSeeds: 5,
  log: (line: string) => console.log(line),
});

export interface SamplingError {
  k: number;
  msPerRun: number;
  /** Mean |estimate - exact| / exact over the exact top-10 nodes: mean over seeds, and the worst seed. */
  top10RelativeError: number;
  top10RelativeErrorWorst: number;
  /** Nodes shared by the estimated and the exact top 10 (mean over seeds). */
  top10Overlap: number;
  /** Spearman rank correlation with the exact values over all nodes (mean over seeds). */
  spearman: number;
}

export interface BenchResult {
  nodes: number;
  edges: number;
  ms: {
    ourBuild: number;
    ourBuildOnly: number;
    graphologyBuild: number;
    ourPagerank: number;
    graphologyPagerank: number;
    betweennessSampled: number;
    betweennessSampledWeighted: number;
  };
  betweennessSample: number;
  betweennessWeightedSample: number;
  projectionBytesPerEdge: number;
  pagerankSpeedup: number;
  buildSpeedup: number;
  pagerankMaxAbsDiff: number;
  samplingError: SamplingError[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
}

/** Streams the edge list through EdgeListBuilder like a store adapter does; returns the builder, ready to build. */
function fill(list: EdgeList): EdgeListBuilder {
  const builder = new EdgeListBuilder(1 << 16);
  for (let i = 0; i < list.nodeCount; i++) builder.node(keyOf(i), 'EMPLOYEE');
  for (let e = 0; e < list.edgeCount; e++) builder.edge(list.from[e], list.to[e], list.weight[e]);
  return builder;
}

function projectionBytes(p: Projection): number {
  let bytes = 0;
  for (const side of [p.out, p.in]) bytes += side.offsets.byteLength + side.targets.byteLength + side.weights.byteLength;
  return bytes;
}

/** Average ranks (ties share their mean rank), for Spearman's correlation. */
function ranks(values: Float64Array): Float64Array {
  const order = [...values.keys()].sort((a, b) => values[a] - values[b]);
  const r = new Float64Array(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    for (let k = i; k <= j; k++) r[order[k]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i] / n; mb += b[i] / n; }
  let cov = 0, va = 0, vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

function measureSamplingError(o: BenchOptions): SamplingError[] {
  if (o.errorSampleSizes.length === 0) return [];
  const small = fill(preferentialGraph(o.seed + 1, o.errorNodes, o.edgesPerNode)).build({});
  const exact = betweenness(small);
  const exactTop = top(exact, 10);
  const exactRanks = ranks(exact);
  return o.errorSampleSizes.map((k) => {
    const errors: number[] = [];
    const overlaps: number[] = [];
    const correlations: number[] = [];
    const times: number[] = [];
    for (let seed = 1; seed <= o.errorSeeds; seed++) {
      const [estimate, ms] = time(() => betweenness(small, { sample: k, seed }));
      times.push(ms);
      let error = 0;
      for (const v of exactTop) error += Math.abs(estimate[v] - exact[v]) / exact[v] / exactTop.length;
      errors.push(error);
      const estimatedTop = new Set(top(estimate, 10));
      overlaps.push([...exactTop].filter((v) => estimatedTop.has(v)).length);
      correlations.push(pearson(ranks(estimate), exactRanks));
    }
    return {
      k,
      msPerRun: median(times),
      top10RelativeError: errors.reduce((s, x) => s + x, 0) / errors.length,
      top10RelativeErrorWorst: Math.max(...errors),
      top10Overlap: overlaps.reduce((s, x) => s + x, 0) / overlaps.length,
      spearman: correlations.reduce((s, x) => s + x, 0) / correlations.length,
    };
  });
}

/** graphology's build and PageRank (run twice, median of 2: it is slow) on the same edges. */
function measureGraphology(list: EdgeList, tolerance: number): { buildMs: number; pagerankMs: number; ranks: Float64Array } {
  const [graph, buildMs] = time(() => toGraphology(list));
  const times: number[] = [];
  let ranks: Record<string, number> = {};
  for (let r = 0; r < 2; r++) {
    const [x, ms] = time(() => graphologyPagerank(graph, { getEdgeWeight: 'weight', tolerance }));
    times.push(ms);
    ranks = x;
  }
  return { buildMs, pagerankMs: median(times), ranks: byIndex(ranks, list.nodeCount) };
}

export function run(options: Partial<BenchOptions> = {}): BenchResult {
  const o: BenchOptions = { ...DEFAULTS, ...options };
  const log = o.log;
  log(`Influence bench: ${o.nodes.toLocaleString('en')} nodes, ${(o.nodes * o.edgesPerNode).toLocaleString('en')} edges, seed ${o.seed}, `
    + `Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at start (timings scale with it)`);

  const list = preferentialGraph(o.seed, o.nodes, o.edgesPerNode);

  // Builds. Ours: registering nodes + streaming edges + build(); build() alone is reported too.
  const ourBuilds: number[] = [];
  const buildOnly: number[] = [];
  let projection: Projection | undefined;
  for (let r = 0; r < Math.max(1, Math.min(o.repeat, 3)); r++) {
    const [builder, fillMs] = time(() => fill(list));
    const [p, buildMs] = time(() => builder.build({}));
    ourBuilds.push(fillMs + buildMs);
    buildOnly.push(buildMs);
    projection = p;
  }
  const g = projection!;

  // PageRank, weighted, same tolerance. Ours is repeated (median) after a warm-up.
  const ours: number[] = [];
  let ourRanks: Float64Array = new Float64Array(0);
  pagerank(g, { tolerance: o.tolerance });
  for (let r = 0; r < o.repeat; r++) {
    const [x, ms] = time(() => pagerank(g, { tolerance: o.tolerance }));
    ours.push(ms);
    ourRanks = x;
  }
  // graphology in its own function, so its graph (about half a GiB) can be collected before betweenness runs.
  const reference = measureGraphology(list, o.tolerance);
  const pagerankMaxAbsDiff = maxAbsDiff(ourRanks, reference.ranks);

  // Sampled betweenness on the big graph: unweighted at the default sample size, weighted (Dijkstra) at a smaller one.
  const weightedSample = 32;
  const [, betweennessSampled] = time(() => betweenness(g, { sample: true }));
  const [, betweennessSampledWeighted] = time(() => betweenness(g, { sample: weightedSample, weighted: true }));

  const samplingError = measureSamplingError(o);

  const ms = {
    ourBuild: median(ourBuilds),
    ourBuildOnly: median(buildOnly),
    graphologyBuild: reference.buildMs,
    ourPagerank: median(ours),
    graphologyPagerank: reference.pagerankMs,
    betweennessSampled,
    betweennessSampledWeighted,
  };
  const result: BenchResult = {
    nodes: g.nodeCount,
    edges: g.edgeCount,
    ms,
    betweennessSample: Math.min(DEFAULT_SAMPLE_SIZE, g.nodeCount),
    betweennessWeightedSample: weightedSample,
    projectionBytesPerEdge: projectionBytes(g) / g.edgeCount,
    pagerankSpeedup: ms.graphologyPagerank / ms.ourPagerank,
    buildSpeedup: ms.graphologyBuild / ms.ourBuild,
    pagerankMaxAbsDiff,
    samplingError,
  };
  print(result, o, log);
  return result;
}

function print(r: BenchResult, o: BenchOptions, log: (line: string) => void): void {
  const f = (x: number, digits = 1) => x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const widths = [44, 12, 14, 10, 12];
  log('');
  log(row(['measure', 'osmosis', 'graphology', 'ratio', 'target'], widths));
  log(row(['-'.repeat(44), '-'.repeat(12), '-'.repeat(14), '-'.repeat(10), '-'.repeat(12)], widths));
  log(row(['build (nodes + edges + build), ms', f(r.ms.ourBuild), f(r.ms.graphologyBuild), `${f(r.buildSpeedup)}x`, ''], widths));
  log(row(['  of which EdgeListBuilder.build(), ms', f(r.ms.ourBuildOnly), '', '', ''], widths));
  log(row([`pagerank weighted, tol ${o.tolerance}, ms`, f(r.ms.ourPagerank), f(r.ms.graphologyPagerank), `${f(r.pagerankSpeedup)}x`,
    r.pagerankSpeedup >= 10 ? '>= 10x  ok' : '>= 10x  MISS'], widths));
  log(row(['pagerank max |ours - graphology|', r.pagerankMaxAbsDiff.toExponential(1), '', '', r.pagerankMaxAbsDiff < 1e-9 ? '< 1e-9  ok' : '< 1e-9  MISS'], widths));
  log(row(['projection bytes per edge', f(r.projectionBytesPerEdge, 2), '', '', r.projectionBytesPerEdge <= 32 ? '<= 32  ok' : '<= 32  MISS'], widths));
  log(row([`betweenness sampled k=${r.betweennessSample}, ms`, f(r.ms.betweennessSampled, 0), '', '', ''], widths));
  log(row([`  per source (BFS), ms`, f(r.ms.betweennessSampled / r.betweennessSample), '', '', ''], widths));
  log(row([`betweenness weighted k=${r.betweennessWeightedSample}, ms`, f(r.ms.betweennessSampledWeighted, 0), '', '', ''], widths));
  log(row([`  per source (Dijkstra), ms`, f(r.ms.betweennessSampledWeighted / r.betweennessWeightedSample), '', '', ''], widths));
  if (r.samplingError.length) {
    log('');
    log(`Sampled betweenness error vs exact: preferential graph of ${o.errorNodes.toLocaleString('en')} nodes / ${(o.errorNodes * o.edgesPerNode).toLocaleString('en')} edges, unweighted, ${o.errorSeeds} seeds`);
    const w = [8, 12, 22, 22, 14, 10];
    log(row(['k', 'ms per run', 'top-10 rel. error', 'worst seed', 'top-10 overlap', 'spearman'], w));
    for (const e of r.samplingError) {
      log(row([String(e.k), f(e.msPerRun, 0), `${f(e.top10RelativeError * 100)} %`, `${f(e.top10RelativeErrorWorst * 100)} %`,
        `${f(e.top10Overlap)}/10`, f(e.spearman, 3)], w));
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) run();
