/**
 * Every write of the embedded store, by name: what the writer thread runs on its connection (and
 * the calling thread runs on its own for an in-memory database). Each is one transaction.
 */
import type { Conn } from './connection.js';
import { runOperation, type OperationArgs } from './operations.js';
import { upsertActors, eraseActor } from './actors.js';
import { enrichSignals } from './enrichment.js';
import { recordExchanges } from './exchanges.js';
import { applyChange, createInsight } from './learning.js';
import { respond } from './responses.js';
import { assignSignal, recordSignals } from './signals.js';
import { wipe } from './stats.js';
import { removeTie, upsertTies } from './ties.js';
import { importRecords } from './transfer.js';

export const WRITES = {
  upsertActors, eraseActor, upsertTies, removeTie, recordSignals, assignSignal, enrichSignals, respond,
  recordExchanges, createInsight, applyChange, importRecords, wipe,
} as const;

export type WriteName = keyof typeof WRITES;
export type WriteArgs<K extends WriteName> = OperationArgs<(typeof WRITES)[K]>;
export type WriteResult<K extends WriteName> = ReturnType<(typeof WRITES)[K]>;

/** Runs the write named `name` on `conn`. */
export function runWrite<K extends WriteName>(conn: Conn, name: K, args: WriteArgs<K>): WriteResult<K> {
  return runOperation(WRITES, conn, name, args);
}
