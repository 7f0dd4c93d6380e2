/**
 * Reads an NDJSON export (domain/transfer.ts) line by line and writes it through the store port in
 * batches, one transaction each, so memory stays constant. Every line is checked before its batch is
 * written: a bad line stops the import with its line number and field, and nothing of its batch is
 * written (earlier batches are). Importing is idempotent (Store.importRecords), so running it again
 * after fixing the file completes it.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { DomainError } from '../domain/errors.js';
import {
  parseHeader, parseRecord, RecordError, SECTION, TRANSFER_KINDS,
  type TransferCounts, type TransferHeader, type TransferRecord,
} from '../domain/transfer.js';
import type { Store } from '../store/port.js';

/** Lines per transaction. */
export const IMPORT_BATCH = 1000;

export interface ImportOptions {
  batchSize?: number;
  /** Once the header is read. */
  onHeader?(header: TransferHeader): void;
  /** After each batch: the section (e.g. 'signals'), its records imported so far, and its count in the header. */
  onProgress?(section: string, done: number, total: number): void;
}

export interface ImportSummary {
  header: TransferHeader;
  /** Records read, per kind. */
  counts: TransferCounts;
  created: number;
  existing: number;
}

/** A line that cannot be imported. `more` lists further problems of the same batch, if any. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly line: number,
    readonly field: string,
    readonly reason: string,
    /** The first line not imported: every line before it is in the store. */
    readonly importedBefore: number,
    readonly more: string[] = [],
  ) {
    super(describe(line, field, reason));
  }
}

const describe = (line: number, field: string, reason: string, type?: string): string =>
  `line ${line}${type ? ` (${type})` : ''}: ${field ? `field "${field}": ` : ''}${reason}`;

/** Issue path ['input', index, …field] → the field inside the record. */
const fieldOf = (path: (string | number)[]): string =>
  path.slice(2).map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

export async function importGraph(store: Store, input: Readable, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? IMPORT_BATCH;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: TransferHeader | null = null;
  const counts = Object.fromEntries(TRANSFER_KINDS.map((k) => [SECTION[k], 0])) as TransferCounts;
  let created = 0;
  let existing = 0;
  let batch: TransferRecord[] = [];
  let batchLines: number[] = [];
  let importedBefore = 1;
  let n = 0;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    try {
      const r = await store.importRecords(batch);
      created += r.created;
      existing += r.existing;
    } catch (error) {
      if (error instanceof DomainError && error.issues.length && error.issues.every((i) => typeof i.path[1] === 'number')) {
        const [first, ...rest] = error.issues.map((i) => {
          const k = i.path[1] as number;
          return { line: batchLines[k], type: batch[k].type, field: fieldOf(i.path), reason: i.message };
        });
        throw new ImportError(first.line, first.field, `${first.reason} (${first.type})`, importedBefore,
          rest.map((x) => describe(x.line, x.field, x.reason, x.type)));
      }
      throw error;
    }
    for (const r of batch) counts[SECTION[r.type]]++;
    const touched = new Set(batch.map((r) => SECTION[r.type]));
    for (const section of touched) options.onProgress?.(section, counts[section], Math.max(header!.counts[section], counts[section]));
    importedBefore = batchLines[batchLines.length - 1] + 1;
    batch = [];
    batchLines = [];
  };

  try {
    for await (const text of lines) {
      n++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new ImportError(n, '', `not valid JSON (${(e as Error).message})`, importedBefore);
      }
      try {
        if (!header) {
          header = parseHeader(value);
          options.onHeader?.(header);
          importedBefore = n + 1;
          continue;
        }
        batch.push(parseRecord(value));
      } catch (e) {
        if (!(e instanceof RecordError)) throw e;
        const type = typeof (value as { type?: unknown })?.type === 'string' ? (value as { type: string }).type : undefined;
        throw new ImportError(n, e.field, type && header && e.field !== 'type' ? `${e.reason} (${type})` : e.reason, importedBefore);
      }
      batchLines.push(n);
      if (batch.length >= batchSize) await flush();
    }
    if (!header) throw new ImportError(Math.max(n, 1), '', 'no header: the input is empty, not an Osmosis export', importedBefore);
    await flush();
  } finally {
    lines.close();
  }
  return { header, counts, created, existing };
}
