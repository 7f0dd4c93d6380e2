/** Wraps a store and counts calls per port method: each call is one database round trip. */
import type { Store } from '../../src/store/port.js';

export interface CountingStore {
  store: Store;
  calls: Map<string, number>;
  total(): number;
  reset(): void;
}

export function countingStore(inner: Store): CountingStore {
  const calls = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    calls,
    total: () => [...calls.values()].reduce((a, b) => a + b, 0),
    reset: () => calls.clear(),
  };
}
