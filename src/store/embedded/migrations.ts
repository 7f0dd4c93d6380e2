/**
 * The embedded schema as ordered migrations. Never edit a released migration: append a new one.
 *
 * Every table has an INTEGER PRIMARY KEY `rid` used for joins; `id` is the public UUID. Instants are
 * ISO-8601 UTC strings, so string order is time order.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
      INSERT INTO meta (name, value) VALUES ('graph_version', 0);

      CREATE TABLE actors (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        attributes TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX actors_kind_key ON actors (kind, key);

      -- Case-insensitive substring search on key and name (trigram index, kept in sync by triggers).
      CREATE VIRTUAL TABLE actor_search USING fts5 (
        key, name, content = 'actors', content_rowid = 'rid', tokenize = 'trigram'
      );
      CREATE TRIGGER actors_search_insert AFTER INSERT ON actors BEGIN
        INSERT INTO actor_search (rowid, key, name) VALUES (new.rid, new.key, new.name);
      END;
      CREATE TRIGGER actors_search_delete AFTER DELETE ON actors BEGIN
        INSERT INTO actor_search (actor_search, rowid, key, name) VALUES ('delete', old.rid, old.key, old.name);
      END;
      CREATE TRIGGER actors_search_update AFTER UPDATE OF key, name ON actors BEGIN
        INSERT INTO actor_search (actor_search, rowid, key, name) VALUES ('delete', old.rid, old.key, old.name);
        INSERT INTO actor_search (rowid, key, name) VALUES (new.rid, new.key, new.name);
      END;

      CREATE TABLE ties (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        from_rid INTEGER NOT NULL REFERENCES actors (rid),
        to_rid INTEGER NOT NULL REFERENCES actors (rid),
        type TEXT NOT NULL,
        weight REAL NOT NULL,
        since TEXT,
        UNIQUE (from_rid, to_rid, type)
      ) STRICT;
      CREATE INDEX ties_from_id ON ties (from_rid, id);
      CREATE INDEX ties_to_id ON ties (to_rid, id);

      CREATE TABLE topics (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE) STRICT;
      CREATE TABLE processes (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE) STRICT;

      CREATE TABLE signals (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        external_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT,
        sentiment REAL,
        occurred_at TEXT NOT NULL,
        status TEXT NOT NULL,
        emitter_rid INTEGER REFERENCES actors (rid),
        assignee_rid INTEGER REFERENCES actors (rid),
        UNIQUE (channel, external_id)
      ) STRICT;
      CREATE INDEX signals_time ON signals (occurred_at, id);
      CREATE INDEX signals_emitter_time ON signals (emitter_rid, occurred_at, id);
      CREATE INDEX signals_assignee ON signals (assignee_rid);
      CREATE INDEX signals_status_time ON signals (status, occurred_at, id);

      -- (:Signal)-[:ABOUT]->(:Actor|:Topic|:Process): exactly one target column is set.
      CREATE TABLE signal_about (
        rid INTEGER PRIMARY KEY,
        signal_rid INTEGER NOT NULL REFERENCES signals (rid),
        position INTEGER NOT NULL,
        actor_rid INTEGER REFERENCES actors (rid),
        topic_rid INTEGER REFERENCES topics (rid),
        process_rid INTEGER REFERENCES processes (rid),
        CHECK ((actor_rid IS NOT NULL) + (topic_rid IS NOT NULL) + (process_rid IS NOT NULL) = 1)
      ) STRICT;
      CREATE INDEX signal_about_signal ON signal_about (signal_rid, position);
      CREATE INDEX signal_about_actor ON signal_about (actor_rid, signal_rid) WHERE actor_rid IS NOT NULL;
      CREATE INDEX signal_about_topic ON signal_about (topic_rid, signal_rid) WHERE topic_rid IS NOT NULL;
      CREATE INDEX signal_about_process ON signal_about (process_rid, signal_rid) WHERE process_rid IS NOT NULL;

      CREATE TABLE responses (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        signal_rid INTEGER NOT NULL REFERENCES signals (rid),
        responder_rid INTEGER REFERENCES actors (rid),
        text TEXT,
        channel TEXT NOT NULL,
        responded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX responses_signal_time ON responses (signal_rid, responded_at, id);
      CREATE INDEX responses_responder ON responses (responder_rid);

      CREATE TABLE exchanges (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        external_id TEXT UNIQUE,
        from_rid INTEGER NOT NULL REFERENCES actors (rid),
        to_rid INTEGER NOT NULL REFERENCES actors (rid),
        kind TEXT NOT NULL,
        tangible INTEGER NOT NULL,
        amount REAL NOT NULL,
        unit TEXT NOT NULL,
        occurred_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exchanges_time ON exchanges (occurred_at, id);
      CREATE INDEX exchanges_from_time ON exchanges (from_rid, occurred_at, id);
      CREATE INDEX exchanges_to_time ON exchanges (to_rid, occurred_at, id);

      CREATE TABLE insights (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX insights_time ON insights (created_at, id);

      CREATE TABLE insight_signals (
        insight_rid INTEGER NOT NULL REFERENCES insights (rid),
        signal_rid INTEGER NOT NULL REFERENCES signals (rid),
        position INTEGER NOT NULL,
        PRIMARY KEY (insight_rid, signal_rid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX insight_signals_signal ON insight_signals (signal_rid);

      CREATE TABLE insight_topics (
        insight_rid INTEGER NOT NULL REFERENCES insights (rid),
        topic_rid INTEGER NOT NULL REFERENCES topics (rid),
        PRIMARY KEY (insight_rid, topic_rid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX insight_topics_topic ON insight_topics (topic_rid);

      CREATE TABLE changes (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        insight_rid INTEGER NOT NULL REFERENCES insights (rid),
        process_rid INTEGER NOT NULL REFERENCES processes (rid)
      ) STRICT;
      CREATE INDEX changes_insight_time ON changes (insight_rid, applied_at, id);
      CREATE INDEX changes_process_time ON changes (process_rid, applied_at, id);
    `,
  },
  {
    version: 2,
    name: 'ties: a plain to_rid index',
    // From-lookups use the unique (from_rid, to_rid, type) index; the id-suffixed indexes only slowed
    // inserts (the per-actor window query sorts each actor's ties by id anyway).
    sql: `
      DROP INDEX ties_from_id;
      DROP INDEX ties_to_id;
      CREATE INDEX ties_to ON ties (to_rid);
    `,
  },
  {
    version: 3,
    name: 'outbox',
    // Domain events (domain/events.ts) appended in the transaction of their write. seq is the rowid:
    // without AUTOINCREMENT it is max + 1, so it is gap-free as long as only a wipe deletes events.
    sql: `
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        detail TEXT,
        at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'signals: cheaper indexes to maintain on ingestion',
    // Ingestion touches one entry per emitter in this index, all over it; without the 36-character
    // id each entry is half as long, so a batch dirties half the pages (the WAL write of every commit).
    // Per-emitter pages still read it in time order; only signals of the same instant are sorted by id.
    // The assignee index only holds assigned signals: a new signal has none, so it adds no entry.
    sql: `
      DROP INDEX signals_emitter_time;
      CREATE INDEX signals_emitter_at ON signals (emitter_rid, occurred_at);
      DROP INDEX signals_assignee;
      CREATE INDEX signals_assigned ON signals (assignee_rid) WHERE assignee_rid IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'signals: newest first within a channel',
    // "The newest signals of a channel" read the (channel, external_id) index and sorted every signal of
    // the channel (130 ms for 100,000) unless fresh statistics steered SQLite to the time index. With
    // the channel first and time after it, a page reads only its own rows, for each channel asked.
    // New signals of a channel land at the end of its range, so ingestion touches few pages for it.
    sql: `
      CREATE INDEX signals_channel_time ON signals (channel, occurred_at, id);
    `,
  },
  {
    version: 6,
    name: 'signal_about: no index by topic or process',
    // Nothing reads signal_about by topic or process (ABOUT links are read by signal; the facts scan it
    // whole), and topics and processes are never deleted while linked; every signal the enrichment tags
    // paid two entries in them.
    sql: `
      DROP INDEX signal_about_topic;
      DROP INDEX signal_about_process;
    `,
  },
  {
    version: 7,
    name: 'ties: pages of a hub read in id order',
    // A page of an actor's ties (ordered by id) ranked every tie of the actor: 160-330 ms for the
    // organisation's 90,000. With (end, id) indexes each end is read in order up to the page size; the
    // to side also holds from_rid, so that telling a self-tie apart needs no table read.
    sql: `
      CREATE INDEX ties_from_id ON ties (from_rid, id);
      CREATE INDEX ties_to_id ON ties (to_rid, id, from_rid);
      DROP INDEX ties_to;
    `,
  },
  {
    version: 8,
    name: 'outbox: one row per write',
    // A row per event cost a 1,000-signal batch a thousand inserts (~1.5 us of the writer's ~16 per
    // signal); a write now appends one row holding its events, in seq order, as JSON
    // [[type, entityId, detail], ...]; seqs stay gap-free: first_seq is the previous last_seq + 1.
    sql: `
      CREATE TABLE outbox_batches (
        last_seq INTEGER PRIMARY KEY,
        first_seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        events TEXT NOT NULL
      ) STRICT;
      INSERT INTO outbox_batches (last_seq, first_seq, at, events)
        SELECT seq, seq, at, json_array(json_array(type, entity_id, detail)) FROM outbox ORDER BY seq;
      DROP TABLE outbox;
    `,
  },
];

/** Tables holding data, children first (the order a wipe deletes them in). */
export const DATA_TABLES = [
  'outbox_batches', 'changes', 'insight_topics', 'insight_signals', 'insights', 'responses', 'signal_about', 'signals',
  'exchanges', 'ties', 'topics', 'processes', 'actors',
] as const;
