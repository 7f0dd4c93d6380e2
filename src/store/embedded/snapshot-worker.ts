/**
 * The embedded store's snapshot reader thread: builds projections and facts on its own read-only
 * connection. Results go back with their typed arrays transferred, not copied.
 */
import { workerData } from 'node:worker_threads';
import type { ProjectionSpec } from '../../domain/projection.js';
import { serveRequests } from '../../threads/serve-requests.js';
import { openReadOnlyConnection } from './connection.js';
import { facts } from './facts.js';
import { projection } from './projection.js';

export type SnapshotRequest =
  | { id: number; op: 'projection'; spec: ProjectionSpec }
  | { id: number; op: 'facts' };

const conn = openReadOnlyConnection((workerData as { data: { file: string } }).data.file);

/** The ArrayBuffers under the typed arrays of a result, two levels deep (Projection and Facts are laid out so). */
function buffers(value: object, found = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
  for (const v of Object.values(value)) {
    if (ArrayBuffer.isView(v)) found.add(v.buffer as ArrayBuffer);
    else if (depth < 2 && v !== null && typeof v === 'object' && !Array.isArray(v)) buffers(v, found, depth + 1);
  }
  return [...found];
}

serveRequests<SnapshotRequest>((request) => {
  const value = request.op === 'projection' ? projection(conn, request.spec) : facts(conn);
  return { value, transfer: buffers(value) };
});
