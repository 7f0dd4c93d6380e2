/**
 * Time-ordered UUIDs (version 7, RFC 9562 §5.7) for rows written in bulk. A random (v4) id lands
 * anywhere in the `id` index, so a batch of a thousand dirties hundreds of index pages; ids that
 * grow with time are appended to its right edge instead. Within one process they are strictly
 * increasing: a 12-bit counter (`rand_a`, RFC 9562 §6.2 method 1) orders ids of the same
 * millisecond, and the clock is never read backwards. They are still valid UUIDs, so readers that
 * check the format need not know; the price is that an id reveals when its row was created.
 */
import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const POOL_IDS = 512;
const pool = Buffer.alloc(8 * POOL_IDS);
let pooled = POOL_IDS;
let lastMs = 0;
let counter = 0;

export function timeOrderedId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++; // more than 4,096 ids in one millisecond: borrow the next one
    counter = 0;
  }
  if (pooled === POOL_IDS) {
    randomFillSync(pool);
    pooled = 0;
  }
  const r = 8 * pooled++;
  const high = Math.floor(lastMs / 0x10000); // 32 bits
  const low = lastMs % 0x10000; // 16 bits
  return `${HEX[high >>> 24]}${HEX[(high >>> 16) & 0xff]}${HEX[(high >>> 8) & 0xff]}${HEX[high & 0xff]}-` +
    `${HEX[low >>> 8]}${HEX[low & 0xff]}-` +
    `${HEX[0x70 | (counter >>> 8)]}${HEX[counter & 0xff]}-` +
    `${HEX[0x80 | (pool[r] & 0x3f)]}${HEX[pool[r + 1]]}-` +
    `${HEX[pool[r + 2]]}${HEX[pool[r + 3]]}${HEX[pool[r + 4]]}${HEX[pool[r + 5]]}${HEX[pool[r + 6]]}${HEX[pool[r + 7]]}`;
}
