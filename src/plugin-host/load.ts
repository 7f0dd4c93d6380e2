/**
 * Loading: from OSMOSIS_PLUGINS entries to imported plugin modules. An entry is a built-in name
 * (`influence`), a path (`./plugins/mine`, `/opt/osmosis/plugins/x/index.js`: a file, or a folder
 * whose package.json names its entry) or an npm package name (`osmosis-plugin-x`, resolved from
 * Osmosis' own node_modules). A module that cannot be found, throws while loading or does not
 * finish loading in time (a top-level await that never settles) is recorded as a failed
 * candidate; nothing is thrown.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILTIN_PLUGINS } from './builtins.js';
import { definitionOf } from './definition.js';
import { PluginRegistrationError } from './errors.js';
import type { PluginCandidate } from './registry.js';

export interface LoadOptions {
  /** Paths are resolved against it; default the working directory. */
  baseDir?: string;
  /** Built-ins by name; default BUILTIN_PLUGINS. */
  builtins?: Readonly<Record<string, unknown>>;
  /** How long importing one module may take; default DEFAULT_LOAD_TIMEOUT_MS. */
  timeoutMs?: number;
}

/**
 * Importing one plugin module (its top-level code, top-level awaits included) may take this long.
 * Past it the plugin is PLUGIN_LOAD_TIMEOUT; an ES module import cannot be cancelled, so the module
 * is abandoned, still pending.
 */
export const DEFAULT_LOAD_TIMEOUT_MS = 10_000;

class LoadTimeout extends Error {}

/**
 * `promise`, or a LoadTimeout past `ms`. The timer is also what keeps the process alive meanwhile:
 * a top-level await on a promise that never settles leaves nothing pending, and Node would exit
 * with code 13 without a word. It is cleared as soon as either side settles.
 */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LoadTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const isPath = (entry: string): boolean =>
  entry.startsWith('.') || entry.startsWith('file:') || isAbsolute(entry);

/** The file to import for a path entry: the file itself, or a folder's package entry. */
function entryFile(path: string): string | null {
  if (!existsSync(path)) return null;
  if (statSync(path).isFile()) return path;
  const manifest = join(path, 'package.json');
  if (existsSync(manifest)) {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: unknown; main?: string };
    const root = typeof pkg.exports === 'object' && pkg.exports !== null && '.' in pkg.exports
      ? (pkg.exports as Record<string, unknown>)['.']
      : pkg.exports;
    const target = typeof root === 'string' ? root
      : typeof root === 'object' && root !== null
        ? ((root as Record<string, unknown>).import ?? (root as Record<string, unknown>).default) as string | undefined
        : pkg.main;
    if (typeof target === 'string' && existsSync(join(path, target))) return join(path, target);
  }
  for (const index of ['index.js', 'index.mjs', 'index.ts']) if (existsSync(join(path, index))) return join(path, index);
  return null;
}

/** Built-in entries only, synchronously (createOsmosis); a non-built-in entry must go through loadPlugins. */
export function builtinCandidates(entries: readonly string[], builtins = BUILTIN_PLUGINS): PluginCandidate[] {
  return entries.map((source) => {
    if (!(source in builtins)) {
      throw new Error(`plugin "${source}" is not built in: load it with loadPlugins() and pass the result to createOsmosis (startOsmosis does)`);
    }
    return { source, builtin: true, exported: builtins[source] };
  });
}

export async function loadPlugins(entries: readonly string[], options: LoadOptions = {}): Promise<PluginCandidate[]> {
  const builtins = options.builtins ?? BUILTIN_PLUGINS;
  const baseDir = options.baseDir ?? process.cwd();
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  const candidates: PluginCandidate[] = [];
  for (const source of entries) {
    if (source in builtins) {
      candidates.push({ source, builtin: true, exported: builtins[source] });
      continue;
    }
    let specifier = source;
    if (isPath(source)) {
      const path = source.startsWith('file:') ? fileURLToPath(source) : resolve(baseDir, source);
      const file = entryFile(path);
      if (!file) {
        candidates.push({ source, builtin: false, error: new PluginRegistrationError('PLUGIN_NOT_FOUND', source, `nothing to load at ${path}`) });
        continue;
      }
      specifier = pathToFileURL(file).href;
    }
    try {
      const namespace: unknown = await withDeadline(import(specifier), timeoutMs);
      candidates.push({ source, builtin: false, exported: definitionOf(namespace) });
    } catch (error) {
      if (error instanceof LoadTimeout) {
        candidates.push({
          source,
          builtin: false,
          error: new PluginRegistrationError('PLUGIN_LOAD_TIMEOUT', source,
            `importing it did not finish within ${timeoutMs} ms (does its top-level code await something that never settles?)`),
        });
        continue;
      }
      const e = error as Error & { code?: string };
      const notFound = !isPath(source) && e.code === 'ERR_MODULE_NOT_FOUND' && e.message.includes(`'${source}'`);
      candidates.push({
        source,
        builtin: false,
        error: notFound
          ? new PluginRegistrationError('PLUGIN_NOT_FOUND', source, `no built-in plugin and no installed package is named "${source}"`)
          : new PluginRegistrationError('PLUGIN_LOAD_FAILED', source, `importing it threw: ${e.message}`, { cause: error }),
      });
    }
  }
  return candidates;
}
