/**
 * The embedded Store: SQLite through better-sqlite3. Each method delegates to the module that owns
 * the concern; better-sqlite3 is synchronous, so a method is one uninterrupted unit of work. On a
 * database file, writes run on a writer thread, the API's reads on a read thread and heavy snapshot
 * reads on a third, each with its own connection (WAL: readers never wait for the writer); only
 * the pollers' small reads (graph version, outbox) stay on this thread.
 */
import type {
  ActorInput, ChangeInput, ExchangeInput, InsightInput, ResponseInput, SignalEnrichmentInput, SignalInput, TieInput,
} from '../../domain/inputs.js';
import type { TieType } from '../../domain/kinds.js';
import type { TransferKind, TransferRecord } from '../../domain/transfer.js';
import type {
  ActorFilter, EnrichOptions, ExchangeFilter, ExchangeQuery, PageArgs, SignalFilter, Store, TieQuery,
} from '../port.js';
import type { ProjectionSpec } from '../projection.js';
import { openConnection, openReadOnlyConnection, type Conn, type Db } from './connection.js';
import { migrate } from './migrate.js';
import * as outbox from './outbox.js';
import { facts } from './facts.js';
import { projection } from './projection.js';
import { SnapshotReader } from './snapshot-reader.js';
import { runWrite, type WriteArgs, type WriteName, type WriteResult } from './writes.js';
import { runRead, type ReadArgs, type ReadName, type ReadResult } from './reads.js';
import { RequestThread } from '../../threads/request-thread.js';
import { RequestPool } from '../../threads/request-pool.js';
import { siblingModule } from '../../threads/start-worker.js';
import { graphVersion, stats } from './stats.js';

const WRITER = siblingModule('writer-worker', import.meta.url);
const READER = siblingModule('reader-worker', import.meta.url);

export interface EmbeddedStoreOptions {
  /** Database file, or ':memory:'. The parent directory is created when missing. */
  file: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /**
   * Build projections and facts on a reader thread (default true for a database file; an
   * in-memory database always reads on the calling thread).
   */
  snapshotThread?: boolean;
  /**
   * Run every write on a writer thread with its own connection (default true for a database file;
   * an in-memory database always writes on the calling thread).
   */
  writerThread?: boolean;
  /**
   * Run the API's reads (reads.ts) on a read thread with its own read-only connection (default true
   * for a database file; an in-memory database always reads on the calling thread).
   */
  readThread?: boolean;
  /** How many read threads (default 1). */
  readThreads?: number;
}

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private closed = false;
  private readonly closing: (() => Promise<void>)[] = [];

  private constructor(
    private readonly conn: Conn,
    private readonly reader: SnapshotReader | null,
    private readonly writer: RequestThread | null,
    private readonly reads: RequestPool | null,
    /** The database file, for other threads that open their own connection to it; null in memory. */
    readonly file: string | null = null,
  ) {}

  /**
   * A store over a read-only connection to an existing database file, whose reads run on the calling
   * thread and whose writes fail: for a thread that runs whole read-only operations next to the data.
   */
  static openReader(file: string): EmbeddedStore {
    return new EmbeddedStore(openReadOnlyConnection(file), null, null, null, file);
  }

  static open(options: EmbeddedStoreOptions): EmbeddedStore {
    const conn = openConnection(options.file);
    try {
      if (options.migrate !== false) migrate(conn.db);
      conn.db.pragma('optimize = 0x10002'); // statistics for a long-lived connection (SQLite docs)
    } catch (error) {
      conn.db.close();
      throw error;
    }
    const onFile = options.file !== ':memory:' && !options.file.startsWith('file:');
    return new EmbeddedStore(
      conn,
      onFile && options.snapshotThread !== false ? new SnapshotReader(options.file) : null,
      onFile && options.writerThread !== false ? new RequestThread(WRITER, { file: options.file }, 'writer') : null,
      onFile && options.readThread !== false ? new RequestPool(options.readThreads ?? 1, READER, { file: options.file }, 'read thread') : null,
      onFile ? options.file : null,
    );
  }

  /** Runs a write on the writer thread when there is one, else here. */
  private write<K extends WriteName>(name: K, ...args: WriteArgs<K>): Promise<WriteResult<K>> {
    if (this.closed) return Promise.reject(new Error('the embedded store is closed'));
    if (this.writer) return this.writer.request<WriteResult<K>>({ name, args });
    return Promise.resolve(runWrite(this.conn, name, args));
  }

  /** Runs a read on the read thread when there is one, else here. */
  private read<K extends ReadName>(name: K, ...args: ReadArgs<K>): Promise<ReadResult<K>> {
    if (this.closed) return Promise.reject(new Error('the embedded store is closed'));
    if (this.reads) return this.reads.request<ReadResult<K>>({ name, args });
    return Promise.resolve(runRead(this.conn, name, args));
  }

  /** The underlying connection, for diagnostics and tests. */
  get db(): Db {
    return this.conn.db;
  }

  async migrate(): Promise<void> { migrate(this.conn.db); }
  async ping(): Promise<boolean> {
    try {
      return this.conn.stmt('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }
  /** Runs `task` when the store closes, first: what reads the data file beside it (query threads) stops with it. */
  onClose(task: () => Promise<void>): void {
    this.closing.push(task);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.closing.splice(0).map((task) => task()));
    await this.reader?.close();
    await this.reads?.close();
    if (this.writer) {
      await this.writer.request({ name: 'close' }).catch(() => undefined); // after the writes in flight
      await this.writer.close();
    }
    try {
      if (!this.conn.db.readonly) this.conn.db.pragma('optimize'); // refreshes planner statistics where they went stale
    } finally {
      this.conn.db.close();
    }
  }

  /** The SQL of every statement this store has prepared, for query-plan checks. */
  preparedSql(): string[] {
    return this.conn.preparedSql();
  }
  async reset(): Promise<void> { await this.write('wipe'); }
  async graphVersion(): Promise<number> { return graphVersion(this.conn); }
  async stats() { return stats(this.conn); }

  async upsertActors(inputs: ActorInput[]) { return this.write('upsertActors', inputs); }
  async actorsByIds(ids: readonly string[]) { return this.read('actorsByIds', ids); }
  async actorsByKeys(keys: readonly string[]) { return this.read('actorsByKeys', keys); }
  async listActors(filter: ActorFilter, page: PageArgs) { return this.read('listActors', filter, page); }
  async countActors(filter: ActorFilter) { return this.read('countActors', filter); }
  async eraseActor(key: string) { return this.write('eraseActor', key); }

  async upsertTies(inputs: TieInput[]) { return this.write('upsertTies', inputs); }
  async removeTie(fromKey: string, toKey: string, type: TieType) { return this.write('removeTie', fromKey, toKey, type); }
  async tiesOfActors(actorIds: readonly string[], query: TieQuery) { return this.read('tiesOfActors', actorIds, query); }

  async recordSignals(inputs: SignalInput[]) { return this.write('recordSignals', inputs); }
  async signalsByIds(ids: readonly string[]) { return this.read('signalsByIds', ids); }
  async listSignals(filter: SignalFilter, page: PageArgs) { return this.read('listSignals', filter, page); }
  async countSignals(filter: SignalFilter) { return this.read('countSignals', filter); }
  async signalsOfActors(actorIds: readonly string[], page: PageArgs) { return this.read('signalsOfActors', actorIds, page); }
  async aboutOfSignals(signalIds: readonly string[]) { return this.read('aboutOfSignals', signalIds); }
  async assignSignal(signalId: string, assigneeKey: string) { return this.write('assignSignal', signalId, assigneeKey); }
  async enrichSignals(inputs: SignalEnrichmentInput[], options?: EnrichOptions) { return this.write('enrichSignals', inputs, options); }
  async respond(inputs: ResponseInput[]) { return this.write('respond', inputs); }
  async responsesOfSignals(signalIds: readonly string[]) { return this.read('responsesOfSignals', signalIds); }

  async recordExchanges(inputs: ExchangeInput[]) { return this.write('recordExchanges', inputs); }
  async listExchanges(filter: ExchangeFilter, page: PageArgs) { return this.read('listExchanges', filter, page); }
  async countExchanges(filter: ExchangeFilter) { return this.read('countExchanges', filter); }
  async exchangesByIds(ids: readonly string[]) { return this.read('exchangesByIds', ids); }
  async exchangesOfActors(actorIds: readonly string[], query: ExchangeQuery) {
    return this.read('exchangesOfActors', actorIds, query);
  }

  async createInsight(input: InsightInput) { return this.write('createInsight', input); }
  async insightsByIds(ids: readonly string[]) { return this.read('insightsByIds', ids); }
  async listInsights(page: PageArgs) { return this.read('listInsights', page); }
  async countInsights() { return this.read('countInsights'); }
  async signalIdsOfInsights(insightIds: readonly string[]) { return this.read('signalIdsOfInsights', insightIds); }
  async topicsOfInsights(insightIds: readonly string[]) { return this.read('topicsOfInsights', insightIds); }
  async applyChange(input: ChangeInput) { return this.write('applyChange', input); }
  async processesByIds(ids: readonly string[]) { return this.read('processesByIds', ids); }
  async listProcesses(page: PageArgs) { return this.read('listProcesses', page); }
  async countProcesses() { return this.read('countProcesses'); }
  async changesOfProcesses(processIds: readonly string[]) { return this.read('changesOfProcesses', processIds); }
  async changesOfInsights(insightIds: readonly string[]) { return this.read('changesOfInsights', insightIds); }
  async topicsByIds(ids: readonly string[]) { return this.read('topicsByIds', ids); }

  async neighborhood(key: string, depth: number, limit: number) { return this.read('neighborhood', key, depth, limit); }
  async shortestPath(fromKey: string, toKey: string, maxHops: number) {
    return this.read('shortestPath', fromKey, toKey, maxHops);
  }

  async readOutbox(afterSeq: number, limit: number) { return outbox.readOutbox(this.conn, afterSeq, limit); }
  async outboxHead() { return outbox.outboxHead(this.conn); }

  async transferCounts() { return this.read('transferCounts'); }
  async exportRecords(kind: TransferKind, afterId: string | null, limit: number) {
    return this.read('exportRecords', kind, afterId, limit);
  }
  async importRecords(records: readonly TransferRecord[]) { return this.write('importRecords', records); }

  // Heavy reads: on the reader thread when there is one, so the event loop keeps serving.
  async projection(spec: ProjectionSpec) { return this.reader ? this.reader.projection(spec) : projection(this.conn, spec); }
  async facts() { return this.reader ? this.reader.facts() : facts(this.conn); }
}
