/**
 * Osmosis Value Flow: value brokers between the organisation and its ecosystem
 * =============================================================================
 *
 * A value broker relays value across the boundary between the organisation (INSIDE) and its
 * ecosystem (OUTSIDE). Over the selected exchanges (self-exchanges left out), with f the measure
 * of an exchange (1 for COUNT, its amount for AMOUNT), for every actor v:
 *
 *   inFromInside(v), inFromOutside(v)   Σ f of what v receives from INSIDE / OUTSIDE actors
 *   outToInside(v),  outToOutside(v)    Σ f of what v gives to INSIDE / OUTSIDE actors
 *   insideToOutside(v) = min(inFromInside(v), outToOutside(v))   value v can pass from inside out
 *   outsideToInside(v) = min(inFromOutside(v), outToInside(v))   value v can pass from outside in
 *   relay(v) = insideToOutside(v) + outsideToInside(v)
 *
 * The min() is the throughput of a relay: what v passes on cannot exceed what it receives nor what
 * it gives (a node of capacity min(in, out) in a max-flow). The measured flow between inside and
 * outside through intermediaries is
 *
 *   M = Σ_v relay(v)
 *
 * and the brokers are the actors whose removal most reduces it: the flow vitality
 *
 *   vitality(v) = M − M(without v and its exchanges)
 *               = relay(v) + Σ_{u exchanging with v} [relay(u) − relay(u without its exchanges with v)]
 *
 * computed exactly for every actor at once: removing v only changes the sums of its partners, so
 * one merge of each actor's outgoing and incoming exchanges (grouped by partner through two
 * stable counting sorts) gives every term — O(rows + actors), no recomputation per actor.
 * vitality(v) ≥ relay(v); it is larger when v also feeds or is fed by other relays (an endpoint
 * without which a relay has nothing to pass on). The plugin's tests check the formula against
 * recomputing M without each actor of a fixture.
 *
 * [References]:
 * R. V. Gould and R. M. Fernandez, « Structures of mediation: a formal approach to brokerage in
 * transaction networks », Sociological Methodology 19, 1989 (gatekeeper and representative roles).
 * D. Koschützki et al., « Centrality indices », in U. Brandes and T. Erlebach (eds.), Network
 * Analysis, LNCS 3418, Springer, 2005, §3.6 (vitality: the loss of a measure when a node goes).
 * V. Allee, The Future of Knowledge: Increasing Prosperity through Value Networks,
 * Butterworth-Heinemann, 2003.
 */
import type { ExchangeColumns } from './columns.js';
import { checkPerActor, checkRows, invalidOption } from './options.js';

const MODULE = 'osmosis/value-flow/brokers';

export type BrokerMeasure = 'COUNT' | 'AMOUNT';

export interface Brokers {
  readonly inFromInside: Float64Array;
  readonly inFromOutside: Float64Array;
  readonly outToInside: Float64Array;
  readonly outToOutside: Float64Array;
  readonly insideToOutside: Float64Array;
  readonly outsideToInside: Float64Array;
  /** insideToOutside + outsideToInside. */
  readonly relay: Float64Array;
  /** M − M without the actor. */
  readonly vitality: Float64Array;
  /** M = Σ relay. */
  readonly total: number;
}

/** `outside[a]` = 1 for an OUTSIDE actor. */
export function brokers(x: ExchangeColumns, rows: Uint32Array, actorCount: number, outside: Uint8Array, measure: BrokerMeasure = 'COUNT'): Brokers {
  if (measure !== 'COUNT' && measure !== 'AMOUNT') throw invalidOption(MODULE, 'measure must be "COUNT" or "AMOUNT"');
  checkRows(MODULE, x, rows, actorCount);
  checkPerActor(MODULE, 'outside', outside, actorCount);
  const n = actorCount;
  const m = rows.length;
  // Giver, receiver and measure of every selected exchange, gathered once (self-exchanges weigh 0).
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const f = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    const r = rows[p];
    from[p] = x.from[r];
    to[p] = x.to[r];
    f[p] = from[p] === to[p] ? 0 : measure === 'COUNT' ? 1 : x.amount[r];
  }
  const inFromInside = new Float64Array(n);
  const inFromOutside = new Float64Array(n);
  const outToInside = new Float64Array(n);
  const outToOutside = new Float64Array(n);
  for (let p = 0; p < m; p++) {
    const a = from[p];
    const b = to[p];
    if (outside[a]) inFromOutside[b] += f[p];
    else inFromInside[b] += f[p];
    if (outside[b]) outToOutside[a] += f[p];
    else outToInside[a] += f[p];
  }
  const relayOf = (iI: number, iO: number, oI: number, oO: number) => Math.min(iI, oO) + Math.min(iO, oI);
  const insideToOutside = new Float64Array(n);
  const outsideToInside = new Float64Array(n);
  const relay = new Float64Array(n);
  let total = 0;
  for (let v = 0; v < n; v++) {
    insideToOutside[v] = Math.min(inFromInside[v], outToOutside[v]);
    outsideToInside[v] = Math.min(inFromOutside[v], outToInside[v]);
    relay[v] = insideToOutside[v] + outsideToInside[v];
    total += relay[v];
  }

  // Each actor's exchanges grouped by partner: given (partners ascending) and received (likewise),
  // by stable counting sorts on the partner then on the actor.
  const grouped = (actor: Int32Array, partner: Int32Array) => {
    const byPartner = new Uint32Array(m);
    const counts = new Uint32Array(n + 1);
    for (let p = 0; p < m; p++) counts[partner[p] + 1]++;
    for (let a = 0; a < n; a++) counts[a + 1] += counts[a];
    for (let p = 0; p < m; p++) byPartner[counts[partner[p]]++] = p;
    const offsets = new Uint32Array(n + 1);
    for (let p = 0; p < m; p++) offsets[actor[p] + 1]++;
    for (let a = 0; a < n; a++) offsets[a + 1] += offsets[a];
    const fill = offsets.slice(0, n);
    const partners = new Int32Array(m);
    const measures = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const p = byPartner[k];
      const at = fill[actor[p]]++;
      partners[at] = partner[p];
      measures[at] = f[p];
    }
    return { offsets, partners, measures };
  };
  const gave = grouped(from, to);
  const got = grouped(to, from);

  const vitality = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let delta = 0;
    let i = gave.offsets[v];
    let j = got.offsets[v];
    const iEnd = gave.offsets[v + 1];
    const jEnd = got.offsets[v + 1];
    while (i < iEnd || j < jEnd) {
      const u = Math.min(i < iEnd ? gave.partners[i] : n, j < jEnd ? got.partners[j] : n);
      let toU = 0; // v → u
      let fromU = 0; // u → v
      while (i < iEnd && gave.partners[i] === u) toU += gave.measures[i++];
      while (j < jEnd && got.partners[j] === u) fromU += got.measures[j++];
      if (u === v) continue;
      const after = outside[v]
        ? relayOf(inFromInside[u], inFromOutside[u] - toU, outToInside[u], outToOutside[u] - fromU)
        : relayOf(inFromInside[u] - toU, inFromOutside[u], outToInside[u] - fromU, outToOutside[u]);
      delta += relay[u] - after;
    }
    vitality[v] = relay[v] + delta;
  }
  return { inFromInside, inFromOutside, outToInside, outToOutside, insideToOutside, outsideToInside, relay, vitality, total };
}
