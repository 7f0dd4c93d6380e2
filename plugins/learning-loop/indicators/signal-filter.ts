/**
 * Osmosis Learning loop: which signals count
 * ===========================================
 *
 * A flag per signal for the filters the loop takes besides its window: `channels` (names, trimmed
 * and lower-cased as signals are stored; an unknown name matches nothing), `kinds`, and `side` of
 * the emitter (no emitter: OUTSIDE, as in the responsiveness plugin). An empty list filters nothing. The window is applied by each
 * indicator (coverage and trends read different windows). One pass, O(N).
 */
import {
  ACTOR_KINDS, SIDES, SIGNAL_KINDS, sideOf, type Facts, type Side, type SignalKind,
} from '../../../src/plugin-api/index.js';
import { checkFacts, invalid } from './check.js';

const MODULE = 'osmosis/learning-loop/signal-filter';

export interface SignalFilter {
  channels?: readonly string[];
  kinds?: readonly SignalKind[];
  side?: Side;
}

const OUTSIDE = SIDES.indexOf('OUTSIDE');
const SIDE_OF_KIND = Uint8Array.from(ACTOR_KINDS, (k) => SIDES.indexOf(sideOf(k)));

/** 1 for each signal the filter keeps. */
export function keptSignals(facts: Facts, filter: SignalFilter = {}): Uint8Array {
  checkFacts(MODULE, facts);
  const sideWanted = filter.side === undefined ? -1 : SIDES.indexOf(filter.side);
  if (filter.side !== undefined && sideWanted < 0) throw invalid(MODULE, `side must be one of ${SIDES.join(', ')}`);
  let channelOk: Uint8Array | null = null;
  if (filter.channels?.length) {
    const wanted = new Set(filter.channels.map((c) => String(c).trim().toLowerCase()));
    channelOk = Uint8Array.from(facts.channels, (c) => (wanted.has(c) ? 1 : 0));
  }
  let kindOk: Uint8Array | null = null;
  if (filter.kinds?.length) {
    const wanted = new Set<string>(filter.kinds);
    kindOk = Uint8Array.from(SIGNAL_KINDS, (k) => (wanted.has(k) ? 1 : 0));
  }
  const { count, channel, kind, emitter } = facts.signals;
  const kept = new Uint8Array(count);
  for (let s = 0; s < count; s++) {
    if (channelOk && !channelOk[channel[s]]) continue;
    if (kindOk && !kindOk[kind[s]]) continue;
    if (sideWanted >= 0) {
      const e = emitter[s];
      if ((e >= 0 ? SIDE_OF_KIND[facts.actors.kind[e]] : OUTSIDE) !== sideWanted) continue;
    }
    kept[s] = 1;
  }
  return kept;
}
