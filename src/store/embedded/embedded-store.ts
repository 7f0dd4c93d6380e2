/**
 * The embedded Store: SQLite through better-sqlite3. Each method delegates to the module that owns
 * the concern; better-sqlite3 is synchronous, so a method is one uninterrupted unit of work. On a
 * database file, writes run on a writer thread and heavy snapshot reads on a reader thread, each
 * with its own connection (WAL: readers never wait for the writer); lookups stay on this thread.
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
import * as actors from './actors.js';
import { openConnection, type Conn, type Db } from './connection.js';
import * as exchanges from './exchanges.js';
import * as learning from './learning.js';
import { migrate } from './migrate.js';
import * as outbox from './outbox.js';
import { facts } from './facts.js';
import { projection } from './projection.js';
import { SnapshotReader } from './snapshot-reader.js';
import { runWrite, type WriteArgs, type WriteName, type WriteResult } from './writes.js';
import { RequestThread } from '../../threads/request-thread.js';
import { siblingModule } from '../../threads/start-worker.js';
import * as responses from './responses.js';
import * as signals from './signals.js';
import { graphVersion, stats } from './stats.js';
import * as ties from './ties.js';
import * as traversal from './traversal.js';
import * as transfer from './transfer.js';

const WRITER = siblingModule('writer-worker', import.meta.url);

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
}

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private closed = false;

  private constructor(
    private readonly conn: Conn,
    private readonly reader: SnapshotReader | null,
    private readonly writer: RequestThread | null,
  ) {}

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
    );
  }

  /** Runs a write on the writer thread when there is one, else here. */
  private write<K extends WriteName>(name: K, ...args: WriteArgs<K>): Promise<WriteResult<K>> {
    if (this.closed) return Promise.reject(new Error('the embedded store is closed'));
    if (this.writer) return this.writer.request<WriteResult<K>>({ name, args });
    return Promise.resolve(runWrite(this.conn, name, args));
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
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.reader?.close();
    if (this.writer) {
      await this.writer.request({ name: 'close' }).catch(() => undefined); // after the writes in flight
      await this.writer.close();
    }
    try {
      this.conn.db.pragma('optimize'); // refreshes planner statistics where they went stale
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
  async actorsByIds(ids: readonly string[]) { return actors.actorsByIds(this.conn, ids); }
  async actorsByKeys(keys: readonly string[]) { return actors.actorsByKeys(this.conn, keys); }
  async listActors(filter: ActorFilter, page: PageArgs) { return actors.listActors(this.conn, filter, page); }
  async countActors(filter: ActorFilter) { return actors.countActors(this.conn, filter); }
  async eraseActor(key: string) { return this.write('eraseActor', key); }

  async upsertTies(inputs: TieInput[]) { return this.write('upsertTies', inputs); }
  async removeTie(fromKey: string, toKey: string, type: TieType) { return this.write('removeTie', fromKey, toKey, type); }
  async tiesOfActors(actorIds: readonly string[], query: TieQuery) { return ties.tiesOfActors(this.conn, actorIds, query); }

  async recordSignals(inputs: SignalInput[]) { return this.write('recordSignals', inputs); }
  async signalsByIds(ids: readonly string[]) { return signals.signalsByIds(this.conn, ids); }
  async listSignals(filter: SignalFilter, page: PageArgs) { return signals.listSignals(this.conn, filter, page); }
  async countSignals(filter: SignalFilter) { return signals.countSignals(this.conn, filter); }
  async signalsOfActors(actorIds: readonly string[], page: PageArgs) { return signals.signalsOfActors(this.conn, actorIds, page); }
  async aboutOfSignals(signalIds: readonly string[]) { return signals.aboutOfSignals(this.conn, signalIds); }
  async assignSignal(signalId: string, assigneeKey: string) { return this.write('assignSignal', signalId, assigneeKey); }
  async enrichSignals(inputs: SignalEnrichmentInput[], options?: EnrichOptions) { return this.write('enrichSignals', inputs, options); }
  async respond(inputs: ResponseInput[]) { return this.write('respond', inputs); }
  async responsesOfSignals(signalIds: readonly string[]) { return responses.responsesOfSignals(this.conn, signalIds); }

  async recordExchanges(inputs: ExchangeInput[]) { return this.write('recordExchanges', inputs); }
  async listExchanges(filter: ExchangeFilter, page: PageArgs) { return exchanges.listExchanges(this.conn, filter, page); }
  async countExchanges(filter: ExchangeFilter) { return exchanges.countExchanges(this.conn, filter); }
  async exchangesByIds(ids: readonly string[]) { return exchanges.exchangesByIds(this.conn, ids); }
  async exchangesOfActors(actorIds: readonly string[], query: ExchangeQuery) {
    return exchanges.exchangesOfActors(this.conn, actorIds, query);
  }

  async createInsight(input: InsightInput) { return this.write('createInsight', input); }
  async insightsByIds(ids: readonly string[]) { return learning.insightsByIds(this.conn, ids); }
  async listInsights(page: PageArgs) { return learning.listInsights(this.conn, page); }
  async countInsights() { return learning.countInsights(this.conn); }
  async signalIdsOfInsights(insightIds: readonly string[]) { return learning.signalIdsOfInsights(this.conn, insightIds); }
  async topicsOfInsights(insightIds: readonly string[]) { return learning.topicsOfInsights(this.conn, insightIds); }
  async applyChange(input: ChangeInput) { return this.write('applyChange', input); }
  async processesByIds(ids: readonly string[]) { return learning.processesByIds(this.conn, ids); }
  async listProcesses(page: PageArgs) { return learning.listProcesses(this.conn, page); }
  async countProcesses() { return learning.countProcesses(this.conn); }
  async changesOfProcesses(processIds: readonly string[]) { return learning.changesOfProcesses(this.conn, processIds); }
  async changesOfInsights(insightIds: readonly string[]) { return learning.changesOfInsights(this.conn, insightIds); }
  async topicsByIds(ids: readonly string[]) { return learning.topicsByIds(this.conn, ids); }

  async neighborhood(key: string, depth: number, limit: number) { return traversal.neighborhood(this.conn, key, depth, limit); }
  async shortestPath(fromKey: string, toKey: string, maxHops: number) {
    return traversal.shortestPath(this.conn, fromKey, toKey, maxHops);
  }

  async readOutbox(afterSeq: number, limit: number) { return outbox.readOutbox(this.conn, afterSeq, limit); }
  async outboxHead() { return outbox.outboxHead(this.conn); }

  async transferCounts() { return transfer.transferCounts(this.conn); }
  async exportRecords(kind: TransferKind, afterId: string | null, limit: number) {
    return transfer.exportRecords(this.conn, kind, afterId, limit);
  }
  async importRecords(records: readonly TransferRecord[]) { return this.write('importRecords', records); }

  // Heavy reads: on the reader thread when there is one, so the event loop keeps serving.
  async projection(spec: ProjectionSpec) { return this.reader ? this.reader.projection(spec) : projection(this.conn, spec); }
  async facts() { return this.reader ? this.reader.facts() : facts(this.conn); }
}
