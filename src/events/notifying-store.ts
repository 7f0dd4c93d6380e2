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
  // Each method is wrapped once, not on every access: the API reads the store several times per request.
  const wrapped = new Map<string | symbol, { of: unknown; fn: unknown }>();
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const known = wrapped.get(prop);
      if (known && known.of === value) return known.fn;
      const fn = !WRITES.has(prop as keyof Store) ? value.bind(target) : async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (prop === 'recordSignals') local?.add((result as RecordResult<Signal>).items);
        onWrite();
        return result;
      };
      wrapped.set(prop, { of: value, fn });
      return fn;
    },
  });
}
