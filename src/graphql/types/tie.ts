import { ActorRef, TieRef } from '../refs.js';
import { TieTypeEnum } from '../enums.js';
import { globalId } from '../ids.js';
import { existing } from '../loaders.js';

TieRef.implement({
  description: 'A directed tie between two actors.',
  fields: (t) => ({
    id: t.id({ resolve: (tie) => globalId('Tie', tie.id) }),
    type: t.field({ type: TieTypeEnum, resolve: (tie) => tie.type }),
    weight: t.exposeFloat('weight'),
    since: t.field({ type: 'DateTime', nullable: true, resolve: (tie) => tie.since }),
    from: t.field({ type: ActorRef, resolve: (tie, _, ctx) => existing(ctx.loaders.actor, tie.fromId, 'actor') }),
    to: t.field({ type: ActorRef, resolve: (tie, _, ctx) => existing(ctx.loaders.actor, tie.toId, 'actor') }),
    other: t.field({
      type: ActorRef,
      description: 'The end that is not the actor this tie was reached from (the target when reached otherwise).',
      resolve: (tie, _, ctx) =>
        existing(ctx.loaders.actor, tie.via === tie.toId ? tie.fromId : tie.toId, 'actor'),
    }),
  }),
});
