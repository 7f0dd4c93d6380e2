/**
 * An import keeps ids, so an id must name one record. The store finds most records by natural key
 * (an actor by key, a signal by channel and externalId…) and, creating one whose id another record
 * already holds, would give it a fresh id (Store.importRecords) — the file's id silently lost, and a
 * second record of the file under the first one's id counted as new. Before a batch is written, each
 * record whose kind has a natural key is checked against the earlier records of its batch and against
 * the store (which holds the earlier batches): the same id with another natural key is a conflict.
 *
 * Records identified by their id alone (responses, insights, changes) cannot conflict: the same id is
 * the same record, and the store keeps the one it has. Ties have no lookup by id on the store port, so
 * their ids are checked within a batch only. A record found by natural key under another id, its own
 * id free, is not a conflict: the store keeps the id it has (importing into a store with that record).
 * The check reads before the batch's transaction: a writer adding records meanwhile is not seen.
 */
import type { TransferRecord } from '../domain/transfer.js';
import type { Store } from '../store/port.js';

/** A record whose id is held by a record with another natural key. */
export interface IdConflict {
  /** Index in the batch. */
  index: number;
  /** E.g. `'a1' is the id of actor 'crm:a' in the store, not of actor 'crm:b'`. */
  reason: string;
}

type Keyed = Extract<TransferRecord, { type: 'actor' | 'tie' | 'topic' | 'process' | 'signal' | 'exchange' }>;

const quote = (s: string): string => `'${s}'`;

const clash = (id: string, holder: string, name: string): string => `${quote(id)} is the id of ${holder}, not of ${name}`;

/** The record as its natural key names it (comparable: two records are the same iff their names are). */
function nameOf(r: TransferRecord): string | null {
  switch (r.type) {
    case 'actor': return `actor ${quote(r.key)}`;
    case 'tie': return `tie ${quote(r.fromKey)} → ${quote(r.toKey)} (${r.tieType})`;
    case 'topic': return `topic ${quote(r.name)}`;
    case 'process': return `process ${quote(r.name)}`;
    case 'signal': return `signal ${quote(r.channel)} / ${quote(r.externalId)}`;
    // An exchange is found by id or externalId: the same id with another externalId (or none) is another exchange.
    case 'exchange': return r.externalId === null ? 'an exchange without externalId' : `exchange ${quote(r.externalId)}`;
    default: return null; // identified by id alone
  }
}

/** The store's records of a kind with these ids, named as nameOf names them; ties cannot be looked up. */
async function heldInStore(store: Store, type: Keyed['type'], ids: string[]): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  const add = <T extends { id: string }>(found: (T | null)[], name: (x: T) => string) => {
    for (const x of found) if (x) held.set(x.id, name(x));
  };
  switch (type) {
    case 'actor': add(await store.actorsByIds(ids), (a) => `actor ${quote(a.key)}`); break;
    case 'topic': add(await store.topicsByIds(ids), (t) => `topic ${quote(t.name)}`); break;
    case 'process': add(await store.processesByIds(ids), (p) => `process ${quote(p.name)}`); break;
    case 'signal': add(await store.signalsByIds(ids), (s) => `signal ${quote(s.channel)} / ${quote(s.externalId)}`); break;
    case 'exchange':
      add(await store.exchangesByIds(ids), (x) => (x.externalId === null ? 'an exchange without externalId' : `exchange ${quote(x.externalId)}`));
      break;
    case 'tie': break;
  }
  return held;
}

/** The records of `batch` whose id names another record, in batch order (`lines[i]` is record i's line). */
export async function idConflicts(store: Store, batch: readonly TransferRecord[], lines: readonly number[]): Promise<IdConflict[]> {
  const conflicts: IdConflict[] = [];
  /** Per kind: id → the name and line of its first record in the batch. */
  const seen = new Map<string, Map<string, { name: string; line: number }>>();
  batch.forEach((r, index) => {
    const name = nameOf(r);
    if (name === null) return;
    let ids = seen.get(r.type);
    if (!ids) seen.set(r.type, (ids = new Map()));
    const first = ids.get(r.id);
    if (!first) ids.set(r.id, { name, line: lines[index] });
    else if (first.name !== name) conflicts.push({ index, reason: clash(r.id, `${first.name} (line ${first.line})`, name) });
  });
  const flagged = new Set(conflicts.map((c) => c.index));
  for (const [type, ids] of seen) {
    const held = await heldInStore(store, type as Keyed['type'], [...ids.keys()]);
    if (held.size === 0) continue;
    batch.forEach((r, index) => {
      if (r.type !== type) return;
      const holder = held.get(r.id);
      const name = nameOf(r)!;
      if (holder !== undefined && holder !== name && !flagged.has(index)) {
        conflicts.push({ index, reason: clash(r.id, `${holder} in the store`, name) });
      }
    });
  }
  return conflicts.sort((a, b) => a.index - b.index);
}
