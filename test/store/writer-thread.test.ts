/**
 * The embedded store on a file writes on its writer thread: the event loop keeps turning during a
 * 5,000-signal batch, writes apply in the order they were called, a write is readable here as soon
 * as it resolves, and close() lets the writes in flight commit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/store/embedded/index.js';
import { actor, at, signal } from './contract/fixtures.js';
import { turnsDuring } from '../support/event-loop.js';

describe('embedded writes on a writer thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'osmosis-writer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const batch = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => signal(`${prefix}-${i}`, { emitterKey: `a${i % 50}`, occurredAt: at(i) }));

  it('writes a 5,000-signal batch off the event loop, readable here once it resolves', async () => {
    const file = join(dir, 'loop.db');
    const threaded = EmbeddedStore.open({ file });
    const inline = EmbeddedStore.open({ file, writerThread: false });
    try {
      await threaded.upsertActors(Array.from({ length: 50 }, (_, i) => actor(`a${i}`)));
      await threaded.recordSignals(batch('warm-up', 10)); // the thread has started
      const off = await turnsDuring(() => threaded.recordSignals(batch('off', 5_000)));
      const on = await turnsDuring(() => inline.recordSignals(batch('on', 5_000)));
      expect(off.value.created).toBe(5_000);
      expect(on.value.created).toBe(5_000);
      // The inline write holds the event loop for the whole transaction; the threaded one lets it turn.
      expect(on.turns).toBeLessThanOrEqual(1);
      expect(off.turns).toBeGreaterThan(10);
      const ids = off.value.items.map((s) => s.id);
      expect((await threaded.signalsByIds(ids)).map((s) => s?.externalId)).toEqual(ids.map((_, i) => `off-${i}`));
      expect(await threaded.countSignals({})).toBe(10_010);
    } finally {
      await inline.close();
      await threaded.close();
    }
  });

  it('applies writes in call order and answers each with its own result or error', async () => {
    const store = EmbeddedStore.open({ file: join(dir, 'order.db') });
    try {
      await store.upsertActors([actor('a0')]);
      const head = await store.outboxHead();
      const calls = Array.from({ length: 20 }, (_, k) => store.recordSignals([signal(`s${k}`, { emitterKey: 'a0' })]));
      const failing = store.recordSignals([signal('bad', { emitterKey: 'nobody' })]);
      const results = await Promise.all(calls);
      await expect(failing).rejects.toMatchObject({ code: 'NOT_FOUND', issues: [{ path: ['input', 0, 'emitterKey'] }] });
      const events = await store.readOutbox(head, 100);
      expect(events.map((e) => e.entityId)).toEqual(results.map((r) => r.items[0].id));
      expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((x, y) => x - y));
    } finally {
      await store.close();
    }
  });

  it('lets writes in flight commit when closed', async () => {
    const file = join(dir, 'close.db');
    const store = EmbeddedStore.open({ file });
    await store.upsertActors([actor('a0')]);
    const pending = store.recordSignals(batch('late', 1).map((s) => ({ ...s, emitterKey: 'a0' })));
    await store.close();
    await expect(pending).resolves.toMatchObject({ created: 1 });
    await expect(store.recordSignals([])).rejects.toThrow('the embedded store is closed');
    const again = EmbeddedStore.open({ file });
    try {
      expect(await again.countSignals({})).toBe(1);
    } finally {
      await again.close();
    }
  });
});
