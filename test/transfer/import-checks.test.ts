/**
 * Lines importGraph refuses besides malformed records, with the usual outcome (ImportError naming the
 * line and field; earlier batches imported, nothing of the bad line's batch):
 *  - a line longer than the limit, detected while its bytes are read (never built into a string);
 *  - a record whose id another record holds (import keeps ids: the store would give it a fresh one).
 * Id checks run on every store; line limits do not depend on the store (embedded only).
 */
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/port.js';
import { ImportError, importGraph, type ImportOptions } from '../../src/transfer/import.js';
import { embeddedFactory, storeFactories } from '../support/stores.js';

/** A header declaring nothing: any number of records is accepted. */
const HEADER = JSON.stringify({
  type: 'osmosis-export', formatVersion: 1, exportedAt: '2024-01-01T00:00:00.000Z', store: 'embedded',
  counts: { actors: 0, ties: 0, topics: 0, processes: 0, signals: 0, responses: 0, exchanges: 0, insights: 0, changes: 0 },
});
const AT = '2024-01-01T00:00:00.000Z';
const actor = (id: string, key: string) => ({ type: 'actor', id, key, kind: 'CUSTOMER', name: key, attributes: {}, createdAt: AT, updatedAt: AT });
const tie = (id: string, fromKey: string, toKey: string) => ({ type: 'tie', id, fromKey, toKey, tieType: 'KNOWS', weight: 1, since: null });
const topic = (id: string, name: string) => ({ type: 'topic', id, name });
const process_ = (id: string, name: string) => ({ type: 'process', id, name });
const signal = (id: string, externalId: string) => ({
  type: 'signal', id, channel: 'email', externalId, kind: 'IDEA', text: 'hi', sentiment: null, occurredAt: AT, status: 'OPEN',
  emitterKey: 'crm:a', assigneeKey: null, about: [],
});
const exchange = (id: string, externalId: string | null) => ({
  type: 'exchange', id, externalId, fromKey: 'crm:a', toKey: 'crm:b', kind: 'MONEY', amount: 1, unit: 'EUR', occurredAt: AT,
});
const response = (id: string, text: string) => ({
  type: 'response', id, signal: { channel: 'email', externalId: 's-1' }, responderKey: null, text, channel: 'email', respondedAt: AT,
});

const ndjson = (...lines: (object | string)[]): string =>
  `${[HEADER, ...lines].map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`;

const importText = (store: Store, text: string, options?: ImportOptions) => importGraph(store, Readable.from([text]), options);

/** Rejects with the ImportError importGraph throws (fails the test if it resolves). */
async function importFails(store: Store, text: string | Readable, options?: ImportOptions): Promise<ImportError> {
  const input = typeof text === 'string' ? Readable.from([text]) : text;
  const error = await importGraph(store, input, options).then(() => { throw new Error('the import succeeded'); }, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

describe('a line longer than the limit', () => {
  const target = async () => { const s = await embeddedFactory.open(); opened.push(s); return s; };
  const long = 'a'.repeat(1025);

  it('stops the import naming the line and the limit; earlier batches stay, nothing of its batch is written', async () => {
    const text = ndjson(actor('a1', 'crm:a'), actor('a2', 'crm:b'), actor('a3', 'crm:c'), long, actor('a4', 'crm:d'));
    const inBatch = await target();
    const e = await importFails(inBatch, text, { maxLineBytes: 1024 });
    expect(e.message).toBe('line 5: longer than 1 KiB (1,024 bytes), the longest line an import reads (no record of an export is near that long)');
    expect(e).toMatchObject({ line: 5, field: '', importedBefore: 2 });
    expect((await inBatch.stats()).actors).toBe(0);

    const twoPerBatch = await target();
    expect(await importFails(twoPerBatch, text, { maxLineBytes: 1024, batchSize: 2 })).toMatchObject({ line: 5, importedBefore: 4 });
    expect((await twoPerBatch.stats()).actors).toBe(2);
  });

  it('a record line of exactly the limit imports', async () => {
    const line = JSON.stringify(actor('a1', 'crm:a'));
    const store = await target();
    const summary = await importText(store, `${HEADER}\r\n${line}\r\n`, { maxLineBytes: Math.max(HEADER.length, line.length) });
    expect(summary.created).toBe(1);
  });

  it('is a line after a line cut short: the input did not end there', async () => {
    const header = JSON.stringify({ ...JSON.parse(HEADER), counts: { ...JSON.parse(HEADER).counts, actors: 3 } });
    const store = await target();
    const e = await importFails(store, `${header}\n{"type":"actor","id":"a1\n${long}\n`, { maxLineBytes: 1024 });
    expect(e).toMatchObject({ line: 2 });
    expect(e.message).toContain('not valid JSON');
  });

  it('at the real limit (16 MiB), on an endless line: fails once it has read the limit, holding no more', async () => {
    let read = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    async function* endless() {
      yield Buffer.from(`${HEADER}\n`);
      for (;;) { read += chunk.length; yield chunk; }
    }
    const before = process.memoryUsage().arrayBuffers;
    const e = await importFails(await target(), Readable.from(endless()));
    expect(e.message).toBe('line 2: longer than 16 MiB (16,777,216 bytes), the longest line an import reads (no record of an export is near that long)');
    expect(read).toBeLessThanOrEqual(16 * 2 ** 20 + 2 * chunk.length);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 2 ** 20);
  });

  it('a byte order mark makes the header invalid JSON, as before', async () => {
    const e = await importFails(await target(), Readable.from([Buffer.from(`\uFEFF${HEADER}\n`, 'utf8')]));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/^line 1: not valid JSON/);
  });
});

describe.each(storeFactories)('ids on the $name store', (factory) => {
  const target = async () => { const s = await factory.open(); opened.push(s); return s; };
  const actors = [actor('a1', 'crm:a'), actor('a2', 'crm:b')];

  it('refuses a second actor with the same id and another key in the same batch; nothing of the batch is written', async () => {
    const store = await target();
    const e = await importFails(store, ndjson(...actors, actor('a1', 'crm:c')));
    expect(e.message).toBe(`line 4: field "id": 'a1' is the id of actor 'crm:a' (line 2), not of actor 'crm:c'`);
    expect(e).toMatchObject({ line: 4, field: 'id', importedBefore: 2 });
    expect((await store.stats()).actors).toBe(0);
  });

  it('refuses it in a later batch, naming the actor that holds the id; earlier batches stay', async () => {
    const store = await target();
    const e = await importFails(store, ndjson(...actors, actor('a3', 'crm:c'), actor('a1', 'crm:d')), { batchSize: 2 });
    expect(e.message).toBe(`line 5: field "id": 'a1' is the id of actor 'crm:a' in the store, not of actor 'crm:d'`);
    expect(e).toMatchObject({ line: 5, importedBefore: 4 });
    expect((await store.actorsByKeys(['crm:a', 'crm:b', 'crm:c', 'crm:d'])).map((a) => a?.id ?? null)).toEqual(['a1', 'a2', null, null]);
  });

  it('refuses an id the target store already gives to another key; every conflict of the batch is listed', async () => {
    const store = await target();
    await importText(store, ndjson(...actors));
    const e = await importFails(store, ndjson(actor('a2', 'crm:x'), actor('a9', 'crm:y'), actor('a1', 'crm:z')));
    expect(e.message).toBe(`line 2: field "id": 'a2' is the id of actor 'crm:b' in the store, not of actor 'crm:x'`);
    expect(e.more).toEqual([`line 4: field "id": 'a1' is the id of actor 'crm:a' in the store, not of actor 'crm:z'`]);
    expect((await store.stats()).actors).toBe(2);
  });

  it('refuses the same for topics, processes, signals, exchanges, and ties within a batch', async () => {
    const store = await target();
    const base = [...actors, topic('t1', 'pricing'), process_('p1', 'onboarding'), signal('s1', 's-1'), exchange('x1', 'inv-1'), exchange('x2', null)];
    await importText(store, ndjson(...base));
    const cases: [object, string][] = [
      [topic('t1', 'billing'), `'t1' is the id of topic 'pricing' in the store, not of topic 'billing'`],
      [process_('p1', 'support'), `'p1' is the id of process 'onboarding' in the store, not of process 'support'`],
      [signal('s1', 's-2'), `'s1' is the id of signal 'email' / 's-1' in the store, not of signal 'email' / 's-2'`],
      [exchange('x1', 'inv-2'), `'x1' is the id of exchange 'inv-1' in the store, not of exchange 'inv-2'`],
      [exchange('x2', 'inv-3'), `'x2' is the id of an exchange without externalId in the store, not of exchange 'inv-3'`],
    ];
    for (const [record, reason] of cases) {
      const e = await importFails(store, ndjson(record));
      expect(e.message).toBe(`line 2: field "id": ${reason}`);
    }
    const ties = await importFails(store, ndjson(tie('e1', 'crm:a', 'crm:b'), tie('e1', 'crm:b', 'crm:a')));
    expect(ties.message).toBe(`line 3: field "id": 'e1' is the id of tie 'crm:a' → 'crm:b' (KNOWS) (line 2), not of tie 'crm:b' → 'crm:a' (KNOWS)`);
    // Nothing changed: the same as before, counted so.
    expect(await store.stats()).toMatchObject({ actors: 2, ties: 0, signals: 1, exchanges: 2 });
    expect((await store.topicsByIds(['t1'])).map((t) => t?.name)).toEqual(['pricing']);
    expect((await store.processesByIds(['p1'])).map((p) => p?.name)).toEqual(['onboarding']);
    const again = await importText(store, ndjson(...base));
    expect(again).toMatchObject({ created: 0, existing: base.length });
  });

  it('accepts the same record twice, a record found by its natural key under another id, and id-only records', async () => {
    const store = await target();
    await importText(store, ndjson(...actors));
    // crm:a is there with id a1: found by key, keeps a1 (a7 is free).
    const summary = await importText(store, ndjson(actor('a7', 'crm:a'), actors[1], actors[1], signal('s1', 's-1'),
      response('r1', 'first'), response('r1', 'second')));
    expect(summary).toMatchObject({ created: 2, existing: 4 });
    expect((await store.actorsByKeys(['crm:a']))[0]?.id).toBe('a1');
  });
});
