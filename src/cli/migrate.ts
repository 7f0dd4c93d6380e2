import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openStore } from '../store/open.js';

export async function migrate(argv: string[]): Promise<void> {
  parseArgs({ args: argv, options: {} }); // no options, no arguments: anything else is a usage error
  const config = loadConfig();
  const store = await openStore(config); // opening runs the migrations
  console.log(`osmosis migrate: ${config.OSMOSIS_STORE} store is up to date`);
  await store.close();
}
