import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore, MIGRATIONS, appliedMigrations, migrate, openEmbeddedStore } from '../../src/store/embedded/index.js';
import { describeStoreContract } from './contract.js';
import { actor, signal } from './contract/fixtures.js';
import { exerciseEveryQuery } from './fixtures/exercise.js';

describeStoreContract('embedded (SQLite, in memory)', () => openEmbeddedStore({ file: ':memory:' }));

// On a file, writes go through the writer thread, the API's reads through the read thread and
// projections/facts through the snapshot reader: the same contract, on one store for the whole suite (a thread takes a moment to start), wiped
// between tests by reset(); the suite's close() is kept for afterAll.
const threadedDir = mkdtempSync(join(tmpdir(), 'osmosis-threaded-'));
let threaded: EmbeddedStore | null = null;
describeStoreContract('embedded (SQLite file, writer, read and snapshot threads)', async () => {
  threaded ??= await openEmbeddedStore({ file: join(threadedDir, 'contract.db') });
  return new Proxy(threaded, {
    get: (target, prop, receiver) => (prop === 'close' ? async () => undefined : Reflect.get(target, prop, receiver)),
  });
});
afterAll(async () => {
  await threaded?.close();
  rmSync(threadedDir, { recursive: true, force: true });
});

describe('embedded store specifics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'osmosis-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the parent directory and configures WAL, foreign keys and NORMAL sync', async () => {
    const file = join(dir, 'nested', 'deeper', 'osmosis.db');
    const store = await openEmbeddedStore({ file });
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('records migrations in the database and applies each once across re-opens', async () => {
    const file = join(dir, 'migrations.db');
    const first = await openEmbeddedStore({ file });
    const applied = appliedMigrations(first.db);
    expect(applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await first.upsertActors([actor('kept')]);
    await first.migrate();
    await first.close();

    const again = await openEmbeddedStore({ file });
    await again.migrate();
    expect(appliedMigrations(again.db)).toEqual(applied);
    expect((await again.actorsByKeys(['kept']))[0]?.key).toBe('kept');
    await again.close();
  });

  it('keeps the events of an outbox written one row per event, and goes on from its last seq', async () => {
    const file = join(dir, 'outbox-v7.db');
    const old = new Database(file);
    migrate(old, MIGRATIONS.filter((m) => m.version <= 7));
    const insert = old.prepare('INSERT INTO outbox (type, entity_id, detail, at) VALUES (?, ?, ?, ?)');
    insert.run('ACTOR_CHANGED', 'a-1', null, '2026-01-01T00:00:00.000Z');
    insert.run('SIGNAL_RESPONDED', 's-1', 'ANSWERED', '2026-01-02T00:00:00.000Z');
    old.close();
    const store = await openEmbeddedStore({ file });
    try {
      expect(await store.readOutbox(0, 10)).toEqual([
        { seq: 1, type: 'ACTOR_CHANGED', entityId: 'a-1', detail: null, at: '2026-01-01T00:00:00.000Z' },
        { seq: 2, type: 'SIGNAL_RESPONDED', entityId: 's-1', detail: 'ANSWERED', at: '2026-01-02T00:00:00.000Z' },
      ]);
      const { actors } = await store.upsertActors([actor('x'), actor('y')]);
      expect(await store.outboxHead()).toBe(4);
      expect((await store.readOutbox(1, 2)).map((e) => [e.seq, e.entityId])).toEqual([[2, 's-1'], [3, actors[0].id]]);
      expect((await store.readOutbox(3, 10)).map((e) => [e.seq, e.entityId])).toEqual([[4, actors[1].id]]);
    } finally {
      await store.close();
    }
  });

  it('upgrades a database created at version 1, keeping its data', async () => {
    const file = join(dir, 'upgrade.db');
    // What a build at version 1 left behind (written with plain SQL: today's code also writes the outbox).
    const old = new Database(file);
    migrate(old, MIGRATIONS.filter((m) => m.version === 1));
    const now = new Date().toISOString();
    const addActor = old.prepare("INSERT INTO actors (id, key, kind, name, created_at, updated_at) VALUES (?, ?, 'CUSTOMER', ?, ?, ?)");
    addActor.run('00000000-0000-4000-8000-00000000000a', 'a', 'A', now, now);
    addActor.run('00000000-0000-4000-8000-00000000000b', 'b', 'B', now, now);
    old.prepare("INSERT INTO ties (id, from_rid, to_rid, type, weight) VALUES ('00000000-0000-4000-8000-0000000000ab', 1, 2, 'KNOWS', 1)").run();
    old.close();

    const store = await openEmbeddedStore({ file });
    try {
      expect(appliedMigrations(store.db).map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const indexes = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ties'").all() as { name: string }[])
        .map((r) => r.name);
      // Version 2 replaced the (end, id) indexes by a plain to_rid one; version 7 brought them back.
      expect(indexes).toEqual(expect.arrayContaining(['ties_from_id', 'ties_to_id']));
      expect(indexes).not.toContain('ties_to');
      const [a] = await store.actorsByKeys(['a']);
      expect(a).toMatchObject({ name: 'A', attributes: {} });
      expect((await store.tiesOfActors([a!.id], { direction: 'BOTH', first: 5 }))[0].items.map((t) => t.id))
        .toEqual(['00000000-0000-4000-8000-0000000000ab']);
      expect((await store.listActors({ search: 'a' }, { first: 5 })).items).toHaveLength(1);
      await store.recordSignals([signal('after-upgrade', { emitterKey: 'a' })]);
      expect((await store.readOutbox(0, 10)).map((e) => e.type)).toEqual(['SIGNAL_RECORDED']);
    } finally {
      await store.close();
    }
  });

  it('refuses a database migrated by a newer build', async () => {
    const file = join(dir, 'newer.db');
    await (await openEmbeddedStore({ file })).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(999, 'future', new Date().toISOString());
    raw.close();
    await expect(openEmbeddedStore({ file })).rejects.toThrow(/newer/);
  });

  it('indexes every lookup path', async () => {
    const store = await openEmbeddedStore({ file: ':memory:' });
    const plan = (sql: string) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
      .map((r) => r.detail).join(' | ');
    const scans = (sql: string) => plan(sql).split(' | ').filter((d) => /^SCAN (\w+)$/.test(d) && !/json_each/.test(d));
    for (const sql of [
      "SELECT * FROM actors WHERE key = 'k'",
      "SELECT * FROM actors WHERE id = 'i'",
      "SELECT * FROM signals WHERE channel = 'c' AND external_id = 'e'",
      "SELECT * FROM exchanges WHERE external_id = 'x'",
      'SELECT * FROM ties WHERE from_rid = 1 AND to_rid = 2 AND type = \'KNOWS\'',
      'SELECT * FROM ties WHERE to_rid = 1',
      'SELECT * FROM signals WHERE emitter_rid = 1 ORDER BY occurred_at DESC, id DESC LIMIT 5',
      'SELECT * FROM signals ORDER BY occurred_at DESC, id DESC LIMIT 5',
      'SELECT * FROM exchanges WHERE to_rid = 1 ORDER BY occurred_at DESC, id DESC LIMIT 5',
      'SELECT * FROM exchanges ORDER BY occurred_at DESC, id DESC LIMIT 5',
      'SELECT * FROM insights ORDER BY created_at DESC, id DESC LIMIT 5',
      'SELECT * FROM responses WHERE signal_rid = 1',
      'SELECT * FROM signal_about WHERE actor_rid = 1',
      'SELECT * FROM changes WHERE process_rid = 1',
      "SELECT rowid FROM actor_search WHERE actor_search MATCH '\"abc\"'",
      "SELECT * FROM signals WHERE channel = 'c' ORDER BY occurred_at DESC, id DESC LIMIT 5",
    ]) {
      expect(scans(sql), `${sql}: ${plan(sql)}`).toEqual([]);
      expect(plan(sql), sql).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    }
    // A page of signals of some channels reads each channel's newest signals in order from its own
    // range (SQLite stops each at the LIMIT), never every signal of the channel.
    await store.listSignals({ channels: ['c', 'd'], kinds: ['QUESTION'] }, { first: 5 });
    const byChannel = store.preparedSql().filter((sql) => sql.includes('s.channel IN') && sql.includes('LIMIT'));
    expect(byChannel).toHaveLength(1);
    expect(store.db.prepare(`EXPLAIN QUERY PLAN ${byChannel[0]}`).all({ channels: '["c","d"]', kinds: '["QUESTION"]', limit: 6 })
      .map((r) => (r as { detail: string }).detail).join(' | ')).toMatch(/SEARCH s USING INDEX signals_channel_time \(channel=\?\)/);
    // (the joins come after the page is picked: with them in the same SELECT, SQLite sorted every signal)
    expect(byChannel[0]).toMatch(/\) pick\s+CROSS JOIN signals s/);
    // A page of an actor's ties reads each end in id order from its index alone, up to the page size:
    // a hub's 90,000 ties are not all read (the table is read for the page's ties only).
    await store.tiesOfActors(['some-id'], { direction: 'BOTH', first: 10 });
    const tiePage = store.preparedSql().filter((sql) => sql.includes('UNION ALL') && sql.includes('ties_to_id'));
    expect(tiePage).toHaveLength(1);
    const tiePlan = (store.db.prepare(`EXPLAIN QUERY PLAN ${tiePage[0]}`).all({ pid: 'x', prid: 1, limit: 11 }) as { detail: string }[])
      .map((r) => r.detail).join(' | ');
    expect(tiePlan).toMatch(/SEARCH t USING COVERING INDEX ties_from_id \(from_rid=\?\)/);
    expect(tiePlan).toMatch(/SEARCH t USING COVERING INDEX ties_to_id \(to_rid=\?\)/);
    // The latest signals of emitters read only those at or after each one's floor (a range on the
    // emitter index), not a busy emitter's whole history.
    await store.signalsOfActors(['some-id'], { first: 3 });
    const emitted = store.preparedSql().filter((sql) => sql.includes('AS floor'));
    expect(emitted).toHaveLength(1);
    expect((store.db.prepare(`EXPLAIN QUERY PLAN ${emitted[0]}`).all({ ids: '[]', limit: 4 }) as { detail: string }[])
      .map((r) => r.detail).join(' | ')).toMatch(/SEARCH s USING INDEX signals_emitter_at \(emitter_rid=\? AND occurred_at>\?\)/);
    await store.close();
  });

  it('plans every statement it prepares on indexes (no full table scans outside counts and projections)', async () => {
    const store = await openEmbeddedStore({ file: ':memory:' });
    await exerciseEveryQuery(store);
    const statements = store.preparedSql();
    expect(statements.length).toBeGreaterThan(80);
    // Common table expressions and subqueries of the statements themselves, not tables.
    const derived = new Set(['p', 'rk', 'links', 'n', 'j', 'pick', 'l']);
    const offenders: string[] = [];
    for (const sql of statements) {
      if (sql.startsWith('/* raw */') || /^SELECT count\(\*\)/.test(sql)) continue;
      const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]))];
      const explain = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const rows = (names.length
        ? explain.all(Object.fromEntries(names.map((n) => [n, null])))
        : explain.all(...Array((sql.match(/\?/g) ?? []).length).fill(null))) as { detail: string }[];
      const scans = rows.map((r) => /^SCAN (\w+)$/.exec(r.detail)?.[1]).filter((t): t is string => !!t && !derived.has(t));
      if (scans.length) offenders.push(`${scans.join(',')}: ${sql.replace(/\s+/g, ' ')}`);
    }
    expect(offenders).toEqual([]);
    // Substring search of three or more characters goes through the trigram index.
    const search = statements.find((sql) => sql.includes('actor_search MATCH') && sql.includes('ORDER BY a.key'));
    expect(search, 'a listActors statement using the trigram index').toBeDefined();
    expect(store.db.prepare(`EXPLAIN QUERY PLAN ${search}`).all({ match: '"abc"', limit: 1 }).map((r) => (r as { detail: string }).detail).join(' | '))
      .toMatch(/actor_search VIRTUAL TABLE/);
    await store.close();
  });

  it('keeps committed data when the writing process is killed with SIGKILL', async () => {
    const file = join(dir, 'durable.db');
    const script = fileURLToPath(new URL('./fixtures/durable-writer.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, file, '500'], {
      stdio: ['ignore', 'pipe', 'pipe'], cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const written = await new Promise<boolean>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('written')) resolve(true);
      });
      child.on('exit', () => resolve(false));
    });
    expect(written, stderr).toBe(true);
    const exited = new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const store = await openEmbeddedStore({ file });
    try {
      expect(await store.countSignals({ channels: ['durability'] })).toBe(500);
      const page = await store.listSignals({ emitterKey: 'writer' }, { first: 1 });
      expect(page.items[0]).toMatchObject({ externalId: 'd-499', text: 'durable 499' });
      expect(await store.graphVersion()).toBeGreaterThanOrEqual(2);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('is an EmbeddedStore that survives close twice and answers ping', async () => {
    const store = await openEmbeddedStore({ file: ':memory:' });
    expect(store).toBeInstanceOf(EmbeddedStore);
    expect(store.kind).toBe('embedded');
    await store.recordSignals([signal('x')]);
    await store.close();
    await store.close();
    expect(await store.ping()).toBe(false);
  });
});
