import { builder } from '../builder.js';
import { domain } from '../errors.js';
import { loadAll, primeActors } from '../loaders.js';
import { ActorRef, ExchangeRef, SignalRef, TieRef } from '../refs.js';
import { ActorKindEnum, DirectionEnum, SideEnum, TieTypeEnum } from '../enums.js';
import { connectionOf, pageArgs, toPageArgs } from '../connection.js';
import { sideOf } from '../../domain/kinds.js';

export const TieConnection = connectionOf('Tie', TieRef, false);
export const ActorSignalConnection = connectionOf('ActorSignal', SignalRef, false);
export const ActorExchangeConnection = connectionOf('ActorExchange', ExchangeRef, false);

builder.node(ActorRef, {
  description: 'A person or group of the ecosystem, inside or outside the organisation: one model for all.',
  id: { resolve: (a) => a.id },
  loadMany: (ids, ctx) => loadAll(ctx.loaders.actor, ids),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable external key, e.g. crm:4711.' }),
    kind: t.field({ type: ActorKindEnum, resolve: (a) => a.kind }),
    side: t.field({ type: SideEnum, resolve: (a) => sideOf(a.kind) }),
    name: t.exposeString('name'),
    attributes: t.field({ type: 'JSONObject', resolve: (a) => a.attributes }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (a) => a.updatedAt }),
    ties: t.field({
      type: TieConnection,
      args: {
        direction: t.arg({ type: DirectionEnum, defaultValue: 'BOTH' }),
        types: t.arg({ type: [TieTypeEnum], required: false }),
        ...pageArgs(t),
      },
      // domain(): a bad cursor is the client's error (BAD_USER_INPUT on `after`), not an internal one.
      resolve: (a, args, ctx) => domain(async () => {
        const query = { ...toPageArgs(args), direction: args.direction ?? 'BOTH', types: args.types ?? undefined };
        const page = await ctx.loaders.tiesOf(query).load(a.id);
        // The far ends came with the ties: `other` finds them loaded instead of reading them again.
        if (page.others) primeActors(ctx.loaders, page.others);
        const items = page.items.map((tie) => ({ ...tie, via: a.id }));
        return { page: { items, hasNextPage: page.hasNextPage, cursors: page.cursors } };
      }),
    }),
    signals: t.field({
      type: ActorSignalConnection,
      description: 'Signals this actor emitted, newest first.',
      args: pageArgs(t),
      resolve: (a, args, ctx) => domain(async () => ({ page: await ctx.loaders.signalsOf(toPageArgs(args)).load(a.id) })),
    }),
    exchanges: t.field({
      type: ActorExchangeConnection,
      description: 'Value this actor gave (OUT), received (IN) or both, newest first.',
      args: { direction: t.arg({ type: DirectionEnum, defaultValue: 'BOTH' }), ...pageArgs(t) },
      resolve: (a, args, ctx) => domain(async () => ({
        page: await ctx.loaders.exchangesOf({ ...toPageArgs(args), direction: args.direction ?? 'BOTH' }).load(a.id),
      })),
    }),
  }),
});
