/**
 * Builds Facts (domain/facts.ts) from raw rows. Both adapters read their tables into RawFacts —
 * rows as tuples, references by the store's own ids — and call buildFacts; ordering, indexing and
 * the typed-array layout live here once, so both stores give the same Facts for the same data.
 */
import type { Facts } from '../domain/facts.js';
import { ACTOR_KINDS, SIGNAL_KINDS, SIGNAL_STATUSES, VALUE_KINDS } from '../domain/kinds.js';

export type { Facts } from '../domain/facts.js';

type Id = string | number;

/** Rows as the adapters read them; instants as ISO-8601 strings, ids the store's own. */
export interface RawFacts {
  /** [id, key, kind] */
  actors: Iterable<readonly [Id, string, string]>;
  /** MEMBER_OF ties to TEAM actors: [actorId, teamId, weight] */
  memberships: Iterable<readonly [Id, Id, number]>;
  /** [id, channel, externalId, kind, status, occurredAt, sentiment, emitterId, assigneeId] */
  signals: Iterable<readonly [Id, string, string, string, string, string, number | null, Id | null, Id | null]>;
  /** ABOUT links to actors and topics: [signalId, actorId or null, topic name or null], in link order */
  about: Iterable<readonly [Id, Id | null, string | null]>;
  /** [signalId, responderId, respondedAt, channel] */
  responses: Iterable<readonly [Id, Id | null, string, string]>;
  /** [fromId, toId, kind, amount, occurredAt] */
  exchanges: Iterable<readonly [Id, Id, string, number, string]>;
  /** [id, title, createdAt] */
  insights: Iterable<readonly [Id, string, string]>;
  /** [insightId, signalId], in the order given when the insight was created */
  insightSignals: Iterable<readonly [Id, Id]>;
  /** [insightId, topic name] */
  insightTopics: Iterable<readonly [Id, string]>;
  /** [insightId, process name, appliedAt] */
  changes: Iterable<readonly [Id, string, string]>;
  /** Every topic name. */
  topics: Iterable<string>;
  /** Every process name. */
  processes: Iterable<string>;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const ms = (iso: string): number => Date.parse(iso);

function codes(list: readonly string[]): Map<string, number> {
  return new Map(list.map((name, i) => [name, i]));
}
const ACTOR_KIND = codes(ACTOR_KINDS);
const SIGNAL_KIND = codes(SIGNAL_KINDS);
const SIGNAL_STATUS = codes(SIGNAL_STATUSES);
const VALUE_KIND = codes(VALUE_KINDS);

function code(map: Map<string, number>, value: string, what: string): number {
  const c = map.get(value);
  if (c === undefined) throw new Error(`facts: unknown ${what} "${value}"`);
  return c;
}

/** Groups (row, item) pairs into CSR arrays over `rows` rows, keeping the pairs' order within a row. */
function csr(rows: number, pairs: readonly (readonly [number, number])[]): { offsets: Uint32Array; items: Int32Array } {
  const offsets = new Uint32Array(rows + 1);
  for (const [row] of pairs) offsets[row + 1]++;
  for (let i = 0; i < rows; i++) offsets[i + 1] += offsets[i];
  const items = new Int32Array(pairs.length);
  const fill = offsets.slice(0, rows);
  for (const [row, item] of pairs) items[fill[row]++] = item;
  return { offsets, items };
}

export function buildFacts(raw: RawFacts, readAt = Date.now()): Facts {
  // --- actors: ordered by key -------------------------------------------------------------------
  const actorRows = [...raw.actors].sort((a, b) => cmp(a[1], b[1]));
  const actorIndex = new Map<Id, number>(actorRows.map((a, i) => [a[0], i]));
  const actorOf = (id: Id | null): number => (id === null ? -1 : actorIndex.get(id) ?? -1);
  const nActors = actorRows.length;
  const kind = new Uint8Array(nActors);
  const erased = new Uint8Array(nActors);
  const team = new Int32Array(nActors).fill(-1);
  const teamWeight = new Float64Array(nActors).fill(-Infinity);
  const teamKind = ACTOR_KIND.get('TEAM')!;
  actorRows.forEach(([, key, k], i) => {
    kind[i] = code(ACTOR_KIND, k, 'actor kind');
    if (key.startsWith('erased:')) erased[i] = 1;
    if (kind[i] === teamKind) team[i] = i;
  });
  for (const [actorId, teamId, weight] of raw.memberships) {
    const a = actorOf(actorId);
    const t = actorOf(teamId);
    if (a < 0 || t < 0 || kind[a] === teamKind || kind[t] !== teamKind) continue;
    // Heaviest membership wins; on a tie the lower team index (the lower key).
    if (weight > teamWeight[a] || (weight === teamWeight[a] && t < team[a])) {
      team[a] = t;
      teamWeight[a] = weight;
    }
  }

  const topics = [...new Set(raw.topics)].sort(cmp);
  const topicIndex = codes(topics);
  const processes = [...new Set(raw.processes)].sort(cmp);
  const processIndex = codes(processes);

  // --- signals: ordered by occurredAt, channel, externalId -------------------------------------------
  const signalRows = [...raw.signals].map((s) => ({ s, at: ms(s[5]) }))
    .sort((a, b) => a.at - b.at || cmp(a.s[1], b.s[1]) || cmp(a.s[2], b.s[2]));
  const nSignals = signalRows.length;
  const signalIndex = new Map<Id, number>(signalRows.map((r, i) => [r.s[0], i]));

  const responseRows = [...raw.responses].map((r) => ({ r, signal: signalIndex.get(r[0]) ?? -1, at: ms(r[2]) }))
    .filter((r) => r.signal >= 0)
    .sort((a, b) => a.signal - b.signal || a.at - b.at);

  const channels = [...new Set([...signalRows.map((r) => r.s[1]), ...responseRows.map((r) => r.r[3])])].sort(cmp);
  if (channels.length > 0xffff) throw new Error('facts: more than 65,535 channels');
  const channelIndex = codes(channels);

  const signals = {
    count: nSignals,
    channel: new Uint16Array(nSignals),
    kind: new Uint8Array(nSignals),
    status: new Uint8Array(nSignals),
    occurredAt: new Float64Array(nSignals),
    sentiment: new Float64Array(nSignals),
    emitter: new Int32Array(nSignals),
    assignee: new Int32Array(nSignals),
  };
  signalRows.forEach(({ s, at }, i) => {
    signals.channel[i] = channelIndex.get(s[1])!;
    signals.kind[i] = code(SIGNAL_KIND, s[3], 'signal kind');
    signals.status[i] = code(SIGNAL_STATUS, s[4], 'signal status');
    signals.occurredAt[i] = at;
    signals.sentiment[i] = s[6] ?? NaN;
    signals.emitter[i] = actorOf(s[7]);
    signals.assignee[i] = actorOf(s[8]);
  });
  const aboutActorPairs: [number, number][] = [];
  const aboutTopicPairs: [number, number][] = [];
  for (const [signalId, actorId, topic] of raw.about) {
    const s = signalIndex.get(signalId);
    if (s === undefined) continue;
    if (actorId !== null) {
      const a = actorOf(actorId);
      if (a >= 0) aboutActorPairs.push([s, a]);
    } else if (topic !== null) {
      const t = topicIndex.get(topic);
      if (t !== undefined) aboutTopicPairs.push([s, t]);
    }
  }
  const aboutActors = csr(nSignals, aboutActorPairs);
  const aboutTopics = csr(nSignals, aboutTopicPairs);

  // --- responses -----------------------------------------------------------------------------------
  const nResponses = responseRows.length;
  const responses = {
    count: nResponses,
    signal: new Int32Array(nResponses),
    responder: new Int32Array(nResponses),
    respondedAt: new Float64Array(nResponses),
    channel: new Uint16Array(nResponses),
  };
  responseRows.forEach(({ r, signal, at }, i) => {
    responses.signal[i] = signal;
    responses.responder[i] = actorOf(r[1]);
    responses.respondedAt[i] = at;
    responses.channel[i] = channelIndex.get(r[3])!;
  });

  // --- exchanges: ordered by occurredAt, from key, to key, amount -------------------------------------
  const exchangeRows = [...raw.exchanges]
    .map((x) => ({ x, from: actorOf(x[0]), to: actorOf(x[1]), at: ms(x[4]) }))
    .filter((r) => r.from >= 0 && r.to >= 0)
    .sort((a, b) => a.at - b.at || a.from - b.from || a.to - b.to || a.x[3] - b.x[3] || cmp(a.x[2], b.x[2]));
  const nExchanges = exchangeRows.length;
  const exchanges = {
    count: nExchanges,
    from: new Int32Array(nExchanges),
    to: new Int32Array(nExchanges),
    kind: new Uint8Array(nExchanges),
    amount: new Float64Array(nExchanges),
    occurredAt: new Float64Array(nExchanges),
  };
  exchangeRows.forEach(({ x, from, to, at }, i) => {
    exchanges.from[i] = from;
    exchanges.to[i] = to;
    exchanges.kind[i] = code(VALUE_KIND, x[2], 'value kind');
    exchanges.amount[i] = x[3];
    exchanges.occurredAt[i] = at;
  });

  // --- insights and changes ----------------------------------------------------------------------
  const insightRows = [...raw.insights].map((r) => ({ r, at: ms(r[2]) })).sort((a, b) => a.at - b.at || cmp(a.r[1], b.r[1]));
  const nInsights = insightRows.length;
  const insightIndex = new Map<Id, number>(insightRows.map((r, i) => [r.r[0], i]));
  const insightSignalPairs: [number, number][] = [];
  for (const [insightId, signalId] of raw.insightSignals) {
    const i = insightIndex.get(insightId);
    const s = signalIndex.get(signalId);
    if (i !== undefined && s !== undefined) insightSignalPairs.push([i, s]);
  }
  const insightTopicPairs: [number, number][] = [];
  for (const [insightId, topic] of raw.insightTopics) {
    const i = insightIndex.get(insightId);
    const t = topicIndex.get(topic);
    if (i !== undefined && t !== undefined) insightTopicPairs.push([i, t]);
  }
  insightTopicPairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const insightSignals = csr(nInsights, insightSignalPairs);
  const insightTopics = csr(nInsights, insightTopicPairs);

  const changeRows = [...raw.changes]
    .map((c) => ({ insight: insightIndex.get(c[0]) ?? -1, process: processIndex.get(c[1]) ?? -1, at: ms(c[2]) }))
    .filter((c) => c.insight >= 0 && c.process >= 0)
    .sort((a, b) => a.at - b.at || a.process - b.process || a.insight - b.insight);
  const nChanges = changeRows.length;
  const changes = {
    count: nChanges,
    insight: Int32Array.from(changeRows, (c) => c.insight),
    process: Int32Array.from(changeRows, (c) => c.process),
    appliedAt: Float64Array.from(changeRows, (c) => c.at),
  };

  return {
    readAt,
    actors: { count: nActors, keys: actorRows.map((a) => a[1]), kind, team, erased },
    signals: {
      ...signals,
      aboutActorOffsets: aboutActors.offsets,
      aboutActors: aboutActors.items,
      topicOffsets: aboutTopics.offsets,
      topics: aboutTopics.items,
    },
    responses,
    exchanges,
    insights: {
      count: nInsights,
      createdAt: Float64Array.from(insightRows, (r) => r.at),
      signalOffsets: insightSignals.offsets,
      signals: insightSignals.items,
      topicOffsets: insightTopics.offsets,
      topics: insightTopics.items,
    },
    changes,
    channels,
    topics,
    processes,
  };
}
