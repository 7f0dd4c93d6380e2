/** Applies pending migrations in version order, in one transaction, and records each in `schema_migrations`. */
import type { Db } from './connection.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: string;
}

export function appliedMigrations(db: Db): AppliedMigration[] {
  return db.prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[];
}

/**
 * Idempotent; safe when several processes open the same file at once (IMMEDIATE transactions).
 * `migrations` is for tests that need a database at an older version.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  let applied = 0;
  const apply = db.transaction(() => {
    const done = new Set(appliedMigrations(db).map((m) => m.version));
    const newest = Math.max(0, ...done);
    if (newest > latest) {
      throw new Error(`database schema version ${newest} is newer than this build knows (${latest}); upgrade Osmosis`);
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(m.version, m.name, new Date().toISOString());
      applied++;
    }
  });
  apply.immediate();
  return applied;
}
