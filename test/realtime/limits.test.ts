/**
 * Limits and robustness of the realtime transports, on real connections with the graphql-ws client:
 * connection_init timeout, operations per connection, message size, keepalive, slow consumers (a
 * bounded buffer, then a clear close) and clients that vanish (no generator or timer left behind).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Client } from 'graphql-ws';
import type { Store } from '../../src/store/port.js';
import { embeddedFactory } from '../support/stores.js';
import { activeTimers, eventually, post, sseSubscribe, startInstance, wsClient, wsSubscribe, type Instance } from '../support/realtime.js';

const ACTORS = `mutation($input: [ActorInput!]!) { upsertActors(input: $input) { created } }`;
const SIGNALS = `mutation($input: [SignalInput!]!) { recordSignals(input: $input) { created } }`;
const EVENTS = `subscription($filter: SignalEventFilter) { signalRecorded(filter: $filter) { cursor signal { externalId text } } }`;

let n = 0;
const signals = (count: number, channel = 'limits', text = 'hello') => Array.from({ length: count }, () => ({
  channel, externalId: `l-${++n}`, kind: 'FEEDBACK', text, occurredAt: '2026-11-02T09:00:00Z', emitterKey: 'crm:c1',
}));

/** A ws WebSocket the test can reach, to pause or cut it under the graphql-ws client. */
const sockets: WebSocket[] = [];
class TrackedWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    sockets.push(this);
  }
}

interface CloseLike { code: number; reason: string }
const closeOf = (e: unknown): CloseLike => e as CloseLike;

describe('realtime limits and robustness', () => {
  let store: Store;
  let app: Instance;
  const clients: Client[] = [];
  const client = (options: Parameters<typeof wsClient>[1] = {}) => {
    const c = wsClient(app.wsUrl, { webSocketImpl: TrackedWebSocket, ...options });
    clients.push(c);
    return c;
  };
  const stats = () => app.osmosis.realtime.stats();

  beforeAll(async () => {
    store = await embeddedFactory.open();
    app = await startInstance(store, {
      OSMOSIS_WS_INIT_TIMEOUT_MS: '300',
      OSMOSIS_MAX_SUBSCRIPTIONS: '3',
      OSMOSIS_WS_MAX_MESSAGE: '4096',
      OSMOSIS_WS_KEEPALIVE_MS: '300',
      OSMOSIS_SUBSCRIPTION_BUFFER: '10',
      OSMOSIS_SLOW_CONSUMER_MS: '300',
    });
    await post(app.url, ACTORS, { input: [{ key: 'crm:c1', kind: 'CUSTOMER', name: 'Carla' }] });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await eventually(() => stats().subscriptions === 0 && app.served.ws.connections() === 0, 5_000, 'connections closed');
  });

  afterAll(async () => {
    await app?.stop();
    await store?.close();
  });

  it('closes a connection that sends no connection_init in time (4408)', async () => {
    // The client sends connection_init once its connectionParams resolve: here, too late.
    const slow = client({ connectionParams: () => new Promise((resolve) => setTimeout(() => resolve({}), 1_500)) });
    const sub = wsSubscribe(slow, EVENTS);
    await sub.ended(5_000);
    expect(closeOf(sub.errors[0]).code).toBe(4408);
  });

  it('refuses operations beyond the maximum per connection, and keeps the others', async () => {
    const c = client();
    const subs = Array.from({ length: 3 }, () => wsSubscribe(c, EVENTS, { filter: { channels: ['max'] } }));
    await eventually(() => stats().subscriptions === 3);
    const fourth = wsSubscribe(c, EVENTS, { filter: { channels: ['max'] } });
    await fourth.ended();
    expect(JSON.stringify(fourth.errors)).toContain('TOO_MANY_SUBSCRIPTIONS');
    await post(app.url, SIGNALS, { input: signals(1, 'max') });
    for (const s of subs) expect(await s.waitFor(1)).toHaveLength(1);
  });

  it('closes a connection that sends a message only the server may send with 4400, as any invalid one', async () => {
    for (const message of [{ type: 'next', id: '1', payload: {} }, { type: 'connection_ack' }]) {
      const socket = new WebSocket(app.wsUrl, 'graphql-transport-ws');
      sockets.push(socket);
      const received: string[] = [];
      socket.on('message', (data) => {
        received.push(String(data));
        if (JSON.parse(String(data)).type === 'connection_ack') socket.send(JSON.stringify(message));
      });
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      const [code, reason] = await new Promise<[number, string]>((resolve) => socket.once('close', (c, r) => resolve([c, String(r)])));
      expect(received.map((m) => JSON.parse(m).type), message.type).toEqual(['connection_ack']);
      expect([code, reason], message.type).toEqual([4400, 'Invalid message received']);
    }
  });

  it('closes a connection that sends a message above the maximum size (1009)', async () => {
    const c = client();
    const big = wsSubscribe(c, EVENTS, { filter: { channels: ['x'.repeat(5_000)] } });
    await big.ended();
    expect(closeOf(big.errors[0]).code).toBe(1009);
  });

  it('terminates a client that stops answering pings, and ends its subscriptions', async () => {
    const before = sockets.length;
    const c = client();
    wsSubscribe(c, EVENTS);
    await eventually(() => stats().subscriptions === 1);
    const socket = sockets[before];
    socket.pause(); // the client vanishes without closing: no more reads, so no pongs
    await eventually(() => stats().subscriptions === 0 && app.served.ws.connections() === 0, 5_000, 'keepalive terminated the client');
    socket.terminate();
  });

  it('takes a burst larger than the buffer from the stream, at the consumer pace, losing nothing', async () => {
    const c = client();
    const sub = wsSubscribe<{ signalRecorded: { signal: { externalId: string } } }>(c, EVENTS, { filter: { channels: ['burst'] } });
    await eventually(() => stats().subscriptions === 1);
    const burst = signals(2_000, 'burst');
    await post(app.url, SIGNALS, { input: burst });
    const got = await sub.waitFor(2_000, 20_000);
    expect(got.map((r) => r.data!.signalRecorded.signal.externalId)).toEqual(burst.map((s) => s.externalId));
    expect(sub.errors).toEqual([]);
    expect(stats().buffered).toBeLessThanOrEqual(500);
  });

  it('closes a WebSocket consumer that stays behind (4413), with bounded memory meanwhile', async () => {
    // Its own instance, with a keepalive long enough not to cut the paused client first.
    const slowApp = await startInstance(store, { OSMOSIS_WS_KEEPALIVE_MS: '60000', OSMOSIS_SUBSCRIPTION_BUFFER: '10', OSMOSIS_SLOW_CONSUMER_MS: '300' });
    const slowStats = () => slowApp.osmosis.realtime.stats();
    const before = sockets.length;
    const c = wsClient(slowApp.wsUrl, { webSocketImpl: TrackedWebSocket });
    try {
      const sub = wsSubscribe(c, EVENTS, { filter: { channels: ['slow'] } });
      await eventually(() => slowStats().subscriptions === 1);
      const socket = sockets[before];
      socket.pause(); // reads nothing: the kernel buffers fill, then the server's sends wait
      const text = 'x'.repeat(20_000);
      let maxBuffered = 0;
      for (let i = 0; i < 60 && slowStats().subscriptions === 1; i++) {
        await post(slowApp.url, SIGNALS, { input: signals(100, 'slow', text) });
        maxBuffered = Math.max(maxBuffered, slowStats().buffered);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await eventually(() => slowStats().subscriptions === 0, 10_000, 'the slow consumer was ended');
      expect(maxBuffered).toBeLessThanOrEqual(500); // a page or a buffer, never the backlog
      expect(slowApp.logs.some((l) => l.msg === 'closing a slow WebSocket consumer')).toBe(true);
      socket.resume();
      await sub.ended(10_000);
      expect(closeOf(sub.errors[0]).code).toBe(4413);
      expect(closeOf(sub.errors[0]).reason).toMatch(/Slow consumer/);
      await eventually(() => slowApp.served.ws.connections() === 0);
    } finally {
      await c.dispose();
      await slowApp.stop();
    }
  });

  it('ends an SSE consumer that stays behind with a SLOW_CONSUMER error and its resume cursor', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: EVENTS, variables: { filter: { channels: ['slow-sse'] } } }),
    });
    await eventually(() => stats().subscriptions === 1);
    const text = 'y'.repeat(20_000);
    for (let i = 0; i < 40 && stats().subscriptions === 1; i++) {
      await post(app.url, SIGNALS, { input: signals(100, 'slow-sse', text) });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await eventually(() => stats().subscriptions === 0, 10_000, 'the slow SSE consumer was ended');
    // Read what is there now (within the grace period): the stream ends with the error, then complete.
    const body = await res.text();
    const events = body.split('\n\n').filter((b) => b.startsWith('event: next')).map((b) => JSON.parse(b.slice(b.indexOf('data:') + 5)));
    const last = events[events.length - 1] as { errors?: { extensions: { code: string; cursor: string } }[] };
    expect(last.errors?.[0].extensions.code).toBe('SLOW_CONSUMER');
    const delivered = events.filter((e: { data?: unknown }) => e.data);
    expect(last.errors?.[0].extensions.cursor).toBe(delivered.length ? delivered[delivered.length - 1].data.signalRecorded.cursor : null);
    expect(body.trimEnd().endsWith('event: complete\ndata:')).toBe(true);
  });

  it('leaves no generator or timer behind when clients vanish (WebSocket cut, SSE aborted)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const timers = activeTimers();
    const before = sockets.length;
    const ws = [client(), client(), client()];
    ws.forEach((c) => { wsSubscribe(c, EVENTS); wsSubscribe(c, EVENTS, { filter: { kinds: ['IDEA'] } }); });
    const sse = [sseSubscribe(app.url, EVENTS), sseSubscribe(app.url, EVENTS, { filter: { channels: ['a'] } })];
    await eventually(() => stats().subscriptions === 8, 5_000, 'eight subscriptions');
    expect(activeTimers()).toBeGreaterThan(timers); // keepalive and SSE ping timers are running
    await post(app.url, SIGNALS, { input: signals(3) });

    for (const s of sockets.slice(before)) s.terminate(); // gone without a close handshake
    for (const s of sse) s.stop();
    await eventually(() => stats().subscriptions === 0 && app.served.ws.connections() === 0, 5_000, 'server-side subscriptions ended');
    await Promise.all(ws.map((c) => c.dispose()));
    await eventually(() => activeTimers() <= timers, 5_000, `timers back to ${timers} (now ${activeTimers()})`);
    expect(stats()).toMatchObject({ subscriptions: 0, replaying: 0, buffered: 0, timers: 0 });
  });
});
