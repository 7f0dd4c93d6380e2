/**
 * One maturity assessment: runs the indicator analytics of the plugins maturity depends on for a
 * window and the one before it (in the worker pool, cached by graph version and params), then
 * scores both. Cheap arithmetic on the event loop; the heavy work is the dependencies'.
 */
import { VALUE_KINDS, type AnalyticsRunner } from '../../src/plugin-api/index.js';
import {
  learningIndicators, responsivenessIndicators, silosIndicators, valueFlowIndicators,
  type LearningLoopView, type ResponsivenessView, type SilosView, type ValueFlowView,
} from './indicators.js';
import type { MaturityOptions } from './options.js';
import { score, type MaturityScore } from './score.js';

export interface Window {
  since: string;
  until: string;
}

export interface Assessment extends MaturityScore {
  window: Window;
  previous: MaturityScore & { window: Window };
}

const DAY = 86_400_000;

/** The window before `w`, of the same length. */
export const previousWindow = (w: Window): Window => {
  const length = Date.parse(w.until) - Date.parse(w.since);
  return { since: new Date(Date.parse(w.since) - length).toISOString(), until: w.since };
};

/**
 * The window of the arguments: `until` default now (to the hour, so repeated calls share cached
 * results), `since` default `windowDays` before it.
 */
export function windowOf(since: string | null, until: string | null, windowDays: number, now = Date.now()): Window {
  const end = until ?? new Date(Math.ceil(now / 3_600_000) * 3_600_000).toISOString();
  const start = since ?? new Date(Date.parse(end) - windowDays * DAY).toISOString();
  return { since: start, until: end };
}

export type Dependencies = (plugin: string) => AnalyticsRunner;

async function scoreWindow(dependency: Dependencies, w: Window, o: MaturityOptions): Promise<MaturityScore> {
  const responsiveness = dependency('responsiveness');
  const [bySide, byChannel, learning, silos, flows] = await Promise.all([
    responsiveness.run<ResponsivenessView>('report', { ...w, groupBy: ['BY_SIDE'] }),
    responsiveness.run<ResponsivenessView>('report', { ...w, groupBy: ['BY_CHANNEL'] }),
    dependency('learning-loop').run<LearningLoopView>('report', w),
    // The network as it stands (one computation for both windows: most ties carry no date, so a
    // network "as of" a past date would mostly be today's anyway).
    dependency('silos').run<SilosView>('silos', {}),
    dependency('value-flow').run<ValueFlowView>('matrix', { ...w, groupBy: 'SIDE', window: 30 }),
  ]);
  return score([
    ...responsivenessIndicators(bySide.value, byChannel.value, o),
    ...learningIndicators(learning.value, o),
    ...silosIndicators(silos.value),
    ...valueFlowIndicators(flows.value, VALUE_KINDS.length),
  ], o.threshold);
}

export async function assess(dependency: Dependencies, window: Window, o: MaturityOptions): Promise<Assessment> {
  const before = previousWindow(window);
  const [current, previous] = await Promise.all([scoreWindow(dependency, window, o), scoreWindow(dependency, before, o)]);
  return { ...current, window, previous: { ...previous, window: before } };
}
