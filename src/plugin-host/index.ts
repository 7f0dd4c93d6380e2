/** The plugin host: loading, registration checks, lifecycle, the isolated analytics runner. */
export { createPluginHost, DEFAULT_LIMITS, type HostLimits, type HostStats, type PluginHost, type PluginHostOptions } from './host.js';
export { builtinCandidates, DEFAULT_LOAD_TIMEOUT_MS, loadPlugins, type LoadOptions } from './load.js';
export { BUILTIN_PLUGINS, extendSchemaWithBuiltins } from './builtins.js';
export { registerPlugins, type PluginCandidate } from './registry.js';
export {
  PluginRegistrationError, PluginStartupError, REGISTRATION_CODES, type RegistrationCode, type RunCode,
} from './errors.js';
export type { PluginStatus } from './binding.js';
export type { SignalEnrichmentWriter } from './events.js';
