/**
 * Runs plugins' `schema` hooks. The Pothos builder is shared by the process and cannot forget a
 * registration, so a hook is first run against a scratch builder holding stand-ins of what the
 * API exposes (Actor, Analytics, Mutation, the enums and scalars): if it throws, breaks the naming rules or
 * leaves a reference unimplemented, only that plugin fails and the real builder is untouched.
 * Then it runs against the real builder, once per process (a second Osmosis instance loading the
 * same plugin reuses the registration; resolvers find their instance through `scope`).
 */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { builder as hostBuilder } from '../graphql/builder.js';
import { ActorKindEnum, SideEnum, TieTypeEnum, ValueKindEnum } from '../graphql/enums.js';
import { ActorRef } from '../graphql/refs.js';
import { buildSchema } from '../graphql/schema.js';
import {
  ACTOR_KINDS, SIDES, TIE_TYPES, VALUE_KINDS,
  type ActorView, type AnalyticsRoot, type PluginBuilder, type PluginDefinition, type PluginRequestContext,
  type PluginRequestScope, type PluginSchema, type PluginSchemaTypes,
} from '../plugin-api/plugin.js';
import { bindingOf } from './binding.js';
import { PluginRegistrationError, pluginError } from './errors.js';
import { AnalyticsRef } from './graphql.js';

/** `value-flow` → `valueFlow`. */
export const camelName = (plugin: string): string => plugin.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
/** `value-flow` → `ValueFlow`. */
export const pascalName = (plugin: string): string => {
  const camel = camelName(plugin);
  return camel[0].toUpperCase() + camel.slice(1);
};

/** `prefix` itself, or `prefix` followed by an upper-case letter or a digit (influence, influenceRank; not influencer). */
const prefixed = (name: string, prefix: string): boolean =>
  name === prefix || (name.startsWith(prefix) && /[A-Z0-9_]/.test(name[prefix.length]));

type Refs = Pick<PluginSchema, 'Actor' | 'Analytics' | 'ActorKind' | 'Side' | 'TieType' | 'ValueKind'>;

function pluginSchema(builder: PluginBuilder, refs: Refs, plugin: string): PluginSchema<unknown> {
  const field = camelName(plugin);
  const checkField = (type: string, name: string) => {
    if (!prefixed(name, field)) throw new Error(`the field ${type}.${name} must be named "${field}" or start with "${field}" followed by a capital`);
  };
  return Object.freeze({
    builder,
    ...refs,
    analyticsField(name, thunk) {
      checkField('Analytics', name);
      builder.objectField(refs.Analytics, name, thunk);
    },
    actorField(name, thunk) {
      checkField('Actor', name);
      builder.objectField(refs.Actor, name, thunk);
    },
    mutationField(name, thunk) {
      checkField('Mutation', name);
      builder.mutationField(name, thunk);
    },
    scope(context: PluginRequestContext, info): PluginRequestScope<unknown> {
      const binding = bindingOf(info.schema);
      if (!binding) throw pluginError('PLUGIN_NOT_LOADED', `plugin "${plugin}" is not loaded by this Osmosis instance`, { plugin });
      return binding.scope(plugin, context);
    },
  } satisfies PluginSchema<unknown>);
}

/** A builder configured like the host's, with stand-ins for the types the plugin API exposes. */
function scratchBuilder(): { builder: PluginBuilder; refs: Refs } {
  const scratch = new SchemaBuilder<{
    Context: PluginRequestContext;
    DefaultFieldNullability: false;
    Scalars: PluginSchemaTypes['Scalars'];
  }>({
    plugins: [RelayPlugin],
    defaultFieldNullability: false,
    relay: { clientMutationId: 'omit', cursorType: 'String', nodeQueryOptions: { nullable: true }, nodesQueryOptions: false },
  });
  scratch.addScalarType('DateTime', DateTimeISOResolver);
  scratch.addScalarType('JSONObject', JSONObjectResolver);
  const Actor = scratch.objectRef<ActorView>('Actor').implement({
    fields: (t) => ({ key: t.exposeString('key'), name: t.exposeString('name') }),
  });
  const Analytics = scratch.objectRef<AnalyticsRoot>('Analytics').implement({ fields: () => ({}) });
  const enums = {
    ActorKind: scratch.enumType('ActorKind', { values: ACTOR_KINDS }),
    Side: scratch.enumType('Side', { values: SIDES }),
    TieType: scratch.enumType('TieType', { values: TIE_TYPES }),
    ValueKind: scratch.enumType('ValueKind', { values: VALUE_KINDS }),
  };
  scratch.queryType({ fields: (t) => ({ analytics: t.field({ type: Analytics, resolve: () => ({}) }) }) });
  scratch.mutationType({ fields: () => ({}) });
  return { builder: scratch as unknown as PluginBuilder, refs: { Actor, Analytics, ...enums } as unknown as Refs };
}

/** Type names of a schema, without introspection types. */
const typeNames = (schema: GraphQLSchema): string[] => Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith('__'));

const fieldNames = (schema: GraphQLSchema, type: string): string[] => {
  const t = schema.getType(type);
  return t && isObjectType(t) ? Object.keys(t.getFields()) : [];
};

/** What the real builder already holds, to refuse a plugin name clash before touching it. */
interface Known {
  types: Set<string>;
  actorFields: Set<string>;
  analyticsFields: Set<string>;
  mutationFields: Set<string>;
  /** Plugin name → the definition whose schema hook ran on this builder. */
  plugins: Map<string, PluginDefinition<unknown>>;
}

let known: Known | null = null;
let emptyScratchTypes: Set<string> | null = null;

function knownOfHost(): Known {
  if (!known) {
    const base = buildSchema();
    known = {
      types: new Set(typeNames(base)),
      actorFields: new Set(fieldNames(base, 'Actor')),
      analyticsFields: new Set(fieldNames(base, 'Analytics')),
      mutationFields: new Set(fieldNames(base, 'Mutation')),
      plugins: new Map(),
    };
  }
  return known;
}

function checkNames(plugin: string, trial: GraphQLSchema, host: Known): void {
  if (!emptyScratchTypes) emptyScratchTypes = new Set(typeNames(scratchBuilder().builder.toSchema()));
  const pascal = pascalName(plugin);
  const camel = camelName(plugin);
  // Relay types a plugin may pull in; identical wherever they come from.
  const shared = new Set(['PageInfo', 'Node']);
  for (const name of typeNames(trial)) {
    if (emptyScratchTypes.has(name) || shared.has(name)) continue;
    const allowed = prefixed(name, pascal) || prefixed(name, `Analytics${pascal}`) || prefixed(name, `Actor${pascal}`);
    if (!allowed) throw new Error(`the type ${name} must be named with the prefix "${pascal}"`);
    if (host.types.has(name)) throw new Error(`the type ${name} already exists`);
  }
  for (const [type, existing] of [['Actor', host.actorFields], ['Analytics', host.analyticsFields], ['Mutation', host.mutationFields]] as const) {
    for (const name of fieldNames(trial, type)) {
      if (type === 'Actor' && (name === 'key' || name === 'name')) continue; // the stand-in's own
      if (!prefixed(name, camel)) throw new Error(`the field ${type}.${name} must be named "${camel}" or start with "${camel}" followed by a capital`);
      if (existing.has(name)) throw new Error(`the field ${type}.${name} already exists`);
    }
  }
}

/**
 * Runs the plugin's schema hook (trial, then real). Throws PluginRegistrationError
 * PLUGIN_SCHEMA_FAILED; the real builder is changed only when the trial passed.
 */
export function extendSchema(definition: PluginDefinition<unknown>): void {
  const hook = definition.schema;
  if (!hook) return;
  const { name } = definition;
  const host = knownOfHost();
  const previous = host.plugins.get(name);
  if (previous === definition) return;
  if (previous) {
    throw new PluginRegistrationError('PLUGIN_SCHEMA_FAILED', name,
      `another plugin named "${name}" (version ${previous.version}) already extended the schema of this process`);
  }

  let trial: GraphQLSchema;
  try {
    const { builder, refs } = scratchBuilder();
    hook(pluginSchema(builder, refs, name));
    trial = builder.toSchema();
    checkNames(name, trial, host);
  } catch (error) {
    throw new PluginRegistrationError('PLUGIN_SCHEMA_FAILED', name, `its schema hook failed: ${(error as Error).message}`, { cause: error });
  }

  const refs = {
    Actor: ActorRef,
    Analytics: AnalyticsRef,
    ActorKind: ActorKindEnum,
    Side: SideEnum,
    TieType: TieTypeEnum,
    ValueKind: ValueKindEnum,
  } as unknown as Refs;
  try {
    hook(pluginSchema(hostBuilder as unknown as PluginBuilder, refs, name));
  } catch (error) {
    // The trial passed, so only a hook that behaves differently the second time gets here.
    throw new PluginRegistrationError('PLUGIN_SCHEMA_FAILED', name,
      `its schema hook failed on the second run (it must be deterministic): ${(error as Error).message}`, { cause: error });
  }
  host.plugins.set(name, definition);
  for (const type of typeNames(trial)) host.types.add(type);
  for (const f of fieldNames(trial, 'Actor')) host.actorFields.add(f);
  for (const f of fieldNames(trial, 'Analytics')) host.analyticsFields.add(f);
  for (const f of fieldNames(trial, 'Mutation')) host.mutationFields.add(f);
}
