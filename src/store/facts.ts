/**
 * Builds Facts (domain/facts.ts) from raw rows. Both adapters stream their tables into buildFacts
 * as tuples — references by the store's own ids — and the layout lives here once, so both stores
 * give the same Facts for the same data.
 *
 * Rows are consumed as they come, into growable typed arrays: nothing per row outlives the row,
 * so half a million rows cost a few typed arrays, not half a million objects for the collector.
 * The adapters order the two big tables (actors by key, signals by occurredAt, channel and
 * externalId); the rest is ordered here by numeric keys.
 */
import type { Facts } from '../domain/facts.js';
import { ACTOR_KINDS, SIGNAL_KINDS, SIGNAL_STATUSES, VALUE_KINDS } from '../domain/kinds.js';

export type { Facts } from '../domain/facts.js';

type Id = string | number;

/** Rows as the adapters read them; instants as ISO-8601 strings, ids the store's own. */
export interface RawFacts {
  /** [id, key, kind], ordered by key. */
  actors: Iterable<readonly [Id, string, string]>;
  /** MEMBER_OF ties to TEAM actors: [actorId, teamId, weight]. */
  memberships: Iterable<readonly [Id, Id, number]>;
  /** [id, name] of every topic. */
  topics: Iterable<readonly [Id, string]>;
  /** [id, name] of every process. */
  processes: Iterable<readonly [Id, string]>;
  /** [id, channel, externalId, kind, status, occurredAt, sentiment, emitterId, assigneeId], ordered by occurredAt, channel, externalId. */
  signals: Iterable<readonly [Id, string, string, string, string, string, number | null, Id | null, Id | null]>;
  /** ABOUT links to actors and topics: [signalId, actorId or null, topicId or null], a signal's links in their order. */
  about: Iterable<readonly [Id, Id | null, Id | null]>;
  /** [signalId, responderId, respondedAt, channel] */
  responses: Iterable<readonly [Id, Id | null, string, string]>;
  /** [fromId, toId, kind, amount, occurredAt] */
  exchanges: Iterable<readonly [Id, Id, string, number, string]>;
  /** [id, title, createdAt] */
  insights: Iterable<readonly [Id, string, string]>;
  /** [insightId, signalId], an insight's signals in the order given when it was created. */
  insightSignals: Iterable<readonly [Id, Id]>;
  /** [insightId, topicId] */
  insightTopics: Iterable<readonly [Id, Id]>;
  /** [insightId, processId, appliedAt] */
  changes: Iterable<readonly [Id, Id, string]>;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function codes(list: readonly string[]): Map<string, number> {
  return new Map(list.map((name, i) => [name, i]));
}
const ACTOR_KIND = codes(ACTOR_KINDS);
const SIGNAL_KIND = codes(SIGNAL_KINDS);
const SIGNAL_STATUS = codes(SIGNAL_STATUSES);
const VALUE_KIND = codes(VALUE_KINDS);
const TEAM = ACTOR_KIND.get('TEAM')!;

function code(map: Map<string, number>, value: string, what: string): number {
  const c = map.get(value);
  if (c === undefined) throw new Error(`facts: unknown ${what} "${value}"`);
  return c;
}

type NumberArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
type NumberArrayCtor<T extends NumberArray> = { new (length: number): T };

/** A typed array that doubles when full. */
class Column<T extends NumberArray> {
  private data: T;
  length = 0;
  constructor(private readonly Ctor: NumberArrayCtor<T>, capacity = 1024) {
    this.data = new Ctor(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new this.Ctor(this.data.length * 2);
      grown.set(this.data as never);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i];
  }
  /** The filled part, as its own array (a copy, so the spare capacity is released). */
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
  /** The filled part reordered: element i of the result is element order[i]. */
  permuted(order: Uint32Array): T {
    const out = new this.Ctor(order.length);
    for (let i = 0; i < order.length; i++) out[i] = this.data[order[i]];
    return out;
  }
}

/** Groups (row, item) pairs into CSR arrays over `rows` rows, keeping the pairs' order within a row. */
function csr(rows: number, row: Column<Int32Array>, item: Column<Int32Array>): { offsets: Uint32Array; items: Int32Array } {
  const offsets = new Uint32Array(rows + 1);
  for (let p = 0; p < row.length; p++) offsets[row.get(p) + 1]++;
  for (let i = 0; i < rows; i++) offsets[i + 1] += offsets[i];
  const items = new Int32Array(row.length);
  const fill = offsets.slice(0, rows);
  for (let p = 0; p < row.length; p++) items[fill[row.get(p)]++] = item.get(p);
  return { offsets, items };
}

/** Positions 0..n-1 sorted by a numeric comparator. */
function order(n: number, compare: (a: number, b: number) => number): Uint32Array {
  return Uint32Array.from({ length: n }, (_, i) => i).sort(compare);
}

/** Names sorted, with the map from the store's id to the sorted index. */
function dictionary(rows: Iterable<readonly [Id, string]>): { names: string[]; indexOf: Map<Id, number> } {
  const all = [...rows].sort((a, b) => cmp(a[1], b[1]));
  return { names: all.map((r) => r[1]), indexOf: new Map(all.map((r, i) => [r[0], i])) };
}

export function buildFacts(raw: RawFacts, readAt = Date.now()): Facts {
  // --- actors, in key order -----------------------------------------------------------------------
  const actorIndex = new Map<Id, number>();
  const keys: string[] = [];
  const kind = new Column(Uint8Array);
  for (const [id, key, k] of raw.actors) {
    actorIndex.set(id, keys.length);
    keys.push(key);
    kind.push(code(ACTOR_KIND, k, 'actor kind'));
  }
  const nActors = keys.length;
  const actorKind = kind.done();
  const actorOf = (id: Id | null): number => (id === null ? -1 : actorIndex.get(id) ?? -1);
  const erased = new Uint8Array(nActors);
  const team = new Int32Array(nActors).fill(-1);
  for (let i = 0; i < nActors; i++) {
    if (keys[i].startsWith('erased:')) erased[i] = 1;
    if (actorKind[i] === TEAM) team[i] = i;
  }
  const teamWeight = new Float64Array(nActors).fill(-Infinity);
  for (const [actorId, teamId, weight] of raw.memberships) {
    const a = actorOf(actorId);
    const t = actorOf(teamId);
    if (a < 0 || t < 0 || actorKind[a] === TEAM || actorKind[t] !== TEAM) continue;
    // The heaviest membership wins; on a tie the lower team index (the lower key).
    if (weight > teamWeight[a] || (weight === teamWeight[a] && t < team[a])) {
      team[a] = t;
      teamWeight[a] = weight;
    }
  }

  const topics = dictionary(raw.topics);
  const processes = dictionary(raw.processes);

  // Channels get provisional codes in order of first appearance, remapped to name order at the end.
  const channelCode = new Map<string, number>();
  const channelOf = (name: string): number => {
    let c = channelCode.get(name);
    if (c === undefined) channelCode.set(name, (c = channelCode.size));
    return c;
  };

  // --- signals, in the adapter's (canonical) order ---------------------------------------------------
  const signalIndex = new Map<Id, number>();
  const s = {
    channel: new Column(Uint16Array), kind: new Column(Uint8Array), status: new Column(Uint8Array),
    occurredAt: new Column(Float64Array), sentiment: new Column(Float64Array),
    emitter: new Column(Int32Array), assignee: new Column(Int32Array),
  };
  for (const [id, channel, , k, status, occurredAt, sentiment, emitterId, assigneeId] of raw.signals) {
    signalIndex.set(id, signalIndex.size);
    s.channel.push(channelOf(channel));
    s.kind.push(code(SIGNAL_KIND, k, 'signal kind'));
    s.status.push(code(SIGNAL_STATUS, status, 'signal status'));
    s.occurredAt.push(Date.parse(occurredAt));
    s.sentiment.push(sentiment ?? NaN);
    s.emitter.push(actorOf(emitterId));
    s.assignee.push(actorOf(assigneeId));
  }
  const nSignals = signalIndex.size;

  const aboutActor = { row: new Column(Int32Array), item: new Column(Int32Array) };
  const aboutTopic = { row: new Column(Int32Array), item: new Column(Int32Array) };
  for (const [signalId, actorId, topicId] of raw.about) {
    const i = signalIndex.get(signalId);
    if (i === undefined) continue;
    if (actorId !== null) {
      const a = actorOf(actorId);
      if (a >= 0) { aboutActor.row.push(i); aboutActor.item.push(a); }
    } else if (topicId !== null) {
      const t = topics.indexOf.get(topicId);
      if (t !== undefined) { aboutTopic.row.push(i); aboutTopic.item.push(t); }
    }
  }

  // --- responses: by signal, then time --------------------------------------------------------------
  const r = {
    signal: new Column(Int32Array), responder: new Column(Int32Array), respondedAt: new Column(Float64Array), channel: new Column(Uint16Array),
  };
  for (const [signalId, responderId, respondedAt, channel] of raw.responses) {
    const i = signalIndex.get(signalId);
    if (i === undefined) continue;
    r.signal.push(i);
    r.responder.push(actorOf(responderId));
    r.respondedAt.push(Date.parse(respondedAt));
    r.channel.push(channelOf(channel));
  }
  const responseOrder = order(r.signal.length, (a, b) => r.signal.get(a) - r.signal.get(b) || r.respondedAt.get(a) - r.respondedAt.get(b)
    || r.responder.get(a) - r.responder.get(b));

  // Channel names in order; provisional codes remapped.
  const channels = [...channelCode.keys()].sort(cmp);
  if (channels.length > 0xffff) throw new Error('facts: more than 65,535 channels');
  const remap = new Uint16Array(channels.length);
  channels.forEach((name, i) => { remap[channelCode.get(name)!] = i; });
  const signalChannel = s.channel.done().map((c) => remap[c]);
  const responseChannel = r.channel.permuted(responseOrder).map((c) => remap[c]);

  // --- exchanges: by time, giver, receiver, amount, kind ------------------------------------------------
  const x = {
    from: new Column(Int32Array), to: new Column(Int32Array), kind: new Column(Uint8Array),
    amount: new Column(Float64Array), occurredAt: new Column(Float64Array),
  };
  for (const [fromId, toId, k, amount, occurredAt] of raw.exchanges) {
    const from = actorOf(fromId);
    const to = actorOf(toId);
    if (from < 0 || to < 0) continue;
    x.from.push(from);
    x.to.push(to);
    x.kind.push(code(VALUE_KIND, k, 'value kind'));
    x.amount.push(amount);
    x.occurredAt.push(Date.parse(occurredAt));
  }
  const exchangeOrder = order(x.from.length, (a, b) => x.occurredAt.get(a) - x.occurredAt.get(b) || x.from.get(a) - x.from.get(b)
    || x.to.get(a) - x.to.get(b) || x.amount.get(a) - x.amount.get(b) || x.kind.get(a) - x.kind.get(b));

  // --- insights and changes (few rows) ------------------------------------------------------------------
  const insightRows = [...raw.insights].map(([id, title, createdAt]) => ({ id, title, at: Date.parse(createdAt) }))
    .sort((a, b) => a.at - b.at || cmp(a.title, b.title));
  const nInsights = insightRows.length;
  const insightIndex = new Map<Id, number>(insightRows.map((row, i) => [row.id, i]));
  const insightSignals = { row: new Column(Int32Array), item: new Column(Int32Array) };
  for (const [insightId, signalId] of raw.insightSignals) {
    const i = insightIndex.get(insightId);
    const sg = signalIndex.get(signalId);
    if (i !== undefined && sg !== undefined) { insightSignals.row.push(i); insightSignals.item.push(sg); }
  }
  const topicPairs = [...raw.insightTopics]
    .map(([insightId, topicId]) => [insightIndex.get(insightId) ?? -1, topics.indexOf.get(topicId) ?? -1] as const)
    .filter(([i, t]) => i >= 0 && t >= 0)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const insightTopics = { row: new Column(Int32Array), item: new Column(Int32Array) };
  for (const [i, t] of topicPairs) { insightTopics.row.push(i); insightTopics.item.push(t); }

  const changeRows = [...raw.changes]
    .map(([insightId, processId, appliedAt]) => ({
      insight: insightIndex.get(insightId) ?? -1, process: processes.indexOf.get(processId) ?? -1, at: Date.parse(appliedAt),
    }))
    .filter((c) => c.insight >= 0 && c.process >= 0)
    .sort((a, b) => a.at - b.at || a.process - b.process || a.insight - b.insight);

  const about = csr(nSignals, aboutActor.row, aboutActor.item);
  const signalTopics = csr(nSignals, aboutTopic.row, aboutTopic.item);
  const derived = csr(nInsights, insightSignals.row, insightSignals.item);
  const insightTopicCsr = csr(nInsights, insightTopics.row, insightTopics.item);
  return {
    readAt,
    actors: { count: nActors, keys, kind: actorKind, team, erased },
    signals: {
      count: nSignals,
      channel: signalChannel,
      kind: s.kind.done(),
      status: s.status.done(),
      occurredAt: s.occurredAt.done(),
      sentiment: s.sentiment.done(),
      emitter: s.emitter.done(),
      assignee: s.assignee.done(),
      aboutActorOffsets: about.offsets,
      aboutActors: about.items,
      topicOffsets: signalTopics.offsets,
      topics: signalTopics.items,
    },
    responses: {
      count: responseOrder.length,
      signal: r.signal.permuted(responseOrder),
      responder: r.responder.permuted(responseOrder),
      respondedAt: r.respondedAt.permuted(responseOrder),
      channel: responseChannel,
    },
    exchanges: {
      count: exchangeOrder.length,
      from: x.from.permuted(exchangeOrder),
      to: x.to.permuted(exchangeOrder),
      kind: x.kind.permuted(exchangeOrder),
      amount: x.amount.permuted(exchangeOrder),
      occurredAt: x.occurredAt.permuted(exchangeOrder),
    },
    insights: {
      count: nInsights,
      createdAt: Float64Array.from(insightRows, (row) => row.at),
      signalOffsets: derived.offsets,
      signals: derived.items,
      topicOffsets: insightTopicCsr.offsets,
      topics: insightTopicCsr.items,
    },
    changes: {
      count: changeRows.length,
      insight: Int32Array.from(changeRows, (c) => c.insight),
      process: Int32Array.from(changeRows, (c) => c.process),
      appliedAt: Float64Array.from(changeRows, (c) => c.at),
    },
    channels,
    topics: topics.names,
    processes: processes.names,
  };
}
