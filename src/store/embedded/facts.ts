/**
 * Reads every fact table in one read transaction (one snapshot) as raw rows keyed by rowid, and
 * hands them to buildFacts. Raw-mode statements: no per-row objects.
 */
import { buildFacts, type Facts, type RawFacts } from '../facts.js';
import type { Conn, Stmt } from './connection.js';

const rawStmt = (conn: Conn, sql: string): Stmt => conn.stmt(`/* raw */ ${sql}`).raw(true);

export function facts(conn: Conn): Facts {
  return conn.read(() => {
    const rows = <T>(sql: string): T[] => rawStmt(conn, sql).all() as T[];
    const raw: RawFacts = {
      actors: rows('SELECT rid, key, kind FROM actors'),
      memberships: rows(`SELECT t.from_rid, t.to_rid, t.weight FROM ties t JOIN actors b ON b.rid = t.to_rid
                         WHERE t.type = 'MEMBER_OF' AND b.kind = 'TEAM'`),
      signals: rows(`SELECT rid, channel, external_id, kind, status, occurred_at, sentiment, emitter_rid, assignee_rid FROM signals`),
      about: rows(`SELECT a.signal_rid, a.actor_rid, t.name FROM signal_about a LEFT JOIN topics t ON t.rid = a.topic_rid
                   WHERE a.process_rid IS NULL ORDER BY a.signal_rid, a.position`),
      responses: rows('SELECT signal_rid, responder_rid, responded_at, channel FROM responses'),
      exchanges: rows('SELECT from_rid, to_rid, kind, amount, occurred_at FROM exchanges'),
      insights: rows('SELECT rid, title, created_at FROM insights'),
      insightSignals: rows('SELECT insight_rid, signal_rid FROM insight_signals ORDER BY insight_rid, position'),
      insightTopics: rows('SELECT i.insight_rid, t.name FROM insight_topics i JOIN topics t ON t.rid = i.topic_rid'),
      changes: rows('SELECT c.insight_rid, p.name, c.applied_at FROM changes c JOIN processes p ON p.rid = c.process_rid'),
      topics: rows<[string]>('SELECT name FROM topics').map((r) => r[0]),
      processes: rows<[string]>('SELECT name FROM processes').map((r) => r[0]),
    };
    return buildFacts(raw);
  });
}
