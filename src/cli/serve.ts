import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { startOsmosis } from '../main.js';
import { createLogger } from '../server/logger.js';
import { loadDemoIfEmpty } from './seed.js';

export async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { 'seed-if-empty': { type: 'boolean', default: false } } });
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const osmosis = await startOsmosis(config, log);
  if (values['seed-if-empty']) await loadDemoIfEmpty(osmosis.store, log);
  log.info({ url: osmosis.http.url, store: config.OSMOSIS_STORE }, 'Osmosis is serving');
  process.stderr.write(`\nOsmosis is ready — GraphiQL at ${osmosis.http.url}\n\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    osmosis.stop().then(() => process.exit(0), (error) => {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
