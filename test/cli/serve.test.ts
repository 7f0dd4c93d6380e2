import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedUrl } from '../support/served-url.js';

const cli = ['--import', 'tsx', 'src/cli/main.ts'];

describe('osmosis serve', () => {
  it('stops at start-up with a message naming a bad setting', () => {
    const r = spawnSync(process.execPath, [...cli, 'serve'], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT="eighty"');
  });

  it('names the setting when the data file or the host cannot be used, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-bad-'));
    const notADatabase = join(dir, 'notes.txt');
    writeFileSync(notADatabase, 'not a database, and it must stay as it is\n');
    const cases: [Record<string, string>, string][] = [
      [{ OSMOSIS_DB: dir, PORT: '0' }, `OSMOSIS_DB="${dir}": cannot open it`],
      [{ OSMOSIS_DB: notADatabase, PORT: '0' }, 'file is not a database'],
      [{ OSMOSIS_DB: join(dir, 'o.db'), HOST: 'nohost.invalid', PORT: '0' }, 'HOST="nohost.invalid": no such host name'],
      // A directory that cannot be made and says ENOENT (procfs): Node's recursive mkdir looped forever.
      [{ OSMOSIS_DB: '/proc/osmosis-nope/x.db', PORT: '0' }, 'OSMOSIS_DB="/proc/osmosis-nope/x.db": cannot open it'],
    ];
    for (const [env, message] of cases) {
      const r = spawnSync(process.execPath, [...cli, 'serve'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
      expect(r.status, message).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(readFileSync(notADatabase, 'utf8')).toBe('not a database, and it must stay as it is\n');
  });

  it('runs as the `osmosis` command of package.json (bin), from any directory', () => {
    const r = spawnSync(join(process.cwd(), 'bin/osmosis.js'), ['print-schema'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('type Query {');
    const none = spawnSync(join(process.cwd(), 'bin/osmosis.js'), [], { encoding: 'utf8' });
    expect(none.status).toBe(2); // no command: the usage, as an error
    expect(none.stderr).toContain('usage: osmosis <command>');
  });

  it('prints each command\'s options with --help, without running it', () => {
    for (const [command, option] of [['seed', '--force'], ['export', '--out FILE'], ['import', '--in FILE'], ['serve', '--seed-if-empty']]) {
      const r = spawnSync(process.execPath, [...cli, command, '--help'], { encoding: 'utf8', env: { ...process.env, OSMOSIS_DB: '/nonexistent/dir/never-created.db' } });
      expect(r.status, command).toBe(0);
      expect(r.stdout).toContain(`usage: osmosis ${command}`);
      expect(r.stdout).toContain(option);
    }
  });

  it('answers a malformed command line with a usage error, not a stack trace', () => {
    const cases: [string[], string][] = [
      [['import', 'export.ndjson'], "Unexpected argument 'export.ndjson'"],
      [['seed', '--actors', '-5'], "Option '--actors' argument is ambiguous"],
      [['export', '--page-size'], "Option '--page-size <value>' argument missing"],
      [['seed', '--colour'], "Unknown option '--colour'"],
      [['seed', '--large', '--actors', '0'], '--actors must be a whole number from 200 to 1000000, got "0"'],
      [['seed', '--large', '--actors', '99999999999'], '--actors must be a whole number from 200 to 1000000'],
      [['seed', '--signals', '0x10'], '--signals must be a whole number'],
      [['seed', '--signals', '1e3'], '--signals must be a whole number'],
      [['seed', '--actors', '5'], '--actors applies to --large only'],
      [['migrate', 'extra'], "Unexpected argument 'extra'"],
      [['migrate', '--foo'], "Unknown option '--foo'"],
      [['export', '--out', '/nonexistent/dir/x.ndjson'], '--out /nonexistent/dir/x.ndjson: there is no directory /nonexistent/dir'],
    ];
    for (const [args, message] of cases) {
      const r = spawnSync(process.execPath, [...cli, ...args], { encoding: 'utf8', env: { ...process.env, OSMOSIS_DB: '/nonexistent/dir/never-created.db' } });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain(`osmosis ${args[0]} --help`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('rejects unknown commands with the usage', () => {
    const r = spawnSync(process.execPath, [...cli, 'frobnicate'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toContain('serve');
  });

  it('serves /graphql, /health and /ready, and logs JSON lines with a request id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-serve-'));
    const child = spawn(process.execPath, [...cli, 'serve'], {
      env: { ...process.env, PORT: '0', OSMOSIS_DB: join(dir, 'o.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (d) => { out += String(d); });
      const url = await servedUrl(child);
      const base = url.replace(/\/graphql$/, '');
      // Health answers whatever query string or trailing slash follows, and only on its own path.
      for (const path of ['/health', '/health?x=1', '/health/', '/health/?cb=2']) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
      for (const path of ['/healthz', '/graphql/health', '/nope?x=/health']) expect((await fetch(`${base}${path}`)).status, path).toBe(404);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'rid-7' },
        body: JSON.stringify({ query: '{ actors { totalCount } }' }),
      });
      expect(await res.json()).toEqual({ data: { actors: { totalCount: 0 } } });
      expect(res.headers.get('x-request-id')).toBe('rid-7'); // echoed, to be quoted in a report
      // Without one (or with one that is not a plain token), a new id is made, logged and sent back.
      const fresh = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad id\t{}' }, body: '{"query":"{ __typename }"}' });
      const made = fresh.headers.get('x-request-id');
      expect(made).toMatch(/^[0-9a-f-]{36}$/);
      const graphiql = await fetch(url, { headers: { accept: 'text/html' } });
      const page = await graphiql.text();
      expect(page).toContain('GraphiQL');
      // Served whole, with no script or style from elsewhere (a machine may have no internet access).
      expect(page).toContain('renderYogaGraphiQL');
      expect(page).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
      expect(page).not.toContain('unpkg.com');
      await new Promise((r) => setTimeout(r, 100));
      const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.some((l) => l.requestId === 'rid-7' && l.msg === 'graphql')).toBe(true);
      expect(lines.some((l) => l.requestId === made && l.msg === 'graphql')).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
