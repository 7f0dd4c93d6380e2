/**
 * The stores every GraphQL and contract test runs against. Embedded always; Neo4j when a real
 * one is available (see neo4j-harness.ts).
 */
import type { Store } from '../../src/store/port.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';

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

export const storeFactories: StoreFactory[] = [embeddedFactory];
