/**
 * The example third-party plugin (test/fixtures/third-party-plugin, its own package) loaded by
 * path, as an operator would load it: OSMOSIS_PLUGINS=influence,./path/to/it. It imports only
 * `osmosis/plugin-api`, which resolves, as after `npm install osmosis`, through its
 * node_modules/osmosis (a link to this repository, made here like `npm link` would).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { actorInput, signalInput, tieInput } from '../../src/domain/inputs.js';
import { createOsmosis, type Osmosis } from '../../src/main.js';
import { runAnalytic, type Enrichment, type PluginDefinition } from '../../src/plugin-api/index.js';
import { loadPlugins } from '../../src/plugin-host/index.js';
import type { Store } from '../../src/store/port.js';
import { capturedLog } from '../plugin-host/support.js';
import { gql, ok } from '../support/graphql-client.js';
import { embeddedFactory } from '../support/stores.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../fixtures/third-party-plugin/', import.meta.url));

/** node_modules/osmosis → this repository, like `npm link osmosis` in the plugin's folder. */
function linkOsmosis(): void {
  const link = join(EXAMPLE, 'node_modules', 'osmosis');
  if (existsSync(link) || (() => { try { return lstatSync(link).isSymbolicLink(); } catch { return false; } })()) return;
  mkdirSync(join(EXAMPLE, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, link, 'dir');
}

// Ties: a ↔ b, a → c, c → d. a gives 2 ties, 1 returned (0.5); b gives 1, returned (1); c gives 1, not returned (0); d gives none.
const ACTORS = [['a', 'EMPLOYEE'], ['b', 'CUSTOMER'], ['c', 'PARTNER'], ['d', 'SUPPLIER']] as const;
const TIES = [['a', 'b'], ['b', 'a'], ['a', 'c'], ['c', 'd']] as const;

describe('the example third-party plugin', () => {
  let store: Store;
  let app: Osmosis;
  const enriched: { signalId: string; enrichment: Enrichment }[] = [];

  beforeAll(async () => {
    linkOsmosis();
    const embedded = await embeddedFactory.open();
    store = Object.assign(Object.create(embedded) as Store, {
      async enrichSignals(inputs: Parameters<Store['enrichSignals']>[0]) {
        for (const { signalId, ...enrichment } of inputs) enriched.push({ signalId, enrichment: enrichment as Enrichment });
        return embedded.enrichSignals(inputs);
      },
    });
    await store.upsertActors(ACTORS.map(([key, kind]) => actorInput.parse({ key, kind, name: key.toUpperCase() })));
    await store.upsertTies(TIES.map(([fromKey, toKey]) => tieInput.parse({ fromKey, toKey, type: 'KNOWS' })));
    const config = loadConfig({
      OSMOSIS_PLUGINS: `influence,${EXAMPLE}`,
      OSMOSIS_PLUGIN_OPTIONS: JSON.stringify({ reciprocity: { keywords: { delivery: ['late', 'courier'] } } }),
    });
    app = createOsmosis(config, store, capturedLog().log, { plugins: await loadPlugins(config.OSMOSIS_PLUGINS) });
  });
  afterAll(async () => {
    await app.plugins.close();
    await store.close();
  });

  it('imports nothing of Osmosis but osmosis/plugin-api', () => {
    const files = ['index.js', ...readdirSync(join(EXAMPLE, 'analytics')).map((f) => `analytics/${f}`)];
    const imports = files.flatMap((f) => [...readFileSync(join(EXAMPLE, f), 'utf8').matchAll(/from\s+'([^']+)'|import\('([^']+)'\)/g)]
      .map((m) => m[1] ?? m[2]));
    expect(imports.filter((s) => !s.startsWith('.') && s !== 'osmosis/plugin-api' && !s.startsWith('osmosis/plugin-api'))).toEqual([]);
  });

  it('loads by path and is listed', async () => {
    const data = await ok<any, any>(app.yoga, '{ plugins { name version status source builtin analytics } }');
    expect(data.plugins).toEqual([
      expect.objectContaining({ name: 'influence', status: 'ACTIVE' }),
      { name: 'reciprocity', version: '1.0.0', status: 'ACTIVE', source: EXAMPLE, builtin: false, analytics: ['reciprocity'] },
    ]);
  });

  it('answers its typed fields', async () => {
    const data = await ok<any, any>(app.yoga, `{
      analytics { reciprocity(top: 5) { actor { key name } ratio mutual outgoing } }
      a: actor(key: "a") { reciprocity }
      d: actor(key: "d") { reciprocity }
    }`);
    expect(data.analytics.reciprocity).toEqual([
      { actor: { key: 'b', name: 'B' }, ratio: 1, mutual: 1, outgoing: 1 },
      { actor: { key: 'a', name: 'A' }, ratio: 0.5, mutual: 1, outgoing: 2 },
      { actor: { key: 'c', name: 'C' }, ratio: 0, mutual: 0, outgoing: 1 },
    ]);
    expect(data.a.reciprocity).toBe(0.5);
    expect(data.d.reciprocity).toBeNull();
  });

  it('answers through the generic run, and validates its params', async () => {
    const data = await ok<any, any>(app.yoga, '{ analytics { run(plugin: "reciprocity", analytic: "reciprocity") { result } } }');
    expect(data.analytics.run.result.a).toEqual({ mutual: 1, outgoing: 2 });
    const bad = await gql(app.yoga, '{ analytics { run(plugin: "reciprocity", analytic: "reciprocity", params: { tieTypes: ["LIKES"] }) { result } } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'params.tieTypes[0]' });
  });

  it('tags new signals through its event hook', async () => {
    // Through the app's store, as the API writes: hooks run for the signals this instance recorded.
    const recorded = await app.store.recordSignals([
      signalInput.parse({ channel: 'email', externalId: 'x-1', kind: 'COMPLAINT', text: 'The courier was LATE', occurredAt: '2026-02-01T09:00:00Z', emitterKey: 'b' }),
      signalInput.parse({ channel: 'email', externalId: 'x-2', kind: 'PRAISE', text: 'Great service', occurredAt: '2026-02-01T10:00:00Z', emitterKey: 'b' }),
    ]);
    await app.plugins.deliver(await store.readOutbox(0, 1000));
    expect(enriched).toEqual([{ signalId: recorded.items[0].id, enrichment: { topics: ['delivery'] } }]);
  });

  it('works with the testkit, in process and in a worker', async () => {
    const plugin = (await import(join(EXAMPLE, 'index.js'))).default as PluginDefinition<any>;
    const graph = { actors: ACTORS.map(([key, kind]) => ({ key, kind })), ties: TIES };
    for (const isolated of [false, true]) {
      const { value, graph: index } = await runAnalytic<{ mutual: Uint32Array; outgoing: Uint32Array }>(plugin, 'reciprocity', {}, { graph, isolated });
      expect([...index.keys]).toEqual(['a', 'b', 'c', 'd']);
      expect([...value.mutual]).toEqual([1, 1, 0, 0]);
      expect([...value.outgoing]).toEqual([2, 1, 1, 0]);
    }
  });

  it('type-checks against the public API alone (its own tsconfig, checkJs)', () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const out = (() => {
      try {
        return execFileSync(process.execPath, [tsc, '-p', join(EXAMPLE, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    })();
    expect(out).toBe('');
  }, 180_000);
});
