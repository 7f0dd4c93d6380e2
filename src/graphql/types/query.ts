/** Read entry points. Lists are cursor connections with a totalCount. */
import { builder } from '../builder.js';
import { ActorRef, ExchangeRef, InsightRef, ProcessRef, SignalRef, TieRef } from '../refs.js';
import { ActorKindEnum, SideEnum, SignalKindEnum, SignalStatusEnum, ValueKindEnum } from '../enums.js';
import { connectionOf, pageArgs, toPageArgs } from '../connection.js';
import { badUserInput, domain } from '../errors.js';
import { tryDecodeId } from '../ids.js';
import { primeActors } from '../loaders.js';
import { kindsOfSide, type ActorKind } from '../../domain/kinds.js';
import type { ActorFilter, ExchangeFilter, SignalFilter } from '../../store/port.js';
import type { Actor, Tie } from '../../domain/entities.js';

const ActorConnection = connectionOf('Actor', ActorRef, true);
const SignalConnection = connectionOf('Signal', SignalRef, true);
const ExchangeConnection = connectionOf('ValueExchange', ExchangeRef, true);
const InsightConnection = connectionOf('Insight', InsightRef, true);
const ProcessConnection = connectionOf('Process', ProcessRef, true);

const ActorFilterInput = builder.inputType('ActorFilter', {
  fields: (t) => ({
    kinds: t.field({ type: [ActorKindEnum], required: false }),
    side: t.field({ type: SideEnum, required: false }),
    search: t.string({ required: false, description: 'Case-insensitive part of the name or key.' }),
  }),
});

const SignalFilterInput = builder.inputType('SignalFilter', {
  fields: (t) => ({
    channels: t.stringList({ required: false }),
    kinds: t.field({ type: [SignalKindEnum], required: false }),
    status: t.field({ type: [SignalStatusEnum], required: false }),
    since: t.field({ type: 'DateTime', required: false, description: 'Inclusive.' }),
    until: t.field({ type: 'DateTime', required: false, description: 'Exclusive.' }),
    emitterKey: t.string({ required: false }),
    aboutKey: t.string({ required: false, description: 'Key of an actor the signal is about.' }),
  }),
});

const ExchangeFilterInput = builder.inputType('ExchangeFilter', {
  fields: (t) => ({
    kinds: t.field({ type: [ValueKindEnum], required: false }),
    tangible: t.boolean({ required: false }),
    fromKey: t.string({ required: false }),
    toKey: t.string({ required: false }),
    since: t.field({ type: 'DateTime', required: false, description: 'Inclusive.' }),
    until: t.field({ type: 'DateTime', required: false, description: 'Exclusive.' }),
  }),
});

const NeighborhoodRef = builder.objectRef<{ center: Actor; actors: Actor[]; ties: Tie[] }>('Neighborhood').implement({
  fields: (t) => ({
    center: t.field({ type: ActorRef, resolve: (n) => n.center }),
    actors: t.field({ type: [ActorRef], resolve: (n) => n.actors, description: 'Every actor within the depth, the center included.' }),
    ties: t.field({ type: [TieRef], resolve: (n) => n.ties, description: 'Ties among those actors.' }),
  }),
});

const PathRef = builder.objectRef<{ actors: Actor[]; ties: Tie[] }>('Path').implement({
  fields: (t) => ({
    length: t.int({ resolve: (p) => p.ties.length, description: 'Number of hops.' }),
    actors: t.field({ type: [ActorRef], resolve: (p) => p.actors, description: 'From the start to the end, in order.' }),
    ties: t.field({ type: [TieRef], resolve: (p) => p.ties }),
  }),
});

function actorFilter(f: { kinds?: ActorKind[] | null; side?: 'INSIDE' | 'OUTSIDE' | null; search?: string | null } | null | undefined): ActorFilter {
  if (!f) return {};
  let kinds = f.kinds?.length ? f.kinds : undefined; // an empty list filters nothing, as in every filter
  if (f.side) {
    const ofSide = kindsOfSide(f.side);
    kinds = kinds ? kinds.filter((k) => ofSide.includes(k)) : ofSide;
  }
  const search = f.search?.trim();
  return { kinds, search: search ? search : undefined };
}

const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

builder.queryFields((t) => ({
  actor: t.field({
    type: ActorRef,
    nullable: true,
    description: 'One actor by id or by key (exactly one of them).',
    args: { id: t.arg.id({ required: false }), key: t.arg.string({ required: false }) },
    resolve: (_, args, ctx) => {
      if ((args.id == null) === (args.key == null)) throw badUserInput('id', 'give exactly one of id or key');
      // Keys are stored trimmed (as every write trims them): a padded key finds its actor.
      if (args.key != null) return ctx.loaders.actorByKey.load(args.key.trim());
      const id = tryDecodeId('Actor', String(args.id));
      return id ? ctx.loaders.actor.load(id) : null;
    },
  }),
  actors: t.field({
    type: ActorConnection,
    description: 'Actors ordered by key.',
    args: { filter: t.arg({ type: ActorFilterInput, required: false }), ...pageArgs(t) },
    resolve: (_, args, ctx) => domain(async () => {
      const filter = actorFilter(args.filter);
      const pageArgs = toPageArgs(args);
      // Kinds and side that exclude each other match nothing (an empty list to the store means "any").
      if (filter.kinds?.length === 0) return { page: { items: [], cursors: [], hasNextPage: false }, count: async () => 0 };
      const page = await ctx.store.listActors(filter, pageArgs);
      primeActors(ctx.loaders, page.items);
      return { page, count: () => ctx.store.countActors(filter) };
    }),
  }),
  signals: t.field({
    type: SignalConnection,
    description: 'Signals, newest first.',
    args: { filter: t.arg({ type: SignalFilterInput, required: false }), ...pageArgs(t) },
    resolve: (_, args, ctx) => domain(async () => {
      const f = args.filter;
      const filter: SignalFilter = f ? {
        channels: f.channels?.map((c) => c.trim().toLowerCase()) ?? undefined,
        kinds: orUndefined(f.kinds), statuses: orUndefined(f.status),
        since: orUndefined(f.since), until: orUndefined(f.until),
        emitterKey: orUndefined(f.emitterKey), aboutKey: orUndefined(f.aboutKey),
      } : {};
      const page = await ctx.store.listSignals(filter, toPageArgs(args));
      return { page, count: () => ctx.store.countSignals(filter) };
    }),
  }),
  exchanges: t.field({
    type: ExchangeConnection,
    description: 'Value exchanges, newest first.',
    args: { filter: t.arg({ type: ExchangeFilterInput, required: false }), ...pageArgs(t) },
    resolve: (_, args, ctx) => domain(async () => {
      const f = args.filter;
      const filter: ExchangeFilter = f ? {
        kinds: orUndefined(f.kinds), tangible: orUndefined(f.tangible),
        fromKey: orUndefined(f.fromKey), toKey: orUndefined(f.toKey),
        since: orUndefined(f.since), until: orUndefined(f.until),
      } : {};
      const page = await ctx.store.listExchanges(filter, toPageArgs(args));
      return { page, count: () => ctx.store.countExchanges(filter) };
    }),
  }),
  insights: t.field({
    type: InsightConnection,
    description: 'Insights, newest first.',
    args: pageArgs(t),
    resolve: (_, args, ctx) => domain(async () => ({
      page: await ctx.store.listInsights(toPageArgs(args)),
      count: () => ctx.store.countInsights(),
    })),
  }),
  processes: t.field({
    type: ProcessConnection,
    description: 'Processes by name.',
    args: pageArgs(t),
    resolve: (_, args, ctx) => domain(async () => ({
      page: await ctx.store.listProcesses(toPageArgs(args)),
      count: () => ctx.store.countProcesses(),
    })),
  }),
  neighborhood: t.field({
    type: NeighborhoodRef,
    nullable: true,
    description: 'Actors within `depth` ties of an actor (either direction), null when the key is unknown.',
    args: {
      key: t.arg.string({ required: true }),
      depth: t.arg.int({ defaultValue: 1, description: '1 to 3.' }),
      limit: t.arg.int({ defaultValue: 500, description: 'At most this many actors (1 to 5,000).' }),
    },
    resolve: (_, args, ctx) => domain(async () => {
      const depth = args.depth ?? 1;
      const limit = args.limit ?? 500;
      if (depth < 1 || depth > 3) throw badUserInput('depth', 'must be between 1 and 3');
      if (limit < 1 || limit > 5000) throw badUserInput('limit', 'must be between 1 and 5000');
      const key = args.key.trim();
      const n = await ctx.store.neighborhood(key, depth, limit);
      if (!n) return null;
      primeActors(ctx.loaders, n.actors);
      const center = n.actors.find((a) => a.key === key)!;
      return { center, actors: n.actors, ties: n.ties };
    }),
  }),
  shortestPath: t.field({
    type: PathRef,
    nullable: true,
    description: 'Fewest ties between two actors (either direction); null when none within maxHops.',
    args: {
      fromKey: t.arg.string({ required: true }),
      toKey: t.arg.string({ required: true }),
      maxHops: t.arg.int({ defaultValue: 6, description: '1 to 10.' }),
    },
    resolve: (_, args, ctx) => domain(async () => {
      const maxHops = args.maxHops ?? 6;
      if (maxHops < 1 || maxHops > 10) throw badUserInput('maxHops', 'must be between 1 and 10');
      const path = await ctx.store.shortestPath(args.fromKey.trim(), args.toKey.trim(), maxHops);
      if (path) primeActors(ctx.loaders, path.actors);
      return path;
    }),
  }),
}));
