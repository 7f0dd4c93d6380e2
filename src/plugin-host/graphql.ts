/**
 * The GraphQL surface of the plugin host: `Query.plugins` (what is loaded, with versions and
 * status), the `Query.analytics` namespace that plugins extend, and `analytics { run }`, the
 * generic entry for tools that do not know a plugin's types. Imported by src/graphql/schema.ts.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { builder, type Types } from '../graphql/builder.js';
import type { AnalyticsRoot, JsonValue } from '../plugin-api/plugin.js';
import { bindingOf, type JsonRun, type PluginStatus } from './binding.js';
import { pluginError } from './errors.js';

// `JSON` is not among the builder's declared scalars (builder.ts); registered here under its own
// name and typed through this ref. Adding JSON to the builder's Scalars would remove the cast.
const JsonRef = builder.addScalarType('JSON' as never, JSONResolver) as unknown as PothosSchemaTypes.ScalarRef<Types, JsonValue, JsonValue>;

const PluginStatusEnum = builder.enumType('PluginStatus', {
  values: {
    ACTIVE: { description: 'Loaded and set up; its fields and analytics answer.' },
    FAILED: { description: 'Not loaded: see `errorCode` and `error`. Osmosis runs without it.' },
  },
});

const PluginRef = builder.objectRef<PluginStatus>('Plugin').implement({
  description: 'A plugin listed in OSMOSIS_PLUGINS.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, or the configured entry when it failed before declaring one.' }),
    version: t.exposeString('version', { nullable: true }),
    apiVersion: t.exposeString('apiVersion', { nullable: true, description: 'The plugin-API range it was written for.' }),
    description: t.exposeString('description', { nullable: true }),
    source: t.exposeString('source', { description: 'The OSMOSIS_PLUGINS entry: a built-in name, a path or a package name.' }),
    builtin: t.exposeBoolean('builtin'),
    status: t.field({ type: PluginStatusEnum, resolve: (p) => p.status }),
    errorCode: t.exposeString('errorCode', { nullable: true, description: 'e.g. PLUGIN_INCOMPATIBLE_API, when FAILED.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed, naming the plugin.' }),
    analytics: t.exposeStringList('analytics', { description: 'Names its analytics answer to in `analytics { run }`.' }),
  }),
});

/** `Query.analytics`: the namespace plugins add their fields to. */
export const AnalyticsRef = builder.objectRef<AnalyticsRoot>('Analytics');

const AnalyticRunRef = builder.objectRef<JsonRun>('AnalyticRun').implement({
  description: 'One run of an analytic, in generic form.',
  fields: (t) => ({
    plugin: t.exposeString('plugin'),
    analytic: t.exposeString('analytic'),
    graphVersion: t.float({ description: 'The graph version it was computed at.', resolve: (r) => r.result.graphVersion }),
    cached: t.boolean({ description: 'Served from the cache: same graph version and params.', resolve: (r) => r.result.cached }),
    computeMs: t.float({ description: 'Milliseconds the computation took in its worker.', resolve: (r) => r.result.computeMs }),
    nodeCount: t.int({ description: 'Nodes of the projection it ran on.', resolve: (r) => r.result.graph.nodeCount }),
    edgeCount: t.int({ description: 'Edges of that projection.', resolve: (r) => r.result.graph.edgeCount }),
    result: t.field({ type: JsonRef, nullable: true, description: 'The result as JSON (its shape is the analytic\'s).', resolve: (r) => r.json as JsonValue }),
  }),
});

AnalyticsRef.implement({
  description: 'Network analytics contributed by plugins. Results are cached by graph version and parameters.',
  fields: (t) => ({
    run: t.field({
      type: AnalyticRunRef,
      description: 'Runs any analytic of any loaded plugin with JSON params (see `Query.plugins` for names).',
      args: {
        plugin: t.arg.string({ required: true }),
        analytic: t.arg.string({ required: true }),
        params: t.arg({ type: 'JSONObject', required: false }),
      },
      resolve: (_root, args, _ctx, info) => host(info).runJson(args.plugin, args.analytic, args.params ?? {}),
    }),
  }),
});

const host = (info: GraphQLResolveInfo) => {
  const binding = bindingOf(info.schema);
  if (!binding) throw pluginError('PLUGIN_NOT_LOADED', 'no plugin host serves this schema');
  return binding;
};

builder.queryFields((t) => ({
  plugins: t.field({
    type: [PluginRef],
    description: 'The configured plugins, in configuration order, with their status.',
    resolve: (_root, _args, _ctx, info) => bindingOf(info.schema)?.statuses() ?? [],
  }),
  analytics: t.field({
    type: AnalyticsRef,
    description: 'Network analytics from plugins.',
    resolve: () => ({}),
  }),
}));
