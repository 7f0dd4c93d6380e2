/** Responses: (:Actor)-[:GAVE]->(:Response)-[:ANSWERS]->(:Signal); a batch in one transaction. */
import { randomUUID } from 'node:crypto';
import type { Response, Signal } from '../../domain/entities.js';
import type { ResponseInput } from '../../domain/inputs.js';
import { checkResponses, distinct } from '../args.js';
import { ERASED_KEY_PREFIX } from '../../domain/inputs.js';
import type { Connection, EventDraft } from './connection.js';
import { resolveRefs } from './refs.js';
import { groupByParent, responseMap, signalMap, toResponse, toSignal } from './rows.js';

const RESPOND = `
  UNWIND $rows AS row
  MATCH (s:Signal {id: row.signalId}), (p:Actor {key: row.responderKey})
  CREATE (p)-[:GAVE]->(r:Response {
    id: row.id, text: row.text, channel: coalesce(row.channel, s.channel), respondedAt: row.respondedAt
  })-[:ANSWERS]->(s)
  SET s.status = 'ANSWERED'
  WITH collect({i: row.i, r: r, s: s}) AS done
  UNWIND done AS d
  WITH d.i AS i, d.r AS r, d.s AS s
  RETURN ${responseMap('r')} AS response, ${signalMap('s')} AS signal
  ORDER BY i`;

export function respond(conn: Connection, inputs: readonly ResponseInput[]): Promise<{ response: Response; signal: Signal }[]> {
  if (inputs.length === 0) return Promise.resolve([]);
  const now = new Date().toISOString();
  const rows = inputs.map((r, i) => ({
    i, id: randomUUID(), signalId: r.signalId, responderKey: r.responderKey, text: r.text,
    channel: r.channel ?? null, respondedAt: r.respondedAt ?? now,
  }));
  return conn.write(async (tx) => {
    const [, occurred] = await Promise.all([
      resolveRefs(tx, [
        ['signalId', inputs.map((r, i) => ({ value: r.signalId, path: ['input', i, 'signalId'] }))],
        ['actorKey', inputs.map((r, i) => ({ value: r.responderKey, path: ['input', i, 'responderKey'] }))],
      ]),
      tx.run(`UNWIND $ids AS id MATCH (s:Signal {id: id}) OPTIONAL MATCH (e:Actor)-[:EMITTED]->(s)
        RETURN id, s.occurredAt AS at, coalesce(e.key STARTS WITH $erased, false) AS erased`,
      { ids: distinct(inputs.map((r) => r.signalId)), erased: ERASED_KEY_PREFIX }),
    ]);
    const answered = new Map(occurred.map((r) => [r.get('id') as string, { occurredAt: r.get('at') as string, emitterErased: r.get('erased') as boolean }]));
    checkResponses(inputs, (id) => answered.get(id), now);
    const result = (await tx.run(RESPOND, { rows })).map((r) => ({
      response: toResponse(r.get('response') as Record<string, unknown>),
      signal: toSignal(r.get('signal') as Record<string, unknown>),
    }));
    const events: EventDraft[] = result.map((x) => ({ type: 'SIGNAL_RESPONDED', entityId: x.signal.id, detail: x.response.id }));
    return { result, changed: true, events };
  });
}

export async function responsesOfSignals(conn: Connection, signalIds: readonly string[]): Promise<Response[][]> {
  if (signalIds.length === 0) return [];
  const rows = await conn.query(`
    UNWIND $ids AS sid
    MATCH (:Signal {id: sid})<-[:ANSWERS]-(r:Response)
    RETURN sid, ${responseMap('r')} AS response
    ORDER BY sid, r.respondedAt, r.id`, { ids: distinct(signalIds) });
  return groupByParent(signalIds, rows.map((r) => [r.get('sid') as string, toResponse(r.get('response') as Record<string, unknown>)]));
}
