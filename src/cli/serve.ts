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

  let stopping = false;
  const shutdown = (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    osmosis.stop().then(() => process.exit(code), (error) => {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };

  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  // Neo4j connects in the background (the HTTP server already answers /health; /ready waits for it).
  if (config.OSMOSIS_STORE === 'neo4j') {
    log.info({ url: osmosis.http.url, neo4j: config.NEO4J_URI }, 'listening; connecting to Neo4j (/ready answers 503 until connected)');
  }
  try {
    await osmosis.storeReady;
  } catch (error) {
    // e.g. wrong credentials: retrying cannot help, so the server stops instead of serving errors.
    log.fatal({ err: error, store: config.OSMOSIS_STORE }, `cannot use the ${config.OSMOSIS_STORE} store: ${(error as Error).message}`);
    process.stderr.write(`\nosmosis serve: cannot use the ${config.OSMOSIS_STORE} store: ${(error as Error).message}\n`);
    shutdown('store-failed', 1);
    return;
  }
  if (values['seed-if-empty']) await loadDemoIfEmpty(osmosis.store, log);
  log.info({ url: osmosis.http.url, store: config.OSMOSIS_STORE }, 'Osmosis is serving');
  process.stderr.write(config.OSMOSIS_GRAPHIQL
    ? `\nOsmosis is ready — GraphiQL at ${osmosis.http.url}\n\n`
    : `\nOsmosis is ready — GraphQL at ${osmosis.http.url} (GraphiQL off)\n\n`);
}
