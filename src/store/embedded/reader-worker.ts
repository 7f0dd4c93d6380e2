/**
 * The embedded store's read thread: the API's reads (loaders, lists, traversals) run here on a
 * read-only connection, so their SQL does not hold the server's event loop, which meanwhile parses,
 * executes and answers other requests. Each read starts after the calls before it returned, so it
 * sees every write already acknowledged (WAL: a new read transaction sees the last commit).
 */
import { workerData } from 'node:worker_threads';
import { serveRequests } from '../../threads/serve-requests.js';
import { openReadOnlyConnection } from './connection.js';
import { runRead, type ReadArgs, type ReadName } from './reads.js';

export type ReadRequest = { id: number; name: ReadName; args: ReadArgs<ReadName> };

const conn = openReadOnlyConnection((workerData as { data: { file: string } }).data.file);

serveRequests<ReadRequest>((request) => ({ value: runRead(conn, request.name, request.args) }));
