/**
 * Wraps a store so that every `recordSignals` batch goes through the plugins' ingest enrichers
 * first (IncomingEnrichers); everything else passes through unchanged.
 */
import type { Store } from '../store/port.js';
import type { IncomingEnrichers } from './incoming.js';

export function enrichingStore(store: Store, enrichers: Pick<IncomingEnrichers, 'enrich' | 'size'>): Store {
  // Each method is wrapped once, not on every access: the API reads the store several times per request.
  const wrapped = new Map<string | symbol, { of: unknown; fn: unknown }>();
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const known = wrapped.get(prop);
      if (known && known.of === value) return known.fn;
      const fn = prop !== 'recordSignals' ? value.bind(target) : async (inputs: Parameters<Store['recordSignals']>[0]) => {
        const enriched = enrichers.size ? await enrichers.enrich(inputs) : inputs;
        return (value as Store['recordSignals']).call(target, enriched);
      };
      wrapped.set(prop, { of: value, fn });
      return fn;
    },
  });
}
