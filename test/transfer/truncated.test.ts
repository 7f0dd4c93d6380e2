/**
 * An export cut short (a truncated copy, an export that failed at the other end of a pipe) must not pass
 * for a whole one: the header declares each section's count, and importGraph rejects an input that ends
 * before they are delivered, naming the sections and counts, once every whole record read is written.
 * Embedded stores in memory.
 */
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import type { Store } from '../../src/store/port.js';
import { exportGraph } from '../../src/transfer/export.js';
import { ImportError, importGraph, TruncatedInputError } from '../../src/transfer/import.js';
import { generateEcosystem, loadEcosystem } from '../../seeds/index.js';

async function embedded(): Promise<Store> {
  const store = await openEmbeddedStore({ file: ':memory:' });
  await store.migrate();
  return store;
}

/** Rejects with the error importGraph throws (fails the test if it resolves). */
async function importFails(store: Store, text: string, batchSize?: number): Promise<ImportError> {
  const error = await importGraph(store, Readable.from([text]), { batchSize }).then(
    () => { throw new Error('the import succeeded'); },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('importing an export cut short', () => {
  let source: Store;
  let text: string;
  let lines: string[];
  let header: { counts: Record<string, number> };
  const opened: Store[] = [];
  /** Index (0-based, = line number − 1) of the first line of a kind. */
  const first = (type: string) => lines.findIndex((l) => l.startsWith(`{"type":"${type}"`));
  const target = async () => { const s = await embedded(); opened.push(s); return s; };

  beforeAll(async () => {
    source = await embedded();
    opened.push(source);
    await loadEcosystem(source, generateEcosystem({ signals: 300, exchanges: 100 }));
    const chunks: string[] = [];
    await exportGraph(source, new Writable({ write(chunk, _encoding, done) { chunks.push(String(chunk)); done(); } }));
    text = chunks.join('');
    lines = text.trimEnd().split('\n');
    header = JSON.parse(lines[0]) as typeof header;
    expect(header.counts).toMatchObject({ signals: 300, exchanges: 100 });
    expect(header.counts.responses).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
  });

  it('a complete export imports', async () => {
    const store = await target();
    const summary = await importGraph(store, Readable.from([text]));
    expect(summary.counts).toEqual(header.counts);
    expect(await store.stats()).toEqual(await source.stats());
  });

  it('rejects an input cut at a line end, naming each short section with its counts; what was read is imported', async () => {
    const signals = first('signal');
    const cut = signals + 120; // lines kept: the header, everything before the signals, 120 signals
    const store = await target();
    const error = await importFails(store, `${lines.slice(0, cut).join('\n')}\n`, 50);
    expect(error).toBeInstanceOf(TruncatedInputError);
    const c = header.counts;
    expect(error.message).toContain(`the input ended early, after line ${cut}: the header declares 300 signals, 120 were read; ` +
      `${c.responses.toLocaleString('en-US')} responses, 0 were read; 100 exchanges, 0 were read; ` +
      `${c.insights} insights, 0 were read; ${c.changes} changes, 0 were read.`);
    expect(error.message).not.toMatch(/actors|ties|topics|processes/); // complete: not named
    expect(error.message).toContain(`The ${(cut - 1).toLocaleString('en-US')} records read are imported; ` +
      'importing is idempotent, so importing the whole export again completes it.');
    expect(error).toMatchObject({ line: cut, importedBefore: cut + 1, imported: cut - 1, midLine: false });
    expect((error as TruncatedInputError).missing[0]).toEqual({ section: 'signals', declared: 300, read: 120 });
    const stats = await store.stats();
    expect(stats).toMatchObject({ signals: 120, exchanges: 0 });

    // Idempotent: the whole export completes it.
    const again = await importGraph(store, Readable.from([text]));
    expect(again.existing).toBe(cut - 1);
    expect(await store.stats()).toEqual(await source.stats());
  });

  it('rejects an input cut at a section boundary, naming the sections that never came', async () => {
    const cut = first('response'); // every signal, no response
    const error = await importFails(await target(), `${lines.slice(0, cut).join('\n')}\n`);
    expect(error.message).toContain(`after line ${cut}: the header declares ${header.counts.responses.toLocaleString('en-US')} responses, 0 were read; 100 exchanges`);
    expect(error.message).not.toContain('signals');
  });

  it('rejects an input cut in the middle of a line, importing the whole lines before it', async () => {
    const exchanges = first('exchange');
    const cut = exchanges + 10; // 1-based number of the line cut in the middle
    const partial = lines[cut - 1].slice(0, 40);
    const store = await target();
    const error = await importFails(store, `${lines.slice(0, cut - 1).join('\n')}\n${partial}`);
    expect(error).toBeInstanceOf(TruncatedInputError);
    expect(error.message).toContain(`the input ended early, in the middle of line ${cut}: the header declares 100 exchanges, 9 were read;`);
    expect(error).toMatchObject({ line: cut, importedBefore: cut, imported: cut - 2, midLine: true });
    expect(await store.stats()).toMatchObject({ exchanges: 9 });
  });

  it('rejects a header alone: nothing was imported', async () => {
    const error = await importFails(await target(), `${lines[0]}\n`);
    expect(error.message).toMatch(/^the input ended early, after line 1: the header declares \d+ actors, 0 were read; \d+ ties, 0 were read; .*Nothing was imported\.$/);
  });

  it('still reports a line that is not JSON as such when the input goes on, or delivered every record', async () => {
    const signal = first('signal');
    const broken = [...lines.slice(0, signal), lines[signal].slice(0, 30), ...lines.slice(signal + 1)];
    const middle = await importFails(await target(), `${broken.join('\n')}\n`);
    expect(middle).not.toBeInstanceOf(TruncatedInputError);
    expect(middle.message).toMatch(new RegExp(`^line ${signal + 1}: not valid JSON`));

    const trailing = await importFails(await target(), `${text}{"type":"sig`);
    expect(trailing).not.toBeInstanceOf(TruncatedInputError);
    expect(trailing.message).toMatch(new RegExp(`^line ${lines.length + 1}: not valid JSON`));
  });

  it('accepts what a store written to during the export gives: more records than declared, fewer in a section the input goes on past', async () => {
    // The header counts are taken when the export starts: records may be added before they are read…
    const grown = JSON.stringify({ ...header, counts: { ...header.counts, signals: 250, changes: header.counts.changes - 1 } });
    const more = await importGraph(await target(), Readable.from([`${[grown, ...lines.slice(1)].join('\n')}\n`]));
    expect(more.counts).toMatchObject({ signals: 300, changes: header.counts.changes });
    // …and a tie removed (an actor erased) before it is read: the input goes on past the ties, not cut.
    const tie = first('tie');
    const shrunk = await importGraph(await target(), Readable.from([`${[...lines.slice(0, tie), ...lines.slice(tie + 1)].join('\n')}\n`]));
    expect(shrunk.counts.ties).toBe(header.counts.ties - 1);
  });
});
