/** The Neo4j store adapter. */
import { connect, type Neo4jConnectOptions } from './connect.js';
import { Connection } from './connection.js';
import { Neo4jStore } from './neo4j-store.js';
import { BackgroundNeo4jStore, type BackgroundNeo4jOptions } from './background.js';

export { Neo4jStore } from './neo4j-store.js';
export { BackgroundNeo4jStore, type BackgroundNeo4jOptions } from './background.js';
export { Neo4jConnectError, classifyConnectError, type Neo4jConnectOptions } from './connect.js';
export { NotMigratedError, type StoreLogger } from './connection.js';
export { NEO4J_MIGRATIONS } from './migrations.js';
export type { AppliedNeo4jMigration } from './schema.js';

export interface Neo4jStoreOptions extends Neo4jConnectOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

/**
 * Connects (retrying while the server is unreachable, up to `maxAttempts`; failing at once on wrong
 * credentials or an unknown database) and, unless told otherwise, migrates.
 */
export async function openNeo4jStore(options: Neo4jStoreOptions): Promise<Neo4jStore> {
  const driver = await connect(options);
  const store = new Neo4jStore(new Connection(driver, options.database));
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

/** A store that answers at once and connects in the background (see background.ts). */
export function openNeo4jStoreInBackground(options: BackgroundNeo4jOptions): BackgroundNeo4jStore {
  return new BackgroundNeo4jStore(options);
}
