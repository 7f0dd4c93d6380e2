/** Whole-store counts and the graph version. */
import type { StoreStats } from '../port.js';
import type { Conn } from './connection.js';
import { DATA_TABLES } from './migrations.js';

export function stats(conn: Conn): StoreStats {
  return conn.stmt(`SELECT
    (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM ties) AS ties,
    (SELECT count(*) FROM signals) AS signals, (SELECT count(*) FROM responses) AS responses,
    (SELECT count(*) FROM exchanges) AS exchanges, (SELECT count(*) FROM insights) AS insights,
    (SELECT count(*) FROM changes) AS changes`).get() as StoreStats;
}

export function graphVersion(conn: Conn): number {
  return (conn.stmt("SELECT value FROM meta WHERE name = 'graph_version'").get() as { value: number }).value;
}

/** Deletes every row of every data table (children first); the write bumps the graph version. */
export function wipe(conn: Conn): void {
  conn.write(() => {
    for (const table of DATA_TABLES) conn.stmt(`DELETE FROM ${table}`).run();
  });
}
