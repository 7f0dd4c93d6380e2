/**
 * API tokens (OSMOSIS_API_TOKENS): one envelop plugin, the same check over HTTP, SSE and WebSocket.
 * Without tokens configured the API is open (the other suites).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/port.js';
import { embeddedFactory } from '../support/stores.js';
import { post, sseSubscribe, startInstance, wsClient, wsSubscribe, type Instance } from '../support/realtime.js';

const SIGNALS = `mutation($input: [SignalInput!]!) { recordSignals(input: $input) { created } }`;
const EVENTS = `subscription { signalRecorded { signal { externalId } } }`;
const signal = (externalId: string) => ({ channel: 'auth', externalId, kind: 'QUESTION', text: 'Who are you?', occurredAt: '2026-11-02T09:00:00Z' });
const code = (e: unknown) => (e as { code: number }).code;

describe('API tokens', () => {
  let store: Store;
  let app: Instance;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    store = await embeddedFactory.open();
    app = await startInstance(store, { OSMOSIS_API_TOKENS: 'alpha-token, beta-token' });
  });

  afterAll(async () => {
    await app?.stop();
    await store?.close();
  });

  it('HTTP: answers 401 UNAUTHENTICATED without a known bearer token, and serves with one', async () => {
    for (const headers of [{}, bearer('wrong'), { authorization: 'alpha-token' }]) {
      const r = await post(app.url, '{ __typename }', {}, headers);
      expect(r.status).toBe(401);
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.data ?? null).toBeNull();
    }
    // Each refusal says what was wrong: no token, an unknown one, or a header that is not `Bearer <token>`.
    const message = async (headers: Record<string, string>) => (await post(app.url, '{ __typename }', {}, headers)).errors?.[0].message;
    expect(await message({})).toMatch(/^Authentication required/);
    expect(await message(bearer('wrong'))).toBe('Invalid API token.');
    for (const authorization of ['alpha-token', 'Bearer alpha token', 'Bearer alpha-token, Bearer bad', 'Basic YTpi']) {
      expect(await message({ authorization }), authorization).toMatch(/^Malformed authorization/);
    }
    expect(await post(app.url, '{ __typename }', {}, bearer('alpha-token'))).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    expect(await post(app.url, SIGNALS, { input: [signal('h-1')] }, bearer('beta-token'))).toMatchObject({ data: { recordSignals: { created: 1 } } });
    expect((await fetch(app.url.replace('/graphql', '/health'))).status).toBe(200); // health stays open
  });

  it('SSE: the same check, from the Authorization header', async () => {
    const refused = sseSubscribe(app.url, EVENTS);
    expect(await refused.status).toBe(401);
    const sse = sseSubscribe(app.url, EVENTS, {}, bearer('alpha-token'));
    expect(await sse.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await post(app.url, SIGNALS, { input: [signal('s-1')] }, bearer('alpha-token'));
    expect((await sse.waitFor(1))[0].data).toEqual({ signalRecorded: { signal: { externalId: 's-1' } } });
    sse.stop();
  });

  it('WebSocket: refuses a connection without a known token in connectionParams (4401), serves one with it', async () => {
    for (const connectionParams of [undefined, { authorization: 'Bearer nope' }, { token: 'nope' }]) {
      const client = wsClient(app.wsUrl, { connectionParams });
      const sub = wsSubscribe(client, EVENTS);
      await sub.ended();
      expect(code(sub.errors[0])).toBe(4401);
      await client.dispose();
    }
    for (const connectionParams of [{ authorization: 'Bearer beta-token' }, { token: 'alpha-token' }]) {
      const client = wsClient(app.wsUrl, { connectionParams });
      const sub = wsSubscribe(client, EVENTS);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const id = `w-${connectionParams.token ?? 'bearer'}`;
      await post(app.url, SIGNALS, { input: [signal(id)] }, bearer('alpha-token'));
      expect((await sub.waitFor(1))[0].data).toEqual({ signalRecorded: { signal: { externalId: id } } });
      // Queries over the same socket pass the same check.
      const query = wsSubscribe(client, '{ __typename }');
      expect((await query.waitFor(1))[0].data).toEqual({ __typename: 'Query' });
      sub.stop();
      await client.dispose();
    }
  });
});
