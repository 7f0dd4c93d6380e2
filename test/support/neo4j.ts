/**
 * Real Neo4j for tests, one server per vitest worker so parallel test files never wipe each other's
 * data. The main process (neo4j-global-setup.ts) decides whether Neo4j suites run and, when they do,
 * starts a server lazily the first time a worker asks for one (by its VITEST_POOL_ID) and reuses it for
 * every later file of that worker. Servers run with authentication on (user neo4j, TEST_PASSWORD).
 */
import { inject } from 'vitest';

export type Neo4jTestEnv =
  | { status: 'skipped'; reason: string }
  | { status: 'available'; broker: string };

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestEnv;
  }
}

export interface Neo4jTestServer {
  uri: string;
  user: string;
  password: string;
}

/** Whether the Neo4j suites run in this test run, known at collection time. */
export function neo4jTestEnv(): Neo4jTestEnv {
  try {
    return inject('neo4j') ?? { status: 'skipped', reason: 'no Neo4j global setup in this vitest config' };
  } catch {
    return { status: 'skipped', reason: 'no Neo4j global setup in this vitest config' };
  }
}

/** Why Neo4j suites are skipped, or null when they run. */
export function neo4jSkipReason(): string | null {
  const env = neo4jTestEnv();
  return env.status === 'skipped' ? env.reason : null;
}

let server: Promise<Neo4jTestServer> | undefined;

/** This worker's server (started on first use: ~10 s, longer when the launcher must first be built). */
export function neo4jServer(): Promise<Neo4jTestServer> {
  server ??= (async () => {
    const env = neo4jTestEnv();
    if (env.status !== 'available') throw new Error(`Neo4j tests are skipped: ${env.reason}`);
    const worker = process.env.VITEST_POOL_ID ?? '1';
    const res = await fetch(`${env.broker}/neo4j/${encodeURIComponent(worker)}`);
    const body = (await res.json()) as Neo4jTestServer | { error: string };
    if ('error' in body) throw new Error(`Neo4j for vitest worker ${worker} did not start: ${body.error}`);
    return body;
  })();
  server.catch(() => (server = undefined));
  return server;
}
