/**
 * GraphQL-level test support for plugins: an Osmosis app on a fresh embedded store with only the
 * given plugins loaded, and a fixture (the testkit's GraphFixture) written into it exactly —
 * statuses, insight creation times and all — as an import (Store.importRecords) would write an
 * export, or the demo ecosystem as `npm start` loads it.
 * Test code: it may use Osmosis internals, plugin code may not.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import type { TransferRecord } from '../../src/domain/transfer.js';
import { createOsmosis, type Osmosis } from '../../src/main.js';
import type { FixtureTie, GraphFixture, PluginDefinition } from '../../src/plugin-api/index.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { generateEcosystem, loadEcosystem } from '../../seeds/index.js';
import type { Store } from '../../src/store/port.js';

/** An app with `plugins` (and nothing else) loaded on an in-memory embedded store; `options` as OSMOSIS_PLUGIN_OPTIONS. */
export async function pluginApp(plugins: PluginDefinition<any>[], options: Record<string, unknown> = {}): Promise<Osmosis> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const store = await openEmbeddedStore({ file: ':memory:' });
  await store.migrate();
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  const config = loadConfig({ OSMOSIS_PLUGIN_OPTIONS: JSON.stringify(options), OSMOSIS_PLUGIN_WORKERS: '1' });
  return createOsmosis(config, store, pino({ level: 'warn' }, sink), {
    plugins: plugins.map((p) => ({ source: p.name, builtin: true, exported: p })),
  });
}

/** An app with `plugins` loaded, on the demo ecosystem. */
export async function demoApp(plugins: PluginDefinition<any>[], options: Record<string, unknown> = {}): Promise<Osmosis> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const app = await pluginApp(plugins, options);
  await loadEcosystem(app.store, generateEcosystem(), { validate: false });
  return app;
}

export async function closeApp(app: Osmosis | undefined): Promise<void> {
  if (!app) return;
  await app.plugins.close();
  await app.store.close();
}

const iso = (s: string) => new Date(s).toISOString();

/**
 * A fixture as export records, with the testkit's defaults (buildFixtureFacts): signal externalId
 * `s<i>`, channel `email`, kind QUESTION, status ANSWERED / ASSIGNED / OPEN; `processes` adds
 * processes no change modifies.
 */
export function fixtureRecords(fixture: GraphFixture, processes: readonly string[] = []): TransferRecord[] {
  const now = '2026-01-01T00:00:00.000Z';
  const actors = fixture.actors.map((a) => (typeof a === 'string' ? { key: a, kind: 'EMPLOYEE' as const } : { kind: 'EMPLOYEE' as const, ...a }));
  const signals = (fixture.signals ?? []).map((s, i) => ({ ...s, channel: s.channel ?? 'email', externalId: s.externalId ?? `s${i}` }));
  const ref = (r: number | string) => {
    const s = typeof r === 'number' ? signals[r] : signals.find((x) => x.externalId === r)!;
    return { channel: s.channel, externalId: s.externalId };
  };
  const responses = (fixture.responses ?? []).map((r) => ({ ...r, index: typeof r.signal === 'number' ? r.signal : signals.findIndex((x) => x.externalId === r.signal) }));
  const answered = new Set(responses.map((r) => r.index));
  const insightIds = (fixture.insights ?? []).map(() => randomUUID());
  const topics = new Set<string>();
  for (const s of signals) for (const t of s.topics ?? []) topics.add(t);
  for (const x of fixture.insights ?? []) for (const t of x.topics ?? []) topics.add(t);
  return [
    ...actors.map((a): TransferRecord => ({ type: 'actor', id: randomUUID(), key: a.key, kind: a.kind, name: a.key, attributes: {}, createdAt: now, updatedAt: now })),
    ...(fixture.ties ?? []).map((raw): TransferRecord => {
      const t: FixtureTie = Array.isArray(raw) ? { from: raw[0], to: raw[1], weight: raw[2] } : raw as FixtureTie;
      return {
        type: 'tie', id: randomUUID(), fromKey: t.from, toKey: t.to, tieType: t.type ?? 'KNOWS', weight: t.weight ?? 1,
        since: t.since ? iso(t.since) : null,
      };
    }),
    ...[...topics].map((name): TransferRecord => ({ type: 'topic', id: randomUUID(), name })),
    ...[...new Set([...(fixture.changes ?? []).map((c) => c.process), ...processes])].map((name): TransferRecord => ({ type: 'process', id: randomUUID(), name })),
    ...signals.map((s, i): TransferRecord => ({
      type: 'signal', id: randomUUID(), channel: s.channel, externalId: s.externalId, kind: s.kind ?? 'QUESTION', text: `signal ${i}`,
      sentiment: s.sentiment ?? null, occurredAt: iso(s.occurredAt),
      status: s.status ?? (answered.has(i) ? 'ANSWERED' : s.assignee ? 'ASSIGNED' : 'OPEN'),
      emitterKey: s.emitter ?? null, assigneeKey: s.assignee ?? null,
      about: [...(s.about ?? []).map((r) => ({ target: 'ACTOR' as const, ref: r })), ...(s.topics ?? []).map((r) => ({ target: 'TOPIC' as const, ref: r }))],
    })),
    ...(fixture.exchanges ?? []).map((x, i): TransferRecord => ({
      type: 'exchange', id: randomUUID(), externalId: `x${i}`, fromKey: x.from, toKey: x.to, kind: x.kind ?? 'MONEY', amount: x.amount ?? 1,
      unit: (x.kind ?? 'MONEY') === 'MONEY' ? 'EUR' : 'count', occurredAt: iso(x.occurredAt ?? '2026-01-01T00:00:00Z'),
    })),
    ...responses.map((r, i): TransferRecord => ({
      type: 'response', id: randomUUID(), signal: ref(r.index), responderKey: r.responder ?? null, text: `response ${i}`,
      channel: r.channel ?? signals[r.index].channel, respondedAt: iso(r.respondedAt),
    })),
    ...(fixture.insights ?? []).map((x, i): TransferRecord => ({
      type: 'insight', id: insightIds[i], title: x.title ?? `insight ${i}`, summary: '', createdAt: iso(x.createdAt),
      signals: (x.signals ?? []).map(ref), topics: [...(x.topics ?? [])].sort(),
    })),
    ...(fixture.changes ?? []).map((c, i): TransferRecord => ({
      type: 'change', id: randomUUID(), insightId: insightIds[c.insight], processName: c.process, description: `change ${i}`, appliedAt: iso(c.appliedAt),
    })),
  ];
}

/** Writes a fixture into a store, exactly (see fixtureRecords). */
export async function seedFixture(store: Store, fixture: GraphFixture, processes: readonly string[] = []): Promise<void> {
  await store.importRecords(fixtureRecords(fixture, processes));
}
