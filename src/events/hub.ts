/**
 * The event hub of one API instance: it follows the committed domain events (from the store's
 * outbox, or from Redis when several instances run) and hands each batch, in seq order, to its
 * listeners — subscriptions, plugin event hooks. Listeners must not block: heavy work goes elsewhere.
 */
import type { OutboxEvent } from '../domain/events.js';

export type EventListener = (events: readonly OutboxEvent[]) => void;

export interface EventHub {
  /** Called with every batch of events committed from now on; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Events after `seq`, oldest first, at most `limit` (replay for reconnecting subscribers). */
  replay(afterSeq: number, limit: number): Promise<OutboxEvent[]>;
  /** Seq of the newest event this hub has delivered. */
  head(): number;
  /** Ask the hub to look for new events now (after a local write) instead of at its next poll. */
  poke(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}
