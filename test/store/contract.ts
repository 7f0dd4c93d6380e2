/**
 * The Store contract: one behaviour for every adapter. `open` must return a store connected to a
 * database it may wipe; each test starts from an empty store (reset() when the adapter has one,
 * so a shared server-backed database is wiped between tests) and closes it afterwards.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/store/port.js';
import { actorsContract } from './contract/actors.js';
import { batchesContract } from './contract/batches.js';
import { cursorsContract } from './contract/cursors.js';
import { enrichmentContract } from './contract/enrichment.js';
import { erasureContract } from './contract/erasure.js';
import { exchangesContract } from './contract/exchanges.js';
import { factsContract } from './contract/facts.js';
import { learningContract } from './contract/learning.js';
import { outboxContract } from './contract/outbox.js';
import { projectionContract } from './contract/projection.js';
import { signalsContract } from './contract/signals.js';
import { tiesContract } from './contract/ties.js';
import { transferContract } from './contract/transfer.js';
import { traversalContract } from './contract/traversal.js';

export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let current: Store | null = null;
    const store = (): Store => {
      if (!current) throw new Error('no store open');
      return current;
    };

    beforeEach(async () => {
      current = await open();
      await current.migrate();
      if (current.reset) await current.reset();
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });

    actorsContract(store);
    erasureContract(store);
    tiesContract(store);
    signalsContract(store);
    enrichmentContract(store);
    exchangesContract(store);
    learningContract(store);
    outboxContract(store);
    traversalContract(store);
    transferContract(store);
    projectionContract(store);
    factsContract(store);
    batchesContract(store);
    cursorsContract(store);
  });
}
