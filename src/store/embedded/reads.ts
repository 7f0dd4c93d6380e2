/**
 * The embedded store's request reads, by name: what the read thread runs on its own read-only
 * connection (and the calling thread runs on its own when there is no read thread). Each is one
 * statement or one read transaction, so each sees one committed state of the graph.
 */
import type { Conn } from './connection.js';
import { runOperation, type OperationArgs } from './operations.js';
import { actorsByIds, actorsByKeys, countActors, listActors } from './actors.js';
import { countExchanges, exchangesByIds, exchangesOfActors, listExchanges } from './exchanges.js';
import {
  changesOfInsights, changesOfProcesses, countInsights, countProcesses, insightsByIds, listInsights, listProcesses,
  processesByIds, signalIdsOfInsights, topicsByIds, topicsOfInsights,
} from './learning.js';
import { responsesOfSignals } from './responses.js';
import { aboutOfSignals, countSignals, listSignals, signalsByIds, signalsOfActors } from './signals.js';
import { tiesOfActors } from './ties.js';
import { neighborhood, shortestPath } from './traversal.js';
import { exportRecords, transferCounts } from './transfer.js';

export const READS = {
  actorsByIds, actorsByKeys, listActors, countActors, tiesOfActors,
  signalsByIds, listSignals, countSignals, signalsOfActors, aboutOfSignals, responsesOfSignals,
  listExchanges, countExchanges, exchangesByIds, exchangesOfActors,
  insightsByIds, listInsights, countInsights, signalIdsOfInsights, topicsOfInsights, topicsByIds,
  processesByIds, listProcesses, countProcesses, changesOfProcesses, changesOfInsights,
  neighborhood, shortestPath, transferCounts, exportRecords,
} as const;

export type ReadName = keyof typeof READS;
export type ReadArgs<K extends ReadName> = OperationArgs<(typeof READS)[K]>;
export type ReadResult<K extends ReadName> = ReturnType<(typeof READS)[K]>;

/** Runs the read named `name` on `conn`. */
export function runRead<K extends ReadName>(conn: Conn, name: K, args: ReadArgs<K>): ReadResult<K> {
  return runOperation(READS, conn, name, args);
}
