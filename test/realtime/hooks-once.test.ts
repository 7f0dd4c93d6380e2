/**
 * Plugin event hooks with several instances on one database: every instance receives every event
 * through Redis, yet a signal's `onSignalsRecorded` hooks run once, on the instance that recorded it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../../src/plugin-api/index.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import type { Store } from '../../src/store/port.js';
import { eventually, post, startInstance, type Instance } from '../support/realtime.js';

const REDIS_URL = process.env.OSMOSIS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `osmosis-test-${randomUUID()}`;

/** A plugin that notes, per instance, the external ids its hook saw. */
function recorder(seen: string[]) {
  return definePlugin({
    name: 'recorder', version: '1.0.0', apiVersion: '^1.1.0',
    setup: (context) => context.events.onSignalsRecorded((signals) => { for (const s of signals) seen.push(s.externalId); }),
  });
}

describe('event hooks across instances', () => {
  const instances: Instance[] = [];
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await Promise.all(stores.map((s) => s.close()));
    const redis = new Redis(REDIS_URL);
    await redis.del(`${prefix}:events`);
    redis.disconnect();
  });

  it('run once per signal, on the instance that recorded it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'osm-hooks-')), 'shared.db');
    stores.push(await openEmbeddedStore({ file }), await openEmbeddedStore({ file }));
    const seen: string[][] = [[], []];
    for (const k of [0, 1]) {
      instances.push(await startInstance(stores[k], { REDIS_URL, OSMOSIS_REDIS_PREFIX: prefix }, {
        plugins: [{ source: './recorder', builtin: false, exported: recorder(seen[k]) }],
      }));
    }
    const [a, b] = instances;
    const record = async (url: string, ids: string[]) => {
      const r = await post(url, 'mutation($input: [SignalInput!]!) { recordSignals(input: $input) { created } }', {
        input: ids.map((externalId) => ({ channel: 'web', externalId, kind: 'IDEA', text: 'an idea', occurredAt: '2026-11-02T09:00:00Z' })),
      });
      expect(r.errors).toBeUndefined();
    };
    await record(a.url, ['a1', 'a2', 'a3']);
    await record(b.url, ['b1', 'b2']);
    await record(a.url, ['a1', 'a4']); // a1 re-sent: no event, no hook
    // Both instances deliver all six events to their subscribers…
    await eventually(() => a.osmosis.events.hub.head() === b.osmosis.events.hub.head() && seen[0].length + seen[1].length >= 6);
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything late would show now
    // …but each hook ran only for its own instance's signals, each once.
    expect(seen[0].sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(seen[1].sort()).toEqual(['b1', 'b2']);
    expect(a.osmosis.events.localSignals.size + b.osmosis.events.localSignals.size).toBe(1); // the re-sent a1's id waits, bounded
  });
});
