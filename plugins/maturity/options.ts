/** The maturity plugin's options (OSMOSIS_PLUGIN_OPTIONS.maturity): the targets indicators are scored against. */
import { z } from '../../src/plugin-api/index.js';

export const maturityOptions = z.strictObject({
  /** A capability is reached at this score (0–100). */
  threshold: z.number().min(0).max(100).default(60),
  /** Channels with signals in the window that count as listening everywhere. */
  channels: z.number().int().min(1).max(100).default(4),
  /** The smaller side's share of signals (inside or outside) that counts as hearing both. */
  voiceShare: z.number().gt(0).max(0.5).default(0.2),
  /** Share of signals linked to insights that counts as learning from them. */
  insightCoverage: z.number().gt(0).max(1).default(0.05),
  /** Days from the first signal to its insight within which learning counts as timely. */
  insightLeadDays: z.number().positive().max(3_660).default(30),
  /** Days from an insight to its first change within which acting counts as timely. */
  changeLeadDays: z.number().positive().max(3_660).default(60),
  /** Default window length in days. */
  windowDays: z.number().positive().max(3_660).default(90),
});
export type MaturityOptions = z.output<typeof maturityOptions>;
