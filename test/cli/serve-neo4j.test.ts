/**
 * `osmosis serve` and `osmosis migrate` on Neo4j, as processes: the server listens before Neo4j answers,
 * /ready follows the store, wrong credentials stop it with a clear message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { neo4jServer, neo4jSkipReason, type Neo4jTestServer } from '../support/neo4j.js';

const cli = ['--import', 'tsx', 'src/cli/main.ts'];
const skipped = neo4jSkipReason();

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [...cli, ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { err += String(d); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const status = (url: string) => fetch(url).then((r) => r.status, () => 0);

async function stop(r: Running): Promise<void> {
  if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
  await r.exited;
}

if (skipped) {
  describe.skip(`osmosis serve on Neo4j — SKIPPED: ${skipped}`, () => { it('serves from Neo4j', () => {}); });
} else {
  describe('osmosis serve and migrate on Neo4j', () => {
    let server: Neo4jTestServer;
    // The worker's server starts on first use, which can take a while: in a hook, not in a test's time.
    beforeAll(async () => { server = await neo4jServer(); });

    it('listens at once while Neo4j is unreachable: /health up, /ready 503, one log line per retry', async () => {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const r = run(['serve'], { PORT: String(port), OSMOSIS_STORE: 'neo4j', NEO4J_URI: 'bolt://127.0.0.1:1' });
      try {
        await until('/health', async () => (await status(`http://127.0.0.1:${port}/health`)) === 200);
        expect(await status(`http://127.0.0.1:${port}/ready`)).toBe(503);
        await until('a retry line', () => /unreachable \(ECONNREFUSED\); retrying in 1 s \(attempt 1\)/.test(r.stdout()));
        const line = r.stdout().split('\n').find((l) => l.includes('retrying in 1 s'))!;
        expect(JSON.parse(line)).toMatchObject({ level: 40, uri: 'bolt://127.0.0.1:1', reason: 'ECONNREFUSED', attempt: 1 });
        // A query meanwhile answers at once that the store is unavailable, coded, and nothing logs an error.
        const started = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }),
        });
        const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
        expect(body.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
        expect(body.errors?.[0].message).toContain('ECONNREFUSED');
        expect(performance.now() - started).toBeLessThan(2_000);
        const errors = r.stdout().split('\n').filter((l) => l.startsWith('{') && (JSON.parse(l) as { level: number }).level >= 50);
        expect(errors).toEqual([]);
      } finally {
        await stop(r);
      }
    });

    it('serves once connected: /ready 200 and queries answer from Neo4j', async () => {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const r = run(['serve'], {
        PORT: String(port), OSMOSIS_STORE: 'neo4j', NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password,
      });
      try {
        await until('Osmosis is ready', () => r.stderr().includes('Osmosis is ready'));
        expect(await status(`http://127.0.0.1:${port}/ready`)).toBe(200);
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }),
        });
        const body = (await res.json()) as { data?: { actors: { totalCount: number } } };
        expect(typeof body.data?.actors.totalCount).toBe('number');
      } finally {
        await stop(r);
      }
    }, 120_000);

    it('stops with a clear message on wrong credentials, without a retry storm', async () => {
      const r = run(['serve'], {
        PORT: '0', OSMOSIS_STORE: 'neo4j', NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: 'wrong',
      });
      const code = await Promise.race([r.exited, new Promise<'hung'>((res) => setTimeout(() => res('hung'), 30_000))]);
      if (code === 'hung') await stop(r);
      expect(code).toBe(1);
      expect(r.stderr()).toMatch(/cannot use the neo4j store: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ rejected the credentials of user 'neo4j' \(Neo\.ClientError\.Security\.Unauthorized\); check NEO4J_USER and NEO4J_PASSWORD/);
      expect(r.stdout()).not.toMatch(/retrying in/);
    });

    it('osmosis migrate migrates Neo4j, twice without harm', async () => {
      const env = { OSMOSIS_STORE: 'neo4j', NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password };
      for (let i = 0; i < 2; i++) {
        const r = run(['migrate'], env);
        expect(await r.exited).toBe(0);
        expect(r.stdout()).toContain('osmosis migrate: neo4j store is up to date');
      }
      const bad = run(['migrate'], { ...env, NEO4J_PASSWORD: 'wrong' });
      expect(await bad.exited).toBe(1);
      expect(bad.stderr().trim()).toMatch(/^osmosis migrate: Neo4j at .* rejected the credentials of user 'neo4j'/);
    });
  });
}
