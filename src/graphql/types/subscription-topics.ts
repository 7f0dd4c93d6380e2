/**
 * The subscription topics: what each committed event becomes for GraphQL subscribers, and the
 * in-memory filters. Events are resolved once per batch per instance (a handful of batched store
 * reads, however many subscribers), with fresh DataLoaders that travel with the payload, so expanding
 * an event's entities (a signal's emitter...) is shared by all subscribers of that event.
 */
import type { Actor, Response, Signal, ValueExchange } from '../../domain/entities.js';
import type { EventType } from '../../domain/events.js';
import { sideOf, type Side, type SignalKind, type ValueKind } from '../../domain/kinds.js';
import type { Store } from '../../store/port.js';
import { normalizeExchangeFilter, normalizeSignalFilter } from '../../store/args.js';
import type { EventFeed, Projector, Published } from '../../events/feed.js';
import { badUserInput } from '../errors.js';
import { createLoaders, type Loaders } from '../loaders.js';

interface EventBase {
  /** Outbox seq: the event's cursor. */
  seq: number;
  /** When the change committed (ISO-8601). */
  at: string;
  /** Loaders shared by every subscriber of this event on this instance. */
  loaders: Loaders;
}

/** What the signal filters look at, computed once per event. */
export interface SignalFacts {
  channel: string;
  kind: SignalKind;
  emitterKey: string | null;
  side: Side | null;
  aboutKeys: ReadonlySet<string>;
}

export interface SignalRecordedPayload extends EventBase { signal: Signal; facts: SignalFacts }
export interface SignalRespondedPayload extends EventBase { signal: Signal; response: Response; facts: SignalFacts }
export interface ExchangeRecordedPayload extends EventBase { exchange: ValueExchange; fromKey: string; toKey: string }
/** `actor` is null when the actor no longer exists (erased). */
export interface ActorChangedPayload extends EventBase { actorId: string; actor: Actor | null }

export type RealtimeTopics = {
  signalRecorded: SignalRecordedPayload;
  signalResponded: SignalRespondedPayload;
  exchangeRecorded: ExchangeRecordedPayload;
  actorChanged: ActorChangedPayload;
};
export type RealtimeTopic = keyof RealtimeTopics;
export type RealtimeFeed = EventFeed<RealtimeTopics>;

export const TOPIC_OF: Record<EventType, RealtimeTopic> = {
  SIGNAL_RECORDED: 'signalRecorded',
  SIGNAL_RESPONDED: 'signalResponded',
  EXCHANGE_RECORDED: 'exchangeRecorded',
  ACTOR_CHANGED: 'actorChanged',
};

/** Loads a batch through a loader; a failed load fails the batch (the feed retries or replays it). */
async function loadAll<T>(loader: { loadMany(keys: readonly string[]): Promise<(T | Error)[]> }, keys: readonly string[]): Promise<T[]> {
  if (!keys.length) return [];
  const values = await loader.loadMany(keys);
  for (const v of values) if (v instanceof Error) throw v;
  return values as T[];
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)];

/** Resolves committed events into topic payloads: at most two rounds of batched reads per batch. */
export function createProjector(store: Store): Projector<RealtimeTopics> {
  return async (events, topics) => {
    const wanted = events.filter((e) => topics.has(TOPIC_OF[e.type]));
    if (!wanted.length) return [];
    const loaders = createLoaders(store);
    const ofType = (type: EventType) => wanted.filter((e) => e.type === type);
    const signalIds = unique([...ofType('SIGNAL_RECORDED'), ...ofType('SIGNAL_RESPONDED')].map((e) => e.entityId));
    const respondedIds = unique(ofType('SIGNAL_RESPONDED').map((e) => e.entityId));
    const exchangeIds = unique(ofType('EXCHANGE_RECORDED').map((e) => e.entityId));
    const actorIds = unique(ofType('ACTOR_CHANGED').map((e) => e.entityId));

    // Round 1: the entities themselves (each loader batches its keys into one store call).
    const [signals, abouts, responses, exchanges, actors] = await Promise.all([
      loadAll(loaders.signal, signalIds),
      loadAll(loaders.aboutOf, signalIds),
      loadAll(loaders.responsesOf, respondedIds),
      exchangeIds.length ? store.exchangesByIds(exchangeIds) : Promise.resolve([]),
      loadAll(loaders.actor, actorIds),
    ]);
    const signalById = new Map<string, Signal>();
    signals.forEach((s) => s && signalById.set(s.id, s));
    const aboutKeys = new Map<string, Set<string>>();
    signalIds.forEach((id, i) => aboutKeys.set(id, new Set(abouts[i].filter((a) => a.target === 'ACTOR').map((a) => a.ref))));
    const responseById = new Map<string, Response>(responses.flat().map((r) => [r.id, r]));
    const exchangeById = new Map<string, ValueExchange>();
    exchanges.forEach((x) => x && exchangeById.set(x.id, x));
    const actorById = new Map<string, Actor>();
    actors.forEach((a) => a && actorById.set(a.id, a));

    // Round 2: the actors the filters need (emitters, exchange ends); they prime the shared loaders.
    const related = unique([
      ...[...signalById.values()].flatMap((s) => (s.emitterId ? [s.emitterId] : [])),
      ...[...exchangeById.values()].flatMap((x) => [x.fromId, x.toId]),
    ]);
    (await loadAll(loaders.actor, related)).forEach((a) => a && actorById.set(a.id, a));

    const facts = (s: Signal): SignalFacts => {
      const emitter = s.emitterId ? actorById.get(s.emitterId) : undefined;
      return {
        channel: s.channel,
        kind: s.kind,
        emitterKey: emitter?.key ?? null,
        side: emitter ? sideOf(emitter.kind) : null,
        aboutKeys: aboutKeys.get(s.id) ?? new Set(),
      };
    };

    const out: Published<RealtimeTopics>[] = [];
    for (const e of wanted) {
      const base = { seq: e.seq, at: e.at, loaders };
      switch (e.type) {
        case 'SIGNAL_RECORDED': {
          const signal = signalById.get(e.entityId);
          if (signal) out.push({ topic: 'signalRecorded', payload: { ...base, signal, facts: facts(signal) } });
          break;
        }
        case 'SIGNAL_RESPONDED': {
          const signal = signalById.get(e.entityId);
          const response = e.detail ? responseById.get(e.detail) : undefined;
          if (signal && response) out.push({ topic: 'signalResponded', payload: { ...base, signal, response, facts: facts(signal) } });
          break;
        }
        case 'EXCHANGE_RECORDED': {
          const exchange = exchangeById.get(e.entityId);
          const from = exchange && actorById.get(exchange.fromId);
          const to = exchange && actorById.get(exchange.toId);
          if (exchange && from && to) out.push({ topic: 'exchangeRecorded', payload: { ...base, exchange, fromKey: from.key, toKey: to.key } });
          break;
        }
        case 'ACTOR_CHANGED':
          out.push({ topic: 'actorChanged', payload: { ...base, actorId: e.entityId, actor: actorById.get(e.entityId) ?? null } });
          break;
      }
    }
    return out;
  };
}

// --- filters -----------------------------------------------------------------------------------

export interface SignalEventFilter {
  channels?: readonly string[] | null;
  kinds?: readonly SignalKind[] | null;
  emitterKey?: string | null;
  aboutKey?: string | null;
  side?: Side | null;
}

export interface ExchangeEventFilter {
  kinds?: readonly ValueKind[] | null;
  tangible?: boolean | null;
  fromKey?: string | null;
  toKey?: string | null;
}

/** A GraphQL list argument as the store's filter types take it. */
const listOf = <T>(values: readonly T[] | null | undefined): T[] | undefined => (values ? [...values] : undefined);

/**
 * As the query filters, normalised by the same rules (keys trimmed, channels trimmed and lower-cased,
 * an absent or empty list filters nothing); a key that matches no actor matches nothing.
 * Throws a DomainError (BAD_USER_INPUT at `filter.<field>`) for a value the query would refuse.
 */
export function signalAccept(filter: SignalEventFilter | null | undefined): ((p: { facts: SignalFacts }) => boolean) | undefined {
  if (!filter) return undefined;
  const f = normalizeSignalFilter({
    channels: listOf(filter.channels), kinds: listOf(filter.kinds),
    emitterKey: filter.emitterKey ?? undefined, aboutKey: filter.aboutKey ?? undefined,
  });
  const channels = f.channels ? new Set(f.channels) : null;
  const kinds = f.kinds ? new Set<string>(f.kinds) : null;
  const { emitterKey, aboutKey } = f;
  const side = filter.side ?? undefined;
  if (!channels && !kinds && emitterKey === undefined && aboutKey === undefined && side === undefined) return undefined;
  return ({ facts: x }) =>
    (!channels || channels.has(x.channel)) &&
    (!kinds || kinds.has(x.kind)) &&
    (emitterKey === undefined || x.emitterKey === emitterKey) &&
    (aboutKey === undefined || x.aboutKeys.has(aboutKey)) &&
    (side === undefined || x.side === side);
}

/** As signalAccept, with the query's exchange filter rules. */
export function exchangeAccept(filter: ExchangeEventFilter | null | undefined): ((p: ExchangeRecordedPayload) => boolean) | undefined {
  if (!filter) return undefined;
  const { kinds: kindList, tangible, fromKey, toKey } = normalizeExchangeFilter({
    kinds: listOf(filter.kinds), tangible: filter.tangible ?? undefined,
    fromKey: filter.fromKey ?? undefined, toKey: filter.toKey ?? undefined,
  });
  const kinds = kindList ? new Set<string>(kindList) : null;
  if (!kinds && tangible === undefined && fromKey === undefined && toKey === undefined) return undefined;
  return (p) =>
    (!kinds || kinds.has(p.exchange.kind)) &&
    (tangible === undefined || p.exchange.tangible === tangible) &&
    (fromKey === undefined || p.fromKey === fromKey) &&
    (toKey === undefined || p.toKey === toKey);
}

/** The keys `actorChanged` follows, trimmed as `actor(key:)` trims them; empty: every actor. */
export const actorKeys = (keys: readonly string[] | null | undefined): string[] => [...new Set((keys ?? []).map((k) => k.trim()))];

/**
 * Follows the actors that `keys` name. An event names its actor by id, and an erased actor keeps
 * neither its key nor any link to it, so an erasure can only be matched by an id already followed:
 * `ids` (known when subscribing), then the id of every event seen whose actor bears a followed key.
 * Stateful: one per subscription.
 */
export function actorAccept(keys: readonly string[], ids: Iterable<string>): ((p: ActorChangedPayload) => boolean) | undefined {
  if (!keys.length) return undefined;
  const keySet = new Set(keys);
  const followed = new Set(ids);
  return (p) => {
    if (p.actor !== null && keySet.has(p.actor.key)) followed.add(p.actorId);
    return followed.has(p.actorId);
  };
}

// --- cursors -----------------------------------------------------------------------------------

/** Cursors are outbox seqs written in decimal: the same on every instance. */
export const toCursor = (seq: number): string => String(seq);

export function parseCursor(value: string | null | undefined, field = 'after'): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw badUserInput(field, 'is not a cursor returned by a subscription');
  return Number(value);
}

