/**
 * The read-only projection analytics run on: a chosen sub-graph of actors as compact typed arrays
 * in compressed sparse row (CSR) form. Types only, so algorithms depend on this shape and never
 * on a database (both stores build it; the plugin API re-exports it to plugins).
 */
import type { ActorKind, TieType, ValueKind } from './kinds.js';

/** Which relationships become edges: ties, value exchanges, or both. */
export type ProjectionEdges = 'TIES' | 'EXCHANGES' | 'BOTH';

/**
 * What an edge weighs. TIE_WEIGHT: a tie's weight (an exchange counts 1); AMOUNT: an exchange's
 * amount (a tie counts 1); COUNT: 1 per relationship. Parallel relationships are summed.
 */
export type ProjectionWeight = 'TIE_WEIGHT' | 'AMOUNT' | 'COUNT';

/** A sub-graph of actors to project. Absent or empty lists mean "no filter". */
export interface ProjectionSpec {
  /** Actor kinds kept as nodes (isolated actors included); edges with an end outside them are dropped. */
  nodeKinds?: ActorKind[];
  /** Which relationships become edges; default TIES. */
  edges?: ProjectionEdges;
  /** Tie types kept (ties only). */
  tieTypes?: TieType[];
  /** Value kinds kept (exchanges only). */
  valueKinds?: ValueKind[];
  /** Keep only tangible (true) or intangible (false) exchanges. */
  tangible?: boolean;
  /** Inclusive lower bound (ISO-8601) on exchange time and on a tie's `since` (ties without one are kept). */
  since?: string;
  /** Exclusive upper bound, like `since`. */
  until?: string;
  /** Default: TIE_WEIGHT for TIES, AMOUNT for EXCHANGES, COUNT for BOTH. */
  weight?: ProjectionWeight;
}

/** One direction of adjacency in compressed sparse row form. */
export interface Adjacency {
  /** Length nodeCount + 1: the edges of node i are the positions offsets[i] .. offsets[i + 1] - 1. */
  readonly offsets: Uint32Array;
  /** The node at the other end of each edge, ascending within a node. */
  readonly targets: Uint32Array;
  /** The weight of each edge (parallel relationships already summed). */
  readonly weights: Float64Array;
}

/**
 * A read-only sub-graph of actors as typed arrays. Nodes are 0 .. nodeCount - 1, ordered by actor
 * key. Both stores build the same projection for the same data. Never write into its arrays: they
 * are shared with every analytic that runs on the same graph version.
 */
export interface Projection {
  /** The spec it was built from, defaults applied. */
  readonly spec: Readonly<ProjectionSpec>;
  /** Number of nodes. */
  readonly nodeCount: number;
  /** Number of distinct directed (source, target) pairs. */
  readonly edgeCount: number;
  /** Node index → actor key. */
  readonly keys: readonly string[];
  /** Node index → actor kind. */
  readonly kinds: readonly ActorKind[];
  /** Outgoing edges. */
  readonly out: Adjacency;
  /** Incoming edges (the transpose of `out`). */
  readonly in: Adjacency;
}

