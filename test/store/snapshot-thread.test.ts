/**
 * The embedded store on a file builds projections and facts on its reader thread: the same
 * arrays as a build on the calling thread, while the event loop keeps turning.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeGraph, loadEcosystem } from '../../seeds/index.js';
import { EmbeddedStore } from '../../src/store/embedded/index.js';
import { turnsDuring } from '../support/event-loop.js';

describe('embedded snapshot reads on a reader thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'osmosis-snapshot-'));
  const file = join(dir, 'osmosis.db');
  let threaded: EmbeddedStore;
  let inline: EmbeddedStore;

  beforeAll(async () => {
    threaded = EmbeddedStore.open({ file });
    await loadEcosystem(threaded, generateLargeGraph({ actors: 20_000, ties: 200_000, signals: 5_000, exchanges: 2_000 }));
    inline = EmbeddedStore.open({ file, snapshotThread: false });
  }, 120_000);
  afterAll(async () => {
    await threaded?.close();
    await inline?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the same projection off the event loop', async () => {
    const spec = { edges: 'BOTH' as const };
    const { value: off, turns } = await turnsDuring(() => threaded.projection(spec));
    const { value: on, turns: blockedTurns } = await turnsDuring(() => inline.projection(spec));
    expect(off.nodeCount).toBe(20_000);
    expect(off.edgeCount).toBe(on.edgeCount);
    expect(off.keys).toEqual(on.keys);
    expect(off.out.offsets).toEqual(on.out.offsets);
    expect(off.out.targets).toEqual(on.out.targets);
    expect(off.in.weights).toEqual(on.in.weights);
    // The inline build holds the event loop for the whole read; the threaded one lets it turn.
    expect(blockedTurns).toBeLessThanOrEqual(1);
    expect(turns).toBeGreaterThan(10);
  });

  it('builds the same facts off the event loop', async () => {
    const { value: off, turns } = await turnsDuring(() => threaded.facts());
    const on = await inline.facts();
    expect(off.signals.count).toBe(5_000);
    expect(off.exchanges.count).toBe(on.exchanges.count);
    expect({ ...off, readAt: 0 }).toEqual({ ...on, readAt: 0 });
    expect(turns).toBeGreaterThan(10);
  });

  it('reports a bad spec with its domain error code', async () => {
    await expect(threaded.projection({ since: 'yesterday' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('sees a write committed on the main connection', async () => {
    const before = (await threaded.projection({})).nodeCount;
    await threaded.upsertActors([{ key: 'zz:new', kind: 'CUSTOMER', name: 'New', attributes: {} }]);
    expect((await threaded.projection({})).nodeCount).toBe(before + 1);
  });
});
