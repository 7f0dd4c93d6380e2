/**
 * The ids of signals this instance recorded, until the event hub delivers their events. With
 * several instances on one database every instance receives every event; a plugin's
 * `onSignalsRecorded` hook must still run once per signal, so each instance runs the hooks only for
 * the signals it recorded itself. Bounded: ids whose event never comes (a re-sent signal records no
 * event) are dropped oldest first.
 */
export class LocalSignals {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 100_000) {}

  /** Notes the ids of a batch this instance just wrote (before the hub is poked). */
  add(ids: Iterable<string>): void {
    for (const id of ids) {
      this.ids.add(id);
      if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
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
