/** `osmosis import [--in FILE|-]`: loads an NDJSON export into the configured store (src/transfer/import.ts). */
import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openStore } from '../store/open.js';
import { IMPORT_BATCH, ImportError, importGraph, TruncatedInputError } from '../transfer/import.js';
import { usageError, wholeNumber } from './args.js';
import { createProgress } from './progress.js';

export async function importCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { in: { type: 'string', short: 'i', default: '-' }, batch: { type: 'string' } },
  });
  const batchSize = values.batch === undefined ? IMPORT_BATCH : wholeNumber('batch', values.batch, 1, 10_000);
  const fromStdin = values.in === '-';
  if (fromStdin && process.stdin.isTTY) throw usageError('no input: pass --in FILE, or pipe an export into stdin');
  if (!fromStdin) {
    try {
      if (!statSync(values.in).isFile()) throw usageError(`--in ${values.in} is not a file`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw usageError(`--in ${values.in}: no such file`);
      throw e;
    }
  }
  const config = loadConfig();
  const store = await openStore(config);
  const progress = createProgress(process.stderr);
  const started = performance.now();
  try {
    const input = fromStdin ? process.stdin : createReadStream(values.in);
    const summary = await importGraph(store, input, { batchSize, onProgress: (section, done, total) => progress.update(section, done, total) });
    progress.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const records = summary.created + summary.existing;
    console.error(`osmosis import: ${records} records (exported from the ${summary.header.store} store at ${summary.header.exportedAt}) ` +
      `into the ${config.OSMOSIS_STORE} store in ${seconds} s: ${summary.created} new, ${summary.existing} already there`);
  } catch (error) {
    progress.stop();
    if (!(error instanceof ImportError)) throw error;
    console.error(`osmosis import: ${error.message}`);
    process.exitCode = 1;
    if (error instanceof TruncatedInputError) return; // its message says what is imported and what to do
    for (const more of error.more.slice(0, 9)) console.error(`  also ${more}`);
    if (error.more.length > 9) console.error(`  and ${error.more.length - 9} more problems in the same batch`);
    console.error(error.importedBefore > 2
      ? `Lines before ${error.importedBefore} are imported, none after. Importing is idempotent: fix the file and run it again.`
      : 'Nothing was imported.');
  } finally {
    await store.close();
  }
}
