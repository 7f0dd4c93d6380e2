/** Running migrations, reading which ran, and the test-only wipe. */
import type { Connection } from './connection.js';
import { DATA_LABELS, NEO4J_MIGRATIONS } from './migrations.js';

export interface AppliedNeo4jMigration {
  version: number;
  name: string;
  appliedAt: string;
}

export async function appliedMigrations(conn: Connection): Promise<AppliedNeo4jMigration[]> {
  const rows = await conn.query(
    'MATCH (m:Migration) RETURN m.version AS version, m.name AS name, m.appliedAt AS appliedAt ORDER BY m.version',
  );
  return rows.map((r) => ({ version: r.get('version') as number, name: r.get('name') as string, appliedAt: r.get('appliedAt') as string }));
}

/** Schema errors that only mean another process created the same thing first. */
const ALREADY_THERE = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

/** Applies pending migrations; idempotent, and safe to run from several processes at once. Returns how many ran. */
export async function migrate(conn: Connection): Promise<number> {
  const latest = NEO4J_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
  const done = new Set((await appliedMigrations(conn)).map((m) => m.version));
  const newest = Math.max(0, ...done);
  if (newest > latest) {
    throw new Error(`Neo4j schema version ${newest} is newer than this build knows (${latest}); upgrade Osmosis`);
  }
  let applied = 0;
  for (const m of [...NEO4J_MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    for (const statement of m.schema) {
      try {
        await conn.autoCommit(statement);
      } catch (error) {
        if (!ALREADY_THERE.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
    // Indexes populate in the background; queries planned before they are online would scan.
    await conn.autoCommit('CALL db.awaitIndexes(300)');
    for (const statement of m.bulk ?? []) await conn.autoCommit(statement);
    await conn.plainWrite(async (tx) => {
      for (const statement of m.data) await tx.run(statement);
      await tx.run('MERGE (m:Migration {version: $version}) ON CREATE SET m.name = $name, m.appliedAt = $at', {
        version: m.version, name: m.name, at: new Date().toISOString(),
      });
    });
    applied++;
  }
  return applied;
}

/**
 * Test only: deletes every data node and relationship in batches, relationships first (a node's
 * relationships would otherwise all join its batch: a hub could blow a transaction's memory), empties
 * the outbox, keeps schema and migrations; the graph version goes up.
 */
export async function wipe(conn: Connection): Promise<void> {
  const labels = DATA_LABELS.join('|');
  await conn.autoCommit(`
    MATCH (:${labels})-[r]->()
    CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`);
  await conn.autoCommit(`
    MATCH (n:${labels})
    CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`);
  await conn.plainWrite((tx) => tx.run(`
    MATCH (v:GraphVersion {name: 'graph'}), (c:OutboxCounter {name: 'outbox'})
    SET v.value = v.value + 1, c.seq = 0`));
}
