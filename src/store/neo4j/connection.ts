/**
 * The Neo4j connection: one driver, managed transactions, and the write protocol every write follows.
 *
 * Integers: the driver runs with `disableLosslessIntegers`, so Neo4j integers (counts, seq, versions)
 * come back as JS numbers; JS numbers are sent as floats, so integer parameters (LIMIT, seq) are wrapped
 * with `int()`. Instants are stored as canonical ISO-8601 UTC strings (`Date#toISOString`), exactly as
 * the embedded store keeps them, so string order is time order and cursors are identical.
 *
 * Write protocol (see `write`): a write transaction first locks the `(:OutboxCounter)` node, which
 * serialises writers. That makes every check-then-create inside a write safe (reads in Neo4j are
 * read-committed, and after the lock every earlier writer has committed), keeps outbox sequence numbers
 * gap-free and in commit order, and gives a fixed lock order (counter first), so writers cannot deadlock
 * on it. A write that changed something bumps `(:GraphVersion)` and appends its outbox events in the
 * same transaction (one outbox node per write, see COMMIT_CHANGE); a write that throws rolls back whole.
 * Signal ingestion, whose checks are all MERGEs on uniqueness constraints, may lock last instead (see
 * `write`): its batches then run in parallel.
 */
import { randomUUID } from 'node:crypto';
import neo4j, {
  type Driver, type ManagedTransaction, type QueryResult, type Transaction, type Record as Neo4jRecord, type RecordShape,
} from 'neo4j-driver';
import type { EventType } from '../../domain/events.js';

export const int = (n: number) => neo4j.int(n);

/** How long a read query is retried after retryable errors (the driver's maxTransactionRetryTime, connect.ts). */
const READ_RETRY_MS = 15_000;

/** Minimal logger (pino's signature): structured fields first, message second. */
export interface StoreLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: StoreLogger = { info() {}, warn() {}, error() {} };

export type Params = Record<string, unknown>;
export type Row = Neo4jRecord<RecordShape>;

/** An outbox event before it has a seq. */
export interface EventDraft {
  type: EventType;
  entityId: string;
  detail: string | null;
}

export interface WriteOutcome<T> {
  result: T;
  /** Whether the write changed the graph (bumps the graph version). */
  changed: boolean;
  events?: EventDraft[];
}

/** Runs queries inside one managed transaction. */
export interface Tx {
  run(query: string, params?: Params): Promise<Row[]>;
}

const LOCK = `MATCH (c:OutboxCounter {name: 'outbox'}) SET c.lockedBy = $token RETURN c.seq AS seq`;

/**
 * The graph version goes up; the write's events become one `(:OutboxBatch)` node holding them as
 * parallel lists (seq `first` + k for the k-th), not one node each: a 1,000-signal batch writes one
 * node and one index entry for its events instead of a thousand (outbox.ts reads them back one by one).
 * List properties cannot hold nulls: `details` is only set when some event has one, '' standing for none.
 */
const COMMIT_CHANGE = `
  MATCH (v:GraphVersion {name: 'graph'}), (c:OutboxCounter {name: 'outbox'})
  SET v.value = v.value + 1
  WITH c, c.seq AS base
  SET c.seq = base + size($types)
  WITH base
  WHERE size($types) > 0
  CREATE (:OutboxBatch {first: base + 1, last: base + size($types), types: $types, entityIds: $entityIds, details: $details, at: $at})`;

export class NotMigratedError extends Error {
  override name = 'NotMigratedError';
  constructor() {
    super('the Neo4j database has no Osmosis schema yet: run `osmosis migrate` (or store.migrate())');
  }
}

export class Connection {
  /** Shared by every session, so reads see earlier writes even through a cluster's followers. */
  private readonly bookmarks = neo4j.bookmarkManager();
  private closed = false;

  constructor(readonly driver: Driver, readonly database: string) {}

  get isClosed(): boolean {
    return this.closed;
  }

  private session(mode: 'READ' | 'WRITE', fetchSize?: number) {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
      ...(fetchSize ? { fetchSize } : {}),
    });
  }

  /**
   * One read query, as an auto-commit transaction: one round trip, where a managed transaction takes
   * a second one for its COMMIT (measured on a warm server: 1.3 ms against 2.1 ms a query). What a
   * managed transaction would retry (a cluster member gone, a leader switch) is retried here too,
   * with back-off, for as long as the driver would.
   */
  async query(query: string, params: Params = {}): Promise<Row[]> {
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      const session = this.session('READ');
      try {
        return (await withoutStack(() => session.run(query, params))).records;
      } catch (error) {
        if (!neo4j.isRetryableError(error) || performance.now() - started > READ_RETRY_MS) throw error;
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * 2 ** attempt)));
    }
  }

  /** Several read queries in one managed read transaction. */
  async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead((tx) => work(wrap(tx)));
    } finally {
      await session.close();
    }
  }

  /**
   * Streams the records of read queries to `onRecord`, in one managed read transaction, pulling
   * `fetchSize` records per batch (the driver's default of 1,000 costs a round trip per thousand).
   */
  async stream(queries: { query: string; params?: Params; onRecord: (r: Row) => void }[], fetchSize = 10_000): Promise<void> {
    const session = this.session('READ', fetchSize);
    try {
      await session.executeRead(async (tx) => {
        for (const q of queries) {
          // Async iteration pulls records in batches (fetchSize) instead of buffering the whole result.
          for await (const record of withoutStack(() => tx.run(q.query, q.params ?? {}))) q.onRecord(record);
        }
      });
    } finally {
      await session.close();
    }
  }

  /**
   * The write protocol (see the module comment). `work` may throw a DomainError: nothing is written.
   *
   * `lock: 'last'` is for work whose every check-then-create is a MERGE on a uniqueness constraint
   * (safe without the lock): it runs before the counter lock, in parallel with other such writes, and
   * the lock is taken with the outbox append, so seqs still follow commit order. Parallel writers can
   * then deadlock on the nodes they link (Neo4j detects it and fails one): the loser is not left to the
   * driver's retry (a second's back-off) but runs again at once, locking first.
   */
  async write<T>(work: (tx: Tx) => Promise<WriteOutcome<T>>, options: { lock?: 'first' | 'last' } = {}): Promise<T> {
    if (options.lock === 'last') {
      const session = this.session('WRITE');
      const raw = session.beginTransaction();
      try {
        const result = await this.protocol(raw, work, false);
        await withoutStack(() => raw.commit());
        return result;
      } catch (error) {
        if (raw.isOpen()) await raw.rollback().catch(() => undefined);
        if (!neo4j.isRetryableError(error)) throw error;
      } finally {
        await session.close();
      }
    }
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((raw) => this.protocol(raw, work, true));
    } finally {
      await session.close();
    }
  }

  private async protocol<T>(raw: ManagedTransaction | Transaction, work: (tx: Tx) => Promise<WriteOutcome<T>>, lockFirst: boolean): Promise<T> {
    const tx = wrap(raw);
    const takeLock = () => {
      const lock = withoutStack(() => raw.run(LOCK, { token: randomUUID() })).then((r) => r.records.length > 0);
      lock.catch(() => undefined); // reported below, unless the work failed first
      return lock;
    };
    // Not awaited: the driver pipelines it with the work's first statement (one round trip less);
    // the server still runs it first, so the work runs under the lock.
    const early = lockFirst ? takeLock() : null;
    const outcome = await work(tx);
    if (early && !(await early)) throw new NotMigratedError();
    if (outcome.changed) {
      // Locking last: sent with the append (one round trip); the server takes the lock first.
      const late = early ? null : takeLock();
      const events = outcome.events ?? [];
      await tx.run(COMMIT_CHANGE, {
        types: events.map((e) => e.type),
        entityIds: events.map((e) => e.entityId),
        details: events.some((e) => e.detail !== null) ? events.map((e) => e.detail ?? '') : null,
        at: new Date().toISOString(),
      });
      if (late && !(await late)) throw new NotMigratedError();
    }
    return outcome.result;
  }

  /** A managed write transaction without the write protocol (migrations, reset). */
  async plainWrite<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((tx) => work(wrap(tx)));
    } finally {
      await session.close();
    }
  }

  /** A query outside an explicit transaction (schema commands, CALL { } IN TRANSACTIONS). */
  async autoCommit(query: string, params: Params = {}): Promise<QueryResult> {
    const session = this.session('WRITE');
    try {
      return await withoutStack(() => session.run(query, params));
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }
}

const wrap = (tx: ManagedTransaction | Transaction): Tx => ({
  run: async (query, params = {}) => (await withoutStack(() => tx.run(query, params))).records,
});

/**
 * Starts a query without the stack trace neo4j-driver formats for every result (to give a failed
 * query's error the caller's stack): under tsx every frame of it is source-mapped, which measured 8% of
 * the API process's CPU under the typical Neo4j read. A failed query's error keeps its Neo4j code and
 * message, without the caller's frames.
 */
function withoutStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
