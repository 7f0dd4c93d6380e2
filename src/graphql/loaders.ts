/**
 * One DataLoader per entity (and per list-shaped relation with its arguments) per request, so a
 * query of any breadth costs one store call per level, never one per result.
 */
import DataLoader from 'dataloader';
import type { Store, ExchangeQuery, PageArgs, Page, TiePage, TieQuery } from '../store/port.js';
import type { Actor, Change, Insight, Process, Response, Signal, Topic, ValueExchange } from '../domain/entities.js';

type ById<T> = DataLoader<string, T | null>;
type AboutRow = { target: 'ACTOR' | 'TOPIC' | 'PROCESS'; ref: string; id: string };

export interface Loaders {
  actor: ById<Actor>;
  actorByKey: ById<Actor>;
  signal: ById<Signal>;
  exchange: ById<ValueExchange>;
  insight: ById<Insight>;
  process: ById<Process>;
  topic: ById<Topic>;
  tiesOf(query: TieQuery): DataLoader<string, TiePage>;
  signalsOf(page: PageArgs): DataLoader<string, Page<Signal>>;
  exchangesOf(query: ExchangeQuery): DataLoader<string, Page<ValueExchange>>;
  aboutOf: DataLoader<string, AboutRow[]>;
  responsesOf: DataLoader<string, Response[]>;
  signalIdsOfInsight: DataLoader<string, string[]>;
  topicsOfInsight: DataLoader<string, Topic[]>;
  changesOfProcess: DataLoader<string, Change[]>;
  changesOfInsight: DataLoader<string, Change[]>;
}

const byId = <T>(load: (ids: readonly string[]) => Promise<(T | null)[]>): ById<T> =>
  new DataLoader<string, T | null>(load, { maxBatchSize: 1000 });

const list = <T>(load: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T> =>
  new DataLoader<string, T>(load, { maxBatchSize: 1000 });

/** Loaders for relations with arguments: one loader per distinct argument set. */
function keyed<A, T>(make: (args: A) => DataLoader<string, T>): (args: A) => DataLoader<string, T> {
  const cache = new Map<string, DataLoader<string, T>>();
  return (args) => {
    const k = JSON.stringify(args);
    let loader = cache.get(k);
    if (!loader) cache.set(k, (loader = make(args)));
    return loader;
  };
}

export function createLoaders(store: Store): Loaders {
  const actor = byId((ids) => store.actorsByIds(ids));
  const actorByKey = byId((keys) => store.actorsByKeys(keys));
  return {
    actor,
    actorByKey,
    signal: byId((ids) => store.signalsByIds(ids)),
    exchange: byId((ids) => store.exchangesByIds(ids)),
    insight: byId((ids) => store.insightsByIds(ids)),
    process: byId((ids) => store.processesByIds(ids)),
    topic: byId((ids) => store.topicsByIds(ids)),
    tiesOf: keyed((q: TieQuery) => list((ids) => store.tiesOfActors(ids, q))),
    signalsOf: keyed((p: PageArgs) => list((ids) => store.signalsOfActors(ids, p))),
    exchangesOf: keyed((q: ExchangeQuery) => list((ids) => store.exchangesOfActors(ids, q))),
    aboutOf: list((ids) => store.aboutOfSignals(ids)),
    responsesOf: list((ids) => store.responsesOfSignals(ids)),
    signalIdsOfInsight: list((ids) => store.signalIdsOfInsights(ids)),
    topicsOfInsight: list((ids) => store.topicsOfInsights(ids)),
    changesOfProcess: list((ids) => store.changesOfProcesses(ids)),
    changesOfInsight: list((ids) => store.changesOfInsights(ids)),
  };
}

/** Prime the id and key caches with actors a write just returned. */
export function primeActors(loaders: Loaders, actors: Actor[]): void {
  for (const a of actors) {
    loaders.actor.prime(a.id, a);
    loaders.actorByKey.prime(a.key, a);
  }
}

/** Loads an entity a relation guarantees to exist (referential integrity is the store's job). */
export async function existing<T>(loader: DataLoader<string, T | null>, id: string, what: string): Promise<T> {
  const found = await loader.load(id);
  if (found === null) throw new Error(`dangling reference to ${what} ${id}`);
  return found;
}

/** For Relay node loading: one entry per id, null where unknown. */
export const loadAll = <T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<(T | null)[]> =>
  Promise.all(ids.map((id) => loader.load(id)));
