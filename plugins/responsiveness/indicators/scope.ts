/**
 * Osmosis Responsiveness: scope and grouping
 * ===========================================
 *
 * Which signals an indicator counts (the filter) and in which row (the grouping). Every other
 * indicator takes the Grouping made here and fills one value per group.
 *
 * Filter: `since` (inclusive) and `until` (exclusive) on the signal's occurredAt; `channels`
 * (names, compared trimmed and lower-cased, as signals are stored; an unknown name matches
 * nothing); `kinds`; `side` of the emitter. An empty list filters nothing, as in a ProjectionSpec. A signal without a known emitter (an anonymous post)
 * counts as OUTSIDE: the organisation's own people are always known actors.
 *
 * Grouping: any subset of BY_CHANNEL, BY_KIND, BY_SIDE and BY_TEAM (signal-teams.ts); groups are
 * the combinations that occur, ordered by channel name, kind (SIGNAL_KINDS order), side (INSIDE
 * first), then team (no team first, then by key). Without dimensions there is exactly one group,
 * even when no signal matches, so the overall row always exists.
 *
 * Two passes over the signals, O(N) time plus a sort of the distinct combinations.
 */
import {
  ACTOR_KINDS, SIDES, SIGNAL_KINDS, sideOf, type Facts, type Side, type SignalKind,
} from '../../../src/plugin-api/index.js';
import { checkFacts, checkPerSignal, invalid } from './check.js';

const MODULE = 'osmosis/responsiveness/scope';

export const DIMENSIONS = ['BY_CHANNEL', 'BY_KIND', 'BY_SIDE', 'BY_TEAM'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Which signals count. Instants in ms since the epoch. */
export interface SignalFilter {
  since?: number;
  until?: number;
  channels?: readonly string[];
  kinds?: readonly SignalKind[];
  side?: Side;
}

/** The group of every signal, and what each group stands for. */
export interface Grouping {
  /** Per signal: its group, -1 when the filter leaves it out. */
  readonly group: Int32Array;
  /** Number of groups. */
  readonly count: number;
  /** The dimensions grouped on, in DIMENSIONS order. */
  readonly dimensions: readonly Dimension[];
  /** Per group: index into Facts.channels, -1 when not grouped by channel. */
  readonly channel: Int32Array;
  /** Per group: code into SIGNAL_KINDS, -1 when not grouped by kind. */
  readonly kind: Int32Array;
  /** Per group: code into SIDES, -1 when not grouped by side. */
  readonly side: Int32Array;
  /** Per group: actor index of the team, -1 when not grouped by team or for signals without a team. */
  readonly team: Int32Array;
}

const OUTSIDE = SIDES.indexOf('OUTSIDE');
const SIDE_OF_KIND = Uint8Array.from(ACTOR_KINDS, (k) => SIDES.indexOf(sideOf(k)));

/** Groups the signals the filter keeps; `teams` (signal-teams.ts) is needed for BY_TEAM only. */
export function groupSignals(facts: Facts, filter: SignalFilter = {}, dimensions: readonly Dimension[] = [], teams: Int32Array | null = null): Grouping {
  checkFacts(MODULE, facts);
  if (!Array.isArray(dimensions) || dimensions.some((d) => !DIMENSIONS.includes(d))) {
    throw invalid(MODULE, `dimensions must be a list of ${DIMENSIONS.join(', ')}`);
  }
  const dims = DIMENSIONS.filter((d) => dimensions.includes(d));
  const byChannel = dims.includes('BY_CHANNEL');
  const byKind = dims.includes('BY_KIND');
  const bySide = dims.includes('BY_SIDE');
  const byTeam = dims.includes('BY_TEAM');
  if (byTeam) checkPerSignal(MODULE, facts, 'teams', teams as Int32Array);

  const { count: n, channel, kind, occurredAt, emitter } = facts.signals;
  const since = filter.since ?? -Infinity;
  const until = filter.until ?? Infinity;
  if (Number.isNaN(since) || Number.isNaN(until)) throw invalid(MODULE, 'since and until must be instants in ms');

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
  const sideWanted = filter.side === undefined ? -1 : SIDES.indexOf(filter.side);
  if (filter.side !== undefined && sideWanted < 0) throw invalid(MODULE, `side must be one of ${SIDES.join(', ')}`);

  // Mixed-radix code of a signal's combination (0 for a dimension not grouped on); < 2^53 for any
  // realistic size (65,536 channels × 7 kinds × 2 sides × actors + 1).
  const kinds = SIGNAL_KINDS.length;
  const actorsPlusOne = facts.actors.count + 1;
  const group = new Int32Array(n).fill(-1);
  const codeOf = new Map<number, number>();
  const codes: number[] = [];
  for (let s = 0; s < n; s++) {
    const t = occurredAt[s];
    if (!(t >= since && t < until)) continue;
    if (channelOk && !channelOk[channel[s]]) continue;
    if (kindOk && !kindOk[kind[s]]) continue;
    const e = emitter[s];
    const side = e >= 0 ? SIDE_OF_KIND[facts.actors.kind[e]] : OUTSIDE;
    if (sideWanted >= 0 && side !== sideWanted) continue;
    if (!dims.length) {
      group[s] = 0;
      continue;
    }
    const c = (((byChannel ? channel[s] : 0) * kinds + (byKind ? kind[s] : 0)) * 2 + (bySide ? side : 0)) * actorsPlusOne
      + (byTeam ? teams![s] + 1 : 0);
    let id = codeOf.get(c);
    if (id === undefined) {
      codeOf.set(c, (id = codes.length));
      codes.push(c);
    }
    group[s] = id;
  }

  if (!dims.length) {
    const none = Int32Array.of(-1);
    return { group, count: 1, dimensions: dims, channel: none, kind: none.slice(), side: none.slice(), team: none.slice() };
  }
  // Number the combinations in code order (the documented row order).
  const sorted = Float64Array.from(codes).sort();
  const rank = new Map<number, number>();
  sorted.forEach((c, i) => rank.set(c, i));
  const renumber = Int32Array.from(codes, (c) => rank.get(c)!);
  for (let s = 0; s < n; s++) if (group[s] >= 0) group[s] = renumber[group[s]];

  const count = sorted.length;
  const result = {
    group, count, dimensions: dims,
    channel: new Int32Array(count).fill(-1), kind: new Int32Array(count).fill(-1),
    side: new Int32Array(count).fill(-1), team: new Int32Array(count).fill(-1),
  };
  for (let g = 0; g < count; g++) {
    let c = sorted[g];
    const team = c % actorsPlusOne;
    c = (c - team) / actorsPlusOne;
    const side = c % 2;
    c = (c - side) / 2;
    const k = c % kinds;
    const ch = (c - k) / kinds;
    if (byChannel) result.channel[g] = ch;
    if (byKind) result.kind[g] = k;
    if (bySide) result.side[g] = side;
    if (byTeam) result.team[g] = team - 1;
  }
  return result;
}
