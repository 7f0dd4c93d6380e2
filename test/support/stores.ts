/**
 * The stores every GraphQL and contract test runs against. Embedded always; Neo4j when a real
 * one is available (see neo4j.ts: one server per vitest worker, skipped with a reason when Java or
 * Maven is missing outside CI).
 */
import type { Store } from '../../src/store/port.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { openNeo4jStore } from '../../src/store/neo4j/index.js';
import { neo4jServer, neo4jSkipReason } from './neo4j.js';

export interface StoreFactory {
  name: 'embedded' | 'neo4j';
  /** A fresh, empty, migrated store. */
  open(): Promise<Store>;
}

export const embeddedFactory: StoreFactory = {
  name: 'embedded',
  async open() {
    const store = await openEmbeddedStore({ file: ':memory:' });
    await store.migrate();
    return store;
  },
};

/** A store on this worker's Neo4j server, wiped (the server is shared by the worker's test files, one at a time). */
export const neo4jFactory: StoreFactory = {
  name: 'neo4j',
  async open() {
    const server = await neo4jServer();
    const store = await openNeo4jStore({ ...server, database: 'neo4j', maxAttempts: 3, initialDelayMs: 500 });
    await store.reset();
    return store;
  },
};

export const storeFactories: StoreFactory[] = neo4jSkipReason() === null ? [embeddedFactory, neo4jFactory] : [embeddedFactory];
