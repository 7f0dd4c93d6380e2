import { ActorRef, ExchangeRef } from '../refs.js';
import { ValueKindEnum } from '../enums.js';
import { builder } from '../builder.js';
import { existing, loadAll } from '../loaders.js';

builder.node(ExchangeRef, {
  description: 'Value given by one actor to another, tangible (money, goods, services) or intangible.',
  id: { resolve: (e) => e.id },
  loadMany: (ids, ctx) => loadAll(ctx.loaders.exchange, ids),
  fields: (t) => ({
    externalId: t.exposeString('externalId', { nullable: true }),
    kind: t.field({ type: ValueKindEnum, resolve: (e) => e.kind }),
    tangible: t.exposeBoolean('tangible'),
    amount: t.exposeFloat('amount'),
    unit: t.exposeString('unit'),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.occurredAt }),
    from: t.field({ type: ActorRef, resolve: (e, _, ctx) => existing(ctx.loaders.actor, e.fromId, 'actor') }),
    to: t.field({ type: ActorRef, resolve: (e, _, ctx) => existing(ctx.loaders.actor, e.toId, 'actor') }),
  }),
});
