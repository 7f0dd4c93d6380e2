/**
 * Opening a driver: probes the server and the database, retrying with exponential backoff while the
 * server is unreachable (one log line per attempt saying what is wrong), and failing at once on errors
 * retrying cannot fix (wrong credentials, unknown database).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { useLargeBoltChunks } from './bolt-chunks.js';
import { silentLogger, type StoreLogger } from './connection.js';

export interface Neo4jConnectOptions {
  /** `bolt://host:port` or `neo4j://host:port` (cluster routing); `+s`/`+ssc` variants for TLS. */
  uri: string;
  user: string;
  password: string;
  database: string;
  log?: StoreLogger;
  /** Attempts while the server is unreachable before giving up (default: unlimited). */
  maxAttempts?: number;
  /** Delay before the second attempt; doubled per attempt up to `maxDelayMs` (defaults 1 s and 30 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Stops retrying (the promise rejects with an AbortError). */
  signal?: AbortSignal;
}

/** Errors that retrying cannot fix: the store reports them and stops. */
export class Neo4jConnectError extends Error {
  override name = 'Neo4jConnectError';
  constructor(message: string, readonly code: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The URI without user info, for logs. */
export const safeUri = (uri: string): string => uri.replace(/\/\/[^@/]*@/, '//');

interface Classified {
  fatal: boolean;
  /** Short reason for the log line, e.g. ECONNREFUSED. */
  reason: string;
  message: string;
}

export function classifyConnectError(error: unknown, uri: string, user: string, database: string): Classified {
  const e = error as { code?: string; message?: string };
  const code = e.code ?? '';
  const text = e.message ?? String(error);
  const where = `Neo4j at ${safeUri(uri)}`;
  if (code.startsWith('Neo.ClientError.Security.')) {
    const what = code.endsWith('.Unauthorized')
      ? `rejected the credentials of user '${user}' (${code}); check NEO4J_USER and NEO4J_PASSWORD`
      : `refused access for user '${user}' (${code}: ${text})`;
    return { fatal: true, reason: code, message: `${where} ${what}` };
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return { fatal: true, reason: code, message: `${where} has no database '${database}' (${code}); check NEO4J_DATABASE` };
  }
  const errno = /\b(E[A-Z]{3,}[A-Z_]*)\b/.exec(text)?.[1];
  const reason = errno ?? (code || 'error');
  return { fatal: false, reason, message: `${where} unreachable (${reason})` };
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  if (signal?.aborted) return reject(abortError());
  const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
  const onAbort = () => { clearTimeout(timer); reject(abortError()); };
  signal?.addEventListener('abort', onAbort, { once: true });
});

const abortError = () => Object.assign(new Error('connecting to Neo4j was cancelled'), { name: 'AbortError' });

/** One query on the database, without the driver's own retries (this loop does the retrying, visibly). */
async function probe(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run('RETURN 1 AS ok');
  } finally {
    await session.close().catch(() => undefined);
  }
}

const formatDelay = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${Number.isInteger(ms / 1000) ? ms / 1000 : (ms / 1000).toFixed(1)} s`;

export function createDriver(opts: Pick<Neo4jConnectOptions, 'uri' | 'user' | 'password'>): Driver {
  useLargeBoltChunks();
  return neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 15_000,
    userAgent: 'osmosis',
    // Deprecation and performance hints are for humans at a console, not for a service.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
}

/** Opens a driver once the server answers a query on the database; see the module comment. */
export async function connect(opts: Neo4jConnectOptions): Promise<Driver> {
  const log = opts.log ?? silentLogger;
  const maxAttempts = opts.maxAttempts ?? Infinity;
  let delay = opts.initialDelayMs ?? 1_000;
  const maxDelay = opts.maxDelayMs ?? 30_000;
  const driver = createDriver(opts);
  try {
    for (let attempt = 1; ; attempt++) {
      if (opts.signal?.aborted) throw abortError();
      try {
        await probe(driver, opts.database);
        if (attempt > 1) log.info({ uri: safeUri(opts.uri), attempt }, `Neo4j at ${safeUri(opts.uri)} is reachable`);
        return driver;
      } catch (error) {
        const c = classifyConnectError(error, opts.uri, opts.user, opts.database);
        if (c.fatal) {
          log.error({ uri: safeUri(opts.uri), code: c.reason }, c.message);
          throw new Neo4jConnectError(c.message, c.reason, { cause: error });
        }
        if (attempt >= maxAttempts) {
          const message = `${c.message}; gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}`;
          log.error({ uri: safeUri(opts.uri), reason: c.reason, attempt }, message);
          throw new Neo4jConnectError(message, c.reason, { cause: error });
        }
        log.warn(
          { uri: safeUri(opts.uri), reason: c.reason, attempt, retryInMs: delay },
          `${c.message}; retrying in ${formatDelay(delay)} (attempt ${attempt})`,
        );
        await sleep(delay, opts.signal);
        delay = Math.min(delay * 2, maxDelay);
      }
    }
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}
