/** Inputs built through the real validators (so they carry the same defaults as production) and helpers. */
import { expect } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import {
  actorInput, changeInput, exchangeInput, insightInput, responseInput, signalInput, tieInput,
  type ActorInput, type ChangeInput, type ExchangeInput, type InsightInput, type ResponseInput, type SignalInput, type TieInput,
} from '../../../src/domain/inputs.js';
import type { Projection } from '../../../src/domain/projection.js';
import type { Page, PageArgs, Store } from '../../../src/store/port.js';

/** The store of the running test (a fresh, empty one per test). */
export type StoreRef = () => Store;

export const actor = (key: string, over: Partial<Record<keyof ActorInput, unknown>> = {}): ActorInput =>
  actorInput.parse({ key, kind: 'CUSTOMER', name: `Name of ${key}`, ...over });

/**
 * The API refuses a tie or an exchange from an actor to itself, but a store still holds such loops (data
 * written before that rule, or imported): a loop is validated as an ordinary link, then closed on itself.
 */
const closedOnItself = <T extends { toKey: string }>(fromKey: string, toKey: string, parse: (toKey: string) => T): T =>
  (fromKey === toKey ? { ...parse(`${toKey}-other`), toKey } : parse(toKey));

export const tie = (fromKey: string, toKey: string, over: Partial<Record<keyof TieInput, unknown>> = {}): TieInput =>
  closedOnItself(fromKey, toKey, (to) => tieInput.parse({ fromKey, toKey: to, type: 'KNOWS', ...over }));

export const signal = (externalId: string, over: Partial<Record<keyof SignalInput, unknown>> = {}): SignalInput =>
  signalInput.parse({
    channel: 'email', externalId, kind: 'FEEDBACK', text: `text of ${externalId}`, occurredAt: at(0), ...over,
  });

export const exchange = (fromKey: string, toKey: string, over: Partial<Record<keyof ExchangeInput, unknown>> = {}): ExchangeInput =>
  closedOnItself(fromKey, toKey, (to) => exchangeInput.parse({ fromKey, toKey: to, kind: 'MONEY', amount: 10, occurredAt: at(0), ...over }));

export const response = (signalId: string, responderKey: string, over: Partial<Record<keyof ResponseInput, unknown>> = {}): ResponseInput =>
  responseInput.parse({ signalId, responderKey, text: 'thank you', ...over });

export const insight = (signalIds: string[], over: Partial<Record<keyof InsightInput, unknown>> = {}): InsightInput =>
  insightInput.parse({ title: 'An insight', signalIds, ...over });

export const change = (insightId: string, processName: string, over: Partial<Record<keyof ChangeInput, unknown>> = {}): ChangeInput =>
  changeInput.parse({ insightId, processName, description: `change of ${processName}`, ...over });

/** Minute `m` (may exceed 59) after 2024-01-01T00:00Z, as a canonical instant. */
export const at = (m: number): string => new Date(Date.UTC(2024, 0, 1, 0, m)).toISOString();

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Follows `endCursor`s to the end; checks page sizes, cursors and that the last page says so. */
export async function walk<T>(fetch: (page: PageArgs) => Promise<Page<T>>, size: number): Promise<{ items: T[]; sizes: number[] }> {
  const items: T[] = [];
  const sizes: number[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const page: Page<T> = await fetch({ first: size, after });
    expect(page.cursors).toHaveLength(page.items.length);
    items.push(...page.items);
    sizes.push(page.items.length);
    if (!page.hasNextPage) return { items, sizes };
    expect(page.items).toHaveLength(size);
    after = page.cursors[page.cursors.length - 1];
  }
  throw new Error('pagination does not end');
}

/** Expected page sizes when `total` items are walked `size` at a time. */
export const pageSizes = (total: number, size: number): number[] => {
  const sizes = Array.from({ length: Math.floor(total / size) }, () => size);
  if (total % size || total === 0) sizes.push(total % size);
  return sizes;
};

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
/** Sorts by a tuple key; `desc` reverses the whole order. */
export const sortedBy = <T>(items: readonly T[], key: (t: T) => (string | number)[], desc = false): T[] =>
  [...items].sort((x, y) => {
    const kx = key(x);
    const ky = key(y);
    for (let i = 0; i < kx.length; i++) {
      const c = cmp(kx[i], ky[i]);
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });

/** Awaits a rejection and returns the DomainError it carries. */
export async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

export const ids = <T extends { id: string }>(xs: readonly T[]): string[] => xs.map((x) => x.id);

/** Checks the CSR invariants of a projection and returns its edges as "from>to:weight" strings. */
export function checkCsr(p: Projection): Map<string, number> {
  const edges = new Map<string, number>();
  for (const [adj, outward] of [[p.out, true], [p.in, false]] as const) {
    expect(adj.offsets).toHaveLength(p.nodeCount + 1);
    expect(adj.offsets[0]).toBe(0);
    expect(adj.offsets[p.nodeCount]).toBe(p.edgeCount);
    expect(adj.targets).toHaveLength(p.edgeCount);
    expect(adj.weights).toHaveLength(p.edgeCount);
    for (let i = 0; i < p.nodeCount; i++) {
      expect(adj.offsets[i + 1]).toBeGreaterThanOrEqual(adj.offsets[i]);
      for (let e = adj.offsets[i]; e < adj.offsets[i + 1]; e++) {
        expect(adj.targets[e]).toBeLessThan(p.nodeCount);
        if (e > adj.offsets[i]) expect(adj.targets[e]).toBeGreaterThan(adj.targets[e - 1]);
        const name = outward ? `${p.keys[i]}>${p.keys[adj.targets[e]]}` : `${p.keys[adj.targets[e]]}>${p.keys[i]}`;
        if (outward) edges.set(name, adj.weights[e]);
        else expect(edges.get(name), `in-edge ${name} mirrors an out-edge`).toBe(adj.weights[e]);
      }
    }
  }
  expect(p.keys).toHaveLength(p.nodeCount);
  expect(p.kinds).toHaveLength(p.nodeCount);
  return edges;
}
