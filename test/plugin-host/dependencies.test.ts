/** A plugin may run the analytics of the plugins it declares as dependencies, and of no other. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, type AnalyticsRunner } from '../../src/plugin-api/index.js';
import { BUILTIN_PLUGINS, type PluginHost } from '../../src/plugin-host/index.js';
import type { Store } from '../../src/store/port.js';
import factsReader from '../fixtures/plugins/facts-reader/index.js';
import { embeddedFactory } from '../support/stores.js';
import { candidate, hostOf, seedHandGraph } from './support.js';

describe('analytics of dependencies', () => {
  let store: Store;
  let host: PluginHost;
  let runners: { dependency: (name: string) => AnalyticsRunner } | null = null;

  beforeAll(async () => {
    store = await embeddedFactory.open();
    await seedHandGraph(store);
    const composer = definePlugin({
      name: 'composer', version: '1.0.0', apiVersion: '^1.1.0',
      dependencies: { 'facts-reader': '^1.0.0' },
      setup: (context) => { runners = context; },
    });
    host = hostOf(store, [
      candidate('influence', BUILTIN_PLUGINS.influence, true),
      candidate('./facts-reader', factsReader),
      candidate('./composer', composer),
    ]);
  });
  afterAll(async () => {
    await host.close();
    await store.close();
  });

  it('runs a declared dependency\'s analytic through the host (cached like any run)', async () => {
    const first = await runners!.dependency('facts-reader').run<{ exchanges: number }>('count');
    expect(first.value.exchanges).toBe(3);
    const again = await runners!.dependency('facts-reader').run('count');
    expect(again.cached).toBe(true);
  });

  it('refuses a plugin that is loaded but not declared', () => {
    expect(() => runners!.dependency('influence')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'PLUGIN_CAPABILITY_DENIED' }) }));
  });
});
