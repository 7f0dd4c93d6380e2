/**
 * The signals this instance recorded, until the event hub delivers their events. With several
 * instances on one database every instance receives every event; a plugin's `onSignalsRecorded`
 * hook must still run once per signal, so each instance runs the hooks only for the signals it
 * recorded itself — and hands them over as recorded, without reading them back. Bounded: a ring of
 * the last `capacity` signals (a re-sent signal records no event, so it is never taken); the
 * oldest is forgotten in O(1). It keeps nothing until `track()` (an instance without hooks never
 * takes them).
 */
import type { Signal } from '../domain/entities.js';

export class LocalSignals {
  private readonly signals = new Map<string, Signal>();
  private readonly ring: (string | undefined)[];
  private next = 0;
  private tracking = false;

  constructor(private readonly capacity = 50_000) {
    this.ring = new Array<string | undefined>(capacity);
  }

  /** From now on, keep what `add` is given. */
  track(): void {
    this.tracking = true;
  }

  /** Notes the signals of a batch this instance just wrote (before the hub is poked). */
  add(signals: Iterable<Signal>): void {
    if (!this.tracking) return;
    for (const signal of signals) {
      const oldest = this.ring[this.next];
      if (oldest !== undefined) this.signals.delete(oldest);
      this.ring[this.next] = signal.id;
      this.next = (this.next + 1) % this.capacity;
      this.signals.set(signal.id, signal);
    }
  }

  /** The signal as recorded (once) when this instance recorded it; else undefined. */
  take(id: string): Signal | undefined {
    const signal = this.signals.get(id);
    if (signal) this.signals.delete(id);
    return signal;
  }

  get size(): number {
    return this.signals.size;
  }
}
