/**
 * The ids of signals this instance recorded, until the event hub delivers their events. With
 * several instances on one database every instance receives every event; a plugin's
 * `onSignalsRecorded` hook must still run once per signal, so each instance runs the hooks only for
 * the signals it recorded itself. Bounded: a ring of the last `capacity` ids (a re-sent signal
 * records no event, so its id is never taken); the oldest is forgotten in O(1).
 */
export class LocalSignals {
  private readonly ids = new Set<string>();
  private readonly ring: (string | undefined)[];
  private next = 0;

  constructor(private readonly capacity = 100_000) {
    this.ring = new Array<string | undefined>(capacity);
  }

  /** Notes the ids of a batch this instance just wrote (before the hub is poked). */
  add(ids: Iterable<string>): void {
    for (const id of ids) {
      const oldest = this.ring[this.next];
      if (oldest !== undefined) this.ids.delete(oldest);
      this.ring[this.next] = id;
      this.next = (this.next + 1) % this.capacity;
      this.ids.add(id);
    }
  }

  /** True (once) when this instance recorded the signal. */
  take(id: string): boolean {
    return this.ids.delete(id);
  }

  get size(): number {
    return this.ids.size;
  }
}
