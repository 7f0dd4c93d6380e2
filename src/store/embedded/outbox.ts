/** The outbox: domain events appended inside the transaction of the write that caused them. */
import { badInput } from '../../domain/errors.js';
import type { EventType, OutboxEvent } from '../../domain/events.js';
import type { Conn } from './connection.js';

/** An event before it has a seq. */
export interface EventDraft {
  type: EventType;
  entityId: string;
  detail?: string | null;
}

const APPEND = 'INSERT INTO outbox (type, entity_id, detail, at) VALUES (?, ?, ?, ?)';

/** Appends the events; call inside `conn.write` so they commit (or roll back) with the change. */
export function appendEvents(conn: Conn, events: readonly EventDraft[]): void {
  if (events.length === 0) return;
  const at = new Date().toISOString();
  const append = conn.stmt(APPEND);
  for (const e of events) append.run(e.type, e.entityId, e.detail ?? null, at);
}

export function readOutbox(conn: Conn, afterSeq: number, limit: number): OutboxEvent[] {
  if (!Number.isInteger(afterSeq) || afterSeq < 0) throw badInput([{ path: ['afterSeq'], message: 'must be a non-negative integer' }]);
  if (!Number.isInteger(limit) || limit < 0) throw badInput([{ path: ['limit'], message: 'must be a non-negative integer' }]);
  return conn.stmt(`SELECT seq, type, entity_id AS entityId, detail, at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?`)
    .all(afterSeq, limit) as OutboxEvent[];
}

export function outboxHead(conn: Conn): number {
  return (conn.stmt('SELECT coalesce(max(seq), 0) AS seq FROM outbox').get() as { seq: number }).seq;
}
