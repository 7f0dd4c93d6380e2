/**
 * The 1.1.0 capabilities around signals: `context.signals` / `scope(ctx, info).signals` (scan existing
 * signals, enrich any of them) and `PluginSchema.mutationField` (a plugin's own mutation, named after
 * it, served like every mutation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { actorInput, signalInput } from '../../src/domain/inputs.js';
import { createOsmosis } from '../../src/main.js';
import { definePlugin, type SignalAccess, type SignalView } from '../../src/plugin-api/index.js';
import type { Store } from '../../src/store/port.js';
import { gql } from '../support/graphql-client.js';
import { embeddedFactory } from '../support/stores.js';
import { candidate, capturedLog, hostOf } from './support.js';

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;

describe('SignalAccess', () => {
  let store: Store;
  let signals: SignalAccess;
  let ids: string[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    store = await embeddedFactory.open();
    await store.upsertActors([actorInput.parse({ key: 'c', kind: 'CUSTOMER', name: 'C' })]);
    ids = (await store.recordSignals(Array.from({ length: 7 }, (_, i) => signalInput.parse({
      channel: 'email', externalId: `s-${i + 1}`, kind: 'QUESTION', text: `text ${i + 1}`, occurredAt: at(i + 1), emitterKey: 'c',
    })))).items.map((s) => s.id);
    let captured: SignalAccess | null = null;
    const plugin = definePlugin({ name: 'scanner', version: '1.0.0', apiVersion: '^1.1.0', setup(context) { captured = context.signals; } });
    const host = hostOf(store, [candidate('scanner', plugin)]);
    signals = captured!;
    close = async () => { await host.close(); await store.close(); };
  });
  afterAll(async () => { await close(); });

  it('pages over existing signals newest first, within a window, to the end', async () => {
    const seen: SignalView[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await signals.scan({ limit: 2, after, since: at(2), until: at(7) });
      seen.push(...page.signals);
      after = page.endCursor;
      pages++;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen.map((s) => s.externalId)).toEqual(['s-6', 's-5', 's-4', 's-3', 's-2']);
    expect(seen[0]).toEqual({
      id: ids[5], channel: 'email', externalId: 's-6', kind: 'QUESTION', text: 'text 6', sentiment: null, occurredAt: at(6), status: 'OPEN',
    });
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it('checks the limit, the window and the cursor', async () => {
    const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { extensions?: { code?: string; field?: string } }) => `${e.extensions?.code} ${e.extensions?.field}`);
    expect(await code(signals.scan({ limit: 0 }))).toBe('BAD_USER_INPUT limit');
    expect(await code(signals.scan({ limit: 1001 }))).toBe('BAD_USER_INPUT limit');
    expect(await code(signals.scan({ limit: 5, since: 'yesterday' }))).toBe('BAD_USER_INPUT since');
    expect(await code(signals.scan({ limit: 5, after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT after');
  });

  it('enriches any signals in one call; rejects invalid items and unknown signals, writing nothing', async () => {
    await signals.enrich([{ signalId: ids[0], sentiment: -0.5, topics: ['delivery'] }, { signalId: ids[1], topics: ['billing', 'billing'] }]);
    const [s1, s2] = await store.signalsByIds([ids[0], ids[1]]);
    expect([s1?.sentiment, s2?.sentiment]).toEqual([-0.5, null]);
    expect((await store.aboutOfSignals([ids[1]]))[0].map((a) => a.ref)).toEqual(['billing']);

    const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { extensions?: { code?: string } }) => e.extensions?.code);
    expect(await code(signals.enrich([{ signalId: ids[2], sentiment: 2 }]))).toBe('PLUGIN_CAPABILITY_DENIED');
    expect(await code(signals.enrich([{ signalId: ids[2], topics: [''] }]))).toBe('PLUGIN_CAPABILITY_DENIED');
    expect(await code(signals.enrich(Array.from({ length: 1001 }, () => ({ signalId: ids[2], sentiment: 0 }))))).toBe('PLUGIN_CAPABILITY_DENIED');
    const version = await store.graphVersion();
    expect(await code(signals.enrich([{ signalId: ids[2], sentiment: 0.3 }, { signalId: 'ghost', sentiment: 0.1 }]))).toBe('NOT_FOUND');
    expect(await store.graphVersion()).toBe(version);
    expect((await store.signalsByIds([ids[2]]))[0]?.sentiment).toBeNull();
    expect(await code(signals.enrich([]))).toBe('resolved');
  });
});

describe('PluginSchema.mutationField', () => {
  it('adds a mutation named after the plugin, which reaches the plugin\'s signals through scope', async () => {
    const store = await embeddedFactory.open();
    const plugin = definePlugin({
      name: 'counter', version: '1.0.0', apiVersion: '^1.1.0',
      schema(schema) {
        schema.mutationField('counterCount', (t) => t.int({
          resolve: async (_root, _args, ctx, info) => (await schema.scope(ctx, info).signals.scan({ limit: 1000 })).signals.length,
        }));
      },
    });
    const badName = definePlugin({
      name: 'rogue', version: '1.0.0', apiVersion: '^1.1.0',
      schema(schema) { schema.mutationField('deleteEverything', (t) => t.boolean({ resolve: () => true })); },
    });
    const clash = definePlugin({
      name: 'record', version: '1.0.0', apiVersion: '^1.1.0',
      schema(schema) { schema.mutationField('recordSignals', (t) => t.boolean({ resolve: () => true })); },
    });
    const app = createOsmosis(loadConfig({ OSMOSIS_PLUGINS: 'none' }), store, capturedLog().log, {
      plugins: [candidate('counter', plugin), candidate('rogue', badName), candidate('record', clash)],
    });
    try {
      const byName = Object.fromEntries(app.plugins.statuses().map((s) => [s.name, s]));
      expect(byName.counter.status).toBe('ACTIVE');
      expect(byName.rogue).toMatchObject({ errorCode: 'PLUGIN_SCHEMA_FAILED' });
      expect(byName.rogue.error).toMatch(/the field Mutation.deleteEverything must be named "rogue" or start with "rogue"/);
      expect(byName.record.error).toMatch(/the field Mutation.recordSignals already exists/);
      await store.recordSignals([signalInput.parse({ channel: 'web', externalId: '1', kind: 'IDEA', text: 'x', occurredAt: at(1) })]);
      const r = await gql<{ counterCount: number }, undefined>(app.yoga, 'mutation { counterCount }');
      expect(r.data).toEqual({ counterCount: 1 });
    } finally {
      await app.plugins.close();
      await store.close();
    }
  });
});
