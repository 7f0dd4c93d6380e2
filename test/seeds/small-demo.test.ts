/** Small demos load whole: insights only come from signals that precede them, and need enough signals. */
import { describe, expect, it } from 'vitest';
import { generateEcosystem, loadEcosystem } from '../../seeds/index.js';
import { MIN_SIGNALS_FOR_INSIGHTS } from '../../seeds/plan.js';
import { embeddedFactory } from '../support/stores.js';

describe('a demo with few signals', () => {
  it.each([1, 2, 50, MIN_SIGNALS_FOR_INSIGHTS, 500])('loads completely with %i signals', async (signals) => {
    const store = await embeddedFactory.open();
    try {
      const counts = await loadEcosystem(store, generateEcosystem({ signals, exchanges: 10 }));
      expect(counts.signals).toBe(signals);
      expect(counts.insights).toBe(signals >= MIN_SIGNALS_FOR_INSIGHTS ? 20 : 0);
      expect((await store.stats()).signals).toBe(signals);
      // Every insight was drawn after the signals it derives from (the store refuses otherwise).
      expect((await store.listInsights({ first: 100 })).items).toHaveLength(counts.insights);
    } finally {
      await store.close();
    }
  });
});
