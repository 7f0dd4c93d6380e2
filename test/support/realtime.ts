/**
 * Realtime test helpers: an Osmosis served on a real port (HTTP, SSE, WebSocket), the real graphql-ws
 * client, and a GraphQL-over-SSE reader. Logs are captured, not printed.
 */
import { Writable } from 'node:stream';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import { createOsmosis, serveOsmosis, type Osmosis, type OsmosisParts, type ServedOsmosis } from '../../src/main.js';
import type { Store } from '../../src/store/port.js';

export interface Instance {
  osmosis: Osmosis;
  served: ServedOsmosis;
  /** http://host:port/graphql */
  url: string;
  /** ws://host:port/graphql */
  wsUrl: string;
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** Serves a store on a free port; `env` overrides the configuration. The store stays open on stop. */
export async function startInstance(store: Store, env: Record<string, string> = {}, parts: OsmosisParts = {}): Promise<Instance> {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = pino({ level: env.LOG_LEVEL ?? 'info' }, sink);
  const config = loadConfig({ OSMOSIS_PLUGINS: 'none', ...env });
  const osmosis = createOsmosis(config, store, log, parts);
  const served = await serveOsmosis(osmosis, '127.0.0.1', 0);
  await served.eventsStarted;
  return {
    osmosis,
    served,
    url: served.http.url,
    wsUrl: served.http.url.replace(/^http/, 'ws'),
    logs,
    async stop() {
      await served.close();
      await osmosis.plugins.close();
    },
  };
}

/** The real graphql-ws client; no retries unless asked. */
export function wsClient(wsUrl: string, options: Partial<ClientOptions> = {}): Client {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, ...options });
}

export interface Received<T> {
  data: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves when at least n results arrived (fails after timeoutMs). */
  waitFor(n: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves when the operation ended (complete or error). */
  ended(timeoutMs?: number): Promise<void>;
  stop(): void;
}

function receiver<T>(stop: () => void): Received<T> & { push(value: T): void; error(e: unknown): void; complete(): void } {
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const r = {
    data: [] as T[],
    errors: [] as unknown[],
    completed: false,
    push(value: T) { r.data.push(value); notify(); },
    error(e: unknown) { r.errors.push(e); r.completed = true; notify(); },
    complete() { r.completed = true; notify(); },
    waitFor(n: number, timeoutMs = 10_000) {
      return until(() => r.data.length >= n || (r.completed && r.data.length < n), timeoutMs, () =>
        `expected ${n} results, got ${r.data.length}; errors ${JSON.stringify(r.errors)}`).then(() => {
        if (r.data.length < n) throw new Error(`ended after ${r.data.length} of ${n} results; errors ${JSON.stringify(r.errors)}`);
        return r.data;
      });
    },
    ended(timeoutMs = 10_000) {
      return until(() => r.completed, timeoutMs, () => 'the operation did not end');
    },
    stop,
  };
  function until(done: () => boolean, timeoutMs: number, why: () => string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (done()) return resolve();
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(why()));
      }, timeoutMs);
      waiters.add(check);
    });
  }
  return r;
}

/** Subscribes over WebSocket; results (data or errors) are collected in order. */
export function wsSubscribe<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<{ data?: T; errors?: unknown[] }> {
  let unsubscribe = () => {};
  const r = receiver<{ data?: T; errors?: unknown[] }>(() => unsubscribe());
  unsubscribe = client.subscribe<T>({ query, variables }, {
    next: (value) => r.push(value as { data?: T; errors?: unknown[] }),
    error: (e) => r.error(e),
    complete: () => r.complete(),
  });
  return r;
}

/** Subscribes over GraphQL-over-SSE (POST, accept: text/event-stream); stop() aborts the request. */
export function sseSubscribe<T = Record<string, unknown>>(
  url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {},
): Received<{ data?: T; errors?: unknown[] }> & { status: Promise<number> } {
  const abort = new AbortController();
  const r = receiver<{ data?: T; errors?: unknown[] }>(() => abort.abort());
  const status = (async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: abort.signal,
    });
    if (!res.body || !res.headers.get('content-type')?.startsWith('text/event-stream')) {
      r.error(await res.text());
      return res.status;
    }
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) continue; // keep-alive comment
              if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            }
            if (event === 'next') r.push(JSON.parse(data.join('\n')) as { data?: T; errors?: unknown[] });
            else if (event === 'complete') r.complete();
          }
        }
        r.complete();
      } catch (error) {
        if (!abort.signal.aborted) r.error(error);
        else r.complete();
      }
    })();
    return res.status;
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) r.error(error);
    return 0;
  });
  return Object.assign(r, { status });
}

/** POSTs a GraphQL operation over HTTP. */
export async function post<T = Record<string, unknown>>(
  url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {},
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: res.status, ...body };
}

/** Polls until `check` holds (or fails after timeoutMs with `why`). */
/** The data of a request that must succeed; throws with the errors otherwise. */
export async function postOk<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const r = await post<T>(url, query, variables);
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, why = 'condition not met'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${why}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Timers and sockets alive in this process (Node's own count). */
export const activeTimers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
