/** Signal enrichment: sentiment replaced, topics linked ABOUT after the existing links (Store.enrichSignals). */
import type { Signal } from '../../domain/entities.js';
import type { SignalEnrichmentInput } from '../../domain/inputs.js';
import type { EnrichOptions } from '../port.js';
import type { Connection } from './connection.js';
import { resolveRefs } from './refs.js';
import { signalMap, toSignal } from './rows.js';

/**
 * One row per signal. Sentiment is in [-1, 1], so 9.0 stands for "none" when comparing: an unchanged
 * sentiment is not written. Topics the signal is already about are skipped; the others are found or
 * created by name (unique) and linked at the positions after the signal's last ABOUT link.
 */
const ENRICH = `
  UNWIND $rows AS row
  MATCH (s:Signal {id: row.id})
  WITH s, row, row.hasSentiment AND coalesce(s.sentiment, 9.0) <> coalesce(row.sentiment, 9.0) AS sentimentChanged
  FOREACH (_ IN CASE WHEN sentimentChanged THEN [1] ELSE [] END | SET s.sentiment = row.sentiment)
  WITH s, row, sentimentChanged
  CALL (s, row) {
    OPTIONAL MATCH (s)-[b:ABOUT]->()
    WITH s, row, coalesce(max(b.position) + 1, 0) AS next
    WITH s, next, [name IN row.topics WHERE NOT EXISTS { (s)-[:ABOUT]->(:Topic {name: name}) }] AS fresh
    FOREACH (k IN range(0, size(fresh) - 1) |
      MERGE (t:Topic {name: fresh[k]}) ON CREATE SET t.id = randomUUID()
      CREATE (s)-[:ABOUT {position: next + k}]->(t))
    RETURN size(fresh) AS linked
  }
  // Read back only for a caller that wants the signals (EnrichOptions.returnSignals).
  RETURN row.id AS id, sentimentChanged, linked, CASE WHEN $returnSignals THEN ${signalMap('s')} END AS signal`;

interface Row { id: string; hasSentiment: boolean; sentiment: number | null; topics: string[] }

export function enrichSignals(conn: Connection, inputs: readonly SignalEnrichmentInput[], options: EnrichOptions = {}): Promise<Signal[]> {
  if (inputs.length === 0) return Promise.resolve([]);
  // Items naming the same signal merge in order: the last sentiment given, every topic once.
  const rows = new Map<string, Row>();
  for (const e of inputs) {
    let row = rows.get(e.signalId);
    if (!row) rows.set(e.signalId, (row = { id: e.signalId, hasSentiment: false, sentiment: null, topics: [] }));
    if (e.sentiment !== undefined) {
      row.hasSentiment = true;
      row.sentiment = e.sentiment;
    }
    for (const t of e.topics ?? []) if (!row.topics.includes(t)) row.topics.push(t);
  }
  return conn.write(async (tx) => {
    await resolveRefs(tx, [['signalId', inputs.map((e, i) => ({ value: e.signalId, path: ['input', i, 'signalId'] }))]]);
    const returnSignals = options.returnSignals !== false;
    const result = await tx.run(ENRICH, { rows: [...rows.values()], returnSignals });
    const changed = result.some((r) => r.get('sentimentChanged') === true || Number(r.get('linked')) > 0);
    if (!returnSignals) return { result: [], changed };
    const byId = new Map(result.map((r) => [r.get('id') as string, toSignal(r.get('signal') as Record<string, unknown>)]));
    return { result: inputs.map((e) => byId.get(e.signalId)!), changed };
  });
}
