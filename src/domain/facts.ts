/**
 * The activity facts analytics read besides the network: every signal, response, value exchange,
 * insight and change of the ecosystem as compact typed columns (one array per attribute, one
 * position per row), with references between them as row indexes. Types only: both stores build
 * the same Facts for the same data (store/facts.ts) and the plugin API re-exports them to plugins.
 *
 * Conventions for every table:
 * - an actor reference is an index into `actors` (-1: none, e.g. an unassigned signal);
 * - instants are milliseconds since the epoch (UTC) in a Float64Array;
 * - an unknown number (e.g. a signal without sentiment) is NaN;
 * - enumerations are codes into the domain's lists (kinds.ts): `ACTOR_KINDS[actors.kind[i]]`;
 * - a many-to-many link is in CSR form: the links of row i are `items[offsets[i] .. offsets[i+1]-1]`.
 */

/** Every actor, ordered by key: the same order as a projection without a `nodeKinds` filter. */
export interface ActorFacts {
  readonly count: number;
  /** Actor keys; erased actors keep their tombstone key `erased:<id>`. */
  readonly keys: readonly string[];
  /** Code into ACTOR_KINDS. */
  readonly kind: Uint8Array;
  /**
   * The actor's team: the TEAM it has a MEMBER_OF tie to (the heaviest tie, then the lowest team
   * key); a TEAM is its own team; -1 when none.
   */
  readonly team: Int32Array;
  /** 1 for the tombstone of an erased actor. */
  readonly erased: Uint8Array;
}

/** Every signal, ordered by occurredAt, then channel, then externalId. */
export interface SignalFacts {
  readonly count: number;
  /** Index into `Facts.channels`. */
  readonly channel: Uint16Array;
  /** Code into SIGNAL_KINDS. */
  readonly kind: Uint8Array;
  /** Code into SIGNAL_STATUSES. */
  readonly status: Uint8Array;
  readonly occurredAt: Float64Array;
  /** In [-1, 1]; NaN when unknown. */
  readonly sentiment: Float64Array;
  /** Actor index of the emitter, -1 when none. */
  readonly emitter: Int32Array;
  /** Actor index of the assignee, -1 when none. */
  readonly assignee: Int32Array;
  /** The actors each signal is about (CSR, row i's are aboutActors[aboutActorOffsets[i] ..]). */
  readonly aboutActorOffsets: Uint32Array;
  readonly aboutActors: Int32Array;
  /** The topics each signal is about, indexes into `Facts.topics` (CSR). */
  readonly topicOffsets: Uint32Array;
  readonly topics: Int32Array;
}

/** Every response, ordered by signal, then respondedAt. */
export interface ResponseFacts {
  readonly count: number;
  /** Index into `signals`. */
  readonly signal: Int32Array;
  /** Actor index of the responder, -1 when none (erased). */
  readonly responder: Int32Array;
  readonly respondedAt: Float64Array;
  /** Index into `Facts.channels`. */
  readonly channel: Uint16Array;
}

/** Every value exchange, ordered by occurredAt, then from key, then to key, then amount. */
export interface ExchangeFacts {
  readonly count: number;
  /** Actor index of the giver. */
  readonly from: Int32Array;
  /** Actor index of the receiver. */
  readonly to: Int32Array;
  /** Code into VALUE_KINDS (the first three, MONEY, GOODS and SERVICE, are the tangible ones). */
  readonly kind: Uint8Array;
  readonly amount: Float64Array;
  readonly occurredAt: Float64Array;
}

/** Every insight, ordered by createdAt, then title. */
export interface InsightFacts {
  readonly count: number;
  readonly createdAt: Float64Array;
  /** The signals it was derived from, indexes into `signals` (CSR). */
  readonly signalOffsets: Uint32Array;
  readonly signals: Int32Array;
  /** Its topics, indexes into `Facts.topics` (CSR). */
  readonly topicOffsets: Uint32Array;
  readonly topics: Int32Array;
}

/** Every change, ordered by appliedAt, then process name. */
export interface ChangeFacts {
  readonly count: number;
  /** Index into `insights`. */
  readonly insight: Int32Array;
  /** Index into `Facts.processes`. */
  readonly process: Int32Array;
  readonly appliedAt: Float64Array;
}

/** The activity of the whole ecosystem at one graph version, as typed columns. */
export interface Facts {
  /** When the store read them (ms since the epoch): "now" for backlog ages and default windows. */
  readonly readAt: number;
  readonly actors: ActorFacts;
  readonly signals: SignalFacts;
  readonly responses: ResponseFacts;
  readonly exchanges: ExchangeFacts;
  readonly insights: InsightFacts;
  readonly changes: ChangeFacts;
  /** Channel names (signals and responses), ascending. */
  readonly channels: readonly string[];
  /** Topic names, ascending. */
  readonly topics: readonly string[];
  /** Process names, ascending. */
  readonly processes: readonly string[];
}
