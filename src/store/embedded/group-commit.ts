/**
 * Group commit: writes that queued up while the writer was busy are committed together, in one
 * transaction, each in its own savepoint — a write that fails rolls back alone and answers its
 * error; the others commit. One commit writes each page the group touched once: a batch of signals
 * touches one emitter-index page per emitter, so four queued batches cost about one batch's WAL
 * writes instead of four.
 */
import type { Outcome } from '../../threads/serve-requests.js';
import type { Conn } from './connection.js';

/**
 * Runs `run` for each request inside one transaction and answers one outcome per request, in order.
 * `run` must not throw (it answers errors as outcomes) and must do its writes in `conn.write`, which
 * becomes a savepoint here. When the commit fails, or SQLite rolls the whole transaction back (disk
 * full, I/O error), nothing of the group is stored and every request answers that error.
 */
export function commitGroup<R>(conn: Conn, requests: readonly R[], run: (request: R) => Outcome): Outcome[] {
  if (requests.length <= 1) return requests.map(run);
  const inOneTransaction = conn.db.transaction(() => requests.map((request) => {
    const outcome = run(request);
    // Without its transaction, the rest of the group would run and commit one by one.
    if (!conn.db.inTransaction) throw outcome.ok ? new Error('the write transaction was rolled back') : outcome.error;
    return outcome;
  }));
  try {
    return inOneTransaction.immediate();
  } catch (error) {
    return requests.map((): Outcome => ({ ok: false, error }));
  }
}
