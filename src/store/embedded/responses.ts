/** Responses: a batch of answers in one transaction, and the responses of each signal. */
import { randomUUID } from 'node:crypto';
import type { Response, Signal } from '../../domain/entities.js';
import { notFoundAll } from '../../domain/errors.js';
import type { ResponseInput } from '../../domain/inputs.js';
import { checkResponses, type AnsweredSignal } from '../args.js';
import { ERASED_KEY_PREFIX } from '../../domain/inputs.js';
import type { Conn } from './connection.js';
import { appendEvents } from './outbox.js';
import { lookup, missing } from './refs.js';
import { RESPONSE_COLUMNS, RESPONSE_FROM, groupByParent, inJson, json, toResponse } from './rows.js';
import { signalsByRids } from './signals.js';

const INSERT = `
  INSERT INTO responses (id, signal_rid, responder_rid, text, channel, responded_at)
  SELECT @id, s.rid, @responder, @text, coalesce(@channel, s.channel), @respondedAt FROM signals s WHERE s.rid = @signal
  RETURNING rid`;
const ANSWERED = "UPDATE signals SET status = 'ANSWERED' WHERE rid = ?";
const ANSWERED_SIGNALS = `
  SELECT s.rid, s.occurred_at AS at, substr(e.key, 1, length(@erased)) = @erased AS erased
  FROM signals s LEFT JOIN actors e ON e.rid = s.emitter_rid WHERE s.rid IN (SELECT value FROM json_each(@rids))`;
const RESPONSES_BY_RIDS =
  `SELECT ${RESPONSE_COLUMNS}, r.rid AS rid FROM ${RESPONSE_FROM} WHERE r.rid IN (SELECT value FROM json_each(?))`;

export function respond(conn: Conn, inputs: readonly ResponseInput[]): { response: Response; signal: Signal }[] {
  return conn.write(() => {
    const signalRefs = inputs.map((r, i) => ({ value: r.signalId, path: ['input', i, 'signalId'] }));
    const responderRefs = inputs.map((r, i) => ({ value: r.responderKey, path: ['input', i, 'responderKey'] }));
    const signals = lookup(conn, 'signalId', signalRefs.map((r) => r.value));
    const actors = lookup(conn, 'actorKey', responderRefs.map((r) => r.value));
    const issues = [...missing('signalId', signalRefs, signals), ...missing('actorKey', responderRefs, actors)];
    if (issues.length) throw notFoundAll(issues);
    const answered = new Map((conn.stmt(ANSWERED_SIGNALS).all({ rids: json([...new Set(signals.values())]), erased: ERASED_KEY_PREFIX }) as { rid: number; at: string; erased: number | null }[])
      .map((s): [number, AnsweredSignal] => [s.rid, { occurredAt: s.at, emitterErased: s.erased === 1 }]));
    const now = new Date().toISOString();
    checkResponses(inputs, (id) => answered.get(signals.get(id)!), now);

    const responseRids = inputs.map((r) => {
      const signal = signals.get(r.signalId)!;
      const { rid } = conn.stmt(INSERT).get({
        id: randomUUID(), signal, responder: actors.get(r.responderKey), text: r.text,
        channel: r.channel ?? null, respondedAt: r.respondedAt ?? now,
      }) as { rid: number };
      conn.stmt(ANSWERED).run(signal);
      return rid;
    });
    const responses = conn.stmt(RESPONSES_BY_RIDS).all(json(responseRids)) as (Response & { rid: number })[];
    const responseByRid = new Map(responses.map((r) => [r.rid, toResponse(r)]));
    const signalRids = inputs.map((r) => signals.get(r.signalId)!);
    const finalSignals = signalsByRids(conn, signalRids);
    const result = responseRids.map((rid, i) => ({ response: responseByRid.get(rid)!, signal: finalSignals[i] }));
    appendEvents(conn, result.map((r) => ({ type: 'SIGNAL_RESPONDED', entityId: r.signal.id, detail: r.response.id })));
    return result;
  });
}

export function responsesOfSignals(conn: Conn, signalIds: readonly string[]): Response[][] {
  const rows = conn.stmt(`
    SELECT rs.id AS parentId, ${RESPONSE_COLUMNS} FROM ${RESPONSE_FROM}
    WHERE rs.id IN ${inJson('ids')}
    ORDER BY r.signal_rid, r.responded_at, r.id`).all({ ids: json(signalIds) }) as (Response & { parentId: string })[];
  return groupByParent(signalIds, rows, toResponse);
}
