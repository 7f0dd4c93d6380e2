import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createOsmosis, type Osmosis } from '../../src/main.js';
import { definePlugin } from '../../src/plugin-api/index.js';
import type { PluginCandidate } from '../../src/plugin-host/index.js';
import { EmbeddedStore, openEmbeddedStore } from '../../src/store/embedded/index.js';
import { gql } from '../support/graphql-client.js';

const silent = pino({ level: 'silent' });

/** A plugin whose type is a Relay node: reachable through the core field `Query.node`. */
const badge = definePlugin({
  name: 'badge', version: '1.0.0', apiVersion: '^1.0.0',
  schema(schema) {
    const Badge = schema.builder.objectRef<{ id: string; label: string }>('BadgeItem');
    schema.builder.node(Badge, {
      id: { resolve: (b) => b.id },
      loadOne: (id) => ({ id, label: `badge of ${id}` }),
      fields: (t) => ({ label: t.exposeString('label') }),
    });
    schema.actorField('badge', (t) => t.field({ type: Badge, resolve: (a) => ({ id: a.key, label: `badge of ${a.key}` }) }));
  },
});

describe("query threads and plugins' node types", () => {
  let dir: string;
  let store: EmbeddedStore;
  let threaded: Osmosis;
  let local: Osmosis;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osm-query-threads-hostile-'));
    store = await openEmbeddedStore({ file: join(dir, 'graph.db') });
    await store.upsertActors([{ key: 'c001', kind: 'CUSTOMER', name: 'Customer 1', attributes: {} }]);
    const plugins: PluginCandidate[] = [{ source: './badge', builtin: false, exported: badge }];
    threaded = createOsmosis(loadConfig({ OSMOSIS_QUERY_THREADS: '2', OSMOSIS_PLUGINS: 'none' }), store, silent, { plugins });
    local = createOsmosis(loadConfig({ OSMOSIS_QUERY_THREADS: '0', OSMOSIS_PLUGINS: 'none' }), store, silent, { plugins });
  });
  afterAll(async () => {
    await threaded.queryThreads?.close();
    await threaded.plugins.close();
    await local.plugins.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // node(id) of a plugin's Node type validates on the core schema, but the thread's schema lacks the type.
  it('answers node(id) of a plugin node type as the event loop does', async () => {
    const made = await gql(local.yoga, '{ actor(key: "c001") { badge { id } } }');
    const id = (made.data as { actor: { badge: { id: string } } }).actor.badge.id;
    const query = 'query($id: ID!) { node(id: $id) { id __typename } }';
    const here = await gql(local.yoga, query, { id });
    expect(here.data).toEqual({ node: { id, __typename: 'BadgeItem' } });
    const there = await gql(threaded.yoga, query, { id });
    expect(there).toEqual(here);
  });
});
