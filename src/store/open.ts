/** Opens the store named by the configuration and runs its migrations. */
import { ConfigError, type Config } from '../config/config.js';
import type { Store } from './port.js';

/** pino's call shape; the Neo4j adapter logs connection attempts through it. */
export interface OpenStoreLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Human-readable lines on stderr, for command-line tools (errors are thrown, and the command reports them). */
export const stderrLogger: OpenStoreLogger = {
  info: (_fields, message) => process.stderr.write(`osmosis: ${message}\n`),
  warn: (_fields, message) => process.stderr.write(`osmosis: ${message}\n`),
  error: () => {},
};

const neo4jOptions = (config: Config, log: OpenStoreLogger) => ({
  uri: config.NEO4J_URI,
  user: config.NEO4J_USER,
  password: config.NEO4J_PASSWORD,
  database: config.NEO4J_DATABASE,
  log,
});

/**
 * Opens and migrates the store, for tools that need it before doing anything (migrate, seed). An
 * unreachable Neo4j is retried with backoff for about a minute and a half (one line per attempt);
 * wrong credentials or an unknown database fail at once with a message naming the setting.
 */
export async function openStore(config: Config, log: OpenStoreLogger = stderrLogger): Promise<Store> {
  if (config.OSMOSIS_STORE === 'neo4j') {
    const { openNeo4jStore } = await import('./neo4j/index.js');
    return openNeo4jStore({ ...neo4jOptions(config, log), maxAttempts: 8 }); // 1+2+4+8+16+30+30 s of waits
  }
  const { openEmbeddedStore } = await import('./embedded/index.js');
  const threads = config.OSMOSIS_READ_THREADS;
  let store;
  try {
    store = await openEmbeddedStore({ file: config.OSMOSIS_DB, readThread: threads > 0, readThreads: Math.max(threads, 1) });
  } catch (error) {
    // A directory, another program's file, no permission: the setting to look at is OSMOSIS_DB.
    if ((error as Error).name === 'SqliteError' || (error as NodeJS.ErrnoException).code?.startsWith('E')) {
      throw new ConfigError(`OSMOSIS_DB="${config.OSMOSIS_DB}": cannot open it as an Osmosis database: ${(error as Error).message}`);
    }
    throw error;
  }
  await store.migrate();
  return store;
}

export interface ServerStore {
  store: Store;
  /**
   * Resolves when the store is connected and migrated; rejects when it never will be (e.g. wrong
   * Neo4j credentials). Until then `store.ping()` is false, so `/ready` says not ready.
   */
  ready: Promise<void>;
}

/**
 * The store for a server: the embedded one opens at once; Neo4j connects in the background (retrying
 * an unreachable server with backoff for as long as it takes), so the HTTP server can listen meanwhile.
 */
export async function openServerStore(config: Config, log: OpenStoreLogger): Promise<ServerStore> {
  if (config.OSMOSIS_STORE === 'neo4j') {
    const { openNeo4jStoreInBackground } = await import('./neo4j/index.js');
    const store = openNeo4jStoreInBackground(neo4jOptions(config, log));
    return { store, ready: store.ready.then(() => undefined) };
  }
  return { store: await openStore(config, log), ready: Promise.resolve() };
}
