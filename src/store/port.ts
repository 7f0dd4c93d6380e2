/**
 * The store port: every read and write the service needs, and the read-only projection that
 * analytics consume. Two adapters implement it — embedded (SQLite) and Neo4j — and one contract
 * suite (test/store/contract.ts) holds both to the same behaviour.
 *
 * Rules every adapter keeps:
 * - each method is one round trip to the database (the GraphQL layer's N+1 test counts calls);
 * - batch writes are one transaction: all items or none;
 * - list methods use keyset pagination with opaque cursors and a stable order, identical in both stores;
 * - `...ByIds`/`...ByKeys` return one entry per requested id, in order, null where unknown;
 *   `...OfX(ids)` return one list or page per requested id, in order, empty where unknown;
 * - filters: an absent or empty list means no filter; `since` is inclusive and `until` exclusive;
 *   a key that matches no actor matches nothing;
 * - unknown references in writes throw DomainError NOT_FOUND with one issue per reference at fault,
 *   rooted at 'input' for methods taking inputs (e.g. ['input', 3, 'emitterKey'],
 *   ['input', 'signalIds', 0]), at the argument's name otherwise; nothing is written.
 */
import type { Actor, Change, Insight, Process, Response, Signal, Tie, Topic, ValueExchange } from '../domain/entities.js';
import type { ImportResult, TransferCounts, TransferKind, TransferRecord } from '../domain/transfer.js';
import type { ActorKind, Direction, SignalKind, SignalStatus, TieType, ValueKind } from '../domain/kinds.js';
import type {
  ActorInput, ChangeInput, ExchangeInput, InsightInput, ResponseInput, SignalEnrichmentInput, SignalInput, TieInput,
} from '../domain/inputs.js';
import type { Projection, ProjectionSpec } from './projection.js';
import type { Facts } from './facts.js';
import type { OutboxEvent } from '../domain/events.js';

/** Options of Store.enrichSignals. */
export interface EnrichOptions {
  /** Read the enriched signals back and return them (default true). */
  returnSignals?: boolean;
}

export interface PageArgs {
  first: number;
  /** Opaque cursor from a previous page's `endCursor`. */
  after?: string | null;
}

export interface Page<T> {
  items: T[];
  /** Cursor of each item, same order as `items`. */
  cursors: string[];
  hasNextPage: boolean;
}

/**
 * A page of an actor's ties. `others`: the actors at the far ends of `items`, where the store read
 * them with the ties anyway (the embedded store does; a store may leave it out): the GraphQL layer
 * primes its actor loader with them instead of reading them again.
 */
export interface TiePage extends Page<Tie> {
  others?: Actor[];
}

export interface ActorFilter {
  kinds?: ActorKind[];
  /** Case-insensitive substring of name or key. */
  search?: string;
}

export interface SignalFilter {
  channels?: string[];
  kinds?: SignalKind[];
  statuses?: SignalStatus[];
  since?: string;
  until?: string;
  emitterKey?: string;
  aboutKey?: string;
}

export interface ExchangeFilter {
  kinds?: ValueKind[];
  tangible?: boolean;
  fromKey?: string;
  toKey?: string;
  since?: string;
  until?: string;
}

export interface TieQuery extends PageArgs {
  /** OUT: ties from the actor; IN: ties to it; BOTH: either end (a self-tie once). */
  direction: Direction;
  types?: TieType[];
}

export interface ExchangeQuery extends PageArgs {
  direction: Direction;
}

export interface UpsertActorsResult {
  actors: Actor[];
  created: number;
  /** Existing actors whose kind, name or attributes changed. */
  updated: number;
  /** Inputs that changed nothing (no new updatedAt, no event). */
  unchanged: number;
}

export interface RecordResult<T> {
  /** One per input, in input order; a re-sent item returns the stored one. */
  items: T[];
  created: number;
  existing: number;
}

export interface Neighborhood {
  actors: Actor[];
  ties: Tie[];
}

export interface StoreStats {
  actors: number;
  ties: number;
  signals: number;
  responses: number;
  exchanges: number;
  insights: number;
  changes: number;
}

export interface Store {
  readonly kind: 'embedded' | 'neo4j';

  /** Test only: deletes all data, keeps the schema; graphVersion stays monotonic. */
  reset?(): Promise<void>;

  /** Runs pending migrations; idempotent. */
  migrate(): Promise<void>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Monotonic counter bumped by every committed write; analytics cache on it. */
  graphVersion(): Promise<number>;
  stats(): Promise<StoreStats>;

  // --- actors --------------------------------------------------------------------------------
  /** Insert or update by key, one transaction. */
  upsertActors(inputs: ActorInput[]): Promise<UpsertActorsResult>;
  actorsByIds(ids: readonly string[]): Promise<(Actor | null)[]>;
  actorsByKeys(keys: readonly string[]): Promise<(Actor | null)[]>;
  /** Ordered by key. */
  listActors(filter: ActorFilter, page: PageArgs): Promise<Page<Actor>>;
  countActors(filter: ActorFilter): Promise<number>;
  /**
   * Right to be forgotten: key, name, attributes and ties go; the actor's signals and responses
   * lose their text and their link to the person; counts (signals, exchanges by kind) stay,
   * attached to an anonymous tombstone. False when the key is unknown.
   * The tombstone gets a fresh id and the key `erased:<that id>`, name 'Erased actor', attributes {}
   * and keeps its kind, so neither the old id nor the old key leads to it; ABOUT links to the
   * actor are removed.
   */
  eraseActor(key: string): Promise<boolean>;

  // --- ties ----------------------------------------------------------------------------------
  /**
   * Creates the tie, or updates weight/since of the existing one of that type between the pair
   * (a null `since` keeps the stored one). One result per input, in order, as stored at commit.
   */
  upsertTies(inputs: TieInput[]): Promise<Tie[]>;
  removeTie(fromKey: string, toKey: string, type: TieType): Promise<boolean>;
  /** One page per actor id, in order. Ordered by tie id; the cursor applies to every actor. */
  tiesOfActors(actorIds: readonly string[], query: TieQuery): Promise<TiePage[]>;

  // --- signals and responses -----------------------------------------------------------------
  /** Idempotent by (channel, externalId); unknown emitter or about-actor keys reject the batch. */
  recordSignals(inputs: SignalInput[]): Promise<RecordResult<Signal>>;
  signalsByIds(ids: readonly string[]): Promise<(Signal | null)[]>;
  /** Ordered by occurredAt descending, then id descending. */
  listSignals(filter: SignalFilter, page: PageArgs): Promise<Page<Signal>>;
  countSignals(filter: SignalFilter): Promise<number>;
  /** Signals emitted by each actor, same order as listSignals; the cursor applies to every actor. */
  signalsOfActors(actorIds: readonly string[], page: PageArgs): Promise<Page<Signal>[]>;
  /** What each signal is about, in the order given when recorded; `id` is the target's id. */
  aboutOfSignals(signalIds: readonly string[]): Promise<{ target: 'ACTOR' | 'TOPIC' | 'PROCESS'; ref: string; id: string }[][]>;
  /**
   * Sets the assignee; an OPEN signal becomes ASSIGNED, other statuses stay.
   * NOT_FOUND at ['signalId'] or ['assigneeKey'].
   */
  assignSignal(signalId: string, assigneeKey: string): Promise<Signal>;
  /**
   * Enrichment (sentiment, topics), one transaction for the batch. Per item: a given `sentiment`
   * replaces the stored one (null clears it; absent keeps it); each topic is found or created by name
   * and linked ABOUT after the signal's existing links, in the order given, unless the signal is already
   * about it — so re-running the same enrichment changes nothing. Items naming the same signal apply in
   * order. Returns each item's signal as stored at commit; with `{ returnSignals: false }` (a writer that
   * does not need them) a store may skip reading them back and resolve to `[]`. NOT_FOUND at ['input', i, 'signalId'].
   * Bumps the graph version when something changed; appends no outbox event (an enrichment is not news:
   * the signal's SIGNAL_RECORDED event was).
   */
  enrichSignals(inputs: SignalEnrichmentInput[], options?: EnrichOptions): Promise<Signal[]>;
  /**
   * Records the responses and marks their signals ANSWERED, one transaction for the batch.
   * Channel defaults to the signal's, respondedAt to now. Each `signal` is its state at commit.
   */
  respond(inputs: ResponseInput[]): Promise<{ response: Response; signal: Signal }[]>;
  /** Ordered by respondedAt, then id (conversation order). */
  responsesOfSignals(signalIds: readonly string[]): Promise<Response[][]>;

  // --- value exchanges -----------------------------------------------------------------------
  /** Idempotent by externalId when given; unknown actor keys reject the batch. */
  recordExchanges(inputs: ExchangeInput[]): Promise<RecordResult<ValueExchange>>;
  /** Ordered by occurredAt descending, then id descending. */
  listExchanges(filter: ExchangeFilter, page: PageArgs): Promise<Page<ValueExchange>>;
  countExchanges(filter: ExchangeFilter): Promise<number>;
  /** One entry per id, in order, null where unknown (realtime: EXCHANGE_RECORDED events resolve through it). */
  exchangesByIds(ids: readonly string[]): Promise<(ValueExchange | null)[]>;
  /** Per actor, same order as listExchanges; BOTH lists a self-exchange once. */
  exchangesOfActors(actorIds: readonly string[], query: ExchangeQuery): Promise<Page<ValueExchange>[]>;

  // --- learning loop -------------------------------------------------------------------------
  /** Topics are created by name on demand; duplicate signal ids and topics count once. */
  createInsight(input: InsightInput): Promise<Insight>;
  insightsByIds(ids: readonly string[]): Promise<(Insight | null)[]>;
  /** Ordered by createdAt descending, then id descending. */
  listInsights(page: PageArgs): Promise<Page<Insight>>;
  countInsights(): Promise<number>;
  /** In the order given when the insight was created. */
  signalIdsOfInsights(insightIds: readonly string[]): Promise<string[][]>;
  /** Ordered by name. */
  topicsOfInsights(insightIds: readonly string[]): Promise<Topic[][]>;
  /** Creates the process by name if needed. */
  applyChange(input: ChangeInput): Promise<{ change: Change; process: Process }>;
  processesByIds(ids: readonly string[]): Promise<(Process | null)[]>;
  /** Ordered by name. */
  listProcesses(page: PageArgs): Promise<Page<Process>>;
  countProcesses(): Promise<number>;
  /** Ordered by appliedAt, then id. */
  changesOfProcesses(processIds: readonly string[]): Promise<Change[][]>;
  /** Ordered by appliedAt, then id. */
  changesOfInsights(insightIds: readonly string[]): Promise<Change[][]>;
  topicsByIds(ids: readonly string[]): Promise<(Topic | null)[]>;

  // --- traversal -----------------------------------------------------------------------------
  /**
   * Actors within `depth` hops over ties (either direction) and all ties among them; null when the
   * key is unknown. Actors are ordered by distance, then key; at most `limit` of them (the centre
   * included), the nearest kept and, within the last level, the lowest keys. Ties ordered by id.
   */
  neighborhood(key: string, depth: number, limit: number): Promise<Neighborhood | null>;
  /**
   * Fewest ties (either direction) from one actor to another; null when either key is unknown or
   * no path has at most maxHops ties. `actors` in path order (from … to), `ties[i]` joins
   * actors[i] and actors[i+1]; from = to gives one actor and no ties.
   */
  shortestPath(fromKey: string, toKey: string, maxHops: number): Promise<{ actors: Actor[]; ties: Tie[] } | null>;

  // --- outbox --------------------------------------------------------------------------------
  /**
   * Events committed after `afterSeq`, oldest first, at most `limit`. Every write above appends its
   * events (see domain/events.ts) in its own transaction; a rolled-back batch appends none.
   */
  readOutbox(afterSeq: number, limit: number): Promise<OutboxEvent[]>;
  /** The newest seq, 0 when the outbox is empty. */
  outboxHead(): Promise<number>;

  // --- export and import (domain/transfer.ts; `osmosis export` / `osmosis import`) --------------
  /** How many records of each kind a full export holds. */
  transferCounts(): Promise<TransferCounts>;
  /**
   * One page of a full scan: up to `limit` records of `kind` with an id greater than `afterId` (null:
   * from the start), ordered by id — a keyset on the unique id index, so every page costs the same.
   * References are natural keys (actor keys, signals by (channel, externalId), topic and process names,
   * insight ids); an erased actor's tombstone is exported as it is.
   */
  exportRecords(kind: TransferKind, afterId: string | null, limit: number): Promise<TransferRecord[]>;
  /**
   * Writes exported records (any kinds, each after what it refers to) in one transaction, idempotently:
   * actors are found by key, ties by (from, to, type), topics and processes by name, signals by
   * (channel, externalId), exchanges by id or externalId, responses, insights and changes by id. A record
   * found is left as stored, except actors and ties, which take the record's fields (an actor keeps its id
   * and createdAt); one not found is created with the record's id (a fresh one if another entity holds
   * that id), timestamps, status and assignee. Unknown references throw NOT_FOUND with paths
   * ['input', index, field…] and nothing is written. Bumps the graph version when something changed;
   * appends no outbox events (an import is history, not news).
   */
  importRecords(records: readonly TransferRecord[]): Promise<ImportResult>;

  // --- analytics -----------------------------------------------------------------------------
  /** A read-only compact sub-graph for analytics (CSR arrays), defaults as resolveProjectionSpec. */
  projection(spec: ProjectionSpec): Promise<Projection>;
  /** Every signal, response, exchange, insight and change as typed columns (domain/facts.ts), one snapshot. */
  facts(): Promise<Facts>;
}
