/**
 * The plugin host's error codes. Registration failures are recorded per plugin (and listed by
 * `Query.plugins`); runtime failures reach the client as coded GraphQL errors naming the plugin
 * and the analytic.
 */
import { OsmosisError } from '../graphql/errors.js';

/** Why a plugin did not load. Each check of registration has its own code. */
export const REGISTRATION_CODES = [
  /** The configured entry names no built-in, no existing path and no installed package. */
  'PLUGIN_NOT_FOUND',
  /** Importing the plugin's module threw. */
  'PLUGIN_LOAD_FAILED',
  /** Importing the plugin's module did not finish in time (e.g. a top-level await that never settles). */
  'PLUGIN_LOAD_TIMEOUT',
  /** The module's export is not a valid plugin definition (name, version, apiVersion, hooks, analytics). */
  'PLUGIN_INVALID',
  /** Another plugin listed earlier has the same name. */
  'PLUGIN_DUPLICATE_NAME',
  /** The plugin's `apiVersion` range does not include this host's PLUGIN_API_VERSION. */
  'PLUGIN_INCOMPATIBLE_API',
  /** A declared dependency is not listed, or did not load. */
  'PLUGIN_MISSING_DEPENDENCY',
  /** A declared dependency is loaded in a version outside the declared range. */
  'PLUGIN_INCOMPATIBLE_DEPENDENCY',
  /** Plugins depend on each other in a cycle. */
  'PLUGIN_DEPENDENCY_CYCLE',
  /** The plugin's options fail its options schema. */
  'PLUGIN_INVALID_OPTIONS',
  /** The schema hook threw, broke naming rules, or left the schema incomplete. */
  'PLUGIN_SCHEMA_FAILED',
  /** `setup` threw. */
  'PLUGIN_SETUP_FAILED',
] as const;
export type RegistrationCode = (typeof REGISTRATION_CODES)[number];

/** A plugin that could not be registered. The message always names the plugin. */
export class PluginRegistrationError extends Error {
  override readonly name = 'PluginRegistrationError';

  constructor(readonly code: RegistrationCode, readonly plugin: string, message: string, options?: { cause?: unknown }) {
    super(`plugin "${plugin}": ${message}`, options);
  }
}

/** Strict mode (OSMOSIS_PLUGINS_STRICT=true): at least one plugin failed, so Osmosis does not start. */
export class PluginStartupError extends Error {
  override readonly name = 'PluginStartupError';

  constructor(readonly failures: readonly PluginRegistrationError[]) {
    super(`plugins failed to load (OSMOSIS_PLUGINS_STRICT=true):\n  ${failures.map((f) => `${f.code}: ${f.message}`).join('\n  ')}`);
  }
}

/** Why a run of an analytic failed. */
export type RunCode =
  | 'PLUGIN_NOT_LOADED'
  | 'PLUGIN_UNKNOWN_ANALYTIC'
  | 'PLUGIN_TIMEOUT'
  | 'PLUGIN_OUT_OF_MEMORY'
  | 'PLUGIN_FAILED'
  | 'PLUGIN_BUSY'
  | 'PLUGIN_CAPABILITY_DENIED'
  | 'PLUGIN_CAPABILITY_UNAVAILABLE';

/** A coded runtime error of the plugin host; a GraphQLError, so clients see it unmasked. */
export const pluginError = (code: RunCode, message: string, extra: Record<string, unknown> = {}): OsmosisError =>
  new OsmosisError(message, code, extra);

export const isPluginError = (error: unknown, code?: RunCode): error is OsmosisError =>
  error instanceof OsmosisError && (code === undefined || error.extensions.code === code);
