/**
 * GraphQL-level test support for the silos and value-flow plugins: an Osmosis app on a fresh
 * in-memory embedded store with only the given plugins loaded, a fixture (the testkit's
 * GraphFixture) written through the Store port, and the demo ecosystem loaded the way `npm start`
 * loads it. Test code: it may use Osmosis internals, plugin code may not.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig } from '../../../src/config/config.js';
import { actorInput, exchangeInput, responseInput, signalInput, tieInput } from '../../../src/domain/inputs.js';
import { createOsmosis, type Osmosis } from '../../../src/main.js';
import type { FixtureTie, GraphFixture, PluginDefinition } from '../../../src/plugin-api/index.js';
import { openEmbeddedStore } from '../../../src/store/embedded/index.js';
import type { Store } from '../../../src/store/port.js';
import { generateEcosystem } from '../../../seeds/ecosystem.js';
import { loadEcosystem } from '../../../seeds/load.js';

/** An app with `plugins` (in that order, dependencies first) loaded on an in-memory embedded store. */
export async function pluginApp(plugins: PluginDefinition<any>[], options: Record<string, unknown> = {}): Promise<Osmosis> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const store = await openEmbeddedStore({ file: ':memory:' });
  await store.migrate();
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  const config = loadConfig({ OSMOSIS_PLUGIN_OPTIONS: JSON.stringify(options), OSMOSIS_PLUGIN_WORKERS: '1' });
  return createOsmosis(config, store, pino({ level: 'warn' }, sink), {
    plugins: plugins.map((p) => ({ source: p.name, builtin: true, exported: p })),
  });
}

export async function closeApp(app: Osmosis | undefined): Promise<void> {
  if (!app) return;
  await app.plugins.close();
  await app.store.close();
}

/** Writes a fixture's actors (named by key), ties, exchanges, signals and responses through the Store port. */
export async function seedFixture(store: Store, fixture: GraphFixture): Promise<void> {
  const actors = fixture.actors.map((a) => (typeof a === 'string' ? { key: a, kind: 'EMPLOYEE' as const } : { kind: 'EMPLOYEE' as const, ...a }));
  await store.upsertActors(actors.map((a) => actorInput.parse({ key: a.key, kind: a.kind, name: a.key.toUpperCase() })));
  const ties = (fixture.ties ?? []).map((t): FixtureTie => (Array.isArray(t) ? { from: t[0], to: t[1], weight: t[2] } : t as FixtureTie));
  if (ties.length) {
    await store.upsertTies(ties.map((t) => tieInput.parse({
      fromKey: t.from, toKey: t.to, type: t.type ?? 'KNOWS', weight: t.weight ?? 1, ...(t.since ? { since: t.since } : {}),
    })));
  }
  const exchanges = fixture.exchanges ?? [];
  if (exchanges.length) {
    await store.recordExchanges(exchanges.map((x, i) => exchangeInput.parse({
      externalId: `x${i}`, fromKey: x.from, toKey: x.to, kind: x.kind ?? 'MONEY', amount: x.amount ?? 1, occurredAt: x.occurredAt ?? '2026-01-01T00:00:00Z',
    })));
  }
  const signals = fixture.signals ?? [];
  const recorded = signals.length ? await store.recordSignals(signals.map((s, i) => signalInput.parse({
    channel: s.channel ?? 'email', externalId: s.externalId ?? `s${i}`, kind: s.kind ?? 'QUESTION', text: `signal ${i}`,
    sentiment: s.sentiment ?? null, occurredAt: s.occurredAt, emitterKey: s.emitter ?? null, about: [],
  }))) : null;
  const signalIds = (recorded?.items ?? []).map((x) => x.id);
  const signalRef = (ref: number | string) => (typeof ref === 'number' ? signalIds[ref] : signalIds[signals.findIndex((s) => s.externalId === ref)]);
  const responses = fixture.responses ?? [];
  if (responses.length) {
    await store.respond(responses.map((r, i) => responseInput.parse({
      signalId: signalRef(r.signal), responderKey: r.responder, text: `response ${i}`, respondedAt: r.respondedAt, ...(r.channel ? { channel: r.channel } : {}),
    })));
  }
}

/** An app with `plugins` on the demo ecosystem (seeds/ecosystem.ts, the data `npm start` loads). */
export async function demoApp(plugins: PluginDefinition<any>[]): Promise<Osmosis> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const app = await pluginApp(plugins);
  await loadEcosystem(app.store, generateEcosystem(), { validate: false });
  return app;
}
