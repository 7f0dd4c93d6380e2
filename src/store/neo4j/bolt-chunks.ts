/**
 * Large Bolt chunks for large requests.
 *
 * neo4j-driver 6 packs a request into a 1,400-byte buffer and hands each full buffer to the socket at
 * once: a 1,000-signal batch (about 200 KB of parameters) became some 150 socket writes, each a system
 * call and a TCP segment the server reads and reassembles. Measured on the ingestion benchmark: 13 ms
 * of the API process's CPU per batch in socket writes, and 25% more Neo4j CPU than with 64 KB writes.
 *
 * The driver has no setting for it, so its chunker (private, pinned version) is adjusted here: once a
 * message overflows the current buffer, the rest of that message goes into buffers of LARGE bytes (a
 * Bolt chunk holds up to 65,535); the next message starts small again, so the many small requests of
 * reads do not allocate large buffers. Every message starts in a FIRST-byte buffer rather than the
 * driver's 1,400 bytes: a read whose Cypher text passes 1,400 bytes (the tie pages' does) went out in two
 * writes, and on a VM a small socket write costs about half a millisecond of the API process's CPU.
 * When the chunker is not shaped as expected (another driver
 * version), nothing is changed and the driver keeps working as shipped;
 * test/store/neo4j-bolt-chunks.test.ts fails then, so an upgrade cannot lose this silently.
 */
import { createRequire } from 'node:module';

/** Bytes per socket write for the rest of a message that overflowed its first buffer. */
const LARGE = 64_000;
/** The buffer every message starts in: a whole read request (Cypher text and parameters) fits. */
const FIRST = 8_192;
const PATCHED = Symbol.for('osmosis.largeBoltChunks');

interface ChunkerState {
  _bufferSize: number;
  _buffer: { remaining(): number; position: number; length: number };
  _chunkOpen: boolean;
  /** The driver's own buffer size, kept while a large message is being written. */
  osmosisDefaultSize?: number;
}

interface ChunkerPrototype {
  _ensure(this: ChunkerState, size: number): void;
  messageBoundary(this: ChunkerState): void;
  [PATCHED]?: true;
}

type Alloc = (size: number) => ChunkerState['_buffer'];

function chunkerPrototype(): { proto: ChunkerPrototype; alloc: Alloc } | null {
  try {
    // Resolved from the driver's own location: the module instance the driver uses.
    const fromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
    const { Chunker } = fromDriver('neo4j-driver-bolt-connection/lib/channel/chunking.js') as { Chunker?: { prototype: ChunkerPrototype } };
    const { alloc } = fromDriver('neo4j-driver-bolt-connection/lib/channel/channel-buf.js') as { alloc?: Alloc };
    const proto = Chunker?.prototype;
    const shaped = proto && typeof proto._ensure === 'function' && typeof proto.messageBoundary === 'function' && typeof alloc === 'function';
    return shaped ? { proto, alloc } : null;
  } catch {
    return null;
  }
}

/** Applies the adjustment once per process; answers whether it is in place. */
export function useLargeBoltChunks(): boolean {
  const found = chunkerPrototype();
  if (!found) return false;
  const { proto, alloc } = found;
  if (proto[PATCHED]) return true;
  const ensure = proto._ensure;
  const boundary = proto.messageBoundary;
  proto._ensure = function (this: ChunkerState, size: number) {
    // A new chunker's first, still empty buffer is replaced by a FIRST-byte one, the size of every later one.
    if (this._bufferSize < FIRST && this.osmosisDefaultSize === undefined && this._buffer.position === 0) {
      this._bufferSize = FIRST;
      this._buffer = alloc(FIRST);
    }
    const needed = this._chunkOpen ? size : size + 2; // a new chunk starts with its 2-byte header
    if (typeof this._bufferSize === 'number' && this._buffer.remaining() < needed && this._bufferSize < LARGE) {
      this.osmosisDefaultSize = this._bufferSize;
      this._bufferSize = LARGE; // the flush `ensure` is about to do allocates the next buffer at this size
    }
    ensure.call(this, size);
  };
  proto.messageBoundary = function (this: ChunkerState) {
    if (this.osmosisDefaultSize !== undefined) {
      this._bufferSize = this.osmosisDefaultSize;
      this.osmosisDefaultSize = undefined;
    }
    boundary.call(this);
  };
  proto[PATCHED] = true;
  return true;
}
