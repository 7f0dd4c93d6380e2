/** The generic JSON of the value-flow results (`analytics { run(plugin: "value-flow", analytic: ...) }`): keys instead of node indexes. */
import { ACTOR_KINDS, SIGNAL_KINDS, SIGNAL_STATUSES, VALUE_KINDS, type GraphIndex, type JsonValue } from '../../src/plugin-api/index.js';
import { VIA } from './algorithms/trace.js';
import type { BalancesResult, BrokersResult, MatrixResult, ReciprocityResult, SeriesResult, TraceResult } from './params.js';

const K = VALUE_KINDS.length;
const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
const iso = (ms: number) => new Date(ms).toISOString();

/** { kind: { count, amount } } for the kinds with exchanges. */
function byKind(count: ArrayLike<number>, amount: ArrayLike<number>, offset = 0): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  VALUE_KINDS.forEach((kind, k) => { if (count[offset + k]) out[kind] = { count: count[offset + k], amount: amount[offset + k] }; });
  return out;
}

/** Totals by kind, and per actor with exchanges: { in: {kind: {count, amount}}, out: {...} }. */
export function balancesToJson(r: BalancesResult, index: GraphIndex): JsonValue {
  const actors: Record<string, JsonValue> = {};
  for (let a = 0; a < index.nodeCount; a++) {
    const inn = byKind(r.inCount, r.inAmount, a * K);
    const out = byKind(r.outCount, r.outAmount, a * K);
    if (Object.keys(inn).length || Object.keys(out).length) actors[index.keys[a]] = { in: inn, out };
  }
  return { exchanges: r.exchanges, totals: byKind(r.totals.count, r.totals.amount), actors };
}

export function reciprocityToJson(r: ReciprocityResult, index: GraphIndex): JsonValue {
  const actors: Record<string, JsonValue> = {};
  const a = r.actors;
  for (let i = 0; i < index.nodeCount; i++) {
    if (a.given[i] || a.received[i]) actors[index.keys[i]] = { given: a.given[i], givenReciprocated: a.givenReciprocated[i], received: a.received[i], receivedAnswered: a.receivedAnswered[i] };
  }
  const p = r.pairs;
  const pairs = Array.from({ length: p.count }, (_x, i) => ({
    a: index.keys[p.a[i]], b: index.keys[p.b[i]], aToB: p.aToB[i], bToA: p.bToA[i], aToBReciprocated: p.aToBReciprocated[i], bToAReciprocated: p.bToAReciprocated[i],
  }));
  return { windowDays: r.windowDays, exchanges: r.exchanges, reciprocated: r.reciprocated, actors, pairs };
}

export function matrixToJson(r: MatrixResult, index: GraphIndex): JsonValue {
  const g = r.groups;
  const key = (id: number) => (g.team[id] >= 0 ? index.keys[g.team[id]] : g.community[id] >= 0 ? `community:${g.community[id]}`
    : g.kind[id] >= 0 ? ACTOR_KINDS[g.kind[id]] : g.side[id] === 1 ? 'OUTSIDE' : 'INSIDE');
  const f = r.flows;
  return {
    groupBy: g.by,
    modularity: num(r.modularity),
    reciprocity: r.reciprocity,
    groups: Array.from({ length: g.count }, (_x, id) => key(id)),
    cells: Array.from({ length: f.cells }, (_x, c) => ({ from: key(f.from[c]), to: key(f.to[c]), byKind: byKind(f.count, f.amount, c * K), reciprocated: f.reciprocated[c] })),
  };
}

export function brokersToJson(r: BrokersResult, index: GraphIndex): JsonValue {
  const brokers: JsonValue[] = [];
  const order = Array.from({ length: index.nodeCount }, (_x, i) => i).filter((i) => r.vitality[i] > 0).sort((a, b) => r.vitality[b] - r.vitality[a] || r.relay[b] - r.relay[a] || a - b);
  for (const i of order) {
    brokers.push({
      actor: index.keys[i], vitality: r.vitality[i], relay: r.relay[i], insideToOutside: r.insideToOutside[i], outsideToInside: r.outsideToInside[i],
      inFromInside: r.inFromInside[i], inFromOutside: r.inFromOutside[i], outToInside: r.outToInside[i], outToOutside: r.outToOutside[i],
    });
  }
  return { total: r.total, brokers };
}

export function seriesToJson(r: SeriesResult): JsonValue {
  return Array.from({ length: Math.max(0, r.starts.length - 1) }, (_x, i) => ({ start: iso(r.starts[i]), end: iso(r.starts[i + 1]), byKind: byKind(r.count, r.amount, i * K) }));
}

export function traceToJson(r: TraceResult, index: GraphIndex): JsonValue {
  return r.traces.map((t) => ({
    channel: t.channel, kind: SIGNAL_KINDS[t.kind], status: SIGNAL_STATUSES[t.status], occurredAt: iso(t.occurredAt),
    emitter: t.emitter >= 0 ? index.keys[t.emitter] : null,
    responses: Array.from(t.responses.responder, (a, i) => ({ responder: a >= 0 ? index.keys[a] : null, respondedAt: iso(t.responses.respondedAt[i]), channel: t.responses.channel[i] })),
    exchanges: Array.from(t.exchanges.from, (a, i) => ({
      from: index.keys[a], to: index.keys[t.exchanges.to[i]], kind: VALUE_KINDS[t.exchanges.kind[i]], amount: t.exchanges.amount[i],
      occurredAt: iso(t.exchanges.occurredAt[i]), via: VIA[t.exchanges.via[i]],
    })),
  }));
}
