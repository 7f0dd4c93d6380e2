/**
 * Subscriptions: committed changes, live, over WebSocket (graphql-ws) or SSE. Every event has a
 * cursor; `after: <cursor>` first replays what the client missed, in order, then continues live
 * without duplicates. An event carries the same types as queries (its actors expand like any Actor),
 * in their state when the event is delivered.
 */
import { builder } from '../builder.js';
import { ActorRef, ExchangeRef, ResponseRef, SignalRef } from '../refs.js';
import { SideEnum, SignalKindEnum, ValueKindEnum } from '../enums.js';
import { OsmosisError, badUserInput, domain } from '../errors.js';
import { globalId } from '../ids.js';
import type { Context } from '../context.js';
import { SlowConsumer } from '../../events/feed.js';
import {
  actorAccept, actorKeys, exchangeAccept, parseCursor, signalAccept, toCursor,
  type ActorChangedPayload, type ExchangeRecordedPayload, type RealtimeTopic, type RealtimeTopics,
  type SignalRecordedPayload, type SignalRespondedPayload,
} from './subscription-topics.js';

builder.subscriptionType({
  description: 'Committed changes, live. Each event has a cursor; pass the last one received as `after` to resume without gaps.',
});

// --- payloads ----------------------------------------------------------------------------------

const cursorField = { description: 'Pass as `after` to resume after this event (valid on every instance).' };

const SignalEventRef = builder.objectRef<SignalRecordedPayload>('SignalEvent').implement({
  description: 'A new signal (never a re-sent one).',
  fields: (t) => ({
    cursor: t.string({ ...cursorField, resolve: (e) => toCursor(e.seq) }),
    at: t.field({ type: 'DateTime', description: 'When the change committed.', resolve: (e) => e.at }),
    signal: t.field({ type: SignalRef, resolve: (e) => e.signal }),
  }),
});

const ResponseEventRef = builder.objectRef<SignalRespondedPayload>('ResponseEvent').implement({
  description: 'A response given to a signal.',
  fields: (t) => ({
    cursor: t.string({ ...cursorField, resolve: (e) => toCursor(e.seq) }),
    at: t.field({ type: 'DateTime', description: 'When the change committed.', resolve: (e) => e.at }),
    signal: t.field({ type: SignalRef, resolve: (e) => e.signal }),
    response: t.field({ type: ResponseRef, resolve: (e) => e.response }),
  }),
});

const ExchangeEventRef = builder.objectRef<ExchangeRecordedPayload>('ExchangeEvent').implement({
  description: 'A new value exchange (never a re-sent one).',
  fields: (t) => ({
    cursor: t.string({ ...cursorField, resolve: (e) => toCursor(e.seq) }),
    at: t.field({ type: 'DateTime', description: 'When the change committed.', resolve: (e) => e.at }),
    exchange: t.field({ type: ExchangeRef, resolve: (e) => e.exchange }),
  }),
});

const ActorEventRef = builder.objectRef<ActorChangedPayload>('ActorEvent').implement({
  description: 'An actor created, updated or erased.',
  fields: (t) => ({
    cursor: t.string({ ...cursorField, resolve: (e) => toCursor(e.seq) }),
    at: t.field({ type: 'DateTime', description: 'When the change committed.', resolve: (e) => e.at }),
    actorId: t.id({ description: 'Id of the actor that changed (an erased actor keeps no other trace).', resolve: (e) => globalId('Actor', e.actorId) }),
    actor: t.field({ type: ActorRef, nullable: true, description: 'Null once the actor was erased.', resolve: (e) => e.actor }),
    erased: t.boolean({ resolve: (e) => e.actor === null }),
  }),
});

// --- filters -----------------------------------------------------------------------------------

const SignalEventFilterInput = builder.inputType('SignalEventFilter', {
  description: 'All given conditions must hold; an empty list filters nothing.',
  fields: (t) => ({
    channels: t.stringList({ required: false }),
    kinds: t.field({ type: [SignalKindEnum], required: false }),
    emitterKey: t.string({ required: false }),
    aboutKey: t.string({ required: false, description: 'Key of an actor the signal is about.' }),
    side: t.field({ type: SideEnum, required: false, description: "Side of the emitter." }),
  }),
});

const ExchangeEventFilterInput = builder.inputType('ExchangeEventFilter', {
  description: 'All given conditions must hold; an empty list filters nothing.',
  fields: (t) => ({
    kinds: t.field({ type: [ValueKindEnum], required: false }),
    tangible: t.boolean({ required: false }),
    fromKey: t.string({ required: false }),
    toKey: t.string({ required: false }),
  }),
});

// --- fields ------------------------------------------------------------------------------------

type Item<K extends RealtimeTopic> = RealtimeTopics[K] | SlowConsumer;

async function follow<K extends RealtimeTopic>(
  ctx: Context,
  topic: K,
  after: string | null | undefined,
  accept: ((payload: RealtimeTopics[K]) => boolean) | undefined,
): Promise<AsyncIterable<Item<K>>> {
  if (!ctx.realtime) throw new OsmosisError('Subscriptions are not available on this server.', 'UNAVAILABLE');
  const cursor = parseCursor(after);
  // A cursor past the last event (kept from another database, or from before a reset) would wait for
  // events numbered after it and silently miss every one until then.
  if (cursor !== undefined) {
    const head = await ctx.store.outboxHead();
    if (cursor > head) throw badUserInput('after', `is past the latest event (${head}): not a cursor of this database`);
  }
  const log = ctx.log;
  log.info({ topic, after: cursor ?? null }, 'subscription started');
  return ctx.realtime.subscribe(topic, {
    after: cursor,
    accept,
    onOverflow: (slow) => ctx.connection?.slowConsumer(`Slow consumer: still behind ${slow.behindMs} ms after ${slow.limit} events queued`),
    onEnd: (delivered) => log.info({ topic, delivered }, 'subscription ended'),
  });
}

/** Each event resolves with the loaders it was loaded with (shared by its subscribers on this instance). */
function deliver<P extends { loaders: Context['loaders'] }>(item: P | SlowConsumer, ctx: Context): P {
  if (item instanceof SlowConsumer) {
    const cursor = item.lastSeq ? toCursor(item.lastSeq) : null;
    throw new OsmosisError(
      `Slow consumer: still behind ${item.behindMs} ms after ${item.limit} events queued, the subscription ended; resume with after: ${JSON.stringify(cursor)}.`,
      'SLOW_CONSUMER',
      { cursor },
    );
  }
  ctx.loaders = item.loaders;
  return item;
}

/**
 * The actor ids a subscription to `keys` starts following: those the keys name now and, when resuming,
 * the actor of the event at the cursor if it was erased since. By the README's contract that cursor is
 * the last event this client received, so its actor is one the client followed; the erasure reveals
 * nothing beyond what the unfiltered subscription shows (an id and `erased`).
 */
async function followedActorIds(ctx: Context, keys: readonly string[], after: number | undefined): Promise<string[]> {
  const current = await ctx.loaders.actorByKey.loadMany(keys);
  const ids = current.flatMap((a) => (a && !(a instanceof Error) ? [a.id] : []));
  const erased = after ? await erasedActorAt(ctx, after) : null;
  return erased ? [...ids, erased] : ids;
}

/** The id of the actor an ACTOR_CHANGED event at `seq` names, when that actor no longer exists. */
async function erasedActorAt(ctx: Context, seq: number): Promise<string | null> {
  const [event] = await ctx.store.readOutbox(seq - 1, 1);
  if (event?.seq !== seq || event.type !== 'ACTOR_CHANGED') return null;
  return (await ctx.loaders.actor.load(event.entityId)) ? null : event.entityId;
}

const afterArg = { required: false, description: 'Cursor of the last event received: replays what followed it, then continues live.' } as const;

builder.subscriptionFields((t) => ({
  signalRecorded: t.field({
    type: SignalEventRef,
    description: 'New signals, from any channel, as they are committed.',
    args: { filter: t.arg({ type: SignalEventFilterInput, required: false }), after: t.arg.string(afterArg) },
    subscribe: (_root, args, ctx) => domain(() => follow(ctx, 'signalRecorded', args.after, signalAccept(args.filter))),
    resolve: (item, _args, ctx) => deliver(item, ctx),
  }),
  signalResponded: t.field({
    type: ResponseEventRef,
    description: 'Responses given to signals; the filter applies to the signal answered.',
    args: { filter: t.arg({ type: SignalEventFilterInput, required: false }), after: t.arg.string(afterArg) },
    subscribe: (_root, args, ctx) => domain(() => follow(ctx, 'signalResponded', args.after, signalAccept(args.filter))),
    resolve: (item, _args, ctx) => deliver(item, ctx),
  }),
  exchangeRecorded: t.field({
    type: ExchangeEventRef,
    description: 'New value exchanges.',
    args: { filter: t.arg({ type: ExchangeEventFilterInput, required: false }), after: t.arg.string(afterArg) },
    subscribe: (_root, args, ctx) => domain(() => follow(ctx, 'exchangeRecorded', args.after, exchangeAccept(args.filter))),
    resolve: (item, _args, ctx) => deliver(item, ctx),
  }),
  actorChanged: t.field({
    type: ActorEventRef,
    description: 'Actors created, updated or erased; only those with the given keys when keys are given.',
    args: { keys: t.arg.stringList({ required: false }), after: t.arg.string(afterArg) },
    subscribe: async (_root, args, ctx) => {
      const keys = actorKeys(args.keys);
      const ids = keys.length ? await followedActorIds(ctx, keys, parseCursor(args.after)) : [];
      return follow(ctx, 'actorChanged', args.after, actorAccept(keys, ids));
    },
    resolve: (item, _args, ctx) => deliver(item, ctx),
  }),
}));
