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

const HEAD = 'SELECT coalesce(max(last_seq), 0) AS seq FROM outbox_batches';
const APPEND = 'INSERT INTO outbox_batches (last_seq, first_seq, at, events) VALUES (?, ?, ?, ?)';

/**
 * Appends the events of one write as one row, seqs following the last one (gap-free: writes are
 * serialised); call inside `conn.write` so they commit (or roll back) with the change.
 */
export function appendEvents(conn: Conn, events: readonly EventDraft[]): void {
  if (events.length === 0) return;
  const head = outboxHead(conn);
  const rows = JSON.stringify(events.map((e) => [e.type, e.entityId, e.detail ?? null]));
  conn.stmt(APPEND).run(head + events.length, head + 1, new Date().toISOString(), rows);
}

type StoredEvent = [type: OutboxEvent['type'], entityId: string, detail: string | null];

/** The events after `afterSeq`, oldest first, at most `limit` (each row holds one write's events). */
export function readOutbox(conn: Conn, afterSeq: number, limit: number): OutboxEvent[] {
  if (!Number.isInteger(afterSeq) || afterSeq < 0) throw badInput([{ path: ['afterSeq'], message: 'must be a non-negative integer' }]);
  if (!Number.isInteger(limit) || limit < 0) throw badInput([{ path: ['limit'], message: 'must be a non-negative integer' }]);
  const batches = conn.stmt('SELECT first_seq AS first, at, events FROM outbox_batches WHERE last_seq > ? ORDER BY last_seq LIMIT ?')
    .all(afterSeq, limit) as { first: number; at: string; events: string }[];
  const out: OutboxEvent[] = [];
  for (const b of batches) {
    const events = JSON.parse(b.events) as StoredEvent[];
    for (let k = Math.max(0, afterSeq + 1 - b.first); k < events.length && out.length < limit; k++) {
      const [type, entityId, detail] = events[k];
      out.push({ seq: b.first + k, type, entityId, detail, at: b.at });
    }
  }
  return out;
}

export function outboxHead(conn: Conn): number {
  return (conn.stmt(HEAD).get() as { seq: number }).seq;
}
