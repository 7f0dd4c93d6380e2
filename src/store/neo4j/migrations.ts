/**
 * The Neo4j schema as ordered migrations: constraints and indexes (all `IF NOT EXISTS`, so a statement
 * that ran before an interruption is harmless to run again), then the singleton counter nodes. Each
 * applied migration is recorded as `(:Migration {version, name, appliedAt})`. Never edit a released
 * migration: append a new one.
 *
 * Model (DESIGN.md): (:Actor)-[:TIE {id, type, weight, since}]->(:Actor) with the tie type as a property;
 * (:Actor)-[:EMITTED]->(:Signal)-[:ABOUT {position}]->(:Actor|:Topic|:Process); (:Signal)-[:ASSIGNED_TO]->(:Actor);
 * (:Actor)-[:GAVE]->(:Response)-[:ANSWERS]->(:Signal); (:Actor)-[:VALUE {...}]->(:Actor);
 * (:Insight)-[:DERIVED_FROM {position}]->(:Signal); (:Insight)-[:ABOUT]->(:Topic);
 * (:Change)-[:IMPLEMENTS]->(:Insight); (:Change)-[:MODIFIES]->(:Process).
 */
export interface Neo4jMigration {
  version: number;
  name: string;
  /** Schema statements, each run in its own transaction (Neo4j does not mix schema and data writes). */
  schema: string[];
  /** Data statements, run after the schema ones, in one transaction. */
  data: string[];
  /**
   * Data statements too large for one transaction, run after the schema ones, each on its own with
   * `CALL { … } IN TRANSACTIONS`; each inner transaction must leave the data consistent, so an
   * interrupted statement simply goes on when run again.
   */
  bulk?: string[];
}

const unique = (name: string, pattern: string, property: string): string =>
  `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR ${pattern} REQUIRE ${property} IS UNIQUE`;

export const NEO4J_MIGRATIONS: readonly Neo4jMigration[] = [
  {
    version: 1,
    name: 'initial schema',
    schema: [
      unique('migration_version', '(m:Migration)', 'm.version'),
      unique('graph_version_name', '(v:GraphVersion)', 'v.name'),
      unique('outbox_counter_name', '(c:OutboxCounter)', 'c.name'),
      unique('outbox_event_seq', '(e:OutboxEvent)', 'e.seq'),

      unique('actor_id', '(a:Actor)', 'a.id'),
      unique('actor_key', '(a:Actor)', 'a.key'),
      'CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)',
      // Case-insensitive substring search: lower-cased copies of key and name in trigram text indexes.
      'CREATE TEXT INDEX actor_key_fold IF NOT EXISTS FOR (a:Actor) ON (a.keyFold)',
      'CREATE TEXT INDEX actor_name_fold IF NOT EXISTS FOR (a:Actor) ON (a.nameFold)',

      unique('tie_id', '()-[t:TIE]-()', 't.id'),

      unique('signal_id', '(s:Signal)', 's.id'),
      // Idempotent ingestion: MERGE on (channel, externalId) relies on this composite constraint.
      unique('signal_identity', '(s:Signal)', '(s.channel, s.externalId)'),
      // Time windows and newest-first order. Status, kind and channel (few distinct values) are filtered
      // on the way rather than indexed: an index there would cost every write and rarely beat this one.
      'CREATE INDEX signal_occurred_at IF NOT EXISTS FOR (s:Signal) ON (s.occurredAt)',

      unique('response_id', '(r:Response)', 'r.id'),

      unique('value_id', '()-[x:VALUE]-()', 'x.id'),
      // Relationship uniqueness constraints exist in Community edition since 5.7.
      unique('value_external_id', '()-[x:VALUE]-()', 'x.externalId'),
      'CREATE INDEX value_occurred_at IF NOT EXISTS FOR ()-[x:VALUE]-() ON (x.occurredAt)',

      unique('topic_id', '(t:Topic)', 't.id'),
      unique('topic_name', '(t:Topic)', 't.name'),
      unique('process_id', '(p:Process)', 'p.id'),
      unique('process_name', '(p:Process)', 'p.name'),
      unique('insight_id', '(i:Insight)', 'i.id'),
      'CREATE INDEX insight_created_at IF NOT EXISTS FOR (i:Insight) ON (i.createdAt)',
      unique('change_id', '(c:Change)', 'c.id'),
    ],
    data: [
      "MERGE (v:GraphVersion {name: 'graph'}) ON CREATE SET v.value = 0",
      "MERGE (c:OutboxCounter {name: 'outbox'}) ON CREATE SET c.seq = 0",
    ],
  },
  {
    version: 2,
    name: 'outbox: one node per write',
    schema: [
      // The events of a write, seqs first..last (connection.ts); read by `last` (outbox.ts).
      unique('outbox_batch_last', '(b:OutboxBatch)', 'b.last'),
      'DROP CONSTRAINT outbox_event_seq IF EXISTS',
    ],
    bulk: [
      // Events written one node each (version 1) become batches of one, in place (MERGE: a second
      // process migrating at the same time finds the batch there).
      `MATCH (e:OutboxEvent)
       CALL (e) {
         MERGE (b:OutboxBatch {last: e.seq})
         ON CREATE SET b.first = e.seq, b.types = [e.type], b.entityIds = [e.entityId],
           b.details = CASE WHEN e.detail IS NULL THEN null ELSE [e.detail] END, b.at = e.at
         DELETE e
       } IN TRANSACTIONS OF 10000 ROWS`,
    ],
    data: [],
  },
];

/** Labels holding data (what reset() deletes); schema bookkeeping and counters stay. */
export const DATA_LABELS = ['Actor', 'Signal', 'Response', 'Topic', 'Process', 'Insight', 'Change', 'OutboxBatch'] as const;
