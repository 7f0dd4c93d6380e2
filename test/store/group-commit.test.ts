/**
 * Group commit on the embedded writer: queued writes commit in one transaction, each all or nothing
 * on its own; when SQLite loses the transaction, the whole group answers the error and nothing of it
 * is stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection, type Conn } from '../../src/store/embedded/connection.js';
import { commitGroup } from '../../src/store/embedded/group-commit.js';
import { migrate } from '../../src/store/embedded/migrate.js';
import { runWrite } from '../../src/store/embedded/writes.js';
import { EmbeddedStore } from '../../src/store/embedded/index.js';
import { outcomeOf, type Outcome } from '../../src/threads/serve-requests.js';
import type { SignalInput } from '../../src/domain/inputs.js';
import { actor, signal } from './contract/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'osmosis-group-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freshConn(name: string): Conn {
  const conn = openConnection(join(dir, name));
  migrate(conn.db);
  runWrite(conn, 'upsertActors', [[actor('a0')]]);
  return conn;
}

const stored = (conn: Conn): string[] =>
  (conn.db.prepare('SELECT external_id FROM signals ORDER BY external_id').pluck().all() as string[]);

describe('commitGroup', () => {
  it('commits the group in one transaction; a failing write rolls back alone', () => {
    const conn = freshConn('one-transaction.db');
    const observer = openConnection(conn.db.name);
    const seenByOthers: string[][] = [];
    const record = (inputs: SignalInput[]): Outcome => outcomeOf(() => {
      seenByOthers.push(stored(observer)); // another connection sees nothing of the group before its commit
      return { value: runWrite(conn, 'recordSignals', [inputs]) };
    });
    const outcomes = commitGroup(conn, [
      [signal('first', { emitterKey: 'a0' })],
      [signal('good-in-bad-batch', { emitterKey: 'a0' }), signal('bad', { emitterKey: 'nobody' })],
      [signal('third', { emitterKey: 'a0' })],
    ], record);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', issues: [{ path: ['input', 1, 'emitterKey'] }] } });
    expect(seenByOthers).toEqual([[], [], []]);
    expect(stored(observer)).toEqual(['first', 'third']);
    observer.db.close();
    conn.db.close();
  });

  it('stores nothing of the group and runs none of the rest when the transaction is lost', () => {
    const conn = freshConn('lost.db');
    let ran = 0;
    const outcomes = commitGroup(conn, ['first', 'lose', 'never'], (id) => outcomeOf(() => {
      ran++;
      runWrite(conn, 'recordSignals', [[signal(id, { emitterKey: 'a0' })]]);
      if (id === 'lose') conn.db.exec('ROLLBACK'); // what SQLite does itself on a full disk or an I/O error
      return { value: id };
    }));
    expect(ran).toBe(2);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, false]);
    expect(stored(conn)).toEqual([]);
    expect(conn.db.inTransaction).toBe(false);
    conn.db.close();
  });

  it('on the writer thread, writes queued together answer each its own result', async () => {
    const store = EmbeddedStore.open({ file: join(dir, 'thread.db') });
    try {
      await store.upsertActors([actor('a0')]);
      // Sent in one go, they queue behind the first 2,000-signal batch and are committed as groups.
      const big = Array.from({ length: 2_000 }, (_, i) => signal(`big-${i}`, { emitterKey: 'a0' }));
      const calls = [
        store.recordSignals(big),
        ...Array.from({ length: 6 }, (_, k) => store.recordSignals([signal(`q${k}`, { emitterKey: 'a0' })])),
        store.recordSignals([signal('q-good', { emitterKey: 'a0' }), signal('q-bad', { emitterKey: 'nobody' })]),
        ...Array.from({ length: 6 }, (_, k) => store.recordSignals([signal(`r${k}`, { emitterKey: 'a0' }), signal(`q${k}`, { emitterKey: 'a0' })])),
      ];
      const settled = await Promise.allSettled(calls);
      expect(settled.map((s) => s.status)).toEqual([...Array(7).fill('fulfilled'), 'rejected', ...Array(6).fill('fulfilled')]);
      // Each later batch sees the earlier queued one as already stored: writes apply in call order.
      for (const s of settled.slice(8)) expect(s).toMatchObject({ value: { created: 1, existing: 1 } });
      expect(await store.countSignals({})).toBe(2_000 + 6 + 6);
      const all = await store.listSignals({}, { first: 100 });
      expect(all.items.map((s) => s.externalId)).not.toContain('q-good');
    } finally {
      await store.close();
    }
  });
});
