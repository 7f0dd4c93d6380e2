import { describe, expect, it } from 'vitest';
import { learningIndicators, responsivenessIndicators, silosIndicators, valueFlowIndicators, type ResponsivenessView } from './indicators.js';
import { maturityOptions } from './options.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const o = maturityOptions.parse({});
const byName = (list: { name: string; value: number | null; score: number | null }[]) => Object.fromEntries(list.map((i) => [i.name, [i.value, i.score]]));

/** A report of 100 signals: 80 from outside (answered 40, median 10 h), 20 from inside (answered 16, median 5 h). */
const bySide: ResponsivenessView = {
  overall: { signals: [100], responseRate: [0.56], firstResponseP50: [8 * HOUR], breachRate: [0.25], responderGini: [0.4] },
  groups: {
    count: 2, side: ['INSIDE', 'OUTSIDE'], channel: [null, null],
    stats: { signals: [20, 80], responseRate: [0.8, 0.5], firstResponseP50: [5 * HOUR, 10 * HOUR] },
  },
};
/** Three channels with signals, one without. */
const byChannel: ResponsivenessView = {
  overall: bySide.overall,
  groups: { count: 4, side: [null, null, null, null], channel: ['email', 'web', 'phone', 'chat'], stats: { signals: [50, 30, 20, 0], responseRate: [], firstResponseP50: [] } },
};

describe('maturity indicators', () => {
  it('reads parity, reach, voice and response from the responsiveness reports', () => {
    expect(byName(responsivenessIndicators(bySide, byChannel, o))).toEqual({
      outsideAnswerParity: [0.625, 0.625], // 0.5 / 0.8
      outsideSpeedParity: [0.5, 0.5], // 5 h / 10 h
      channelReach: [3, 0.75], // 3 channels / 4
      voiceBalance: [0.2, 1], // min(20, 80) / 100 = 0.2 → 0.2 / 0.2
      responseRate: [0.56, 0.56],
      onTime: [0.75, 0.75], // 1 − 0.25
      sharedLoad: [0.6, 0.6], // 1 − 0.4
    });
  });

  it('leaves parity undefined when a side has no signals', () => {
    const outsideOnly: ResponsivenessView = { ...bySide, groups: { ...bySide.groups, count: 1, side: ['OUTSIDE'], stats: { signals: [80], responseRate: [0.5], firstResponseP50: [10 * HOUR] } } };
    const got = byName(responsivenessIndicators(outsideOnly, byChannel, o));
    expect(got.outsideAnswerParity).toEqual([null, null]);
    expect(got.voiceBalance).toEqual([0, 0]);
  });

  it('reads coverage, lead times and changes from the learning loop', () => {
    expect(byName(learningIndicators({
      coverage: { signals: 200, linked: 5, share: 0.025 },
      signalToInsight: { count: 4, p50: 45 * DAY },
      insightToChange: { insights: 4, implemented: 3, implementedShare: 0.75, p50: 20 * DAY },
      processes: { count: 5, changed: 2, share: 0.4 },
    }, o))).toEqual({
      insightCoverage: [0.025, 0.5], // 0.025 / 0.05
      insightLeadDays: [45, 0.6667], // 30 / 45
      implementedInsights: [0.75, 0.75],
      changeLeadDays: [20, 1], // within 60 days
      processesChanged: [0.4, 0.4],
    });
  });

  it('counts reciprocity on the cells that cross the inside/outside boundary', () => {
    // Groups: 0 INSIDE, 1 OUTSIDE; two value kinds. Cells: in→in 5 (ignored), in→out 3+1 (2 returned), out→in 6 (3 returned).
    const got = valueFlowIndicators({
      groups: { side: [0, 1] },
      flows: { cells: 3, from: [0, 0, 1], to: [0, 1, 0], count: [5, 0, 3, 1, 6, 0], reciprocated: [4, 2, 3] },
    }, 2);
    expect(byName(got)).toEqual({ boundaryReciprocity: [0.5, 0.5] }); // (2 + 3) / (4 + 6)
  });

  it('maps the E-I index from [-1, 1] to [0, 1]', () => {
    expect(byName(silosIndicators({ organisation: { eiIndex: -0.5 } }))).toEqual({ teamOpenness: [-0.5, 0.25] });
  });
});
