/**
 * Row → entity mapping (explicit field by field, so helper columns such as `parentId` never leak). Each entity has one SELECT list (aliased to the entity's field names) and
 * the FROM clause that resolves internal rowids to public ids.
 */
import type {
  Actor, Change, Insight, Json, Process, Response, Signal, Tie, Topic, ValueExchange,
} from '../../domain/entities.js';

export const ACTOR_COLUMNS =
  'a.id, a.key, a.kind, a.name, a.attributes, a.created_at AS createdAt, a.updated_at AS updatedAt';
export const ACTOR_FROM = 'actors a';
export type ActorRow = Omit<Actor, 'attributes'> & { attributes: string };
export const toActor = (r: ActorRow): Actor => ({
  id: r.id, key: r.key, kind: r.kind, name: r.name,
  attributes: JSON.parse(r.attributes) as Record<string, Json>, createdAt: r.createdAt, updatedAt: r.updatedAt,
});

/**
 * An actor row read as an array (`Statement#raw`), in ACTOR_COLUMNS order. The hot lookups read
 * arrays: better-sqlite3 builds an object per row with every column name as a property, which costs
 * more than the values for rows this narrow.
 */
export type ActorRaw = [id: string, key: string, kind: Actor['kind'], name: string, attributes: string, createdAt: string, updatedAt: string];
export const actorFromRaw = (r: ActorRaw): Actor => ({
  id: r[0], key: r[1], kind: r[2], name: r[3], attributes: JSON.parse(r[4]) as Record<string, Json>, createdAt: r[5], updatedAt: r[6],
});

export const TIE_COLUMNS = 't.id, fa.id AS fromId, ta.id AS toId, t.type, t.weight, t.since';
export const TIE_JOINS = 'JOIN actors fa ON fa.rid = t.from_rid JOIN actors ta ON ta.rid = t.to_rid';
export const TIE_FROM = `ties t ${TIE_JOINS}`;
export const toTie = (r: Tie): Tie => ({ id: r.id, fromId: r.fromId, toId: r.toId, type: r.type, weight: r.weight, since: r.since });

export const SIGNAL_COLUMNS =
  's.id, s.channel, s.external_id AS externalId, s.kind, s.text, s.sentiment, s.occurred_at AS occurredAt, ' +
  's.status, e.id AS emitterId, g.id AS assigneeId';
export const SIGNAL_JOINS = 'LEFT JOIN actors e ON e.rid = s.emitter_rid LEFT JOIN actors g ON g.rid = s.assignee_rid';
export const SIGNAL_FROM = `signals s ${SIGNAL_JOINS}`;
export const toSignal = (r: Signal): Signal => ({
  id: r.id, channel: r.channel, externalId: r.externalId, kind: r.kind, text: r.text, sentiment: r.sentiment,
  occurredAt: r.occurredAt, status: r.status, emitterId: r.emitterId, assigneeId: r.assigneeId,
});

export const RESPONSE_COLUMNS =
  'r.id, rs.id AS signalId, ra.id AS responderId, r.text, r.channel, r.responded_at AS respondedAt';
export const RESPONSE_FROM =
  'responses r JOIN signals rs ON rs.rid = r.signal_rid LEFT JOIN actors ra ON ra.rid = r.responder_rid';
export const toResponse = (r: Response): Response => ({
  id: r.id, signalId: r.signalId, responderId: r.responderId, text: r.text, channel: r.channel, respondedAt: r.respondedAt,
});

export const EXCHANGE_COLUMNS =
  'x.id, x.external_id AS externalId, xf.id AS fromId, xt.id AS toId, x.kind, x.tangible, x.amount, x.unit, ' +
  'x.occurred_at AS occurredAt';
export const EXCHANGE_JOINS = 'JOIN actors xf ON xf.rid = x.from_rid JOIN actors xt ON xt.rid = x.to_rid';
export const EXCHANGE_FROM = `exchanges x ${EXCHANGE_JOINS}`;
export type ExchangeRow = Omit<ValueExchange, 'tangible'> & { tangible: number };
export const toExchange = (r: ExchangeRow): ValueExchange => ({
  id: r.id, externalId: r.externalId, fromId: r.fromId, toId: r.toId, kind: r.kind, tangible: r.tangible === 1,
  amount: r.amount, unit: r.unit, occurredAt: r.occurredAt,
});

export const INSIGHT_COLUMNS = 'i.id, i.title, i.summary, i.created_at AS createdAt';
export const toInsight = (r: Insight): Insight => ({ id: r.id, title: r.title, summary: r.summary, createdAt: r.createdAt });

export const CHANGE_COLUMNS =
  'c.id, c.description, c.applied_at AS appliedAt, ci.id AS insightId, cp.id AS processId';
export const CHANGE_FROM =
  'changes c JOIN insights ci ON ci.rid = c.insight_rid JOIN processes cp ON cp.rid = c.process_rid';
export const toChange = (r: Change): Change => ({
  id: r.id, description: r.description, appliedAt: r.appliedAt, insightId: r.insightId, processId: r.processId,
});

export const toTopic = (r: Topic): Topic => ({ id: r.id, name: r.name });
export const toProcess = (r: Process): Process => ({ id: r.id, name: r.name });

/** SQL fragment: the rows of a JSON array parameter, e.g. `x.kind IN ${inJson('kinds')}`. */
export const inJson = (param: string): string => `(SELECT value FROM json_each(@${param}))`;

export const json = (values: readonly unknown[]): string => JSON.stringify(values);

/** `WHERE a AND b …`, or nothing without conditions. */
export const where = (conditions: readonly string[]): string => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

/** Orders `rows` by the position of their `id` in `ids`, null where missing. */
export function byIds<R extends { id: string }, T>(ids: readonly string[], rows: R[], map: (r: R) => T): (T | null)[] {
  const found = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = found.get(id);
    return r ? map(r) : null;
  });
}

/** Groups rows carrying the parent's id in `parentId` into one list per requested parent id. */
export function groupByParent<R extends { parentId: string }, T>(
  parentIds: readonly string[], rows: R[], map: (r: R) => T,
): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    let g = groups.get(r.parentId);
    if (!g) groups.set(r.parentId, (g = []));
    g.push(map(r));
  }
  return parentIds.map((id) => groups.get(id) ?? []);
}
