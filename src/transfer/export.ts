/**
 * Streams the whole graph of a store as NDJSON (format: domain/transfer.ts): the header, then each kind
 * in dependency order, read in keyset pages through the store port and written with backpressure, so
 * memory stays constant whatever the size of the graph.
 *
 * A store written to during the export is not read as one snapshot: a record written meanwhile may be
 * missing or, if it refers to a record of an earlier kind written meanwhile, dangle. Stop writers (or
 * export a copy) for an exact image.
 */
import type { Writable } from 'node:stream';
import {
  SECTION, TRANSFER_FORMAT, TRANSFER_FORMAT_VERSION, TRANSFER_KINDS, type TransferCounts, type TransferHeader,
} from '../domain/transfer.js';
import type { Store } from '../store/port.js';

/** Records per round trip: big enough to amortise it, small enough to keep memory flat. */
export const EXPORT_PAGE = 2000;

export interface ExportOptions {
  pageSize?: number;
  /** After each page: the section (e.g. 'signals'), records written of it, and its count in the header. */
  onProgress?(section: string, done: number, total: number): void;
}

/** Writes the export to `out` (which it does not end); resolves with the records written per kind. */
export async function exportGraph(store: Store, out: Writable, options: ExportOptions = {}): Promise<TransferCounts> {
  const pageSize = options.pageSize ?? EXPORT_PAGE;
  const sink = new Sink(out);
  const counts = await store.transferCounts();
  const header: TransferHeader = {
    type: TRANSFER_FORMAT, formatVersion: TRANSFER_FORMAT_VERSION, exportedAt: new Date().toISOString(), store: store.kind, counts,
  };
  await sink.write(`${JSON.stringify(header)}\n`);
  const written = Object.fromEntries(TRANSFER_KINDS.map((k) => [SECTION[k], 0])) as TransferCounts;
  for (const kind of TRANSFER_KINDS) {
    const section = SECTION[kind];
    options.onProgress?.(section, 0, counts[section]);
    let after: string | null = null;
    for (;;) {
      const records = await store.exportRecords(kind, after, pageSize);
      if (records.length === 0) break;
      await sink.write(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      written[section] += records.length;
      options.onProgress?.(section, written[section], Math.max(counts[section], written[section]));
      if (records.length < pageSize) break;
      after = records[records.length - 1].id;
    }
  }
  await sink.flush();
  return written;
}

/** Writes with backpressure and turns a stream error (e.g. EPIPE: the reader went away) into a rejection. */
class Sink {
  private error: Error | null = null;

  constructor(private readonly out: Writable) {
    out.on('error', (e: Error) => { this.error ??= e; });
  }

  async write(chunk: string): Promise<void> {
    if (this.error) throw this.error;
    if (this.out.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (e?: Error) => {
        this.out.off('drain', onDrain);
        this.out.off('error', onError);
        if (e) reject(e);
        else resolve();
      };
      const onDrain = () => done();
      const onError = (e: Error) => done(e);
      this.out.on('drain', onDrain);
      this.out.on('error', onError);
    });
  }

  /** Resolves once everything written so far is handed to the system. */
  flush(): Promise<void> {
    if (this.error) return Promise.reject(this.error);
    return new Promise((resolve, reject) => this.out.write('', (e) => (e ? reject(e) : resolve())));
  }
}
