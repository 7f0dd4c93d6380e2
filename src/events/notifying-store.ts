/** Wraps a store so that every completed write calls `onWrite` (the hub's poke): live events without waiting for a poll. */
import type { Store } from '../store/port.js';

const WRITES: ReadonlySet<keyof Store> = new Set<keyof Store>([
  'upsertActors', 'eraseActor', 'upsertTies', 'removeTie', 'recordSignals', 'assignSignal', 'respond',
  'recordExchanges', 'createInsight', 'applyChange',
]);

export function notifyingStore(store: Store, onWrite: () => void): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (!WRITES.has(prop as keyof Store)) return value.bind(target);
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        onWrite();
        return result;
      };
    },
  });
}
