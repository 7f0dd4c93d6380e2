/**
 * Subscriptions over real connections: the graphql-ws client over WebSocket and GraphQL over SSE, on
 * a served instance of each store. Events only after commit (never for a re-sent item or a rejected
 * batch), filters, the same types as queries, cursors and replay without gaps or duplicates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import type { Store } from '../../src/store/port.js';
import { storeFactories } from '../support/stores.js';
import { countingStore } from '../support/counting-store.js';
import { eventually, post, postOk as ok, sseSubscribe, startInstance, wsClient, wsSubscribe, type Instance } from '../support/realtime.js';

const ACTORS = `mutation($input: [ActorInput!]!) { upsertActors(input: $input) { created updated } }`;
const SIGNALS = `mutation($input: [SignalInput!]!) { recordSignals(input: $input) { created existing signals { id } } }`;
const RESPOND = `mutation($input: RespondInput!) { respond(input: $input) { response { id } } }`;
const EXCHANGES = `mutation($input: [ExchangeInput!]!) { recordExchanges(input: $input) { created exchanges { id } } }`;
const ERASE = `mutation($key: String!) { eraseActor(key: $key) }`;

const SIGNAL_EVENTS = `subscription($filter: SignalEventFilter, $after: String) {
  signalRecorded(filter: $filter, after: $after) {
    cursor at
    signal { id externalId channel kind text emitter { key name side } about { ref } }
  }
}`;

type SignalEvent = {
  signalRecorded: {
    cursor: string; at: string;
    signal: { id: string; externalId: string; channel: string; kind: string; text: string; emitter: { key: string; name: string; side: string } | null; about: { ref: string }[] };
  };
};

let n = 0;
const signal = (channel: string, kind: string, emitterKey: string | null, about: string[] = [], externalId = `m-${++n}`) => ({
  channel, externalId, kind, text: `${kind.toLowerCase()} ${externalId}`, occurredAt: '2026-11-02T09:00:00Z',
  ...(emitterKey ? { emitterKey } : {}), about: about.map((ref) => ({ target: 'ACTOR', ref })),
});


describe.each(storeFactories)('subscriptions ($name store)', (factory) => {
  let store: Store;
  let app: Instance;
  let client: Client;

  beforeAll(async () => {
    store = await factory.open();
    app = await startInstance(store);
    client = wsClient(app.wsUrl);
    await ok(app.url, ACTORS, {
      input: [
        { key: 'crm:c1', kind: 'CUSTOMER', name: 'Carla' },
        { key: 'crm:c2', kind: 'CUSTOMER', name: 'Carlo' },
        { key: 'hr:e1', kind: 'EMPLOYEE', name: 'Elena' },
      ],
    });
  });

  afterAll(async () => {
    await client?.dispose();
    await app?.stop();
    await store?.close();
  });

  const subscriptions = () => app.osmosis.realtime.stats().subscriptions;

  it('delivers committed signals over WebSocket, filtered, never for re-sent items or rejected batches', async () => {
    const all = wsSubscribe<SignalEvent>(client, SIGNAL_EVENTS);
    const complaintsOutside = wsSubscribe<SignalEvent>(client, SIGNAL_EVENTS, { filter: { channels: ['email'], kinds: ['COMPLAINT'], side: 'OUTSIDE' } });
    const fromCarlo = wsSubscribe<SignalEvent>(client, SIGNAL_EVENTS, { filter: { emitterKey: 'crm:c2' } });
    const aboutElena = wsSubscribe<SignalEvent>(client, SIGNAL_EVENTS, { filter: { aboutKey: 'hr:e1', channels: [] } });
    await eventually(() => subscriptions() === 4, 5_000, 'four subscriptions registered');

    const batch = [
      signal('email', 'COMPLAINT', 'crm:c1', ['hr:e1']),
      signal('phone', 'QUESTION', 'hr:e1'),
      signal('email', 'COMPLAINT', 'crm:c2'),
      signal('email', 'PRAISE', 'crm:c2', ['hr:e1']),
    ];
    await ok(app.url, SIGNALS, { input: batch });
    // Re-sent: nothing new. Rejected (unknown emitter): nothing committed, no event.
    expect(await ok(app.url, SIGNALS, { input: [batch[0]] })).toMatchObject({ recordSignals: { created: 0, existing: 1 } });
    const rejected = await post(app.url, SIGNALS, { input: [signal('email', 'COMPLAINT', 'crm:c1'), signal('email', 'IDEA', 'crm:ghost')] });
    expect(rejected.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const marker = signal('chat', 'IDEA', null);
    await ok(app.url, SIGNALS, { input: [marker] });

    const got = (await all.waitFor(5)).map((r) => r.data!.signalRecorded);
    expect(got.map((e) => e.signal.externalId)).toEqual([...batch, marker].map((s) => s.externalId));
    const cursors = got.map((e) => Number(e.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(5);
    // The same types as queries: the emitter expands like any Actor.
    expect(got[0].signal).toMatchObject({ channel: 'email', kind: 'COMPLAINT', emitter: { key: 'crm:c1', name: 'Carla', side: 'OUTSIDE' }, about: [{ ref: 'hr:e1' }] });
    expect(got[4].signal.emitter).toBeNull();
    expect(new Date(got[0].at).toISOString()).toBe(got[0].at);

    const ids = (r: { data?: SignalEvent }[]) => r.map((x) => x.data!.signalRecorded.signal.externalId);
    expect(ids(await complaintsOutside.waitFor(2))).toEqual([batch[0].externalId, batch[2].externalId]);
    expect(ids(await fromCarlo.waitFor(2))).toEqual([batch[2].externalId, batch[3].externalId]);
    expect(ids(await aboutElena.waitFor(2))).toEqual([batch[0].externalId, batch[3].externalId]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([complaintsOutside, fromCarlo, aboutElena].map((r) => r.data.length)).toEqual([2, 2, 2]);
    expect([all, complaintsOutside, fromCarlo, aboutElena].flatMap((r) => r.errors)).toEqual([]);

    for (const r of [all, complaintsOutside, fromCarlo, aboutElena]) r.stop();
    await eventually(() => subscriptions() === 0, 5_000, 'subscriptions ended');
  });

  it('delivers responses, value exchanges and actor changes (an erased actor included)', async () => {
    const responded = wsSubscribe(client, `subscription {
      signalResponded(filter: { emitterKey: "crm:c2" }) { cursor signal { externalId status } response { text responder { key } } }
    }`);
    const exchanges = wsSubscribe(client, `subscription {
      exchangeRecorded(filter: { tangible: true, fromKey: "crm:c2" }) { cursor exchange { kind amount from { key } to { name } } }
    }`);
    const allExchanges = wsSubscribe(client, `subscription { exchangeRecorded { exchange { kind } } }`);
    const carla = wsSubscribe(client, `subscription { actorChanged(keys: ["crm:c1"]) { cursor actorId erased actor { key name } } }`);
    const everyone = wsSubscribe(client, `subscription { actorChanged { actor { key } erased } }`);
    await eventually(() => subscriptions() === 5, 5_000, 'five subscriptions registered');

    const [first, second] = (await ok<{ recordSignals: { signals: { id: string }[] } }>(app.url, SIGNALS, {
      input: [signal('email', 'COMPLAINT', 'crm:c2', [], 'resp-1'), signal('email', 'COMPLAINT', 'crm:c1', [], 'resp-2')],
    })).recordSignals.signals;
    await ok(app.url, RESPOND, { input: { signalId: second.id, responderKey: 'hr:e1', text: 'Not for Carlo' } });
    await ok(app.url, RESPOND, { input: { signalId: first.id, responderKey: 'hr:e1', text: 'Sorry, Carlo' } });
    const [r] = await responded.waitFor(1);
    expect(r.data).toEqual({ signalResponded: { cursor: expect.any(String), signal: { externalId: 'resp-1', status: 'ANSWERED' }, response: { text: 'Sorry, Carlo', responder: { key: 'hr:e1' } } } });

    await ok(app.url, EXCHANGES, {
      input: [
        { fromKey: 'crm:c2', toKey: 'hr:e1', kind: 'MONEY', amount: 120, occurredAt: '2026-11-02T10:00:00Z', externalId: 'x-1' },
        { fromKey: 'crm:c2', toKey: 'hr:e1', kind: 'FEEDBACK', amount: 1, occurredAt: '2026-11-02T10:00:00Z' },
        { fromKey: 'crm:c1', toKey: 'hr:e1', kind: 'GOODS', amount: 3, occurredAt: '2026-11-02T10:00:00Z' },
      ],
    });
    await ok(app.url, EXCHANGES, { input: [{ fromKey: 'crm:c2', toKey: 'hr:e1', kind: 'MONEY', amount: 120, occurredAt: '2026-11-02T10:00:00Z', externalId: 'x-1' }] });
    const [x] = await exchanges.waitFor(1);
    expect(x.data).toEqual({ exchangeRecorded: { cursor: expect.any(String), exchange: { kind: 'MONEY', amount: 120, from: { key: 'crm:c2' }, to: { name: 'Elena' } } } });
    expect((await allExchanges.waitFor(3)).map((e) => (e.data as { exchangeRecorded: { exchange: { kind: string } } }).exchangeRecorded.exchange.kind))
      .toEqual(['MONEY', 'FEEDBACK', 'GOODS']);

    await ok(app.url, ACTORS, { input: [{ key: 'crm:c1', kind: 'CUSTOMER', name: 'Carla Rossi' }, { key: 'crm:c9', kind: 'PARTNER', name: 'Nove' }] });
    // An event carries its entity as it is when delivered: wait for delivery before erasing.
    const [renamed] = await carla.waitFor(1);
    await everyone.waitFor(2);
    await ok(app.url, ERASE, { key: 'crm:c1' });
    const [, erased] = await carla.waitFor(2);
    expect(renamed.data).toMatchObject({ actorChanged: { erased: false, actor: { key: 'crm:c1', name: 'Carla Rossi' } } });
    expect(erased.data).toMatchObject({ actorChanged: { erased: true, actor: null } });
    const ids = [renamed, erased].map((e) => (e.data as { actorChanged: { actorId: string } }).actorChanged.actorId);
    expect(ids[0]).toBe(ids[1]); // the erased actor is known by the id it had
    expect((await everyone.waitFor(3)).map((e) => e.data)).toEqual([
      { actorChanged: { actor: { key: 'crm:c1' }, erased: false } },
      { actorChanged: { actor: { key: 'crm:c9' }, erased: false } },
      { actorChanged: { actor: null, erased: true } },
    ]);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(responded.data).toHaveLength(1);
    expect(exchanges.data).toHaveLength(1);
    expect(carla.data).toHaveLength(2);
    for (const s of [responded, exchanges, allExchanges, carla, everyone]) s.stop();
    await eventually(() => subscriptions() === 0, 5_000, 'subscriptions ended');
  });

  it('delivers over SSE through the same pipeline, and ends the subscription when the client goes', async () => {
    const sse = sseSubscribe<SignalEvent>(app.url, SIGNAL_EVENTS, { filter: { kinds: ['IDEA'] } });
    expect(await sse.status).toBe(200);
    await eventually(() => subscriptions() === 1, 5_000, 'SSE subscription registered');
    await ok(app.url, SIGNALS, { input: [signal('web', 'QUESTION', 'hr:e1'), signal('web', 'IDEA', 'crm:c2', [], 'sse-idea')] });
    const [e] = await sse.waitFor(1);
    expect(e.data!.signalRecorded.signal).toMatchObject({ externalId: 'sse-idea', emitter: { key: 'crm:c2' } });
    sse.stop();
    await eventually(() => subscriptions() === 0, 5_000, 'SSE subscription ended after the client left');
  });

  it('replays exactly what a client missed, in order, after its cursor, then continues live without duplicates', async () => {
    const first = wsClient(app.wsUrl);
    const before = wsSubscribe<SignalEvent>(first, SIGNAL_EVENTS, { filter: { channels: ['replay'] } });
    await eventually(() => subscriptions() === 1);
    await ok(app.url, SIGNALS, { input: [signal('replay', 'FEEDBACK', 'crm:c2', [], 'r-0')] });
    const [last] = await before.waitFor(1);
    const cursor = last.data!.signalRecorded.cursor;
    await first.dispose(); // the dashboard disconnects
    await eventually(() => subscriptions() === 0);

    // Meanwhile: 100 events, in separate writes, with noise on other channels in between.
    for (let i = 1; i <= 100; i++) {
      const input = [signal('replay', 'FEEDBACK', 'crm:c2', [], `r-${i}`)];
      if (i % 10 === 0) input.push(signal('noise', 'FEEDBACK', 'crm:c2'));
      await ok(app.url, SIGNALS, { input });
    }

    const again = wsClient(app.wsUrl);
    const resumed = wsSubscribe<SignalEvent>(again, SIGNAL_EVENTS, { filter: { channels: ['replay'] }, after: cursor });
    const replayed = await resumed.waitFor(100);
    expect(replayed.map((r) => r.data!.signalRecorded.signal.externalId)).toEqual(Array.from({ length: 100 }, (_, i) => `r-${i + 1}`));
    await ok(app.url, SIGNALS, { input: [signal('replay', 'FEEDBACK', 'crm:c2', [], 'r-live')] });
    await resumed.waitFor(101);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const all = resumed.data.map((r) => r.data!.signalRecorded);
    expect(all.map((e) => e.signal.externalId)).toEqual([...Array.from({ length: 100 }, (_, i) => `r-${i + 1}`), 'r-live']);
    const seqs = all.map((e) => Number(e.cursor));
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1])).toBe(true);
    expect(seqs[0]).toBeGreaterThan(Number(cursor));

    // The same cursor works over SSE too.
    const sse = sseSubscribe<SignalEvent>(app.url, SIGNAL_EVENTS, { filter: { channels: ['replay'] }, after: all[95].cursor });
    expect((await sse.waitFor(5)).map((r) => r.data!.signalRecorded.signal.externalId)).toEqual(['r-97', 'r-98', 'r-99', 'r-100', 'r-live']);
    sse.stop();
    resumed.stop();
    await again.dispose();
    await eventually(() => subscriptions() === 0);

    const bad = wsSubscribe(client, SIGNAL_EVENTS, { after: 'yesterday' });
    await bad.ended();
    expect(JSON.stringify(bad.data.length ? bad.data : bad.errors)).toContain('BAD_USER_INPUT');
    // A cursor past the last event (another database's) would silently miss every event until it: refused.
    const ahead = wsSubscribe(client, SIGNAL_EVENTS, { after: String(Number(all.at(-1)!.cursor) + 1_000) });
    await ahead.ended();
    const refusal = JSON.stringify(ahead.data.length ? ahead.data : ahead.errors);
    expect(refusal).toContain('BAD_USER_INPUT');
    expect(refusal).toContain('past the latest event');
    const aheadSse = sseSubscribe<SignalEvent>(app.url, SIGNAL_EVENTS, { after: '999999999' });
    await aheadSse.ended();
    expect(JSON.stringify([aheadSse.data, aheadSse.errors])).toContain('past the latest event');
  });

  it('resolves each event once per instance, however many subscribers expand it', async () => {
    const counting = countingStore(store);
    const instance = await startInstance(counting.store);
    const clients = [wsClient(instance.wsUrl), wsClient(instance.wsUrl)];
    try {
      const callsFor = async (subscribers: number, tag: string): Promise<number> => {
        const subs = Array.from({ length: subscribers }, (_, i) =>
          wsSubscribe<SignalEvent>(clients[i % 2], SIGNAL_EVENTS, { filter: { channels: [tag] } }));
        await eventually(() => instance.osmosis.realtime.stats().subscriptions === subscribers);
        await ok(instance.url, SIGNALS, { input: [signal(tag, 'COMPLAINT', 'crm:c2', ['hr:e1'])] });
        // The first event reached every subscriber (its reads are done) before counting the second's:
        // a fixed pause was too short on a slow Neo4j, and counted the first event's reads too.
        await Promise.all(subs.map((s) => s.waitFor(1)));
        await new Promise((resolve) => setTimeout(resolve, 100));
        counting.reset();
        await ok(instance.url, SIGNALS, { input: [signal(tag, 'COMPLAINT', 'crm:c2', ['hr:e1'])] });
        await Promise.all(subs.map((s) => s.waitFor(2)));
        await new Promise((resolve) => setTimeout(resolve, 100));
        const reads = counting.total() - (counting.calls.get('recordSignals') ?? 0) - (counting.calls.get('readOutbox') ?? 0);
        subs.forEach((s) => s.stop());
        await eventually(() => instance.osmosis.realtime.stats().subscriptions === 0);
        return reads;
      };
      const one = await callsFor(1, 'once-1');
      const forty = await callsFor(40, 'once-40');
      expect(forty).toBe(one);
      expect(one).toBeLessThanOrEqual(4); // signals, about, emitters (+ nothing per subscriber)
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await instance.stop();
    }
  });
});
