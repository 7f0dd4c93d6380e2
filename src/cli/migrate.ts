import { loadConfig } from '../config/config.js';
import { openStore } from '../store/open.js';

export async function migrate(_argv: string[]): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config); // opening runs the migrations
  console.log(`osmosis migrate: ${config.OSMOSIS_STORE} store is up to date`);
  await store.close();
}
