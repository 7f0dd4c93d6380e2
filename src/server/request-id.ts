/**
 * One id per HTTP request, for its log lines and its answer: the client's `x-request-id` when it is a
 * plain token (letters, digits, `._:-`, at most 128), otherwise a new UUID; sent back in the
 * `x-request-id` response header so that a client can quote it when it reports a problem.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';

const PLAIN = /^[\w.:-]{1,128}$/;
const ids = new WeakMap<Request, string>();

const given = (header: unknown): string | null => (typeof header === 'string' && PLAIN.test(header) ? header : null);

/** The id of this request (over WebSocket, of the upgrade request `req`). */
export function requestIdOf(request: Request | undefined, req: IncomingMessage | undefined): string {
  if (request) {
    let id = ids.get(request);
    if (!id) ids.set(request, (id = given(request.headers.get('x-request-id')) ?? randomUUID()));
    return id;
  }
  return given(req?.headers['x-request-id']) ?? randomUUID();
}

export function useRequestId(): Plugin {
  return {
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request, undefined));
    },
  };
}
