/**
 * Domain events. A store appends them to its outbox in the same transaction as the change, so an
 * event exists exactly when its write committed; `seq` orders them and is the subscription cursor.
 */
export const EVENT_TYPES = ['SIGNAL_RECORDED', 'SIGNAL_RESPONDED', 'EXCHANGE_RECORDED', 'ACTOR_CHANGED'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface OutboxEvent {
  /** Strictly increasing, gap-free per store. */
  seq: number;
  type: EventType;
  /**
   * SIGNAL_RECORDED: the new signal's id (never for re-sent ones); SIGNAL_RESPONDED: the signal's
   * id; EXCHANGE_RECORDED: the new exchange's id; ACTOR_CHANGED: the actor's id (created, updated, erased).
   */
  entityId: string;
  /** SIGNAL_RESPONDED: the response id; otherwise null. */
  detail: string | null;
  at: string;
}
