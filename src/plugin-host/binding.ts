/**
 * Which plugin host serves a GraphQL schema. The Pothos builder is one per process, so plugin
 * fields and their resolvers are shared by every Osmosis instance in it; each instance builds its
 * own GraphQLSchema object, binds its host to it here, and a resolver finds the host serving its
 * request through `info.schema`. (In production there is one instance per process; tests run many.)
 */
import type { GraphQLSchema } from 'graphql';
import type { AnalyticResult, PluginRequestContext, PluginRequestScope } from '../plugin-api/plugin.js';

export type PluginState = 'ACTIVE' | 'FAILED';

/** One configured plugin as `Query.plugins` lists it. */
export interface PluginStatus {
  name: string;
  version: string | null;
  apiVersion: string | null;
  description: string | null;
  /** The OSMOSIS_PLUGINS entry it came from. */
  source: string;
  builtin: boolean;
  status: PluginState;
  /** Registration error code and message when FAILED. */
  errorCode: string | null;
  error: string | null;
  analytics: string[];
}

/** The generic form of a run, for `analytics { run }`. */
export interface JsonRun {
  plugin: string;
  analytic: string;
  result: AnalyticResult;
  json: unknown;
}

export interface HostBinding {
  statuses(): readonly PluginStatus[];
  /** The request scope of a loaded plugin; throws PLUGIN_NOT_LOADED otherwise. */
  scope(plugin: string, context: PluginRequestContext): PluginRequestScope<unknown>;
  runJson(plugin: string, analytic: string, params: unknown): Promise<JsonRun>;
}

const bindings = new WeakMap<GraphQLSchema, HostBinding>();

export function bindSchema(schema: GraphQLSchema, binding: HostBinding): GraphQLSchema {
  bindings.set(schema, binding);
  return schema;
}

export const bindingOf = (schema: GraphQLSchema): HostBinding | undefined => bindings.get(schema);
