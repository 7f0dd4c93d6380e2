/**
 * The enrichment plugin in a real Osmosis on the embedded store, over GraphQL:
 * - re-run: signals recorded while the plugin was not loaded get their sentiment and topics from
 *   `enrichmentRerun` once it is, page by page, behind the API tokens;
 * - live: with the plugin loaded, a recorded signal is enriched before it is written: the
 *   recordSignals answer already carries its sentiment and topics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createOsmosis, type Osmosis } from '../../src/main.js';
import type { Store } from '../../src/store/port.js';
import { capturedLog } from '../../test/plugin-host/support.js';
import { gql, ok } from '../../test/support/graphql-client.js';
import { embeddedFactory } from '../../test/support/stores.js';
import { turnsDuring } from '../../test/support/event-loop.js';

const ACTORS = `mutation { upsertActors(input: [
  { key: "crm:c-1", kind: CUSTOMER, name: "Giulia Bianchi" },
  { key: "crm:c-2", kind: CUSTOMER, name: "Tom Baker" }
]) { created } }`;

const RECORD = `mutation Record($input: [SignalInput!]!) { recordSignals(input: $input) { created signals { id } } }`;

const SIGNALS = `query Signals($first: Int) { signals(first: $first) {
  nodes { externalId sentiment about { target ref } }
} }`;

interface SignalRow { externalId: string; sentiment: number | null; about: { target: string; ref: string }[] }

const byId = (rows: SignalRow[]) => Object.fromEntries(rows.map((r) => [r.externalId, r]));
const topicsOf = (row: SignalRow) => row.about.filter((a) => a.target === 'TOPIC').map((a) => a.ref);

const signal = (externalId: string, text: string, occurredAt: string, extra: Record<string, unknown> = {}) => ({
  channel: 'email', externalId, kind: 'COMPLAINT', text, occurredAt, emitterKey: 'crm:c-1', ...extra,
});

const HISTORY = [
  signal('h-1', "Buongiorno, la consegna dell'ordine AC-100001 è arrivata con 6 giorni di ritardo. Non è accettabile.", '2026-01-10T09:00:00Z'),
  signal('h-2', 'The subscription was charged twice on the invoice! Very disappointed.', '2026-02-10T09:00:00Z', { emitterKey: 'crm:c-2' }),
  signal('h-3', 'Complimenti, la Miscela Oro è buonissima!', '2026-03-10T09:00:00Z', { kind: 'PRAISE' }),
  // Sent with a sentiment (a survey score, say), already about a topic.
  signal('h-4', 'Il tecnico ha risolto il problema in un giorno, grazie!', '2026-04-10T09:00:00Z',
    { kind: 'PRAISE', sentiment: 0.1, about: [{ target: 'TOPIC', ref: 'warranty' }] }),
  // Erased texts and texts without words get nothing.
  signal('h-5', '☕ 10/10', '2026-05-10T09:00:00Z', { kind: 'MENTION' }),
];

describe('enrichment plugin: re-run over signals recorded before it was loaded', () => {
  let store: Store;
  let before: Osmosis;
  let after: Osmosis;
  const captured = capturedLog();

  beforeAll(async () => {
    store = await embeddedFactory.open();
    before = createOsmosis(loadConfig({ OSMOSIS_PLUGINS: 'influence' }), store, capturedLog().log);
    await ok(before.yoga, ACTORS);
    const extra = Array.from({ length: 20 }, (_, i) =>
      signal(`x-${i}`, i % 2 ? 'Shipment tracking has not moved for 9 days.' : 'Il tracking della spedizione è fermo da 9 giorni.',
        `2025-06-${String(i + 1).padStart(2, '0')}T09:00:00Z`));
    await ok(before.yoga, RECORD, { input: [...HISTORY, ...extra] });
    after = createOsmosis(loadConfig({
      OSMOSIS_PLUGIN_OPTIONS: JSON.stringify({ enrichment: { rerunBatch: 10 } }),
      OSMOSIS_API_TOKENS: 'secret-token',
    }), store, captured.log);
  });
  afterAll(async () => {
    await before.plugins.close();
    await after.plugins.close();
    await store.close();
  });

  const asClient = <T>(query: string, variables?: Record<string, unknown>) =>
    gql<T, Record<string, unknown> | undefined>(after.yoga, query, variables, { authorization: 'Bearer secret-token' });

  it('recorded nothing while the plugin was not loaded', async () => {
    const rows = byId((await ok<{ signals: { nodes: SignalRow[] } }, any>(before.yoga, SIGNALS, { first: 100 })).signals.nodes);
    expect(rows['h-1']).toEqual({ externalId: 'h-1', sentiment: null, about: [] });
  });

  it('is a mutation behind the API tokens', async () => {
    const r = await gql(after.yoga, 'mutation { enrichmentRerun { scanned } }');
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('enriches a time window, then everything missing, page by page; a second run finds nothing left', async () => {
    const window = await asClient<{ enrichmentRerun: { scanned: number; enriched: number; batches: number } }>(
      'mutation { enrichmentRerun(since: "2026-01-01T00:00:00Z", until: "2026-03-01T00:00:00Z") { scanned enriched batches } }');
    expect(window.errors, JSON.stringify(window.errors)).toBeUndefined();
    expect(window.data?.enrichmentRerun).toEqual({ scanned: 2, enriched: 2, batches: 1 });

    const all = await asClient<{ enrichmentRerun: { scanned: number; enriched: number; batches: number; ms: number } }>(
      'mutation { enrichmentRerun { scanned enriched batches ms } }');
    // 25 signals, 10 a page: 3 pages; h-1 and h-2 are done, h-4 has a sentiment, h-5 has no word.
    expect(all.data?.enrichmentRerun).toMatchObject({ scanned: 25, enriched: 21, batches: 3 });

    const rows = byId((await asClient<{ signals: { nodes: SignalRow[] } }>(SIGNALS, { first: 100 })).data!.signals.nodes);
    expect(rows['h-1'].sentiment).toBeLessThan(-0.5);
    expect(topicsOf(rows['h-1'])).toEqual(['delivery']);
    expect(rows['h-2'].sentiment).toBeLessThan(-0.5);
    expect(topicsOf(rows['h-2'])).toEqual(['billing', 'double charge']);
    expect(rows['h-3'].sentiment).toBeGreaterThan(0.8);
    expect(topicsOf(rows['h-3'])).toEqual(['coffee']);
    expect(rows['h-4']).toMatchObject({ sentiment: 0.1, about: [{ target: 'TOPIC', ref: 'warranty' }] });
    expect(rows['h-5']).toMatchObject({ sentiment: null, about: [] });
    expect(topicsOf(rows['x-0'])).toEqual(['delivery', 'tracking']);
    expect(rows['x-0'].sentiment).toBeLessThan(0);

    const again = await asClient<{ enrichmentRerun: { enriched: number } }>('mutation { enrichmentRerun { enriched } }');
    expect(again.data?.enrichmentRerun.enriched).toBe(0);
    expect(captured.lines.filter((l) => l.plugin === 'enrichment' && l.msg === 'enrichment rerun: done')).toHaveLength(3);
  });

  it('onlyMissing: false recomputes every sentiment and adds topics after the existing ones', async () => {
    const r = await asClient<{ enrichmentRerun: { scanned: number; enriched: number } }>(
      'mutation { enrichmentRerun(onlyMissing: false, since: "2026-04-01T00:00:00Z") { scanned enriched } }');
    expect(r.data?.enrichmentRerun).toEqual({ scanned: 2, enriched: 1 });
    const rows = byId((await asClient<{ signals: { nodes: SignalRow[] } }>(SIGNALS, { first: 100 })).data!.signals.nodes);
    expect(rows['h-4'].sentiment).toBeGreaterThan(0.5);
    expect(topicsOf(rows['h-4'])).toEqual(['warranty']); // `tecnico` is warranty: already there, kept once
  });

  it('checks its window', async () => {
    const r = await asClient('mutation { enrichmentRerun(since: "2026-05-01T00:00:00Z", until: "2026-01-01T00:00:00Z") { scanned } }');
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
  });
});

describe('enrichment plugin: live', () => {
  let store: Store;
  let app: Osmosis;

  beforeAll(async () => {
    store = await embeddedFactory.open();
    app = createOsmosis(loadConfig({}), store, capturedLog().log);
    await ok(app.yoga, ACTORS);
  });
  afterAll(async () => {
    await app.plugins.close();
    await store.close();
  });

  const RECORD_ENRICHED = `mutation Record($input: [SignalInput!]!) {
    recordSignals(input: $input) { created existing signals { externalId sentiment about { target ref } } }
  }`;
  type Recorded = { recordSignals: { created: number; existing: number; signals: SignalRow[] } };

  it('writes each signal already enriched, keeping a sentiment the client sent', async () => {
    const input = [
      signal('l-1', 'Il corriere non si è presentato nella fascia oraria concordata! Sono molto deluso.', '2026-06-01T09:00:00Z'),
      signal('l-2', 'The new app is really fast, brewing from the app is amazing', '2026-06-01T10:00:00Z', { kind: 'PRAISE', sentiment: 0.2 }),
      signal('l-3', '☕ 10/10', '2026-06-01T11:00:00Z', { kind: 'MENTION', about: [{ target: 'TOPIC', ref: 'coffee' }] }),
    ];
    const answered = byId((await ok<Recorded, any>(app.yoga, RECORD_ENRICHED, { input })).recordSignals.signals);
    expect(answered['l-1'].sentiment).toBeLessThan(-0.5);
    expect(topicsOf(answered['l-1'])).toEqual(['delivery', 'time slot']);
    expect(answered['l-2'].sentiment).toBe(0.2);
    expect(topicsOf(answered['l-2'])).toEqual(['app']);
    expect(answered['l-3']).toEqual({ externalId: 'l-3', sentiment: null, about: [{ target: 'TOPIC', ref: 'coffee' }] });
    // Stored as answered: nothing is written afterwards.
    const stored = byId((await ok<{ signals: { nodes: SignalRow[] } }, any>(app.yoga, SIGNALS, { first: 10 })).signals.nodes);
    expect(stored).toEqual(answered);
    expect(app.plugins.stats().incoming).toEqual({ batches: 1, failures: {} });

    // Re-sent: recognised, unchanged.
    const again = (await ok<Recorded, any>(app.yoga, RECORD_ENRICHED, { input })).recordSignals;
    expect(again).toMatchObject({ created: 0, existing: 3 });
    expect(byId(again.signals)).toEqual(answered);
  });

  it('reads the opening of a long text and keeps the event loop turning through a batch of them', async () => {
    const long = (i: number) => signal(`long-${i}`, `The parcel arrived damaged and late. ${'filler words about nothing '.repeat(700)}`, '2026-06-02T09:00:00Z');
    const { value, turns } = await turnsDuring(() => ok<Recorded, any>(app.yoga, RECORD_ENRICHED, { input: Array.from({ length: 200 }, (_, i) => long(i)) }));
    expect(value.recordSignals.created).toBe(200);
    expect(value.recordSignals.signals[0].sentiment).toBeLessThan(-0.3);
    expect(topicsOf(value.recordSignals.signals[0])).toContain('delivery');
    // 200 texts of ~19,000 characters: the analysis yields between slices of work.
    expect(turns).toBeGreaterThan(3);
  });
});
