/**
 * The embedded store's writer thread: every write runs here, on this thread's connection, so a
 * 5,000-item batch never blocks the server's event loop and the next request is parsed while this
 * one is written. WAL lets the calling thread keep reading meanwhile; a write's reply is sent after
 * its commit, so the caller reads it back. Checkpoints (SQLite's automatic ones) happen here too.
 */
import { workerData } from 'node:worker_threads';
import { serveRequests } from '../../threads/serve-requests.js';
import { openConnection } from './connection.js';
import { runWrite, type WriteArgs, type WriteName } from './writes.js';

export type WriteRequest =
  | { id: number; name: WriteName; args: WriteArgs<WriteName> }
  /** Closes the connection before the thread ends (a clean close lets the last one checkpoint). */
  | { id: number; name: 'close' };

const conn = openConnection((workerData as { data: { file: string } }).data.file);

serveRequests<WriteRequest>((request) => {
  if (request.name === 'close') {
    if (conn.db.open) conn.db.close();
    return { value: null };
  }
  return { value: runWrite(conn, request.name, request.args) };
});
