/** `osmosis export` and `osmosis import` as a user runs them: child processes on embedded store files. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { generateEcosystem, loadEcosystem } from '../../seeds/index.js';

const dir = mkdtempSync(join(tmpdir(), 'osm-transfer-'));

function osmosis(db: string, args: string[], input?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, OSMOSIS_STORE: 'embedded', OSMOSIS_DB: db, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 2 ** 20,
  });
}

const records = (ndjson: string): string[] => ndjson.trimEnd().split('\n').slice(1).sort();

describe('osmosis export / import', () => {
  const source = join(dir, 'source.db');
  const file = join(dir, 'graph.ndjson');

  beforeAll(async () => {
    const store = await openEmbeddedStore({ file: source });
    await loadEcosystem(store, generateEcosystem({ signals: 300, exchanges: 100 }));
    await store.eraseActor('crm:c-0003');
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports to a file, imports it from a file and from stdin, idempotently', () => {
    const exported = osmosis(source, ['export', '--out', file]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toBe(''); // progress and summary go to stderr
    expect(exported.stderr).toMatch(/osmosis export: wrote \d+ actors, .* 300 signals, .* to .*graph\.ndjson/);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text.slice(0, text.indexOf('\n')))).toMatchObject({ type: 'osmosis-export', formatVersion: 1, store: 'embedded' });

    const target = join(dir, 'target.db');
    const imported = osmosis(target, ['import', '--in', file]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/osmosis import: \d+ records .* \d+ new, 0 already there/);
    const again = osmosis(target, ['import'], text); // stdin
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/osmosis import: \d+ records .* 0 new, \d+ already there/);

    const roundTrip = osmosis(target, ['export']); // stdout
    expect(roundTrip.status, roundTrip.stderr).toBe(0);
    expect(records(roundTrip.stdout)).toEqual(records(text));
  });

  it('says plainly when the output fills up or --out names nothing, without a stack trace', () => {
    const full = osmosis(source, ['export', '--out', '/dev/full']);
    expect(full.status).toBe(1);
    expect(full.stderr).toContain('osmosis export: no space left on the output device');
    expect(full.stderr).not.toMatch(/\n\s+at /);
    const empty = osmosis(source, ['export', '--out', '']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('--out needs a file path');
  });

  it('writes into a FIFO as it is, and through a symbolic link to its file, replacing neither', async () => {
    const fifo = join(dir, 'out.fifo');
    spawnSync('mkfifo', [fifo]);
    // A reader on the FIFO, started before the export opens it for writing.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (d) => { read += String(d); });
    const readerDone = new Promise((resolve) => reader.once('close', resolve));
    const exported = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', '--out', fifo], {
        env: { ...process.env, OSMOSIS_STORE: 'embedded', OSMOSIS_DB: source, LOG_LEVEL: 'warn' },
      });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += String(d); });
      child.once('close', (status) => resolve({ status, stderr }));
    });
    await readerDone;
    expect(exported.status, exported.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(read.slice(0, read.indexOf('\n')))).toMatchObject({ type: 'osmosis-export' });
    expect(records(read)).toEqual(records(readFileSync(file, 'utf8')));

    const real = join(dir, 'real.ndjson');
    const link = join(dir, 'link.ndjson');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    const viaLink = osmosis(source, ['export', '--out', link]);
    expect(viaLink.status, viaLink.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(records(readFileSync(real, 'utf8'))).toEqual(records(readFileSync(file, 'utf8')));
    expect(osmosis(source, ['export', '--out', dir]).stderr).toContain('is a directory');
  });

  it('stops at a bad line with its number and field, and exits 1', () => {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const signal = lines.findIndex((l) => l.startsWith('{"type":"signal"'));
    const bad = [...lines.slice(0, signal), lines[signal].replace(/"occurredAt":"[^"]+"/, '"occurredAt":"last tuesday"')];
    writeFileSync(join(dir, 'bad.ndjson'), `${bad.join('\n')}\n`);
    const r = osmosis(join(dir, 'bad.db'), ['import', '--in', join(dir, 'bad.ndjson'), '--batch', '100']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`osmosis import: line ${signal + 1}: field "occurredAt": must be an ISO-8601 date-time (signal)`);
    expect(r.stderr).toMatch(/Lines before \d+ are imported, none after/);

    const dangling = `${lines[0]}\n{"type":"tie","id":"t-1","fromKey":"crm:nobody","toKey":"crm:c-0001","tieType":"KNOWS","weight":1,"since":null}\n`;
    const d = osmosis(join(dir, 'dangling.db'), ['import'], dangling);
    expect(d.status).toBe(1);
    expect(d.stderr).toContain(`line 2: field "fromKey": actor 'crm:nobody' not found (tie)`);
    expect(d.stderr).toContain('Nothing was imported.');

    const notAnExport = osmosis(join(dir, 'other.db'), ['import'], '{"hello":"world"}\n');
    expect(notAnExport.status).toBe(1);
    expect(notAnExport.stderr).toContain('line 1: field "type": the first line must be the header');

    const usage = osmosis(join(dir, 'other.db'), ['import', '--in', join(dir, 'missing.ndjson')]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('no such file');
  });

  it('stops at a line longer than 16 MiB with its number, reading no further, and exits 1', async () => {
    const header = readFileSync(file, 'utf8').split('\n')[0];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import'], {
      env: { ...process.env, OSMOSIS_STORE: 'embedded', OSMOSIS_DB: join(dir, 'long.db'), LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += String(d); });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.on('error', () => {}); // EPIPE once the import has stopped reading
    // The line streams from one reused chunk, up to 64 MiB unless the import stops reading first.
    const chunk = Buffer.alloc(2 ** 20, 0x61);
    let written = 0;
    child.stdin.write(`${header}\n`);
    while (written < 64 * 2 ** 20 && !child.stdin.destroyed && child.exitCode === null) {
      written += chunk.length;
      if (!child.stdin.write(chunk)) {
        await new Promise((resolve) => { child.stdin.once('drain', resolve); child.stdin.once('close', resolve); });
      }
    }
    child.stdin.end();
    expect(await exited, stderr).toBe(1);
    expect(stderr).toContain('osmosis import: line 2: longer than 16 MiB (16,777,216 bytes), the longest line an import reads');
    expect(stderr).toContain('Nothing was imported.');
    expect(stderr).not.toContain('RangeError');
    expect(written).toBeLessThan(64 * 2 ** 20);
  });

  it('fails with exit code 1 on an export cut short, from a file or stdin, and completes when run again with the whole', () => {
    const text = readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    const cut = lines.findIndex((l) => l.startsWith('{"type":"signal"')) + 100; // lines kept: all before the signals, 100 signals
    writeFileSync(join(dir, 'cut.ndjson'), `${lines.slice(0, cut).join('\n')}\n`);
    const target = join(dir, 'cut.db');
    const r = osmosis(target, ['import', '--in', join(dir, 'cut.ndjson')]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`osmosis import: the input ended early, after line ${cut}: the header declares 300 signals, 100 were read; `);
    expect(r.stderr).toMatch(/; 100 exchanges, 0 were read; /);
    expect(r.stderr).toContain(`The ${(cut - 1).toLocaleString('en-US')} records read are imported; importing is idempotent, so importing the whole export again completes it.`);
    expect(r.stderr).not.toContain('fix the file');
    expect(r.stderr).not.toMatch(/\d+ new, \d+ already there/);

    const midLine = text.indexOf('\n', text.length / 2) - 5;
    const piped = osmosis(join(dir, 'cut-stdin.db'), ['import'], text.slice(0, midLine));
    expect(piped.status, piped.stderr).toBe(1);
    expect(piped.stderr).toMatch(/osmosis import: the input ended early, in the middle of line \d+: the header declares /);

    const whole = osmosis(target, ['import', '--in', file]);
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stderr).toMatch(new RegExp(`osmosis import: ${lines.length - 1} records .* \\d+ new, ${cut - 1} already there`));
  });
});
