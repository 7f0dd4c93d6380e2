/** Signal enrichment: sentiment replaced, topics linked ABOUT after the existing links (Store.enrichSignals). */
import type { Signal } from '../../domain/entities.js';
import type { SignalEnrichmentInput } from '../../domain/inputs.js';
import type { Conn } from './connection.js';
import { namedRid, resolve } from './refs.js';
import { signalsByRids } from './signals.js';

// `IS NOT` compares nulls too: an unchanged sentiment changes no row, so it does not bump the graph version.
const SET_SENTIMENT = 'UPDATE signals SET sentiment = ? WHERE rid = ? AND sentiment IS NOT ?';
const LINKED = 'SELECT 1 FROM signal_about WHERE signal_rid = ? AND topic_rid = ?';
const NEXT_POSITION = 'SELECT coalesce(max(position) + 1, 0) AS next FROM signal_about WHERE signal_rid = ?';
const LINK = 'INSERT INTO signal_about (signal_rid, position, topic_rid) VALUES (?, ?, ?)';

export function enrichSignals(conn: Conn, inputs: readonly SignalEnrichmentInput[]): Signal[] {
  if (inputs.length === 0) return [];
  return conn.write(() => {
    const rids = resolve(conn, 'signalId', inputs.map((e, i) => ({ value: e.signalId, path: ['input', i, 'signalId'] })));
    const setSentiment = conn.stmt(SET_SENTIMENT);
    const linked = conn.stmt(LINKED);
    const link = conn.stmt(LINK);
    for (const e of inputs) {
      const rid = rids.get(e.signalId)!;
      if (e.sentiment !== undefined) setSentiment.run(e.sentiment, rid, e.sentiment);
      if (!e.topics?.length) continue;
      let next = (conn.stmt(NEXT_POSITION).get(rid) as { next: number }).next;
      for (const name of new Set(e.topics)) {
        const topic = namedRid(conn, 'topics', name);
        if (linked.get(rid, topic) === undefined) link.run(rid, next++, topic);
      }
    }
    return signalsByRids(conn, inputs.map((e) => rids.get(e.signalId)!));
  });
}
