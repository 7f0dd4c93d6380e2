/**
 * The embedded store's snapshot reader thread: builds projections and facts on its own read-only
 * connection, so a million-edge read never blocks the server's event loop. Results go back with
 * their typed arrays transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Facts } from '../../domain/facts.js';
import type { Projection, ProjectionSpec } from '../../domain/projection.js';
import { openReadOnlyConnection } from './connection.js';
import { facts } from './facts.js';
import { projection } from './projection.js';

export type SnapshotRequest =
  | { id: number; op: 'projection'; spec: ProjectionSpec }
  | { id: number; op: 'facts' };

export type SnapshotReply =
  | { id: number; ok: true; value: Projection | Facts }
  | { id: number; ok: false; error: { name: string; message: string; code?: string; issues?: unknown } };

const port = parentPort!;
const conn = openReadOnlyConnection((workerData as { data: { file: string } }).data.file);

/** The ArrayBuffers under the typed arrays of a result, two levels deep (Projection and Facts are laid out so). */
function buffers(value: object, found = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
  for (const v of Object.values(value)) {
    if (ArrayBuffer.isView(v)) found.add(v.buffer as ArrayBuffer);
    else if (depth < 2 && v !== null && typeof v === 'object' && !Array.isArray(v)) buffers(v, found, depth + 1);
  }
  return [...found];
}

port.on('message', (request: SnapshotRequest) => {
  try {
    const value = request.op === 'projection' ? projection(conn, request.spec) : facts(conn);
    port.postMessage({ id: request.id, ok: true, value } satisfies SnapshotReply, buffers(value));
  } catch (e) {
    const error = e as Error & { code?: string; issues?: unknown };
    port.postMessage({ id: request.id, ok: false, error: { name: error.name, message: error.message, code: error.code, issues: error.issues } } satisfies SnapshotReply);
  }
});
