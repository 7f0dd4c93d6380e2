/**
 * Reads an NDJSON export (domain/transfer.ts) line by line and writes it through the store port in
 * batches, one transaction each, so memory stays constant. Every line is checked before its batch is
 * written: a bad line stops the import with its line number and field, and nothing of its batch is
 * written (earlier batches are). Importing is idempotent (Store.importRecords), so running it again
 * after fixing the file completes it.
 *
 * The header declares each kind's count, and the input must deliver them: when it ends (possibly in the
 * middle of a line) before the section it ends in, or a later one, has its declared records, it was cut
 * short (a truncated copy, an export that failed on the other end of a pipe), and the import fails with
 * TruncatedInputError once every whole record read is written. The counts are taken when the export
 * starts, and a store written to meanwhile may grow or lose ties (an erased actor's) before they are
 * read: more records than declared, or fewer in a section the input goes on past, are accepted.
 *
 * Lines are read as bytes, at most `maxLineBytes` a line (lines.ts), so memory stays bounded whatever
 * the input: a longer line stops the import like a bad one. Ids are kept, so a record whose id another
 * record holds (with another natural key) stops it too (ids.ts).
 */
import type { Readable } from 'node:stream';
import { DomainError } from '../domain/errors.js';
import {
  parseHeader, parseRecord, RecordError, SECTION, TRANSFER_KINDS,
  type TransferCounts, type TransferHeader, type TransferRecord,
} from '../domain/transfer.js';
import type { Store } from '../store/port.js';
import { idConflicts } from './ids.js';
import { describeBytes, LineTooLongError, MAX_LINE_BYTES, splitLines } from './lines.js';

/** Lines per transaction. */
export const IMPORT_BATCH = 1000;

export interface ImportOptions {
  batchSize?: number;
  /** Longest line read, in bytes without its line end (default MAX_LINE_BYTES). */
  maxLineBytes?: number;
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

/**
 * The input ended before the sections it ends in, or later ones, had the records the header declares:
 * it was cut short. Every whole record read is imported (`importedBefore` is the first line not imported).
 */
export class TruncatedInputError extends ImportError {
  override name = 'TruncatedInputError';
  constructor(
    /** The last line read. */
    line: number,
    /** True when that line is cut short itself (not valid JSON, and no line after it). */
    readonly midLine: boolean,
    /** The sections short of their declared count, in export order. */
    readonly missing: { section: string; declared: number; read: number }[],
    /** Records imported. */
    readonly imported: number,
    importedBefore: number,
  ) {
    const short = missing.map((m, i) =>
      `${i === 0 ? 'the header declares ' : ''}${count(m.declared)} ${m.section}, ${count(m.read)} ${m.read === 1 ? 'was' : 'were'} read`);
    super(line, '', `the input ended early, ${midLine ? 'in the middle of this line' : 'after this line'}: ${short.join('; ')}`, importedBefore);
    this.message = `the input ended early, ${midLine ? `in the middle of line ${line}` : `after line ${line}`}: ${short.join('; ')}. ` +
      'The input is incomplete (cut short, or its export failed). ' +
      (imported === 0 ? 'Nothing was imported.'
        : `The ${count(imported)} record${imported === 1 ? '' : 's'} read ${imported === 1 ? 'is' : 'are'} imported; ` +
          'importing is idempotent, so importing the whole export again completes it.');
  }
}

const count = (n: number): string => n.toLocaleString('en-US');

const describe = (line: number, field: string, reason: string, type?: string): string =>
  `line ${line}${type ? ` (${type})` : ''}: ${field ? `field "${field}": ` : ''}${reason}`;

/** Issue path ['input', index, …field] → the field inside the record. */
const fieldOf = (path: (string | number)[]): string =>
  path.slice(2).map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** Reads `input` to its end, or destroys it when the import stops early. */
export async function importGraph(store: Store, input: Readable, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? IMPORT_BATCH;
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  let header: TransferHeader | null = null;
  const counts = Object.fromEntries(TRANSFER_KINDS.map((k) => [SECTION[k], 0])) as TransferCounts;
  /** Records parsed per kind (imported or in the pending batch), and the last kind's index in TRANSFER_KINDS. */
  const read = { ...counts };
  let lastKind = -1;
  let created = 0;
  let existing = 0;
  let batch: TransferRecord[] = [];
  let batchLines: number[] = [];
  let importedBefore = 1;
  let n = 0;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const conflicts = await idConflicts(store, batch, batchLines);
    if (conflicts.length) {
      const [first, ...rest] = conflicts.map((c) => ({ line: batchLines[c.index], reason: c.reason }));
      throw new ImportError(first.line, 'id', first.reason, importedBefore, rest.map((x) => describe(x.line, 'id', x.reason)));
    }
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

  /** Sections the input ended in or before, short of the header's count (none once it delivered them all). */
  const shortfall = (): TruncatedInputError['missing'] =>
    TRANSFER_KINDS.slice(Math.max(lastKind, 0)).map((k) => SECTION[k])
      .filter((section) => read[section] < header!.counts[section])
      .map((section) => ({ section, declared: header!.counts[section], read: read[section] }));

  const iterator = splitLines(input, maxLineBytes);
  /** The next line; a line over the limit stops the import like any bad line. */
  const nextLine = async (): Promise<IteratorResult<string, void>> => {
    try {
      return await iterator.next();
    } catch (e) {
      if (!(e instanceof LineTooLongError)) throw e;
      throw new ImportError(e.line, '', `longer than ${describeBytes(e.limit)}, the longest line an import reads ` +
        '(no record of an export is near that long)', importedBefore);
    }
  };
  /** A line over the limit after a line cut short is still a line after it: the input was not cut there. */
  const overLong = (e: unknown): IteratorResult<string, void> => {
    if (e instanceof ImportError) return { done: false, value: '' };
    throw e;
  };
  try {
    for (;;) {
      const next = await nextLine();
      if (next.done) break;
      const text = next.value;
      n++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        const bad = new ImportError(n, '', `not valid JSON (${(e as Error).message})`, importedBefore);
        // The last line, and records missing: the input was cut in the middle of it.
        if (header && shortfall().length && (await nextLine().catch(overLong)).done) {
          await flush();
          throw new TruncatedInputError(n, true, shortfall(), created + existing, importedBefore);
        }
        throw bad;
      }
      try {
        if (!header) {
          header = parseHeader(value);
          options.onHeader?.(header);
          importedBefore = n + 1;
          continue;
        }
        const record = parseRecord(value);
        batch.push(record);
        read[SECTION[record.type]]++;
        lastKind = Math.max(lastKind, TRANSFER_KINDS.indexOf(record.type));
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
    const missing = shortfall();
    if (missing.length) throw new TruncatedInputError(n, false, missing, created + existing, importedBefore);
  } finally {
    await iterator.return(); // stops reading: destroys the input if it is not at its end
  }
  return { header, counts, created, existing };
}
