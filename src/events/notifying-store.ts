/**
 * Wraps a store so that every completed write calls `onWrite` (the hub's poke): live events without
 * waiting for a poll. The ids of recorded signals go to `local` first (see local-signals.ts).
 */
import type { Signal } from '../domain/entities.js';
import type { RecordResult, Store } from '../store/port.js';
import type { LocalSignals } from './local-signals.js';

const WRITES: ReadonlySet<keyof Store> = new Set<keyof Store>([
  'upsertActors', 'eraseActor', 'upsertTies', 'removeTie', 'recordSignals', 'assignSignal', 'enrichSignals', 'respond',
  'recordExchanges', 'createInsight', 'applyChange',
]);

export function notifyingStore(store: Store, onWrite: () => void, local?: LocalSignals): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (!WRITES.has(prop as keyof Store)) return value.bind(target);
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (prop === 'recordSignals') local?.add((result as RecordResult<Signal>).items);
        onWrite();
        return result;
      };
    },
  });
}
