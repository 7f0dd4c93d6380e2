/**
 * The indicators behind the maturity score, each a pure function of what the other plugins'
 * analytics return. The shapes below are the parts of those results this plugin reads (the
 * dependency contract), declared here so the plugin imports nothing but the plugin API.
 * Raw values keep their units; scores map them to [0, 1] with the formulas in each description.
 */
import type { MaturityOptions } from './options.js';
import { towards, unit, within, type Indicator } from './score.js';

type Column = ArrayLike<number>;

/** `responsiveness/report`: rows of per-group statistics (times in ms, NaN when undefined). */
export interface ResponsivenessView {
  overall: { signals: Column; responseRate: Column; firstResponseP50: Column; breachRate: Column; responderGini: Column };
  groups: {
    count: number;
    side: (string | null)[];
    channel: (string | null)[];
    stats: { signals: Column; responseRate: Column; firstResponseP50: Column };
  };
}

/** `learning-loop/report` (durations in ms, NaN when undefined). */
export interface LearningLoopView {
  coverage: { signals: number; linked: number; share: number };
  signalToInsight: { count: number; p50: number };
  insightToChange: { insights: number; implemented: number; implementedShare: number; p50: number };
  processes: { count: number; changed: number; share: number };
}

/** `silos/silos`: the organisation-wide E-I index of teams. */
export interface SilosView {
  organisation: { eiIndex: number };
}

/** `value-flow/matrix` grouped by SIDE: flows between the inside and outside groups, with reciprocity. */
export interface ValueFlowView {
  groups: { side: ArrayLike<number> };
  /** Cells: from and to group; count[c·K + k] of value kind k (K kinds); reciprocated[c]. */
  flows: { cells: number; from: ArrayLike<number>; to: ArrayLike<number>; count: ArrayLike<number>; reciprocated: ArrayLike<number> };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const defined = (x: number | undefined | null): number | null => (x === undefined || x === null || !Number.isFinite(x) ? null : x);
const round = (x: number | null, digits = 4): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

function indicator(i: Omit<Indicator, 'value' | 'score'> & { value: number | null; score: number | null }): Indicator {
  return { ...i, value: round(i.value), score: round(i.score) };
}

/** Group index of the BY_SIDE group `side`, -1 when the window has none. */
const groupOf = (r: ResponsivenessView, side: string): number => r.groups.side.indexOf(side);

/** Capability 1 and 3 (and the voice of capability 2) from a BY_SIDE report; reach from a BY_CHANNEL one. */
export function responsivenessIndicators(bySide: ResponsivenessView, byChannel: ResponsivenessView, o: MaturityOptions): Indicator[] {
  const source = 'responsiveness/report';
  const inside = groupOf(bySide, 'INSIDE');
  const outside = groupOf(bySide, 'OUTSIDE');
  const stat = (g: number, column: keyof ResponsivenessView['groups']['stats']) => (g < 0 ? null : defined(bySide.groups.stats[column][g]));

  const rateIn = stat(inside, 'responseRate');
  const rateOut = stat(outside, 'responseRate');
  const answerParity = rateIn === null || rateOut === null ? null : rateIn === 0 ? (rateOut > 0 ? 1 : null) : rateOut / rateIn;
  const p50In = stat(inside, 'firstResponseP50');
  const p50Out = stat(outside, 'firstResponseP50');
  const speedParity = p50In === null || p50Out === null ? null : p50Out === 0 ? 1 : p50In / p50Out;

  const total = defined(bySide.overall.signals[0]) ?? 0;
  const signalsIn = stat(inside, 'signals') ?? 0;
  const signalsOut = stat(outside, 'signals') ?? 0;
  const smallerShare = total > 0 ? Math.min(signalsIn, signalsOut) / total : null;
  let channels = 0;
  for (let g = 0; g < byChannel.groups.count; g++) if (byChannel.groups.stats.signals[g] > 0) channels++;

  const rate = defined(bySide.overall.responseRate[0]);
  const breachRate = defined(bySide.overall.breachRate[0]);
  const gini = defined(bySide.overall.responderGini[0]);
  return [
    indicator({
      capability: 'SERVES_THE_PERSON', name: 'outsideAnswerParity', source,
      description: 'Response rate to outside signals ÷ response rate to inside ones (score: the ratio, capped at 1).',
      value: answerParity, score: unit(answerParity),
    }),
    indicator({
      capability: 'SERVES_THE_PERSON', name: 'outsideSpeedParity', source,
      description: 'Median first-response time to inside signals ÷ the same to outside ones (score: the ratio, capped at 1).',
      value: speedParity, score: unit(speedParity),
    }),
    indicator({
      capability: 'LISTENS', name: 'channelReach', source,
      description: `Channels with signals in the window (score: channels ÷ ${o.channels}, capped at 1).`,
      value: total > 0 ? channels : null, score: total > 0 ? towards(channels, o.channels) : null,
    }),
    indicator({
      capability: 'LISTENS', name: 'voiceBalance', source,
      description: `Share of signals from the less heard side, inside or outside (score: share ÷ ${o.voiceShare}, capped at 1).`,
      value: smallerShare, score: towards(smallerShare, o.voiceShare),
    }),
    indicator({
      capability: 'RESPONDS', name: 'responseRate', source,
      description: 'Share of the window\'s signals with at least one response (score: the share).',
      value: rate, score: unit(rate),
    }),
    indicator({
      capability: 'RESPONDS', name: 'onTime', source,
      description: 'Share of due signals answered within their first-response target: 1 − breach rate (score: the share).',
      value: breachRate === null ? null : 1 - breachRate, score: breachRate === null ? null : unit(1 - breachRate),
    }),
    indicator({
      capability: 'RESPONDS', name: 'sharedLoad', source,
      description: 'How evenly responders share the responses: 1 − Gini coefficient of responses per responder (score: the value).',
      value: gini === null ? null : 1 - gini, score: gini === null ? null : unit(1 - gini),
    }),
  ];
}

/** Capabilities 4 and 5 from the learning-loop report. */
export function learningIndicators(r: LearningLoopView, o: MaturityOptions): Indicator[] {
  const source = 'learning-loop/report';
  const coverage = defined(r.coverage.share);
  const insightDays = r.signalToInsight.count > 0 ? defined(r.signalToInsight.p50 / DAY) : null;
  const implemented = r.insightToChange.insights > 0 ? defined(r.insightToChange.implementedShare) : null;
  const changeDays = r.insightToChange.implemented > 0 ? defined(r.insightToChange.p50 / DAY) : null;
  const processes = r.processes.count > 0 ? defined(r.processes.share) : null;
  return [
    indicator({
      capability: 'LEARNS', name: 'insightCoverage', source,
      description: `Share of the window's signals an insight was derived from (score: share ÷ ${o.insightCoverage}, capped at 1).`,
      value: coverage, score: towards(coverage, o.insightCoverage),
    }),
    indicator({
      capability: 'LEARNS', name: 'insightLeadDays', source,
      description: `Median days from an insight's first signal to the insight (score: 1 within ${o.insightLeadDays} days, else ${o.insightLeadDays} ÷ days).`,
      value: insightDays, score: within(insightDays, o.insightLeadDays),
    }),
    indicator({
      capability: 'BECOMES_SOCIAL', name: 'implementedInsights', source,
      description: 'Share of the insights created in the window that a change implements (score: the share).',
      value: implemented, score: unit(implemented),
    }),
    indicator({
      capability: 'BECOMES_SOCIAL', name: 'changeLeadDays', source,
      description: `Median days from an insight to its first change (score: 1 within ${o.changeLeadDays} days, else ${o.changeLeadDays} ÷ days).`,
      value: changeDays, score: within(changeDays, o.changeLeadDays),
    }),
    indicator({
      capability: 'BECOMES_SOCIAL', name: 'processesChanged', source,
      description: 'Share of processes changed by feedback in the window (score: the share).',
      value: processes, score: unit(processes),
    }),
  ];
}

/** Capability 5: how open teams are (Krackhardt's E-I index of the organisation, −1 closed … +1 open). */
export function silosIndicators(r: SilosView): Indicator[] {
  const ei = defined(r.organisation.eiIndex);
  return [indicator({
    capability: 'BECOMES_SOCIAL', name: 'teamOpenness', source: 'silos/silos',
    description: 'E-I index of ties between teams and the rest, organisation-wide (score: (E-I + 1) ÷ 2).',
    value: ei, score: ei === null ? null : unit((ei + 1) / 2),
  })];
}

/** Capability 1: value given back across the inside/outside boundary. */
export function valueFlowIndicators(r: ValueFlowView, valueKinds: number): Indicator[] {
  const { flows, groups } = r;
  let crossing = 0;
  let reciprocated = 0;
  for (let c = 0; c < flows.cells; c++) {
    if (groups.side[flows.from[c]] === groups.side[flows.to[c]]) continue;
    for (let k = 0; k < valueKinds; k++) crossing += flows.count[c * valueKinds + k];
    reciprocated += flows.reciprocated[c];
  }
  const share = crossing > 0 ? reciprocated / crossing : null;
  return [indicator({
    capability: 'SERVES_THE_PERSON', name: 'boundaryReciprocity', source: 'value-flow/matrix',
    description: 'Share of value exchanges across the inside/outside boundary that the receiver answered with value in return within 30 days (score: the share).',
    value: share, score: unit(share),
  })];
}
