/**
 * The Neo4j Store: neo4j-driver, parameterised Cypher only, managed transactions. Each method delegates
 * to the module that owns the concern; reads are one query, writes one transaction (connection.ts).
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
import type { Connection } from './connection.js';
import { enrichSignals } from './enrichment.js';
import * as exchanges from './exchanges.js';
import * as learning from './learning.js';
import * as outbox from './outbox.js';
import { facts } from './facts.js';
import { projection } from './projection.js';
import * as responses from './responses.js';
import { appliedMigrations, migrate, wipe, type AppliedNeo4jMigration } from './schema.js';
import * as signals from './signals.js';
import * as ties from './ties.js';
import * as traversal from './traversal.js';
import * as transfer from './transfer.js';

export class Neo4jStore implements Store {
  readonly kind = 'neo4j' as const;

  constructor(private readonly conn: Connection) {}

  /** The underlying connection, for diagnostics and tests. */
  get connection(): Connection {
    return this.conn;
  }

  async migrate(): Promise<void> { await migrate(this.conn); }
  appliedMigrations(): Promise<AppliedNeo4jMigration[]> { return appliedMigrations(this.conn); }
  async ping(): Promise<boolean> {
    if (this.conn.isClosed) return false;
    try {
      const [row] = await this.conn.query('RETURN 1 AS ok');
      return row?.get('ok') === 1;
    } catch {
      return false;
    }
  }
  async close(): Promise<void> { await this.conn.close(); }
  async reset(): Promise<void> { await wipe(this.conn); }
  async graphVersion() { return outbox.graphVersion(this.conn); }
  async stats() { return outbox.stats(this.conn); }

  async upsertActors(inputs: ActorInput[]) { return actors.upsertActors(this.conn, inputs); }
  async actorsByIds(ids: readonly string[]) { return actors.actorsByIds(this.conn, ids); }
  async actorsByKeys(keys: readonly string[]) { return actors.actorsByKeys(this.conn, keys); }
  async listActors(filter: ActorFilter, page: PageArgs) { return actors.listActors(this.conn, filter, page); }
  async countActors(filter: ActorFilter) { return actors.countActors(this.conn, filter); }
  async eraseActor(key: string) { return actors.eraseActor(this.conn, key); }

  async upsertTies(inputs: TieInput[]) { return ties.upsertTies(this.conn, inputs); }
  async removeTie(fromKey: string, toKey: string, type: TieType) { return ties.removeTie(this.conn, fromKey, toKey, type); }
  async tiesOfActors(actorIds: readonly string[], query: TieQuery) { return ties.tiesOfActors(this.conn, actorIds, query); }

  async recordSignals(inputs: SignalInput[]) { return signals.recordSignals(this.conn, inputs); }
  async signalsByIds(ids: readonly string[]) { return signals.signalsByIds(this.conn, ids); }
  async listSignals(filter: SignalFilter, page: PageArgs) { return signals.listSignals(this.conn, filter, page); }
  async countSignals(filter: SignalFilter) { return signals.countSignals(this.conn, filter); }
  async signalsOfActors(actorIds: readonly string[], page: PageArgs) { return signals.signalsOfActors(this.conn, actorIds, page); }
  async aboutOfSignals(signalIds: readonly string[]) { return signals.aboutOfSignals(this.conn, signalIds); }
  async assignSignal(signalId: string, assigneeKey: string) { return signals.assignSignal(this.conn, signalId, assigneeKey); }
  async enrichSignals(inputs: SignalEnrichmentInput[], options?: EnrichOptions) { return enrichSignals(this.conn, inputs, options); }
  async respond(inputs: ResponseInput[]) { return responses.respond(this.conn, inputs); }
  async responsesOfSignals(signalIds: readonly string[]) { return responses.responsesOfSignals(this.conn, signalIds); }

  async recordExchanges(inputs: ExchangeInput[]) { return exchanges.recordExchanges(this.conn, inputs); }
  async listExchanges(filter: ExchangeFilter, page: PageArgs) { return exchanges.listExchanges(this.conn, filter, page); }
  async countExchanges(filter: ExchangeFilter) { return exchanges.countExchanges(this.conn, filter); }
  async exchangesByIds(ids: readonly string[]) { return exchanges.exchangesByIds(this.conn, ids); }
  async exchangesOfActors(actorIds: readonly string[], query: ExchangeQuery) {
    return exchanges.exchangesOfActors(this.conn, actorIds, query);
  }

  async createInsight(input: InsightInput) { return learning.createInsight(this.conn, input); }
  async insightsByIds(ids: readonly string[]) { return learning.insightsByIds(this.conn, ids); }
  async listInsights(page: PageArgs) { return learning.listInsights(this.conn, page); }
  async countInsights() { return learning.countInsights(this.conn); }
  async signalIdsOfInsights(insightIds: readonly string[]) { return learning.signalIdsOfInsights(this.conn, insightIds); }
  async topicsOfInsights(insightIds: readonly string[]) { return learning.topicsOfInsights(this.conn, insightIds); }
  async applyChange(input: ChangeInput) { return learning.applyChange(this.conn, input); }
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
  async importRecords(records: readonly TransferRecord[]) { return transfer.importRecords(this.conn, records); }

  async projection(spec: ProjectionSpec) { return projection(this.conn, spec); }
  async facts() { return facts(this.conn); }
}
