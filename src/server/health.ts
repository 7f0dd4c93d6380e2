/**
 * `GET /health`: 200 while the process is up, whatever follows the path (a query string that a
 * load balancer adds to defeat caches, a trailing slash). Yoga's own check matched any URL ending in
 * "/health" — `/graphql?x=/health` included — and missed `/health?x=1`.
 */
import type { Plugin } from 'graphql-yoga';

const PATH = '/health';

/** The path of an absolute URL, without query or fragment (no URL object: this runs on every request). */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  let end = url.length;
  for (const mark of ['?', '#']) {
    const i = url.indexOf(mark, start);
    if (i >= 0 && i < end) end = i;
  }
  return url.slice(start, end);
}

export function useHealth(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const path = pathOf(request.url);
      if (path === PATH || path === `${PATH}/`) endResponse(new fetchAPI.Response(null, { status: 200 }));
    },
  };
}
