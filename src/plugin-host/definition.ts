/**
 * Checks that what a plugin module exports is a plugin definition, before anything of it runs,
 * and resolves the files of its analytics. Every problem is a PLUGIN_INVALID naming the plugin
 * and the field at fault.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PLUGIN_NAME_PATTERN, type AnalyticDeclaration, type PluginDefinition } from '../plugin-api/plugin.js';
import { PluginRegistrationError } from './errors.js';
import { parseVersion, validRange } from './semver.js';

/** A definition that passed the checks, with each analytic's module resolved to an existing file URL. */
export interface CheckedPlugin {
  definition: PluginDefinition<unknown>;
  /** Analytic name → file URL (href) the worker imports. */
  modules: ReadonlyMap<string, string>;
}

const KNOWN_FIELDS = new Set(['name', 'version', 'apiVersion', 'description', 'dependencies', 'options', 'analytics', 'schema', 'setup']);
const ANALYTIC_FIELDS = new Set(['module', 'params', 'projection', 'description', 'facts', 'toJSON']);
const ANALYTIC_NAME = /^[a-z][a-zA-Z0-9-]{0,63}$/;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isSchema = (x: unknown): boolean => isObject(x) && typeof x.safeParse === 'function';

/** The module a plugin module exports: its default export, else an export named `plugin`. */
export function definitionOf(namespace: unknown): unknown {
  if (!isObject(namespace)) return namespace;
  return namespace.default ?? namespace.plugin;
}

/**
 * The file an analytic's `module` names. A `.js` URL that does not exist falls back to a `.ts`
 * (or `.mjs` → `.mts`) sibling, so TypeScript sources work under tsx in development.
 */
export function resolveModule(module: URL | string): string | null {
  let url: URL;
  try {
    url = module instanceof URL ? module : new URL(module);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:') return null;
  const path = fileURLToPath(url);
  const candidates = [path];
  if (path.endsWith('.js')) candidates.push(`${path.slice(0, -3)}.ts`);
  if (path.endsWith('.mjs')) candidates.push(`${path.slice(0, -4)}.mts`);
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return pathToFileURL(candidate).href;
  }
  return null;
}

/** Validates a definition; throws PluginRegistrationError PLUGIN_INVALID. `source` names it until its name is known. */
export function checkDefinition(candidate: unknown, source: string): CheckedPlugin {
  const name = isObject(candidate) && typeof candidate.name === 'string' ? candidate.name : source;
  const invalid = (message: string) => new PluginRegistrationError('PLUGIN_INVALID', name, message);
  if (!isObject(candidate)) {
    throw invalid('the module must export a plugin (export default definePlugin({ ... }))');
  }
  const p = candidate;
  const unknown = Object.keys(p).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length) throw invalid(`unknown field ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${[...KNOWN_FIELDS].join(', ')})`);
  if (typeof p.name !== 'string' || !PLUGIN_NAME_PATTERN.test(p.name)) {
    throw invalid('name must be lower-case letters, digits and dashes, starting with a letter (at most 40 characters)');
  }
  if (typeof p.version !== 'string' || !parseVersion(p.version)) throw invalid('version must be a semantic version such as 1.0.0');
  if (typeof p.apiVersion !== 'string' || !validRange(p.apiVersion)) throw invalid('apiVersion must be a semver range such as ^1.0.0');
  if (p.description !== undefined && typeof p.description !== 'string') throw invalid('description must be a string');
  if (p.dependencies !== undefined) {
    if (!isObject(p.dependencies)) throw invalid('dependencies must map plugin names to semver ranges');
    for (const [dep, range] of Object.entries(p.dependencies)) {
      if (!PLUGIN_NAME_PATTERN.test(dep)) throw invalid(`dependencies: "${dep}" is not a plugin name`);
      if (typeof range !== 'string' || !validRange(range)) throw invalid(`dependencies.${dep} must be a semver range such as ^1.0.0`);
      if (dep === p.name) throw invalid('a plugin cannot depend on itself');
    }
  }
  if (p.options !== undefined && !isSchema(p.options)) throw invalid('options must be a zod schema');
  for (const hook of ['schema', 'setup'] as const) {
    if (p[hook] !== undefined && typeof p[hook] !== 'function') throw invalid(`${hook} must be a function`);
  }
  const modules = new Map<string, string>();
  if (p.analytics !== undefined) {
    if (!isObject(p.analytics)) throw invalid('analytics must map analytic names to defineAnalytic({ ... })');
    for (const [analytic, declaration] of Object.entries(p.analytics)) {
      const at = `analytics.${analytic}`;
      if (!ANALYTIC_NAME.test(analytic)) throw invalid(`${at}: names are letters, digits and dashes, starting with a lower-case letter`);
      if (!isObject(declaration)) throw invalid(`${at} must be defineAnalytic({ module, params })`);
      const d = declaration as Partial<AnalyticDeclaration> & Record<string, unknown>;
      const extra = Object.keys(d).filter((k) => !ANALYTIC_FIELDS.has(k));
      if (extra.length) throw invalid(`${at}: unknown field ${extra.map((k) => `"${k}"`).join(', ')}`);
      if (!isSchema(d.params)) throw invalid(`${at}.params must be a zod schema`);
      if (d.facts !== undefined && typeof d.facts !== 'boolean') throw invalid(`${at}.facts must be true or false`);
      for (const fn of ['projection', 'toJSON'] as const) {
        if (d[fn] !== undefined && typeof d[fn] !== 'function') throw invalid(`${at}.${fn} must be a function`);
      }
      if (!(d.module instanceof URL) && typeof d.module !== 'string') {
        throw invalid(`${at}.module must be a file URL: new URL('./analytics/${analytic}.js', import.meta.url)`);
      }
      const resolved = resolveModule(d.module);
      if (!resolved) throw invalid(`${at}.module: no file at ${String(d.module)}`);
      modules.set(analytic, resolved);
    }
  }
  return { definition: p as unknown as PluginDefinition<unknown>, modules };
}
