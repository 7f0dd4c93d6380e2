/**
 * The embedded store's writer thread: every write runs here, on this thread's connection, so a
 * 5,000-item batch never blocks the server's event loop and the next request is parsed while this
 * one is written. WAL lets the calling thread keep reading meanwhile; a write's reply is sent after
 * its commit, so the caller reads it back. Checkpoints (SQLite's automatic ones) happen here too.
 * Writes queued behind one another are committed together (group-commit.ts).
 */
import { workerData } from 'node:worker_threads';
import { outcomeOf, serveRequestGroups, type Outcome } from '../../threads/serve-requests.js';
import { openConnection } from './connection.js';
import { commitGroup } from './group-commit.js';
import { runWrite, type WriteArgs, type WriteName } from './writes.js';

export type WriteRequest =
  | { id: number; name: WriteName; args: WriteArgs<WriteName> }
  /** Closes the connection before the thread ends (a clean close lets the last one checkpoint). */
  | { id: number; name: 'close' };

/** Queued writes committed together at most (bounds how long the first one waits for its commit). */
const MAX_GROUP = 8;

const conn = openConnection((workerData as { data: { file: string } }).data.file);

const write = (request: Exclude<WriteRequest, { name: 'close' }>): Outcome =>
  outcomeOf(() => ({ value: runWrite(conn, request.name, request.args) }));

serveRequestGroups<WriteRequest>((requests) => {
  const outcomes: Outcome[] = [];
  let group: Exclude<WriteRequest, { name: 'close' }>[] = [];
  for (const request of requests) {
    if (request.name !== 'close') {
      group.push(request);
      continue;
    }
    outcomes.push(...commitGroup(conn, group, write));
    group = [];
    outcomes.push(outcomeOf(() => {
      if (conn.db.open) conn.db.close();
      return { value: null };
    }));
  }
  outcomes.push(...commitGroup(conn, group, write));
  return outcomes;
}, MAX_GROUP);
