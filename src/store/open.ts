/** Opens the store named by the configuration and runs its migrations. */
import type { Config } from '../config/config.js';
import type { Store } from './port.js';

export async function openStore(config: Config): Promise<Store> {
  if (config.OSMOSIS_STORE === 'neo4j') {
    throw new Error('OSMOSIS_STORE=neo4j: the Neo4j adapter is not available yet');
  }
  const { openEmbeddedStore } = await import('./embedded/index.js');
  const store = await openEmbeddedStore({ file: config.OSMOSIS_DB });
  await store.migrate();
  return store;
}
