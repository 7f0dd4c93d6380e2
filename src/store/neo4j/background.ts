/**
 * A Neo4j store that connects in the background, for the server: the HTTP server can listen (and answer
 * /health) at once, while `/ready` (store.ping) stays false until Neo4j answers and the schema is migrated.
 * An unreachable server is retried with exponential backoff, one log line per attempt; wrong credentials
 * or an unknown database stop the retries and reject `ready` with a clear error.
 *
 * Calls made during the first attempt wait for it, up to `waitMs`; once an attempt has failed, calls
 * fail at once with UNAVAILABLE and the reason (the API answers that code; the client may retry).
 */
import { DomainError } from '../../domain/errors.js';
import type { Store } from '../port.js';
import { connect, safeUri, type Neo4jConnectOptions } from './connect.js';
import { Connection, silentLogger } from './connection.js';
import { Neo4jStore } from './neo4j-store.js';

export interface BackgroundNeo4jOptions extends Omit<Neo4jConnectOptions, 'signal'> {
  /** How long a call waits for the first connection attempt before failing (default 5 s). */
  waitMs?: number;
}

type Methods = {
  [K in keyof Store]-?: Store[K] extends ((...args: infer A) => Promise<infer R>) | undefined ? (...args: A) => Promise<R> : never;
};

export class BackgroundNeo4jStore implements Store {
  readonly kind = 'neo4j' as const;
  /** Resolves with the connected, migrated store; rejects when connecting failed for good. */
  readonly ready: Promise<Neo4jStore>;
  private inner: Neo4jStore | null = null;
  private lastProblem = 'connecting';
  private failedOnce = false;
  private readonly abort = new AbortController();
  private closed = false;
  private readonly waitMs: number;

  constructor(private readonly options: BackgroundNeo4jOptions) {
    this.waitMs = options.waitMs ?? 5_000;
    const log = options.log ?? silentLogger;
    const tracking = {
      info: log.info.bind(log),
      warn: (fields: object, message: string) => { this.problem(message); log.warn(fields, message); },
      error: (fields: object, message: string) => { this.problem(message); log.error(fields, message); },
    };
    this.ready = (async () => {
      const driver = await connect({ ...options, log: tracking, signal: this.abort.signal });
      const store = new Neo4jStore(new Connection(driver, options.database));
      try {
        await store.migrate();
      } catch (error) {
        this.problem(`migrating Neo4j at ${safeUri(options.uri)} failed: ${(error as Error).message}`);
        log.error({ err: error }, this.lastProblem);
        await store.close();
        throw error;
      }
      if (this.closed) {
        await store.close();
        throw new Error('store closed');
      }
      this.inner = store;
      log.info({ uri: safeUri(options.uri), database: options.database }, 'Neo4j store connected and migrated');
      return store;
    })();
    this.ready.catch(() => undefined); // failures surface through ready, calls and the log
  }

  private problem(message: string): void {
    this.lastProblem = message;
    this.failedOnce = true;
  }

  private async store(): Promise<Neo4jStore> {
    if (this.inner) return this.inner;
    if (this.closed) throw new Error('the Neo4j store is closed');
    const unavailable = () => new DomainError('UNAVAILABLE', `the Neo4j store is not ready: ${this.lastProblem}`);
    // Once an attempt has failed the next one is seconds away: answer at once rather than hold the request.
    if (this.failedOnce) throw unavailable();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable()), this.waitMs);
    });
    try {
      return await Promise.race([this.ready.catch(() => { throw unavailable(); }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private call<K extends keyof Methods>(name: K): Methods[K] {
    return (async (...args: unknown[]) => {
      const store = await this.store();
      return (store[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as Methods[K];
  }

  async ping(): Promise<boolean> {
    return this.inner ? this.inner.ping() : false;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    await this.ready.catch(() => undefined);
    await this.inner?.close();
  }

  readonly reset = this.call('reset');
  readonly migrate = this.call('migrate');
  readonly graphVersion = this.call('graphVersion');
  readonly stats = this.call('stats');
  readonly upsertActors = this.call('upsertActors');
  readonly actorsByIds = this.call('actorsByIds');
  readonly actorsByKeys = this.call('actorsByKeys');
  readonly listActors = this.call('listActors');
  readonly countActors = this.call('countActors');
  readonly eraseActor = this.call('eraseActor');
  readonly upsertTies = this.call('upsertTies');
  readonly removeTie = this.call('removeTie');
  readonly tiesOfActors = this.call('tiesOfActors');
  readonly recordSignals = this.call('recordSignals');
  readonly signalsByIds = this.call('signalsByIds');
  readonly listSignals = this.call('listSignals');
  readonly countSignals = this.call('countSignals');
  readonly signalsOfActors = this.call('signalsOfActors');
  readonly aboutOfSignals = this.call('aboutOfSignals');
  readonly assignSignal = this.call('assignSignal');
  readonly enrichSignals = this.call('enrichSignals');
  readonly respond = this.call('respond');
  readonly responsesOfSignals = this.call('responsesOfSignals');
  readonly recordExchanges = this.call('recordExchanges');
  readonly listExchanges = this.call('listExchanges');
  readonly countExchanges = this.call('countExchanges');
  readonly exchangesByIds = this.call('exchangesByIds');
  readonly exchangesOfActors = this.call('exchangesOfActors');
  readonly createInsight = this.call('createInsight');
  readonly insightsByIds = this.call('insightsByIds');
  readonly listInsights = this.call('listInsights');
  readonly countInsights = this.call('countInsights');
  readonly signalIdsOfInsights = this.call('signalIdsOfInsights');
  readonly topicsOfInsights = this.call('topicsOfInsights');
  readonly applyChange = this.call('applyChange');
  readonly processesByIds = this.call('processesByIds');
  readonly listProcesses = this.call('listProcesses');
  readonly countProcesses = this.call('countProcesses');
  readonly changesOfProcesses = this.call('changesOfProcesses');
  readonly changesOfInsights = this.call('changesOfInsights');
  readonly topicsByIds = this.call('topicsByIds');
  readonly neighborhood = this.call('neighborhood');
  readonly shortestPath = this.call('shortestPath');
  readonly readOutbox = this.call('readOutbox');
  readonly outboxHead = this.call('outboxHead');
  readonly transferCounts = this.call('transferCounts');
  readonly exportRecords = this.call('exportRecords');
  readonly importRecords = this.call('importRecords');
  readonly projection = this.call('projection');
  readonly facts = this.call('facts');
}
