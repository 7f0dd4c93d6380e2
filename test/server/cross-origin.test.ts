/** Cross-site use from a browser: CORS for the configured origins only, and no mutation from a form post. */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createOsmosis, type Osmosis } from '../../src/main.js';
import { embeddedFactory } from '../support/stores.js';

const URL_ = 'http://osmosis.test/graphql';

describe('cross-origin requests', () => {
  let app: Osmosis | undefined;
  afterEach(async () => { await app?.store.close(); app = undefined; });
  const open = async (env: Record<string, string> = {}) => {
    app = createOsmosis(loadConfig(env), await embeddedFactory.open(), pino({ level: 'silent' }));
    return app;
  };
  const preflight = (a: Osmosis, origin: string) => a.yoga.fetch(URL_, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  });
  const post = (a: Osmosis, origin: string) => a.yoga.fetch(URL_, {
    method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }),
  });

  it("by default lets this machine's pages in, and no other site, without credentials", async () => {
    const a = await open();
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173', 'https://localhost', 'http://[::1]:8080']) {
      const res = await preflight(a, origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const answer = await post(a, origin);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('vary')).toMatch(/\bOrigin\b/); // caches must not share it across origins
    }
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null']) {
      expect((await preflight(a, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
      expect((await post(a, origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('takes the origins listed in OSMOSIS_CORS_ORIGINS, or any with *', async () => {
    const listed = await open({ OSMOSIS_CORS_ORIGINS: 'https://app.example.com, https://ops.example.com:8443' });
    expect((await preflight(listed, 'https://app.example.com')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect((await preflight(listed, 'https://ops.example.com:8443')).headers.get('access-control-allow-origin')).toBe('https://ops.example.com:8443');
    expect((await preflight(listed, 'http://localhost:3000')).headers.get('access-control-allow-origin')).toBeNull();
    await listed.store.close();
    const any = await open({ OSMOSIS_CORS_ORIGINS: '*' });
    expect((await preflight(any, 'https://anywhere.example')).headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(() => loadConfig({ OSMOSIS_CORS_ORIGINS: 'https://app.example.com/path' })).toThrow(/OSMOSIS_CORS_ORIGINS.*not an origin/);
    // Written with a default port or in capitals, an origin is read as browsers send it.
    expect(loadConfig({ OSMOSIS_CORS_ORIGINS: 'https://B.example:443,http://c.example:80' }).OSMOSIS_CORS_ORIGINS)
      .toEqual(['https://b.example', 'http://c.example']);
  });

  it('refuses a mutation sent as a form post (any page can send one), and runs a query', async () => {
    const a = await open();
    const form = (query: string) => a.yoga.fetch(URL_, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ query }).toString(),
    });
    const refused = await form('mutation { upsertActors(input: [{ key: "p:x", kind: CUSTOMER, name: "X" }]) { created } }');
    expect(refused.status).toBe(415);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(await a.store.actorsByKeys(['p:x'])).toEqual([null]);
    const query = await form('{ actors { totalCount } }');
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { actors: { totalCount: 0 } } });
  });
});
