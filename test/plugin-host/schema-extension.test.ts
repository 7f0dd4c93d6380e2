/**
 * Schema extension on the process-wide builder: built-ins can be registered for the printed SDL,
 * a second Osmosis instance reuses a plugin's registration, and each instance's schema answers
 * plugin fields only from its own host.
 */
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { createOsmosis } from '../../src/main.js';
import { extendSchemaWithBuiltins } from '../../src/plugin-host/index.js';
import { camelName, pascalName } from '../../src/plugin-host/schema-extension.js';
import { gql } from '../support/graphql-client.js';
import { embeddedFactory } from '../support/stores.js';
import { capturedLog } from './support.js';

describe('schema extension', () => {
  it('names: camelCase fields, PascalCase types', () => {
    expect(camelName('value-flow-2')).toBe('valueFlow2');
    expect(pascalName('influence')).toBe('Influence');
  });

  it('extendSchemaWithBuiltins gives the default configuration\'s schema, and is idempotent', () => {
    extendSchemaWithBuiltins();
    extendSchemaWithBuiltins();
    const sdl = printSchema(buildSchema());
    expect(sdl).toMatch(/influence\(\s*measure: InfluenceMeasure! = PAGERANK\s*on: InfluenceEdges! = TIES/);
    expect(sdl).toMatch(/type InfluenceScore/);
  });

  it('serves plugin fields from the instance\'s own host', async () => {
    const store = await embeddedFactory.open();
    const withInfluence = createOsmosis(loadConfig({}), store, capturedLog().log);
    const without = createOsmosis(loadConfig({ OSMOSIS_PLUGINS: 'none' }), store, capturedLog().log);
    try {
      const a = await gql<any, any>(withInfluence.yoga, '{ plugins { name } analytics { influence { score } } }');
      expect(a.errors).toBeUndefined();
      expect(a.data.plugins).toContainEqual({ name: 'influence' }); // with the other default plugins
      // The field exists in this process' builder, but this instance did not load the plugin.
      const b = await gql<any, any>(without.yoga, '{ plugins { name } analytics { influence { score } } }');
      expect(b.errors?.[0].extensions).toMatchObject({ code: 'PLUGIN_NOT_LOADED', plugin: 'influence' });
    } finally {
      await withInfluence.plugins.close();
      await without.plugins.close();
      await store.close();
    }
  });
});
