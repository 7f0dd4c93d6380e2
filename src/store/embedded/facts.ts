/**
 * Reads every fact table in one read transaction (one snapshot) and streams the rows, keyed by
 * rowid, into buildFacts. Raw-mode iteration: each row is a short-lived tuple.
 */
import { buildFacts, type Facts, type RawFacts } from '../facts.js';
import type { Conn, Stmt } from './connection.js';

const rawStmt = (conn: Conn, sql: string): Stmt => conn.stmt(`/* raw */ ${sql}`).raw(true);

export function facts(conn: Conn): Facts {
  return conn.read(() => {
    const rows = <T>(sql: string): Iterable<T> => ({ [Symbol.iterator]: () => rawStmt(conn, sql).iterate() as Iterator<T> });
    const raw: RawFacts = {
      actors: rows('SELECT rid, key, kind FROM actors ORDER BY key'),
      memberships: rows(`SELECT t.from_rid, t.to_rid, t.weight FROM ties t JOIN actors b ON b.rid = t.to_rid
                         WHERE t.type = 'MEMBER_OF' AND b.kind = 'TEAM'`),
      topics: rows('SELECT rid, name FROM topics'),
      processes: rows('SELECT rid, name FROM processes'),
      signals: rows(`SELECT rid, channel, external_id, kind, status, occurred_at, sentiment, emitter_rid, assignee_rid FROM signals
                     ORDER BY occurred_at, channel, external_id`),
      about: rows('SELECT signal_rid, actor_rid, topic_rid FROM signal_about WHERE process_rid IS NULL ORDER BY signal_rid, position'),
      responses: rows('SELECT signal_rid, responder_rid, responded_at, channel FROM responses'),
      exchanges: rows('SELECT from_rid, to_rid, kind, amount, occurred_at FROM exchanges'),
      insights: rows('SELECT rid, title, created_at FROM insights'),
      insightSignals: rows('SELECT insight_rid, signal_rid FROM insight_signals ORDER BY insight_rid, position'),
      insightTopics: rows('SELECT insight_rid, topic_rid FROM insight_topics'),
      changes: rows('SELECT insight_rid, process_rid, applied_at FROM changes'),
    };
    return buildFacts(raw);
  });
}
