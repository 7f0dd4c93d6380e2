import { builder } from '../builder.js';
import { ActorRef, ResponseRef, SignalRef } from '../refs.js';
import { AboutTargetEnum, SignalKindEnum, SignalStatusEnum, SideEnum } from '../enums.js';
import { existing, loadAll } from '../loaders.js';
import { sideOf } from '../../domain/kinds.js';

const AboutRef = builder.objectRef<{ target: 'ACTOR' | 'TOPIC' | 'PROCESS'; ref: string; id: string }>('About');
AboutRef.implement({
  description: 'What a signal is about: an actor, a topic or a process.',
  fields: (t) => ({
    target: t.field({ type: AboutTargetEnum, resolve: (a) => a.target }),
    ref: t.exposeString('ref', { description: 'Actor key, topic name or process name.' }),
    actor: t.field({
      type: ActorRef,
      nullable: true,
      resolve: (a, _, ctx) => (a.target === 'ACTOR' ? ctx.loaders.actorByKey.load(a.ref) : null),
    }),
  }),
});

builder.node(SignalRef, {
  description: 'Something an actor said on a channel: a complaint, a question, an idea, praise...',
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => loadAll(ctx.loaders.signal, ids),
  fields: (t) => ({
    channel: t.exposeString('channel'),
    externalId: t.exposeString('externalId'),
    kind: t.field({ type: SignalKindEnum, resolve: (s) => s.kind }),
    text: t.exposeString('text', { nullable: true, description: 'Null once the emitter was erased.' }),
    sentiment: t.exposeFloat('sentiment', { nullable: true, description: 'From -1 (negative) to 1 (positive).' }),
    occurredAt: t.field({ type: 'DateTime', resolve: (s) => s.occurredAt }),
    status: t.field({ type: SignalStatusEnum, resolve: (s) => s.status }),
    emitter: t.field({
      type: ActorRef,
      nullable: true,
      resolve: (s, _, ctx) => (s.emitterId ? ctx.loaders.actor.load(s.emitterId) : null),
    }),
    side: t.field({
      type: SideEnum,
      nullable: true,
      description: 'Side of the emitter.',
      resolve: async (s, _, ctx) => {
        const a = s.emitterId ? await ctx.loaders.actor.load(s.emitterId) : null;
        return a ? sideOf(a.kind) : null;
      },
    }),
    assignee: t.field({
      type: ActorRef,
      nullable: true,
      resolve: (s, _, ctx) => (s.assigneeId ? ctx.loaders.actor.load(s.assigneeId) : null),
    }),
    about: t.field({ type: [AboutRef], resolve: (s, _, ctx) => ctx.loaders.aboutOf.load(s.id) }),
    responses: t.field({ type: [ResponseRef], resolve: (s, _, ctx) => ctx.loaders.responsesOf.load(s.id) }),
  }),
});

ResponseRef.implement({
  description: 'An answer given to a signal.',
  fields: (t) => ({
    id: t.exposeID('id'),
    text: t.exposeString('text', { nullable: true }),
    channel: t.exposeString('channel'),
    respondedAt: t.field({ type: 'DateTime', resolve: (r) => r.respondedAt }),
    responder: t.field({
      type: ActorRef,
      nullable: true,
      resolve: (r, _, ctx) => (r.responderId ? ctx.loaders.actor.load(r.responderId) : null),
    }),
    signal: t.field({ type: SignalRef, resolve: (r, _, ctx) => existing(ctx.loaders.signal, r.signalId, 'signal') }),
  }),
});

