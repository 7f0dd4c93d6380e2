/**
 * Wraps a store so that every `recordSignals` batch goes through the plugins' ingest enrichers
 * first (IncomingEnrichers); everything else passes through unchanged.
 */
import type { Store } from '../store/port.js';
import type { IncomingEnrichers } from './incoming.js';

export function enrichingStore(store: Store, enrichers: Pick<IncomingEnrichers, 'enrich' | 'size'>): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'recordSignals' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (inputs: Parameters<Store['recordSignals']>[0]) => {
        const enriched = enrichers.size ? await enrichers.enrich(inputs) : inputs;
        return (value as Store['recordSignals']).call(target, enriched);
      };
    },
  });
}
