/**
 * What other web sites may do with the API from a visitor's browser.
 * - CORS: pages from the origins in OSMOSIS_CORS_ORIGINS may call the API and read its answers; by
 *   default only pages served from this machine (localhost, 127.0.0.1, [::1], any port), so that a
 *   frontend in development works and an arbitrary site visited on the same machine does not. `*`:
 *   every origin. Yoga's default reflected any origin, with credentials.
 * - A form post is a request any page can send without asking (no preflight), whatever CORS says:
 *   it may run queries (its answer stays unreadable to that page), never a mutation.
 * - WebSockets ignore CORS: ws.ts refuses an upgrade from an origin not allowed here.
 */
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { createGraphQLError, type Plugin, type YogaServerOptions } from 'graphql-yoga';

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** Whether pages of `origin` may call the API (`origins`: `['*']` any; empty: this machine's pages only). */
export function originAllowed(origin: string, origins: readonly string[]): boolean {
  if (origins.includes('*')) return true;
  return origins.length ? origins.some((o) => o.toLowerCase() === origin.toLowerCase()) : LOCAL_ORIGIN.test(origin);
}

/** Yoga's `cors` option for the origins allowed. */
export function corsFor(origins: readonly string[]): YogaServerOptions<object, object>['cors'] {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    // Tokens travel in the Authorization header, not in cookies: no credentials to allow.
    return origin && originAllowed(origin, origins) ? { origin: [origin], credentials: false } : false;
  };
}

/** Answers that depend on the Origin say so, or a shared cache could hand one origin's to another. */
export function useVaryOrigin(): Plugin {
  return {
    onResponse({ response }) {
      const allowed = response.headers.get('access-control-allow-origin');
      if (!allowed || allowed === '*' || /\borigin\b/i.test(response.headers.get('vary') ?? '')) return;
      response.headers.append('vary', 'Origin');
    },
  };
}

/** Content types a browser sends cross-site without a preflight (text/plain is refused anyway: 415). */
const SIMPLE_BODY = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

export function useNoMutationsFromForms(): Plugin {
  return {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request || request.method !== 'POST' || !SIMPLE_BODY.test(request.headers.get('content-type') ?? '')) return;
      const operations = (args.document as DocumentNode).definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      const operation = args.operationName ? operations.find((o: OperationDefinitionNode) => o.name?.value === args.operationName) : operations[0];
      if (operation?.operation !== 'mutation') return;
      throw createGraphQLError('A mutation must be sent as JSON (Content-Type: application/json): any web page can send a form post.', {
        extensions: { code: 'BAD_REQUEST', http: { status: 415 } },
      });
    },
  };
}
