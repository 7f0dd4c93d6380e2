/**
 * A POST whose body is not a GraphQL request yoga reads (JSON, multipart, form) gets 415 with an
 * empty body from yoga; here it gets 415 with a GraphQL error saying what to send, like every other
 * bad request.
 */
import type { Plugin } from 'graphql-yoga';

const READABLE = /^(application\/(json|graphql-response\+json|graphql|x-www-form-urlencoded)|multipart\/form-data)\b/i;

export function useUnsupportedMediaTypeError(endpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'POST' || url.pathname !== endpoint) return;
      const type = request.headers.get('content-type') ?? '';
      if (READABLE.test(type)) return;
      const message = `${type ? `Content-Type "${type.slice(0, 100)}"` : 'A body without Content-Type'} is not a GraphQL request: `
        + 'send JSON ({"query": …, "variables": …}) with Content-Type: application/json.';
      endResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }), {
        status: 415,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }));
    },
  };
}
