/** The embedded (SQLite) store adapter. */
import { EmbeddedStore, type EmbeddedStoreOptions } from './embedded-store.js';

export { EmbeddedStore, type EmbeddedStoreOptions } from './embedded-store.js';
export { MIGRATIONS } from './migrations.js';
export { appliedMigrations, migrate } from './migrate.js';

/** Opens (creating when missing) and migrates the database; ':memory:' for a private in-memory one. */
export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  return EmbeddedStore.open(options);
}
