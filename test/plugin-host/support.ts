/** Helpers of the plugin host tests: captured logs, hosts over an embedded store, a small hand-checked graph. */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { actorInput, exchangeInput, tieInput } from '../../src/domain/inputs.js';
import type { Store } from '../../src/store/port.js';
import { createPluginHost, type HostLimits, type PluginCandidate, type PluginHost } from '../../src/plugin-host/index.js';

export interface CapturedLog {
  log: Logger;
  lines: Record<string, unknown>[];
}

export function capturedLog(): CapturedLog {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), lines };
}

export const candidate = (source: string, exported: unknown, builtin = false): PluginCandidate => ({ source, builtin, exported });

export function hostOf(store: Store, candidates: PluginCandidate[], options: {
  limits?: Partial<HostLimits>; strict?: boolean; pluginOptions?: Record<string, unknown>; log?: Logger;
} = {}): PluginHost {
  return createPluginHost({ candidates, store, log: options.log ?? capturedLog().log, ...options });
}

/**
 * The hand-checked graph: a KNOWS cycle a → b → c → a, plus d → a.
 * Kinds: a EMPLOYEE (inside); b CUSTOMER, c PARTNER, d SUPPLIER (outside).
 * Exchanges: b → a MONEY 100, c → a MONEY 50, a → d SERVICE 30.
 *
 * PageRank (alpha 0.85, no dangling node): x_d = 0.15/4 = 0.0375; x_b = 0.0375 + 0.85 x_a;
 * x_c = 0.0375 + 0.85 x_b; x_a = 0.0375 + 0.85 (x_c + x_d) → x_a = 0.12834375 / 0.385875.
 * Betweenness (ordered pairs, unweighted): d→b via a; d→c via a, b; a→c via b; b→a via c;
 * c→b via a → raw a 3, b 2, c 1, d 0; normalized by (4-1)(4-2) = 6.
 */
export const HAND = {
  pagerank: { a: 0.12834375 / 0.385875, b: 0.0375 + 0.85 * (0.12834375 / 0.385875), c: 0.069375 + 0.7225 * (0.12834375 / 0.385875), d: 0.0375 },
  betweenness: { a: 3 / 6, b: 2 / 6, c: 1 / 6, d: 0 },
  inDegree: { a: 2, b: 1, c: 1, d: 0 },
  exchangeInStrength: { a: 150, b: 0, c: 0, d: 30 },
};

export async function seedHandGraph(store: Store): Promise<void> {
  await store.upsertActors([
    { key: 'a', kind: 'EMPLOYEE', name: 'Anna' },
    { key: 'b', kind: 'CUSTOMER', name: 'Bruno' },
    { key: 'c', kind: 'PARTNER', name: 'Carla' },
    { key: 'd', kind: 'SUPPLIER', name: 'Dario' },
  ].map((a) => actorInput.parse(a)));
  await store.upsertTies([['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'a']].map(([fromKey, toKey]) =>
    tieInput.parse({ fromKey, toKey, type: 'KNOWS' })));
  await store.recordExchanges([
    { fromKey: 'b', toKey: 'a', kind: 'MONEY', amount: 100, occurredAt: '2026-01-10T00:00:00Z' },
    { fromKey: 'c', toKey: 'a', kind: 'MONEY', amount: 50, occurredAt: '2026-01-11T00:00:00Z' },
    { fromKey: 'a', toKey: 'd', kind: 'SERVICE', amount: 30, occurredAt: '2026-01-12T00:00:00Z' },
  ].map((e) => exchangeInput.parse(e)));
}
