/** Signal enrichment: sentiment replaced, topics linked ABOUT after the existing links (Store.enrichSignals). */
import type { Signal } from '../../domain/entities.js';
import type { SignalEnrichmentInput } from '../../domain/inputs.js';
import type { EnrichOptions } from '../port.js';
import type { Conn } from './connection.js';
import { namedRid, resolve } from './refs.js';
import { signalsByRids } from './signals.js';

// `IS NOT` compares nulls too: an unchanged sentiment changes no row, so it does not bump the graph version.
const SET_SENTIMENT = 'UPDATE signals SET sentiment = ? WHERE rid = ? AND sentiment IS NOT ?';
// One read per signal gives both the next position and the topics it is already about.
const LINKS = 'SELECT position, topic_rid AS topic FROM signal_about WHERE signal_rid = ?';
const LINK = 'INSERT INTO signal_about (signal_rid, position, topic_rid) VALUES (?, ?, ?)';

export function enrichSignals(conn: Conn, inputs: readonly SignalEnrichmentInput[], options: EnrichOptions = {}): Signal[] {
  if (inputs.length === 0) return [];
  return conn.write(() => {
    const rids = resolve(conn, 'signalId', inputs.map((e, i) => ({ value: e.signalId, path: ['input', i, 'signalId'] })));
    const setSentiment = conn.stmt(SET_SENTIMENT);
    const links = conn.stmt(LINKS);
    const link = conn.stmt(LINK);
    const topics = new Map<string, number>(); // name → rid, within this transaction
    for (const e of inputs) {
      const rid = rids.get(e.signalId)!;
      if (e.sentiment !== undefined) setSentiment.run(e.sentiment, rid, e.sentiment);
      if (!e.topics?.length) continue;
      let next = 0;
      const linked = new Set<number>();
      for (const row of links.all(rid) as { position: number; topic: number | null }[]) {
        next = Math.max(next, row.position + 1);
        if (row.topic !== null) linked.add(row.topic);
      }
      for (const name of new Set(e.topics)) {
        let topic = topics.get(name);
        if (topic === undefined) topics.set(name, (topic = namedRid(conn, 'topics', name)));
        if (!linked.has(topic)) {
          link.run(rid, next++, topic);
          linked.add(topic);
        }
      }
    }
    return options.returnSignals === false ? [] : signalsByRids(conn, inputs.map((e) => rids.get(e.signalId)!));
  });
}
