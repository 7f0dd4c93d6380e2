/**
 * The embedded store on a file runs the API's reads on a read thread: a heavy read lets the event
 * loop turn, every read sees the writes already acknowledged, a pool answers concurrent reads each
 * with its own result, and errors keep their code and field as on the calling thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { EmbeddedStore } from '../../src/store/embedded/index.js';
import { actor, at, signal } from './contract/fixtures.js';
import { turnsDuring } from '../support/event-loop.js';

describe('embedded reads on a read thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'osmosis-reads-'));
  const file = join(dir, 'reads.db');
  let threaded: EmbeddedStore;
  let inline: EmbeddedStore;

  beforeAll(async () => {
    threaded = EmbeddedStore.open({ file, readThreads: 2 });
    inline = EmbeddedStore.open({ file, readThread: false });
    const actors = Array.from({ length: 30_000 }, (_, i) => actor(`a${i}`, { name: `Member ${i} of the ecosystem` }));
    for (let i = 0; i < actors.length; i += 5_000) await threaded.upsertActors(actors.slice(i, i + 5_000));
  });
  afterAll(async () => {
    await threaded.close();
    await inline.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a heavy read off the event loop, with the same result as on the calling thread', async () => {
    // Two characters: a substring scan calling a JS function per actor, tens of milliseconds.
    const filter = { search: 'me' };
    await threaded.countActors(filter); // the thread has started
    const off = await turnsDuring(() => threaded.countActors(filter));
    const on = await turnsDuring(() => inline.countActors(filter));
    expect(off.value).toBe(30_000);
    expect(on.value).toBe(30_000);
    expect(on.turns).toBeLessThanOrEqual(1);
    expect(off.turns).toBeGreaterThan(10);
  });

  it('sees every write as soon as the write resolves', async () => {
    await threaded.upsertActors([actor('emitter')]);
    for (let i = 0; i < 40; i++) {
      await threaded.upsertActors([actor('changing', { name: `version ${i}` })]);
      expect((await threaded.actorsByKeys(['changing']))[0]?.name).toBe(`version ${i}`);
      await threaded.recordSignals([signal(`s${i}`, { emitterKey: 'emitter', occurredAt: at(i) })]);
      const [page] = await threaded.signalsOfActors([(await threaded.actorsByKeys(['emitter']))[0]!.id], { first: 1 });
      expect(page.items[0].externalId).toBe(`s${i}`);
    }
  });

  it('answers concurrent reads on a pool of threads, each with its own result', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `a${(i * 7919) % 30_000}`);
    const answers = await Promise.all(keys.map((k) => threaded.actorsByKeys([k, 'nobody'])));
    expect(answers.map(([a, none]) => [a?.key, none])).toEqual(keys.map((k) => [k, null]));
    const pages = await Promise.all([0, 1, 2, 3].map((i) => threaded.listActors({ search: `Member ${i}9` }, { first: 3 })));
    const expected = await Promise.all([0, 1, 2, 3].map((i) => inline.listActors({ search: `Member ${i}9` }, { first: 3 })));
    expect(pages.map((p) => p.items.map((a) => a.key))).toEqual(expected.map((p) => p.items.map((a) => a.key)));
    // Cursors are computed on the thread and still lead to the same next page.
    const next = await threaded.listActors({ search: 'Member 19' }, { first: 3, after: pages[1].cursors[2] });
    const nextInline = await inline.listActors({ search: 'Member 19' }, { first: 3, after: expected[1].cursors[2] });
    expect(next.items.map((a) => a.key)).toEqual(nextInline.items.map((a) => a.key));
  });

  it('keeps an error\'s class, code and field across the thread', async () => {
    const fromThread = await threaded.listActors({}, { first: 2, after: 'not-a-cursor' }).catch((e: unknown) => e);
    const fromHere = await inline.listActors({}, { first: 2, after: 'not-a-cursor' }).catch((e: unknown) => e);
    expect(fromThread).toBeInstanceOf(DomainError);
    expect(fromThread).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['after'] }] });
    expect((fromThread as DomainError).message).toBe((fromHere as DomainError).message);
  });

  it('refuses reads once closed, with a clear message', async () => {
    const other = EmbeddedStore.open({ file });
    expect((await other.actorsByKeys(['a1']))[0]?.key).toBe('a1');
    await other.close();
    await expect(other.actorsByKeys(['a1'])).rejects.toThrow('the embedded store is closed');
  });
});
