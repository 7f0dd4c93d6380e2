/**
 * The request body limit (src/server/request-body-limit.ts) on the real HTTP server: a declared length
 * over the limit is refused from its header, a malformed one is a bad request, a chunked body is
 * counted as it streams; nothing is written, and bodies within the limit work with or without a length.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/server/http.js';
import { MAX_REQUEST_BODY_BYTES } from '../../src/server/yoga.js';
import type { Store } from '../../src/store/port.js';
import { testApp, type TestApp } from '../support/app.js';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import { createOsmosis } from '../../src/main.js';
import { embeddedFactory } from '../support/stores.js';

const upsert = (key: string, extensions?: object) => JSON.stringify({
  query: 'mutation($i: [ActorInput!]!) { upsertActors(input: $i) { created } }',
  variables: { i: [{ key, kind: 'CUSTOMER', name: 'Body limit' }] },
  ...(extensions ? { extensions } : {}),
});

interface Answer { status: number; connection?: string; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }

/** POSTs `chunks` with the given headers (no Content-Length unless given: chunked). */
function post(url: string, headers: Record<string, string>, chunks: Iterable<Buffer | string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A connection each: a refused body is left unread, so its connection is not reused.
    const req = httpRequest(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => { text += String(d); });
      res.on('end', () => { try { resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: JSON.parse(text) as Answer['body'] }); } catch { reject(new Error(`${res.statusCode}: ${text}`)); } });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may answer and close before a refused body has been sent whole.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    (async () => {
      for (const chunk of chunks) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      req.end();
    })().catch(() => undefined);
  });
}

describe('request body limit', () => {
  let store: Store;
  let app: TestApp;
  let http: RunningServer;
  beforeAll(async () => {
    store = await embeddedFactory.open();
    app = testApp(store);
    http = await listen(app.yoga, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await http?.close();
    await store?.close();
  });

  it('serves bodies within the limit, with a declared length or chunked', async () => {
    const body = upsert('limit:a');
    const declared = await post(http.url, { 'content-length': String(Buffer.byteLength(body)) }, [body]);
    expect(declared).toMatchObject({ status: 200, body: { data: { upsertActors: { created: 1 } } } });
    const chunked = await post(http.url, {}, [body.slice(0, 10), body.slice(10).replace('limit:a', 'limit:b')]);
    expect(chunked).toMatchObject({ status: 200, body: { data: { upsertActors: { created: 1 } } } });
  });

  it('refuses a declared length over the limit from the header, before the body, and closes the connection', async () => {
    const answer = await post(http.url, { 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) }, [upsert('limit:c')]);
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close'); // the rest of the body is not read
    expect(answer.body.errors?.[0].extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(await store.actorsByKeys(['limit:c'])).toEqual([null]);
  });

  it('answers a malformed Content-Length with a bad request', async () => {
    const { port } = new URL(http.url);
    for (const length of ['12, 12', '-1', 'abc', '1e3']) {
      // Node's client will not send such a header: a raw request.
      const status = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.end(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n{}`);
        });
        let text = '';
        socket.on('data', (d) => { text += String(d); });
        socket.on('close', () => resolve(text.split('\r\n')[0]));
        socket.on('error', reject);
      });
      expect(status, length).toMatch(/^HTTP\/1\.1 400 /);
    }
  });

  it('stops a chunked body once it passes the limit, and writes nothing', async () => {
    const piece = Buffer.alloc(1 << 20, 'x');
    const head = upsert('limit:d', { padding: '' }).replace(/"}}$/, '');
    const pieces = Math.ceil(MAX_REQUEST_BODY_BYTES / piece.length) + 1;
    function* body() {
      yield head;
      for (let k = 0; k < pieces; k++) yield piece;
      yield '"}}';
    }
    const answer = await post(http.url, {}, body());
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0].extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(await store.actorsByKeys(['limit:d'])).toEqual([null]);
  });
});

describe('OSMOSIS_MAX_BODY', () => {
  it('sets the limit', async () => {
    const store = await embeddedFactory.open();
    const app = createOsmosis(loadConfig({ OSMOSIS_MAX_BODY: '2048' }), store, pino({ level: 'silent' }));
    const http = await listen(app.yoga, '127.0.0.1', 0);
    try {
      const small = upsert('max:a');
      expect(await post(http.url, { 'content-length': String(Buffer.byteLength(small)) }, [small])).toMatchObject({ status: 200 });
      const big = upsert('max:b', { padding: 'x'.repeat(3000) });
      expect((await post(http.url, { 'content-length': String(Buffer.byteLength(big)) }, [big])).status).toBe(413);
      expect(await store.actorsByKeys(['max:b'])).toEqual([null]);
    } finally {
      await http.close();
      await store.close();
    }
  });
});
