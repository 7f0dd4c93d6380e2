/** WebSocket operations get the HTTP guards: no upgrade from another site's page, no lone surrogates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Store } from '../../src/store/port.js';
import { embeddedFactory } from '../support/stores.js';
import { startInstance, type Instance } from '../support/realtime.js';

/** The upgrade's HTTP status when refused, or 101 when the socket opened. */
function upgrade(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', origin ? { headers: { origin } } : {});
    socket.once('open', () => { socket.close(); resolve(101); });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', (error) => reject(error));
  });
}

/** Runs one operation over graphql-ws (raw protocol) and returns its first message's payload. */
function operation(url: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      else if (message.type === 'next' || message.type === 'error') { socket.close(); resolve(message.payload); }
    });
    socket.once('error', reject);
  });
}

describe('WebSocket guards', () => {
  let store: Store;
  let app: Instance;
  beforeAll(async () => {
    store = await embeddedFactory.open();
    app = await startInstance(store);
  });
  afterAll(async () => {
    await app?.stop();
    await store?.close();
  });

  it("refuses an upgrade from another site's page, and takes this machine's pages and non-browser clients", async () => {
    expect(await upgrade(app.wsUrl, 'https://evil.example')).toBe(403);
    expect(await upgrade(app.wsUrl, 'http://localhost:3000')).toBe(101);
    expect(await upgrade(app.wsUrl)).toBe(101); // no Origin: not a browser
  });

  it('refuses a lone surrogate in variables, naming where, and stores nothing', async () => {
    const payload = await operation(app.wsUrl, 'mutation($i: [ActorInput!]!) { upsertActors(input: $i) { created } }',
      { i: [{ key: 'ws:sur', kind: 'CUSTOMER', name: 'a\ud800' }] });
    expect(payload).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'i[0].name' }) })]);
    expect(await store.actorsByKeys(['ws:sur'])).toEqual([null]);
  });
});
