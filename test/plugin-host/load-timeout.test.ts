/**
 * Loading is bounded by a deadline: a plugin whose module never finishes loading (a top-level
 * await that never settles, or waits on a long timer) is reported FAILED with PLUGIN_LOAD_TIMEOUT
 * and left out, the other plugins load, and strict mode stops start-up naming it. The deadline
 * keeps the process alive while waiting (no silent exit 13) and not after loading finished.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createOsmosis } from '../../src/main.js';
import { DEFAULT_LOAD_TIMEOUT_MS, loadPlugins, PluginStartupError } from '../../src/plugin-host/index.js';
import type { Store } from '../../src/store/port.js';
import { ok } from '../support/graphql-client.js';
import { embeddedFactory } from '../support/stores.js';
import { candidate, capturedLog, hostOf } from './support.js';
import { servedUrl } from '../support/served-url.js';

const reporter = fileURLToPath(new URL('../fixtures/plugins/reporter.ts', import.meta.url));
const loadModule = fileURLToPath(new URL('../../src/plugin-host/load.ts', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = ['--import', 'tsx', 'src/cli/main.ts'];

let dir: string;
let never: string;
let longTimer: string;
let fine: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'osm-load-timeout-'));
  never = join(dir, 'never-settles.mjs');
  writeFileSync(never, "await new Promise(() => {});\nexport default { name: 'never', version: '1.0.0', apiVersion: '^1.0.0' };\n");
  longTimer = join(dir, 'long-timer.mjs');
  writeFileSync(longTimer, "await new Promise((r) => setTimeout(r, 1e9));\nexport default { name: 'long-timer', version: '1.0.0', apiVersion: '^1.0.0' };\n");
  fine = join(dir, 'fine.mjs');
  writeFileSync(fine, "await new Promise((r) => setTimeout(r, 10));\nexport default { name: 'fine', version: '1.0.0', apiVersion: '^1.0.0' };\n");
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('a plugin module that never finishes loading', () => {
  let store: Store;
  beforeAll(async () => { store = await embeddedFactory.open(); });
  afterAll(async () => { await store.close(); });

  it('is PLUGIN_LOAD_TIMEOUT past the deadline; the others load', async () => {
    const started = performance.now();
    const loaded = await loadPlugins(['influence', never, reporter, longTimer, fine], { timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(loaded.map((c) => c.error?.code ?? 'ok')).toEqual(['ok', 'PLUGIN_LOAD_TIMEOUT', 'ok', 'PLUGIN_LOAD_TIMEOUT', 'ok']);
    expect(loaded[1].error?.message).toBe(
      `plugin "${never}": importing it did not finish within 300 ms (does its top-level code await something that never settles?)`,
    );
    expect(loaded[3].error?.message).toMatch(/^plugin ".*long-timer\.mjs": importing it did not finish within 300 ms/);
    expect(loaded[4].exported).toMatchObject({ name: 'fine' });

    // Query.plugins reports them FAILED; the server runs with the rest.
    const app = createOsmosis(loadConfig({}), store, capturedLog().log, { plugins: loaded });
    try {
      const data = await ok<any, any>(app.yoga, '{ plugins { name status errorCode error } }');
      expect(data.plugins.map((p: any) => [p.name, p.status, p.errorCode])).toEqual([
        ['influence', 'ACTIVE', null],
        [never, 'FAILED', 'PLUGIN_LOAD_TIMEOUT'],
        ['reporter', 'ACTIVE', null],
        [longTimer, 'FAILED', 'PLUGIN_LOAD_TIMEOUT'],
        ['fine', 'ACTIVE', null],
      ]);
      expect(data.plugins[1].error).toMatch(/importing it did not finish within 300 ms/);
    } finally {
      await app.plugins.close();
    }
  });

  it('stops start-up in strict mode, naming the plugin', async () => {
    const loaded = await loadPlugins([never, fine], { timeoutMs: 100 });
    const start = () => hostOf(store, loaded, { strict: true });
    expect(start).toThrow(PluginStartupError);
    expect(start).toThrow(`PLUGIN_LOAD_TIMEOUT: plugin "${never}": importing it did not finish within 100 ms`);
  });

  it('has a production deadline of 10 s', () => {
    expect(DEFAULT_LOAD_TIMEOUT_MS).toBe(10_000);
  });
});

describe('an async setup', () => {
  let store: Store;
  beforeAll(async () => { store = await embeddedFactory.open(); });
  afterAll(async () => { await store.close(); });

  // setup is synchronous: the host does not await it, so it cannot hold start-up; it is refused.
  it('is refused without holding start-up, and its rejection does not crash the process', async () => {
    const captured = capturedLog();
    const host = hostOf(store, [
      candidate('./hangs', { name: 'hangs', version: '1.0.0', apiVersion: '^1.0.0', async setup() { await new Promise(() => {}); } }),
      candidate('./rejects', { name: 'rejects', version: '1.0.0', apiVersion: '^1.0.0', async setup() { throw new Error('no license key'); } }),
      candidate('./fine', { name: 'fine', version: '1.0.0', apiVersion: '^1.0.0', setup() {} }),
    ], { log: captured.log });
    try {
      expect(host.statuses().map((s) => [s.name, s.status, s.errorCode])).toEqual([
        ['hangs', 'FAILED', 'PLUGIN_SETUP_FAILED'], ['rejects', 'FAILED', 'PLUGIN_SETUP_FAILED'], ['fine', 'ACTIVE', null],
      ]);
      expect(host.statuses()[1].error).toBe('plugin "rejects": setup threw: setup returned a promise: setup must be synchronous (start asynchronous work from it, do not return it)');
      // The rejection is caught and logged (unhandled, it would end the process).
      await new Promise((r) => setImmediate(r));
      expect(captured.lines).toContainEqual(expect.objectContaining({ plugin: 'rejects', level: 40, msg: 'the refused async setup rejected' }));
    } finally {
      await host.close();
    }
  });
});

describe('the deadline and the life of the process', () => {
  /** Runs a script that loads `entries` with the loader, in its own process. */
  const loadInProcess = (entries: string[], timeoutMs?: number) => {
    const script = join(dir, `load-${Math.random().toString(36).slice(2)}.mts`);
    writeFileSync(script, [
      `import { loadPlugins } from ${JSON.stringify(loadModule)};`,
      `const loaded = await loadPlugins(${JSON.stringify(entries)}${timeoutMs ? `, { timeoutMs: ${timeoutMs} }` : ''});`,
      "console.log(JSON.stringify(loaded.map((c) => c.error?.code ?? 'ok')));",
    ].join('\n'));
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
    return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr, ms: performance.now() - started };
  };

  it('a never-settling top-level await is reported, not a silent exit 13', () => {
    const r = loadInProcess([never, fine], 300);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('["PLUGIN_LOAD_TIMEOUT","ok"]');
    expect(r.status).toBe(0);
  });

  it('does not keep the process alive once loading finished', () => {
    // Default deadline (10 s): a timer left behind would hold the process that long.
    const r = loadInProcess([fine]);
    expect(r.stdout).toBe('["ok"]');
    expect(r.status).toBe(0);
    expect(r.ms).toBeLessThan(DEFAULT_LOAD_TIMEOUT_MS - 2_000);
  });
});

describe.concurrent('osmosis serve with a plugin that never finishes loading (10 s deadline)', () => {
  const serve = (env: Record<string, string>) => spawn(process.execPath, [...cli, 'serve'], {
    cwd: repo,
    env: { ...process.env, PORT: '0', OSMOSIS_DB: ':memory:', OSMOSIS_PLUGINS: `influence,${never}`, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });

  it('starts without it and reports it', async () => {
    const child = serve({ LOG_LEVEL: 'silent' });
    try {
      const url = await servedUrl(child);
      const res = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ plugins { name status errorCode } }' }),
      });
      expect(await res.json()).toEqual({
        data: { plugins: [{ name: 'influence', status: 'ACTIVE', errorCode: null }, { name: never, status: 'FAILED', errorCode: 'PLUGIN_LOAD_TIMEOUT' }] },
      });
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    }
  }, 30_000);

  it('in strict mode stops start-up naming it', async () => {
    const child = serve({ LOG_LEVEL: 'silent', OSMOSIS_PLUGINS_STRICT: 'true' });
    let err = '';
    child.stderr!.on('data', (d) => { err += String(d); });
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(err).toContain(`PLUGIN_LOAD_TIMEOUT: plugin "${never}": importing it did not finish within 10000 ms`);
  }, 30_000);
});
