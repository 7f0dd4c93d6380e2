/**
 * One SQLite connection with the settings the embedded store relies on, a cache of prepared
 * statements and the two transaction shapes every module uses.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;
export type Stmt = Database.Statement;

export interface Conn {
  readonly db: Db;
  /** The prepared statement for this SQL text, prepared once per connection. */
  stmt(sql: string): Stmt;
  /**
   * Runs `fn` in one IMMEDIATE transaction (all or nothing); when it changed any row, the graph
   * version is bumped in the same transaction.
   */
  write<T>(fn: () => T): T;
  /** Runs `fn` in one read transaction, so several statements see the same snapshot. */
  read<T>(fn: () => T): T;
  /** The SQL of every statement prepared so far (diagnostics: query-plan checks). */
  preparedSql(): string[];
}

export function openConnection(file: string): Conn {
  if (file !== ':memory:' && !file.startsWith('file:')) makeDirectory(dirname(file));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL loses no committed transaction when the process dies, only on power loss.
  db.pragma('synchronous = NORMAL');
  // Checkpoint when the WAL reaches ~40 MiB rather than SQLite's 4 MiB: a checkpoint is two fsyncs
  // plus a copy of every page the WAL holds, and a 1,000-signal batch writes ~2 MiB of pages, so
  // the default checkpointed on nearly every batch. Durability is unchanged (a commit is in the WAL).
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('foreign_keys = ON');
  readSettings(db);
  return new Connection(db);
}

/**
 * Creates `dir` and its missing parents one at a time. Node's recursive mkdirSync loops forever where
 * a directory cannot be made and the error says ENOENT (under /proc: OSMOSIS_DB=/proc/x/y.db hung).
 */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d);
}

/** What every connection that reads needs, read-only or not. */
function readSettings(db: Db): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536'); // 64 MiB page cache
  // Reads map the file (up to 1 GiB) instead of copying each page missing from the cache out of the
  // OS cache with a read call: random lookups on a graph larger than the page cache cost less.
  db.pragma('mmap_size = 1073741824');
  // Unicode lower-casing for short substring searches (SQLite's lower() folds ASCII only).
  db.function('osm_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s));
}

/**
 * A read-only connection to an existing database file, for reads on another thread (WAL lets it
 * read while the writer writes). Settings that write are left out.
 */
export function openReadOnlyConnection(file: string): Conn {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  readSettings(db);
  return new Connection(db);
}

const BUMP_VERSION = "UPDATE meta SET value = value + 1 WHERE name = 'graph_version'";

class Connection implements Conn {
  private readonly cache = new Map<string, Stmt>();
  private readonly changes: Stmt;

  constructor(readonly db: Db) {
    this.changes = db.prepare('SELECT total_changes()').pluck();
  }

  stmt(sql: string): Stmt {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  write<T>(fn: () => T): T {
    const run = this.db.transaction(() => {
      const before = this.changes.get() as number;
      const result = fn();
      if ((this.changes.get() as number) !== before) this.stmt(BUMP_VERSION).run();
      return result;
    });
    return run.immediate();
  }

  read<T>(fn: () => T): T {
    // Inside a transaction already (a write, or a query thread's operation), fn reads its snapshot.
    if (this.db.inTransaction) return fn();
    // Prepared BEGIN and COMMIT: db.transaction(fn) builds a new wrapper on every call (~10 µs).
    this.stmt('BEGIN').run();
    try {
      return fn();
    } finally {
      if (this.db.inTransaction) this.stmt('COMMIT').run();
    }
  }

  preparedSql(): string[] {
    return [...this.cache.keys()];
  }
}
