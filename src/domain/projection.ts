/**
 * The read-only projection analytics run on: a chosen sub-graph of actors as compact typed arrays
 * in compressed sparse row (CSR) form. Types only, so algorithms depend on this shape and never
 * on a database (both stores build it; plugins receive it).
 */
import type { ActorKind, TieType, ValueKind } from './kinds.js';

export type ProjectionEdges = 'TIES' | 'EXCHANGES' | 'BOTH';
/** TIE_WEIGHT: a tie's weight (exchanges count 1); AMOUNT: an exchange's amount (ties count 1); COUNT: 1 per edge. */
export type ProjectionWeight = 'TIE_WEIGHT' | 'AMOUNT' | 'COUNT';

export interface ProjectionSpec {
  /** Actor kinds kept as nodes (isolated actors included); all kinds when absent or empty. Edges with an endpoint outside them are dropped. */
  nodeKinds?: ActorKind[];
  edges?: ProjectionEdges;
  tieTypes?: TieType[];
  valueKinds?: ValueKind[];
  tangible?: boolean;
  /**
   * Inclusive lower and exclusive upper bound on exchange time, and on a tie's `since` for ties
   * that have one (ties without `since` are always kept).
   */
  since?: string;
  until?: string;
  weight?: ProjectionWeight;
}

/** One direction of adjacency: the neighbours of node i are targets[offsets[i] .. offsets[i+1]). */
export interface Adjacency {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly weights: Float64Array;
}

export interface Projection {
  /** The spec with defaults applied (see resolveProjectionSpec in src/store/projection.ts). */
  readonly spec: Readonly<ProjectionSpec>;
  readonly nodeCount: number;
  /** Distinct directed pairs; parallel edges are merged and their weights summed. */
  readonly edgeCount: number;
  /** Node index → actor key; nodes are ordered by key. */
  readonly keys: readonly string[];
  /** Node index → actor kind. */
  readonly kinds: readonly ActorKind[];
  /** Outgoing edges, targets sorted ascending within each node. */
  readonly out: Adjacency;
  /** Incoming edges (the transpose), sources sorted ascending within each node. */
  readonly in: Adjacency;
}
