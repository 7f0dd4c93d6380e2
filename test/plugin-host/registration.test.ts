/**
 * Registration: every check fails with its own code and a message naming the plugin; a failed
 * plugin is left out and reported while the others load; strict mode makes any failure fatal.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createOsmosis, startOsmosis } from '../../src/main.js';
import { definePlugin, defineAnalytic, PLUGIN_API_VERSION, z, type PluginDefinition } from '../../src/plugin-api/index.js';
import {
  BUILTIN_PLUGINS, loadPlugins, PluginStartupError, REGISTRATION_CODES, registerPlugins, type PluginCandidate,
} from '../../src/plugin-host/index.js';
import type { Store } from '../../src/store/port.js';
import { gql, ok } from '../support/graphql-client.js';
import { embeddedFactory } from '../support/stores.js';
import { candidate, capturedLog } from './support.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/plugins/${name}`, import.meta.url));
const edgesModule = new URL('../fixtures/plugins/misbehaving-analytics/edges.js', import.meta.url);

const plugin = (over: Partial<PluginDefinition<any>> = {}): PluginDefinition<any> =>
  definePlugin({ name: 'sample', version: '1.0.0', apiVersion: '^1.0.0', ...over });

/** Registers one or more candidates; returns the failure codes and messages by source. */
function failures(candidates: PluginCandidate[]) {
  const { accepted, failed } = registerPlugins(candidates);
  return {
    accepted: accepted.map((a) => a.definition.name),
    failed: Object.fromEntries(failed.map((f) => [f.source, { code: f.error.code, message: f.error.message }])),
  };
}

describe('registration checks', () => {
  it('accepts a valid plugin and orders dependencies first', () => {
    const r = failures([
      candidate('b', plugin({ name: 'b', dependencies: { a: '^1.2.0' } })),
      candidate('a', plugin({ name: 'a', version: '1.4.2' })),
      candidate('c', plugin({ name: 'c' })),
    ]);
    expect(r).toEqual({ accepted: ['a', 'b', 'c'], failed: {} });
  });

  it.each([
    ['not an object', 42, /must export a plugin/],
    ['a bad name', plugin({ name: 'Bad Name' }), /name must be lower-case/],
    ['a bad version', plugin({ version: 'one' }), /version must be a semantic version/],
    ['a bad apiVersion range', plugin({ apiVersion: 'latest' }), /apiVersion must be a semver range/],
    ['an unknown field', { ...plugin(), setUp() {} }, /unknown field "setUp"/],
    ['a hook that is not a function', plugin({ setup: 'yes' as never }), /setup must be a function/],
    ['options that are not a zod schema', plugin({ options: { label: 'x' } as never }), /options must be a zod schema/],
    ['an analytic without params', plugin({ analytics: { x: { module: edgesModule } as never } }), /analytics\.x\.params must be a zod schema/],
    ['an analytic module that does not exist', plugin({ analytics: { x: defineAnalytic({ module: new URL('./nowhere.js', import.meta.url), params: z.object({}) }) } }), /analytics\.x\.module: no file at/],
  ])('PLUGIN_INVALID: %s', (_what, exported, message) => {
    const r = failures([candidate('src', exported)]);
    expect(r.failed.src.code).toBe('PLUGIN_INVALID');
    expect(r.failed.src.message).toMatch(message);
    expect(r.failed.src.message).toMatch(/^plugin "(sample|src|Bad Name)": /);
  });

  it('PLUGIN_DUPLICATE_NAME: the second plugin of a name, naming both sources', () => {
    const r = failures([candidate('./one', plugin()), candidate('./two', plugin({ version: '2.0.0' }))]);
    expect(r.accepted).toEqual(['sample']);
    expect(r.failed['./two']).toEqual({
      code: 'PLUGIN_DUPLICATE_NAME',
      message: 'plugin "sample": the name is already taken by the plugin loaded from "./one" (this one is from "./two")',
    });
  });

  it('PLUGIN_INCOMPATIBLE_API: an apiVersion range without this host\'s version', () => {
    const r = failures([candidate('old', plugin({ apiVersion: '^0.9.0' })), candidate('future', plugin({ name: 'future', apiVersion: '>=2' }))]);
    expect(r.failed.old).toEqual({
      code: 'PLUGIN_INCOMPATIBLE_API',
      message: `plugin "sample": it requires plugin API ^0.9.0, this Osmosis provides ${PLUGIN_API_VERSION}`,
    });
    expect(r.failed.future.code).toBe('PLUGIN_INCOMPATIBLE_API');
  });

  it('PLUGIN_MISSING_DEPENDENCY: absent, or failed to load', () => {
    const r = failures([
      candidate('needs-x', plugin({ name: 'needs-x', dependencies: { x: '^1.0.0' } })),
      candidate('bad', plugin({ name: 'bad', apiVersion: '^5.0.0' })),
      candidate('needs-bad', plugin({ name: 'needs-bad', dependencies: { bad: '*' } })),
      candidate('needs-needs-bad', plugin({ name: 'needs-needs-bad', dependencies: { 'needs-bad': '*' } })),
    ]);
    expect(r.failed['needs-x']).toEqual({
      code: 'PLUGIN_MISSING_DEPENDENCY', message: 'plugin "needs-x": it depends on "x" ^1.0.0, which is not in OSMOSIS_PLUGINS',
    });
    expect(r.failed['needs-bad']).toEqual({
      code: 'PLUGIN_MISSING_DEPENDENCY', message: 'plugin "needs-bad": it depends on "bad" *, which failed to load (PLUGIN_INCOMPATIBLE_API)',
    });
    expect(r.failed['needs-needs-bad'].code).toBe('PLUGIN_MISSING_DEPENDENCY');
    expect(r.accepted).toEqual([]);
  });

  it('PLUGIN_INCOMPATIBLE_DEPENDENCY: a dependency outside the declared range', () => {
    const r = failures([candidate('a', plugin({ name: 'a', version: '1.0.0' })), candidate('b', plugin({ name: 'b', dependencies: { a: '^2.0.0' } }))]);
    expect(r.failed.b).toEqual({
      code: 'PLUGIN_INCOMPATIBLE_DEPENDENCY', message: 'plugin "b": it depends on "a" ^2.0.0, but version 1.0.0 is loaded',
    });
    expect(r.accepted).toEqual(['a']);
  });

  it('PLUGIN_DEPENDENCY_CYCLE: every plugin of the cycle', () => {
    const r = failures([
      candidate('a', plugin({ name: 'a', dependencies: { b: '*' } })),
      candidate('b', plugin({ name: 'b', dependencies: { a: '*' } })),
    ]);
    expect(r.failed.a.code).toBe('PLUGIN_DEPENDENCY_CYCLE');
    expect(r.failed.b.code).toBe('PLUGIN_DEPENDENCY_CYCLE');
    expect(r.failed.a.message).toMatch(/cycle: a → b → a/);
  });
});

describe('loading', () => {
  it('PLUGIN_NOT_FOUND and PLUGIN_LOAD_FAILED', async () => {
    const loaded = await loadPlugins(['influence', './no/such/plugin', 'osmosis-plugin-that-does-not-exist', fixture('throws-on-import.ts'), fixture('reporter.ts')]);
    expect(loaded.map((c) => c.error?.code ?? 'ok')).toEqual(['ok', 'PLUGIN_NOT_FOUND', 'PLUGIN_NOT_FOUND', 'PLUGIN_LOAD_FAILED', 'ok']);
    expect(loaded[0]).toMatchObject({ builtin: true, exported: BUILTIN_PLUGINS.influence });
    expect(loaded[3].error?.message).toMatch(/^plugin ".*throws-on-import.ts": importing it threw: cannot load: the configuration server is down$/);
    expect(loaded[4].exported).toMatchObject({ name: 'reporter', version: '2.3.0' });
  });

  it('has one code per check', () => {
    expect(new Set(REGISTRATION_CODES).size).toBe(REGISTRATION_CODES.length);
  });
});

describe('a plugin that fails is left out; the server starts and reports it', () => {
  let store: Store;
  beforeAll(async () => { store = await embeddedFactory.open(); });
  afterAll(async () => { await store.close(); });

  const setupThrows = definePlugin({
    name: 'setup-throws', version: '1.0.0', apiVersion: '^1.0.0',
    setup() { throw new Error('no license key'); },
  });
  const badOptions = definePlugin({
    name: 'bad-options', version: '1.0.0', apiVersion: '^1.0.0',
    options: z.strictObject({ threshold: z.number().min(0).max(1) }),
  });
  const schemaThrows = definePlugin({
    name: 'schema-throws', version: '1.0.0', apiVersion: '^1.0.0',
    schema(schema) {
      schema.builder.objectRef<{ x: number }>('SchemaThrowsHalf').implement({ fields: (t) => ({ x: t.exposeInt('x') }) });
      throw new Error('half-way');
    },
  });
  const schemaUnprefixed = definePlugin({
    name: 'unprefixed', version: '1.0.0', apiVersion: '^1.0.0',
    schema(schema) {
      schema.builder.objectRef<{ x: number }>('Score').implement({ fields: (t) => ({ x: t.exposeInt('x') }) });
    },
  });
  const schemaDangling = definePlugin({
    name: 'dangling', version: '1.0.0', apiVersion: '^1.0.0',
    schema(schema) {
      const never = schema.builder.objectRef<{ x: number }>('DanglingNever');
      schema.analyticsField('dangling', (t) => t.field({ type: never, resolve: () => ({ x: 1 }) }));
    },
  });
  const actorFieldClash = definePlugin({
    name: 'ties', version: '1.0.0', apiVersion: '^1.0.0',
    schema(schema) { schema.actorField('ties', (t) => t.string({ resolve: () => 'x' })); },
  });

  it('registers the good ones, reports each failure with its code, and keeps serving', async () => {
    const captured = capturedLog();
    const config = loadConfig({ OSMOSIS_PLUGIN_OPTIONS: JSON.stringify({ 'bad-options': { threshold: 3 }, reporter: { label: 'links' } }) });
    const reporter = (await loadPlugins([fixture('reporter.ts')]))[0];
    const app = createOsmosis(config, store, captured.log, {
      plugins: [
        { source: 'influence', builtin: true, exported: BUILTIN_PLUGINS.influence },
        candidate('./setup-throws', setupThrows),
        candidate('./bad-options', badOptions),
        candidate('./schema-throws', schemaThrows),
        candidate('./unprefixed', schemaUnprefixed),
        candidate('./dangling', schemaDangling),
        candidate('./ties', actorFieldClash),
        reporter,
      ],
    });
    try {
      const data = await ok<any, any>(app.yoga, '{ plugins { name status errorCode error } analytics { reporter } }');
      const byName = Object.fromEntries(data.plugins.map((p: any) => [p.name, p]));
      expect(byName.influence.status).toBe('ACTIVE');
      expect(byName.reporter.status).toBe('ACTIVE');
      expect(data.analytics.reporter).toBe('0 links');
      expect(byName['setup-throws']).toEqual({ name: 'setup-throws', status: 'FAILED', errorCode: 'PLUGIN_SETUP_FAILED', error: 'plugin "setup-throws": setup threw: no license key' });
      expect(byName['bad-options']).toMatchObject({ errorCode: 'PLUGIN_INVALID_OPTIONS' });
      expect(byName['bad-options'].error).toMatch(/^plugin "bad-options": invalid options: threshold: /);
      expect(byName['schema-throws']).toMatchObject({ errorCode: 'PLUGIN_SCHEMA_FAILED', error: 'plugin "schema-throws": its schema hook failed: half-way' });
      expect(byName.unprefixed.error).toMatch(/the type Score must be named with the prefix "Unprefixed"/);
      expect(byName.dangling).toMatchObject({ errorCode: 'PLUGIN_SCHEMA_FAILED' });
      expect(byName.ties.error).toMatch(/the field Actor.ties already exists/);
      // Failures are logged with their code, naming the plugin.
      expect(captured.lines.filter((l) => l.level === 50).map((l) => l.code)).toEqual(expect.arrayContaining(['PLUGIN_SETUP_FAILED', 'PLUGIN_INVALID_OPTIONS']));
      // Nothing of the failed schema hooks leaked into the schema.
      const sdl = await gql(app.yoga, '{ __type(name: "SchemaThrowsHalf") { name } }');
      expect((sdl.data as any).__type).toBeNull();
    } finally {
      await app.plugins.close();
    }
  });

  it('strict mode (OSMOSIS_PLUGINS_STRICT=true) makes any failure fatal', () => {
    const config = loadConfig({ OSMOSIS_PLUGINS_STRICT: 'true' });
    const start = () => createOsmosis(config, store, capturedLog().log, { plugins: [candidate('./setup-throws', setupThrows)] });
    expect(start).toThrow(PluginStartupError);
    expect(start).toThrow(/PLUGIN_SETUP_FAILED: plugin "setup-throws": setup threw: no license key/);
    // A clean configuration starts in strict mode too.
    const fine = createOsmosis(config, store, capturedLog().log);
    expect(new Set(fine.plugins.statuses().map((s) => s.status))).toEqual(new Set(['ACTIVE'])); // every default plugin
  });

  it('startOsmosis: loads paths from OSMOSIS_PLUGINS, starts without a broken one, refuses to start when strict', async () => {
    const env = {
      PORT: '0', OSMOSIS_DB: ':memory:', LOG_LEVEL: 'silent',
      OSMOSIS_PLUGINS: `influence,${fixture('throws-on-import.ts')},${fixture('reporter.ts')}`,
    };
    const started = await startOsmosis(loadConfig(env));
    try {
      const res = await fetch(started.http.url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ plugins { name status errorCode } }' }),
      });
      const body = await res.json() as any;
      expect(body.data.plugins.map((p: any) => [p.status, p.errorCode])).toEqual([['ACTIVE', null], ['FAILED', 'PLUGIN_LOAD_FAILED'], ['ACTIVE', null]]);
    } finally {
      await started.stop();
    }
    await expect(startOsmosis(loadConfig({ ...env, OSMOSIS_PLUGINS_STRICT: 'true' }))).rejects.toThrow(/PLUGIN_LOAD_FAILED/);
  });
});
