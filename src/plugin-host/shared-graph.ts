/**
 * A projection laid out in SharedArrayBuffers, built once per graph version and spec and handed
 * to every worker without a copy: posting a typed array over shared memory shares it. Actor keys
 * travel as one UTF-8 byte array with offsets, kinds as one byte per node, so a job message is a
 * few dozen handles whatever the size of the graph, and the worker decodes keys only if the
 * analytic reads them.
 */
import type { ActorKind, Adjacency, Projection } from '../plugin-api/plugin.js';

export interface SharedGraph {
  /** Unique per projection: workers cache the decoded view under it. */
  readonly id: string;
  readonly spec: Projection['spec'];
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly outOffsets: Uint32Array;
  readonly outTargets: Uint32Array;
  readonly outWeights: Float64Array;
  readonly inOffsets: Uint32Array;
  readonly inTargets: Uint32Array;
  readonly inWeights: Float64Array;
  /** The keys, UTF-8, back to back; key i is keyBytes[keyOffsets[i] .. keyOffsets[i + 1]). */
  readonly keyBytes: Uint8Array;
  readonly keyOffsets: Uint32Array;
  /** Node i's kind is kindNames[kindCodes[i]]. */
  readonly kindCodes: Uint8Array;
  readonly kindNames: readonly ActorKind[];
}

function sharedCopy<T extends Uint32Array | Float64Array | Uint8Array>(source: T): T {
  const Ctor = source.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(source.byteLength));
  copy.set(source as never);
  return copy;
}

/**
 * The keys as UTF-8 bytes and offsets. One native encode of the keys joined by a newline (keys
 * hold no whitespace) then one scan for the separators; per-key encoding only as a fallback.
 */
function encodeKeys(keys: readonly string[]): { bytes: Uint8Array; offsets: Uint32Array } {
  const n = keys.length;
  const offsets = new Uint32Array(new SharedArrayBuffer(4 * (n + 1)));
  if (n === 0) return { bytes: new Uint8Array(new SharedArrayBuffer(0)), offsets };
  const joined = new TextEncoder().encode(keys.join('\n'));
  let separators = 0;
  for (let b = 0; b < joined.length; b++) if (joined[b] === 10) separators++;
  if (separators === n - 1) {
    const bytes = new Uint8Array(new SharedArrayBuffer(joined.length - separators));
    let key = 0;
    let w = 0;
    for (let b = 0; b < joined.length; b++) {
      const c = joined[b];
      if (c === 10) offsets[++key] = w;
      else bytes[w++] = c;
    }
    offsets[n] = w;
    return { bytes, offsets };
  }
  // A key with a newline in it: encode one by one.
  const encoder = new TextEncoder();
  const encoded = keys.map((k) => encoder.encode(k));
  let total = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = total;
    total += encoded[i].length;
  }
  offsets[n] = total;
  const bytes = new Uint8Array(new SharedArrayBuffer(total));
  for (let i = 0; i < n; i++) bytes.set(encoded[i], offsets[i]);
  return { bytes, offsets };
}

/** Copies a projection into shared memory. */
export function shareProjection(p: Projection, id: string): SharedGraph {
  const { bytes: keyBytes, offsets: keyOffsets } = encodeKeys(p.keys);

  const kindNames: ActorKind[] = [];
  const kindCodes = new Uint8Array(new SharedArrayBuffer(p.nodeCount));
  const codeOf = new Map<ActorKind, number>();
  for (let i = 0; i < p.nodeCount; i++) {
    const kind = p.kinds[i];
    let code = codeOf.get(kind);
    if (code === undefined) {
      code = kindNames.length;
      codeOf.set(kind, code);
      kindNames.push(kind);
    }
    kindCodes[i] = code;
  }

  return Object.freeze({
    id,
    spec: p.spec,
    nodeCount: p.nodeCount,
    edgeCount: p.edgeCount,
    outOffsets: sharedCopy(p.out.offsets),
    outTargets: sharedCopy(p.out.targets),
    outWeights: sharedCopy(p.out.weights),
    inOffsets: sharedCopy(p.in.offsets),
    inTargets: sharedCopy(p.in.targets),
    inWeights: sharedCopy(p.in.weights),
    keyBytes,
    keyOffsets,
    kindCodes,
    kindNames,
  });
}

/**
 * The Projection view of a shared graph. `keys` and `kinds` are decoded on first access, unless
 * given (the host keeps the store's arrays of strings and passes them).
 */
export function projectionView(g: SharedGraph, given?: { keys: readonly string[]; kinds: readonly ActorKind[] }): Projection {
  let keys = given?.keys;
  let kinds = given?.kinds;
  const out: Adjacency = Object.freeze({ offsets: g.outOffsets, targets: g.outTargets, weights: g.outWeights });
  const inn: Adjacency = Object.freeze({ offsets: g.inOffsets, targets: g.inTargets, weights: g.inWeights });
  return Object.freeze({
    spec: g.spec,
    nodeCount: g.nodeCount,
    edgeCount: g.edgeCount,
    get keys(): readonly string[] {
      if (!keys) {
        const decoder = new TextDecoder();
        const decoded = new Array<string>(g.nodeCount);
        // TextDecoder refuses views over shared memory: decode from one private copy.
        const bytes = g.keyBytes.slice();
        for (let i = 0; i < g.nodeCount; i++) decoded[i] = decoder.decode(bytes.subarray(g.keyOffsets[i], g.keyOffsets[i + 1]));
        keys = Object.freeze(decoded);
      }
      return keys;
    },
    get kinds(): readonly ActorKind[] {
      if (!kinds) {
        const decoded = new Array<ActorKind>(g.nodeCount);
        for (let i = 0; i < g.nodeCount; i++) decoded[i] = g.kindNames[g.kindCodes[i]];
        kinds = Object.freeze(decoded);
      }
      return kinds;
    },
    out,
    in: inn,
  });
}

/** Bytes of shared memory a graph holds. */
export function sharedBytes(g: SharedGraph): number {
  return [g.outOffsets, g.outTargets, g.outWeights, g.inOffsets, g.inTargets, g.inWeights, g.keyBytes, g.keyOffsets, g.kindCodes]
    .reduce((sum, a) => sum + a.byteLength, 0);
}
