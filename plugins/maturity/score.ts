/**
 * The maturity score, a pure function of indicator values:
 *
 *   indicator score   s_i ∈ [0, 1], from its raw value by its own formula (indicators.ts);
 *   capability score  S_c = 100 × mean of the defined s_i of capability c (null: none defined);
 *   stage             the highest k ∈ 1..5 with S_1 … S_k all ≥ threshold (default 60), else 0.
 *
 * Stages are cumulative on purpose: an organisation that changes processes (5) without answering
 * its customers (3) has not become social, it has reorganised. docs/analytics.md has the formulas.
 */

/** The five capabilities of a social business, in the order an organisation reaches them. */
export const CAPABILITIES = [
  { stage: 1, name: 'SERVES_THE_PERSON', title: 'serves the person', question: 'Do people inside and outside count the same?' },
  { stage: 2, name: 'LISTENS', title: 'listens', question: 'Does it hear everyone, on every channel?' },
  { stage: 3, name: 'RESPONDS', title: 'responds', question: 'Does it answer, on time, as one organisation?' },
  { stage: 4, name: 'LEARNS', title: 'learns', question: 'Does it turn what it hears into insights?' },
  { stage: 5, name: 'BECOMES_SOCIAL', title: 'becomes social', question: 'Do its processes change on feedback?' },
] as const;
export type CapabilityName = (typeof CAPABILITIES)[number]['name'];

/** One indicator behind a capability. */
export interface Indicator {
  capability: CapabilityName;
  /** Stable name, e.g. `outsideResponseParity`. */
  name: string;
  /** What it measures, with its formula. */
  description: string;
  /** The raw measurement (a rate, hours, days, an index); null when the data does not define it. */
  value: number | null;
  /** The raw value mapped to [0, 1] (1 = mature); null when `value` is. */
  score: number | null;
  /** `plugin/analytic` it comes from. */
  source: string;
}

export interface CapabilityScore {
  name: CapabilityName;
  stage: number;
  title: string;
  question: string;
  /** 0–100, null when none of its indicators is defined. */
  score: number | null;
  /** At least the threshold. */
  reached: boolean;
  indicators: Indicator[];
}

export interface MaturityScore {
  /** 0 (not even stage 1) to 5. */
  stage: number;
  /** Mean of the defined capability scores, 0–100. */
  overall: number | null;
  threshold: number;
  capabilities: CapabilityScore[];
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function score(indicators: readonly Indicator[], threshold = 60): MaturityScore {
  if (!(threshold >= 0 && threshold <= 100)) throw new RangeError('threshold must be in [0, 100]');
  const capabilities = CAPABILITIES.map((c): CapabilityScore => {
    const own = indicators.filter((i) => i.capability === c.name);
    const scores = own.map((i) => i.score).filter((s): s is number => s !== null && Number.isFinite(s));
    const m = mean(scores);
    const value = m === null ? null : 100 * m;
    return { name: c.name, stage: c.stage, title: c.title, question: c.question, score: value, reached: value !== null && value >= threshold, indicators: own };
  });
  let stage = 0;
  while (stage < capabilities.length && capabilities[stage].reached) stage++;
  return { stage, overall: mean(capabilities.map((c) => c.score).filter((s): s is number => s !== null)), threshold, capabilities };
}

/** Clamps to [0, 1]; null for an undefined input. */
export const unit = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : Math.min(1, Math.max(0, x)));

/** `value / target` capped at 1 (more is better); null when undefined. */
export const towards = (value: number | null, target: number): number | null => (value === null ? null : unit(value / target));

/** `target / value` capped at 1 (less is better, e.g. a lead time); 1 for zero; null when undefined. */
export const within = (value: number | null, target: number): number | null =>
  (value === null || !Number.isFinite(value) ? null : value <= target ? 1 : unit(target / value));
