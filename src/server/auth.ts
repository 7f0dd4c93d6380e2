/**
 * Optional API tokens (OSMOSIS_API_TOKENS). One envelop plugin, so every transport passes the same
 * check: it runs whenever an envelope is built — for each HTTP request (and each SSE stream), for each
 * WebSocket operation and when a WebSocket connection opens. Over HTTP the token comes in
 * `Authorization: Bearer <token>`; over WebSocket in `connectionParams` (`authorization: 'Bearer <token>'`
 * or `token`). A missing or unknown token answers UNAUTHENTICATED (HTTP 401). No tokens: open.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { OsmosisError } from '../graphql/errors.js';

interface Credentials {
  request?: Request;
  connectionParams?: Readonly<Record<string, unknown>>;
}

const digest = (token: string): Buffer => createHash('sha256').update(token).digest();

/** The token of `Bearer <token>`; MALFORMED for any other value given, null for none. */
const MALFORMED = Symbol('malformed');
const bearer = (value: unknown): string | null | typeof MALFORMED => {
  if (value === null || value === undefined) return null;
  const m = typeof value === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return m ? m[1] : MALFORMED;
};

/** The token a client presented, from whichever transport it came by. */
function presented(context: Credentials): string | null | typeof MALFORMED {
  if (context.request) return bearer(context.request.headers.get('authorization'));
  const params = context.connectionParams ?? {};
  const fromHeader = bearer(params.authorization ?? params.Authorization);
  return fromHeader ?? (typeof params.token === 'string' ? params.token : null);
}

export const unauthenticated = (message: string): OsmosisError =>
  new OsmosisError(message, 'UNAUTHENTICATED', { http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } });

export function useApiTokens(tokens: readonly string[]): Plugin {
  const known = tokens.map(digest);
  if (!known.length) return {};
  const valid = (token: string) => {
    const d = digest(token);
    let ok = false;
    for (const k of known) ok = timingSafeEqual(d, k) || ok; // compare with every token: constant work
    return ok;
  };
  return {
    onEnveloped({ context }) {
      const token = presented((context ?? {}) as Credentials);
      if (token === null) {
        throw unauthenticated('Authentication required: send an API token (HTTP: Authorization: Bearer <token>; WebSocket: connectionParams.authorization).');
      }
      if (token === MALFORMED) throw unauthenticated('Malformed authorization: expected "Bearer <token>" (one token, no blanks).');
      if (!valid(token)) throw unauthenticated('Invalid API token.');
    },
  };
}
