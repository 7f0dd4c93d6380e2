/**
 * Worker side of `value-flow/trace`: the signals on a channel at an instant (from an emitter), each
 * with its responses and the exchanges that followed it (algorithms/trace.ts).
 */
import { ACTOR_KINDS, factsOf, type ComputeFunction } from '../../../src/plugin-api/index.js';
import { findSignals, traceSignal } from '../algorithms/trace.js';
import type { TraceParams, TraceResult, TraceRow } from '../params.js';
import { checkAligned, rowsOf } from './common.js';

const DAY = 86_400_000;
const ORGANIZATION = ACTOR_KINDS.indexOf('ORGANIZATION');

const compute: ComputeFunction<TraceParams, TraceResult> = (graph, p, context) => {
  const facts = factsOf(context);
  checkAligned(graph, facts);
  const channel = facts.channels.indexOf(p.channel);
  const emitter = p.emitterKey === undefined ? -1 : facts.actors.keys.indexOf(p.emitterKey);
  if (channel < 0 || (p.emitterKey !== undefined && emitter < 0)) return { traces: [] };
  const { signals, responses, exchanges: x } = facts;
  const rows = rowsOf(facts, { valueKinds: p.valueKinds, tangible: p.tangible });
  const organization = Uint8Array.from(facts.actors.kind, (k) => (k === ORGANIZATION ? 1 : 0));
  const traces: TraceRow[] = [];
  for (const s of findSignals(signals, channel, Date.parse(p.occurredAt), emitter)) {
    const t = traceSignal(signals, responses, x, rows, s, p.days * DAY, facts.actors.team, organization);
    traces.push({
      signal: s,
      channel: p.channel,
      kind: signals.kind[s],
      status: signals.status[s],
      occurredAt: signals.occurredAt[s],
      emitter: signals.emitter[s],
      responses: {
        responder: Int32Array.from(t.responses, (r) => responses.responder[r]),
        respondedAt: Float64Array.from(t.responses, (r) => responses.respondedAt[r]),
        channel: Array.from(t.responses, (r) => facts.channels[responses.channel[r]]),
      },
      exchanges: {
        from: Int32Array.from(t.exchanges, (r) => x.from[r]),
        to: Int32Array.from(t.exchanges, (r) => x.to[r]),
        kind: Uint8Array.from(t.exchanges, (r) => x.kind[r]),
        amount: Float64Array.from(t.exchanges, (r) => x.amount[r]),
        occurredAt: Float64Array.from(t.exchanges, (r) => x.occurredAt[r]),
        via: t.via,
      },
    });
  }
  return { traces };
};
export default compute;
