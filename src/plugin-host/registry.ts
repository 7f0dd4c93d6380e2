/**
 * Registration: from the loaded plugin modules to the ordered list of plugins to set up. Each
 * check fails precisely, with its own code and a message naming the plugin (in the manner of
 * fastify's checkVersion / checkDependencies):
 *   definition → duplicate name → plugin-API range → dependencies (present, in range, no cycle).
 * Plugins come out dependencies first, otherwise in configuration order.
 */
import { PLUGIN_API_VERSION } from '../plugin-api/plugin.js';
import { checkDefinition, type CheckedPlugin } from './definition.js';
import { PluginRegistrationError } from './errors.js';
import { satisfies } from './semver.js';

/** One OSMOSIS_PLUGINS entry after its module was imported (or failed to be). */
export interface PluginCandidate {
  /** The configuration entry: a built-in name, a path or a package name. */
  source: string;
  builtin: boolean;
  /** What the module exports as its plugin, when the import succeeded. */
  exported?: unknown;
  /** Why the import failed. */
  error?: PluginRegistrationError;
}

export interface RegisteredPlugin extends CheckedPlugin {
  source: string;
  builtin: boolean;
}

export interface FailedPlugin {
  source: string;
  builtin: boolean;
  /** The plugin's name when known, else the source. */
  name: string;
  version: string | null;
  apiVersion: string | null;
  error: PluginRegistrationError;
}

export interface Registration {
  accepted: RegisteredPlugin[];
  failed: FailedPlugin[];
}

export function registerPlugins(candidates: readonly PluginCandidate[], hostApiVersion = PLUGIN_API_VERSION): Registration {
  const failed: FailedPlugin[] = [];
  const fail = (c: PluginCandidate, error: PluginRegistrationError, checked?: CheckedPlugin) => failed.push({
    source: c.source,
    builtin: c.builtin,
    name: checked?.definition.name ?? error.plugin,
    version: checked?.definition.version ?? null,
    apiVersion: checked?.definition.apiVersion ?? null,
    error,
  });

  // Definition, duplicate name, API range: one plugin at a time.
  const byName = new Map<string, RegisteredPlugin>();
  for (const c of candidates) {
    if (c.error) {
      fail(c, c.error);
      continue;
    }
    let checked: CheckedPlugin;
    try {
      checked = checkDefinition(c.exported, c.source);
    } catch (error) {
      fail(c, error as PluginRegistrationError);
      continue;
    }
    const { name, apiVersion } = checked.definition;
    const first = byName.get(name);
    if (first) {
      fail(c, new PluginRegistrationError('PLUGIN_DUPLICATE_NAME', name,
        `the name is already taken by the plugin loaded from "${first.source}" (this one is from "${c.source}")`), checked);
      continue;
    }
    if (!satisfies(hostApiVersion, apiVersion)) {
      fail(c, new PluginRegistrationError('PLUGIN_INCOMPATIBLE_API', name,
        `it requires plugin API ${apiVersion}, this Osmosis provides ${hostApiVersion}`), checked);
      continue;
    }
    byName.set(name, { ...checked, source: c.source, builtin: c.builtin });
  }

  // Dependencies, depth first so that they come out before their dependants.
  const failedByName = new Map(failed.map((f) => [f.name, f] as const));
  const state = new Map<string, 'visiting' | 'done' | PluginRegistrationError>();
  const accepted: RegisteredPlugin[] = [];

  const visit = (plugin: RegisteredPlugin, path: string[]): PluginRegistrationError | null => {
    const { name } = plugin.definition;
    const seen = state.get(name);
    if (seen === 'done') return null;
    if (seen instanceof PluginRegistrationError) return seen;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name].join(' → ');
      return new PluginRegistrationError('PLUGIN_DEPENDENCY_CYCLE', name, `its dependencies form a cycle: ${cycle}`);
    }
    state.set(name, 'visiting');
    let error: PluginRegistrationError | null = null;
    for (const [dep, range] of Object.entries(plugin.definition.dependencies ?? {})) {
      const target = byName.get(dep);
      if (!target) {
        const why = failedByName.get(dep);
        error = new PluginRegistrationError('PLUGIN_MISSING_DEPENDENCY', name, why
          ? `it depends on "${dep}" ${range}, which failed to load (${why.error.code})`
          : `it depends on "${dep}" ${range}, which is not in OSMOSIS_PLUGINS`);
        break;
      }
      const inner = visit(target, [...path, name]);
      if (inner) {
        error = inner.code === 'PLUGIN_DEPENDENCY_CYCLE'
          ? new PluginRegistrationError('PLUGIN_DEPENDENCY_CYCLE', name, inner.message.replace(/^plugin "[^"]+": /, ''))
          : new PluginRegistrationError('PLUGIN_MISSING_DEPENDENCY', name, `it depends on "${dep}", which failed to load (${inner.code})`);
        break;
      }
      if (!satisfies(target.definition.version, range)) {
        error = new PluginRegistrationError('PLUGIN_INCOMPATIBLE_DEPENDENCY', name,
          `it depends on "${dep}" ${range}, but version ${target.definition.version} is loaded`);
        break;
      }
    }
    if (error) {
      state.set(name, error);
      return error;
    }
    state.set(name, 'done');
    accepted.push(plugin);
    return null;
  };

  for (const plugin of byName.values()) {
    const error = visit(plugin, []);
    if (error && !failed.some((f) => f.name === plugin.definition.name)) {
      failed.push({
        source: plugin.source,
        builtin: plugin.builtin,
        name: plugin.definition.name,
        version: plugin.definition.version,
        apiVersion: plugin.definition.apiVersion,
        error,
      });
    }
  }
  return { accepted, failed };
}
