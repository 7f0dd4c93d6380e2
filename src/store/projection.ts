/**
 * Builds a Projection from raw edge lists. Both adapters stream (source, target, weight) rows into
 * an EdgeListBuilder and call build(); merging and CSR layout live here once.
 */
import type { ActorKind } from '../domain/kinds.js';
import type {
  Adjacency, Projection, ProjectionEdges, ProjectionSpec, ProjectionWeight,
} from '../domain/projection.js';
import { canonicalInstant } from './args.js';

export type { Projection, ProjectionSpec } from '../domain/projection.js';

/** A spec with its defaults applied; a Projection's `spec` is always the resolved one. */
export interface ResolvedProjectionSpec extends ProjectionSpec {
  edges: ProjectionEdges;
  weight: ProjectionWeight;
}

/**
 * Defaults both adapters apply: edges TIES; weight TIE_WEIGHT for TIES, AMOUNT for EXCHANGES and
 * COUNT for BOTH (tie weights and amounts do not add up). Empty lists mean no filter.
 */
export function resolveProjectionSpec(spec: ProjectionSpec = {}): ResolvedProjectionSpec {
  const edges = spec.edges ?? 'TIES';
  const nonEmpty = <T>(xs: T[] | undefined): T[] | undefined => (xs && xs.length ? [...new Set(xs)] : undefined);
  const resolved: ResolvedProjectionSpec = {
    edges,
    weight: spec.weight ?? (edges === 'TIES' ? 'TIE_WEIGHT' : edges === 'EXCHANGES' ? 'AMOUNT' : 'COUNT'),
  };
  const nodeKinds = nonEmpty(spec.nodeKinds);
  const tieTypes = nonEmpty(spec.tieTypes);
  const valueKinds = nonEmpty(spec.valueKinds);
  if (nodeKinds) resolved.nodeKinds = nodeKinds;
  if (tieTypes) resolved.tieTypes = tieTypes;
  if (valueKinds) resolved.valueKinds = valueKinds;
  if (typeof spec.tangible === 'boolean') resolved.tangible = spec.tangible;
  if (spec.since) resolved.since = canonicalInstant(spec.since, ['spec', 'since']);
  if (spec.until) resolved.until = canonicalInstant(spec.until, ['spec', 'until']);
  return resolved;
}

export class EdgeListBuilder {
  private src: Uint32Array;
  private dst: Uint32Array;
  private w: Float64Array;
  private length = 0;
  private readonly index = new Map<string, number>();
  readonly keys: string[] = [];
  readonly kinds: ActorKind[] = [];

  constructor(capacity = 1024) {
    this.src = new Uint32Array(capacity);
    this.dst = new Uint32Array(capacity);
    this.w = new Float64Array(capacity);
  }

  /** Registers a node; returns its index. Nodes are numbered in the order first added. */
  node(key: string, kind: ActorKind): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.index.set(key, i);
      this.keys.push(key);
      this.kinds.push(kind);
    }
    return i;
  }

  indexOf(key: string): number | undefined {
    return this.index.get(key);
  }

  edge(from: number, to: number, weight: number): void {
    if (this.length === this.src.length) this.grow();
    this.src[this.length] = from;
    this.dst[this.length] = to;
    this.w[this.length] = weight;
    this.length++;
  }

  private grow(): void {
    const cap = this.src.length * 2;
    const src = new Uint32Array(cap); src.set(this.src); this.src = src;
    const dst = new Uint32Array(cap); dst.set(this.dst); this.dst = dst;
    const w = new Float64Array(cap); w.set(this.w); this.w = w;
  }

  build(spec: ProjectionSpec): Projection {
    const n = this.keys.length;
    const out = toCsr(n, this.src, this.dst, this.w, this.length);
    const inn = transpose(n, out);
    return Object.freeze({
      spec: Object.freeze({ ...spec }),
      nodeCount: n,
      edgeCount: out.targets.length,
      keys: this.keys,
      kinds: this.kinds,
      out,
      in: inn,
    });
  }
}

/**
 * Rows by source, sorted by target, parallel edges merged by summing their weights in insertion
 * order. Linear time on typed arrays: a stable counting sort of the edges by target, then a stable
 * one by source (so each row comes out sorted by target, duplicates adjacent in insertion order),
 * then one merging pass.
 */
function toCsr(n: number, from: Uint32Array, to: Uint32Array, w: Float64Array, m: number): Adjacency {
  const byTarget = new Uint32Array(m);
  const targetStarts = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) targetStarts[to[e] + 1]++;
  for (let i = 0; i < n; i++) targetStarts[i + 1] += targetStarts[i];
  for (let e = 0; e < m; e++) byTarget[targetStarts[to[e]]++] = e;

  const rowStarts = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) rowStarts[from[e] + 1]++;
  for (let i = 0; i < n; i++) rowStarts[i + 1] += rowStarts[i];
  const cursor = rowStarts.slice(0, n);
  const order = new Uint32Array(m);
  for (let k = 0; k < m; k++) {
    const e = byTarget[k];
    order[cursor[from[e]]++] = e;
  }

  const offsets = new Uint32Array(n + 1);
  const targets = new Uint32Array(m);
  const weights = new Float64Array(m);
  let write = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = write;
    const rowStart = write;
    const end = rowStarts[i + 1];
    for (let p = rowStarts[i]; p < end; p++) {
      const e = order[p];
      const t = to[e];
      if (write > rowStart && targets[write - 1] === t) {
        weights[write - 1] += w[e];
      } else {
        targets[write] = t;
        weights[write] = w[e];
        write++;
      }
    }
  }
  offsets[n] = write;
  return write === m ? { offsets, targets, weights } : { offsets, targets: targets.slice(0, write), weights: weights.slice(0, write) };
}

/**
 * The transpose of a merged CSR: rows by target, sources ascending (rows of `out` are visited in
 * source order). Weights are the merged sums of `out`, the same values summing the parallel edges
 * again in insertion order would give.
 */
function transpose(n: number, out: Adjacency): Adjacency {
  const m = out.targets.length;
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) offsets[out.targets[e] + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, n);
  const targets = new Uint32Array(m);
  const weights = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const end = out.offsets[i + 1];
    for (let e = out.offsets[i]; e < end; e++) {
      const p = cursor[out.targets[e]]++;
      targets[p] = i;
      weights[p] = out.weights[e];
    }
  }
  return { offsets, targets, weights };
}
