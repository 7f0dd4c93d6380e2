/**
 * Relay cursor connections (forward pagination) over the store's keyset pages. `first` defaults
 * to 20 and is capped; totalCount, where offered, is computed only when asked for.
 */
import type { ArgBuilder, ObjectRef } from '@pothos/core';
import { builder, type Types } from './builder.js';
import { badUserInput } from './errors.js';
import type { Page, PageArgs } from '../store/port.js';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 1000;

export interface ConnectionShape<T> {
  page: Page<T>;
  count?: () => Promise<number>;
}

interface PageInfoShape {
  hasNextPage: boolean;
  endCursor: string | null;
}

const PageInfo = builder.objectRef<PageInfoShape>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.boolean({ resolve: () => false, description: 'Always false: pagination is forward only.' }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

export function connectionOf<T extends object>(name: string, node: ObjectRef<Types, T>, withTotal: boolean) {
  const Edge = builder.objectRef<{ node: T; cursor: string }>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      // The cast bridges Pothos' conditional resolver type, which a generic T cannot satisfy.
      node: t.field({ type: node, resolve: (e) => e.node as never }),
    }),
  });
  return builder.objectRef<ConnectionShape<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({
        type: [Edge],
        resolve: ({ page }) => page.items.map((n, i) => ({ node: n, cursor: page.cursors[i] })),
      }),
      nodes: t.field({ type: [node], resolve: ({ page }) => page.items }),
      pageInfo: t.field({
        type: PageInfo,
        resolve: ({ page }) => ({ hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null }),
      }),
      ...(withTotal
        ? { totalCount: t.int({ resolve: ({ count }) => (count ? count() : 0) }) }
        : {}),
    }),
  });
}

/** Arguments every connection field takes. */
export const pageArgs = (t: { arg: ArgBuilder<Types> }) => ({
  first: t.arg.int({ required: false, description: `Page size, default ${DEFAULT_PAGE}, at most ${MAX_PAGE}.` }),
  after: t.arg.string({ required: false, description: 'endCursor of the previous page.' }),
});

export function toPageArgs(args: { first?: number | null; after?: string | null }): PageArgs {
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE}`);
  }
  return { first, after: args.after ?? null };
}
