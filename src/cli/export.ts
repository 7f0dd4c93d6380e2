/** `osmosis export [--out FILE|-]`: the whole graph of the configured store as NDJSON (src/transfer/export.ts). */
import { accessSync, constants, createWriteStream, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openStore } from '../store/open.js';
import { EXPORT_PAGE, exportGraph } from '../transfer/export.js';
import { usageError, wholeNumber } from './args.js';
import { createProgress } from './progress.js';

export async function exportCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string', short: 'o', default: '-' }, 'page-size': { type: 'string' } },
  });
  const pageSize = values['page-size'] === undefined ? EXPORT_PAGE : wholeNumber('page-size', values['page-size'], 1, 10_000);
  if (values.out.trim() === '') throw usageError('--out needs a file path (or - for stdout)');
  const toStdout = values.out === '-';
  const target = toStdout ? null : outputTarget(values.out);
  const config = loadConfig();
  const store = await openStore(config);
  // A file is written under a temporary name and renamed once complete: a failed export leaves no half file.
  // A pipe or a device (/dev/null, a FIFO) is written into as it is: renaming over it would replace it.
  const partial = target?.regular ? `${target.path}.partial` : null;
  const out = toStdout ? process.stdout : createWriteStream(partial ?? target!.path);
  const progress = createProgress(process.stderr);
  const started = performance.now();
  try {
    const counts = await exportGraph(store, out, { pageSize, onProgress: (section, done, total) => progress.update(section, done, total) });
    if (!toStdout) {
      out.end();
      await once(out, 'close');
      if (partial) renameSync(partial, target!.path);
    }
    progress.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const what = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
    console.error(`osmosis export: wrote ${what} from the ${config.OSMOSIS_STORE} store to ${toStdout ? 'stdout' : values.out} in ${seconds} s`);
  } catch (error) {
    progress.stop();
    if (!toStdout) {
      out.destroy();
      if (partial) rmSync(partial, { force: true });
    }
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EPIPE' ? 'the output was closed before the export ended'
      : code === 'ENOSPC' ? 'no space left on the output device'
        : code === 'EIO' || code === 'EDQUOT' || code === 'EFBIG' ? `cannot write the output (${(error as Error).message})` : null;
    if (why) {
      console.error(`osmosis export: ${why}${partial ? '; nothing was kept' : ''}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await store.close();
  }
}

/**
 * Where the export goes: through a symbolic link to its target (the link stays), and whether that is a
 * regular file (or none yet), replaced whole at the end, or something written into as it is (a FIFO, a
 * device). Checked before anything is read.
 */
function outputTarget(file: string): { path: string; regular: boolean } {
  let path = file;
  try {
    path = realpathSync(file);
  } catch {
    checkWritableDirectory(file); // nothing there yet: it will be created
    return { path: file, regular: true };
  }
  const stat = statSync(path);
  if (stat.isDirectory()) throw usageError(`--out ${file}: is a directory`);
  if (!stat.isFile()) return { path, regular: false };
  checkWritableDirectory(path);
  return { path, regular: true };
}

/** The file's directory must exist and take new files. */
function checkWritableDirectory(file: string): void {
  const dir = dirname(resolve(file));
  try {
    if (!statSync(dir).isDirectory()) throw usageError(`--out ${file}: ${dir} is not a directory`);
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw usageError(`--out ${file}: there is no directory ${dir}`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw usageError(`--out ${file}: cannot write in ${dir}`);
    throw e;
  }
}
