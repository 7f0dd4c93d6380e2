/**
 * A request reaches Neo4j in one socket write up to 8 KB and in a few large ones beyond, not in
 * 1,400-byte pieces (src/store/neo4j/bolt-chunks.ts), and arrives whole.
 */
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLargeBoltChunks } from '../../src/store/neo4j/bolt-chunks.js';
import { createDriver } from '../../src/store/neo4j/connect.js';
import { neo4jServer, neo4jSkipReason } from '../support/neo4j.js';

const skipped = neo4jSkipReason();

/** Runs `work`, counting the socket writes made meanwhile and the bytes they carried. */
async function countingWrites<T>(work: () => Promise<T>): Promise<{ result: T; writes: number; bytes: number }> {
  const write = Socket.prototype.write;
  let writes = 0;
  let bytes = 0;
  Socket.prototype.write = function (this: Socket, chunk: unknown, ...rest: unknown[]) {
    writes++;
    bytes += (chunk as Buffer).length ?? 0;
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof write;
  try {
    return { result: await work(), writes, bytes };
  } finally {
    Socket.prototype.write = write;
  }
}

describe.skipIf(skipped)('Bolt requests in large chunks (real Neo4j)', () => {
  let driver: ReturnType<typeof createDriver>;
  const echo = (params: object) => driver.executeQuery('RETURN $items AS items, $text AS text', params, { database: 'neo4j' });

  beforeAll(async () => {
    driver = createDriver(await neo4jServer());
    await echo({ items: [], text: '' }); // connected: later writes are the queries' own
  });
  afterAll(async () => { await driver?.close(); });

  it('is in place for the driver version the project pins', () => {
    expect(useLargeBoltChunks()).toBe(true);
  });

  it('sends a request of a few kilobytes (a long Cypher text) in as many writes as a tiny one', async () => {
    // executeQuery is a transaction: its messages take a few writes whatever their size.
    const tiny = await countingWrites(() => echo({ items: [], text: '' }));
    const text = 'x'.repeat(5_000); // in the driver's own 1,400-byte buffers: 3 more writes
    for (let i = 0; i < 3; i++) {
      const { result, writes } = await countingWrites(() => echo({ items: [i], text }));
      expect(writes).toBe(tiny.writes);
      expect(result.records[0].get('text')).toBe(text);
    }
  });

  it('sends a 300 KB request in a handful of writes and gets every byte back', async () => {
    const items = Array.from({ length: 2_000 }, (_, i) => `item ${i} `.padEnd(100, String.fromCharCode(97 + (i % 26))));
    const text = 'é'.repeat(70_000); // one string longer than a Bolt chunk (65,535 bytes), multi-byte
    const { result, writes, bytes } = await countingWrites(() => echo({ items, text }));
    expect(bytes).toBeGreaterThan(300_000);
    expect(writes).toBeLessThan(15); // 1,400-byte pieces: more than 200
    expect(result.records[0].get('items')).toEqual(items);
    expect(result.records[0].get('text')).toBe(text);
  });
});
