/**
 * Record → entity mapping. Each entity has one Cypher map projection (a constant fragment naming the
 * variable it projects) and one mapper that copies the fields explicitly.
 */
import type {
  Actor, Change, Insight, Json, Process, Response, Signal, Tie, Topic, ValueExchange,
} from '../../domain/entities.js';
import type { Row } from './connection.js';

type Map = Record<string, unknown>;

export const actorMap = (v: string): string =>
  `${v} {.id, .key, .kind, .name, .attributes, .createdAt, .updatedAt}`;
export const toActor = (m: Map): Actor => ({
  id: m.id as string, key: m.key as string, kind: m.kind as Actor['kind'], name: m.name as string,
  attributes: JSON.parse((m.attributes as string | null) ?? '{}') as Record<string, Json>,
  createdAt: m.createdAt as string, updatedAt: m.updatedAt as string,
});

export const tieMap = (v: string): string =>
  `${v} {.id, .type, .weight, .since, fromId: startNode(${v}).id, toId: endNode(${v}).id}`;
export const toTie = (m: Map): Tie => ({
  id: m.id as string, fromId: m.fromId as string, toId: m.toId as string, type: m.type as Tie['type'],
  weight: m.weight as number, since: (m.since as string | null) ?? null,
});

export const signalMap = (v: string): string =>
  `${v} {.id, .channel, .externalId, .kind, .text, .sentiment, .occurredAt, .status, ` +
  `emitterId: head([(e:Actor)-[:EMITTED]->(${v}) | e.id]), assigneeId: head([(${v})-[:ASSIGNED_TO]->(g:Actor) | g.id])}`;
export const toSignal = (m: Map): Signal => ({
  id: m.id as string, channel: m.channel as string, externalId: m.externalId as string, kind: m.kind as Signal['kind'],
  text: (m.text as string | null) ?? null, sentiment: (m.sentiment as number | null) ?? null,
  occurredAt: m.occurredAt as string, status: m.status as Signal['status'],
  emitterId: (m.emitterId as string | null) ?? null, assigneeId: (m.assigneeId as string | null) ?? null,
});

export const responseMap = (v: string): string =>
  `${v} {.id, .text, .channel, .respondedAt, signalId: head([(${v})-[:ANSWERS]->(x:Signal) | x.id]), ` +
  `responderId: head([(p:Actor)-[:GAVE]->(${v}) | p.id])}`;
export const toResponse = (m: Map): Response => ({
  id: m.id as string, signalId: m.signalId as string, responderId: (m.responderId as string | null) ?? null,
  text: (m.text as string | null) ?? null, channel: m.channel as string, respondedAt: m.respondedAt as string,
});

export const exchangeMap = (v: string): string =>
  `${v} {.id, .externalId, .kind, .tangible, .amount, .unit, .occurredAt, fromId: startNode(${v}).id, toId: endNode(${v}).id}`;
export const toExchange = (m: Map): ValueExchange => ({
  id: m.id as string, externalId: (m.externalId as string | null) ?? null, fromId: m.fromId as string,
  toId: m.toId as string, kind: m.kind as ValueExchange['kind'], tangible: m.tangible as boolean,
  amount: m.amount as number, unit: m.unit as string, occurredAt: m.occurredAt as string,
});

export const insightMap = (v: string): string => `${v} {.id, .title, .summary, .createdAt}`;
export const toInsight = (m: Map): Insight => ({
  id: m.id as string, title: m.title as string, summary: m.summary as string, createdAt: m.createdAt as string,
});

export const changeMap = (v: string): string =>
  `${v} {.id, .description, .appliedAt, insightId: head([(${v})-[:IMPLEMENTS]->(i:Insight) | i.id]), ` +
  `processId: head([(${v})-[:MODIFIES]->(p:Process) | p.id])}`;
export const toChange = (m: Map): Change => ({
  id: m.id as string, description: m.description as string, appliedAt: m.appliedAt as string,
  insightId: m.insightId as string, processId: m.processId as string,
});

export const namedMap = (v: string): string => `${v} {.id, .name}`;
export const toTopic = (m: Map): Topic => ({ id: m.id as string, name: m.name as string });
export const toProcess = (m: Map): Process => ({ id: m.id as string, name: m.name as string });

/** The map in column `column` of each row, converted. */
export const column = <T>(rows: Row[], name: string, map: (m: Map) => T): T[] => rows.map((r) => map(r.get(name) as Map));

/** One entry per requested key, in order, null where missing. */
export function byKey<T>(keys: readonly string[], items: T[], keyOf: (t: T) => string): (T | null)[] {
  const found = new globalThis.Map(items.map((t) => [keyOf(t), t]));
  return keys.map((k) => found.get(k) ?? null);
}

/** Groups `[parentId, item]` pairs into one list per requested parent, in request order. */
export function groupByParent<T>(parentIds: readonly string[], pairs: [string, T][]): T[][] {
  const groups = new globalThis.Map<string, T[]>();
  for (const [parent, item] of pairs) {
    let g = groups.get(parent);
    if (!g) groups.set(parent, (g = []));
    g.push(item);
  }
  return parentIds.map((id) => groups.get(id) ?? []);
}

/** Conditions joined for a WHERE clause; empty when there are none. */
export const where = (conditions: string[]): string => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
