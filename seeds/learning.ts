/**
 * The learning loop: insights derived from clusters of signals (story.ts says where they are),
 * and the changes that implement some of them.
 */
import type { ChangeInput, InsightInput } from '../src/domain/inputs.js';
import type { SignalEvent } from './signals.js';
import { CHANGES, INSIGHTS, type ChangeSpec } from './story.js';
import { DAY, dayIso, HOUR, iso } from './time.js';

/**
 * For each insight, the indices (in stream order) of the signals it derives from: the story's
 * cluster when it has signals, otherwise any signal on the topic, otherwise some signal — so a
 * small world still gets a complete, if thinner, learning loop.
 */
export function insightSources(events: Iterable<SignalEvent>, insights: number, cap: number): number[][] {
  // An insight is drawn after its signals: fallbacks take only signals that occurred before its date.
  const specs = INSIGHTS.slice(0, insights).map((s, j) => ({ ...s, fromMs: dayIso(s.from), toMs: dayIso(s.to), drawnMs: Date.parse(insightDate(j)) }));
  const inCluster = specs.map(() => [] as number[]);
  const onTopic = specs.map(() => [] as number[]);
  const earlier = specs.map(() => [] as number[]);
  let total = 0;
  for (const e of events) {
    total++;
    specs.forEach((s, j) => {
      if (e.at >= s.drawnMs) return;
      if (earlier[j].length < 1) earlier[j].push(e.index);
      if (e.topic !== s.topic) return;
      if (onTopic[j].length < cap) onTopic[j].push(e.index);
      if (s.kinds.includes(e.input.kind) && e.at >= s.fromMs && e.at < s.toMs) inCluster[j].push(e.index);
    });
  }
  if (total === 0) return [];
  // A world so small that no signal precedes an insight gets no such insight (nor its changes).
  return specs.map((_, j) => (inCluster[j].length ? spreadSample(inCluster[j], cap) : onTopic[j].length ? onTopic[j] : earlier[j]));
}

/** At most `cap` items, evenly spaced, keeping order. */
function spreadSample(items: number[], cap: number): number[] {
  if (items.length <= cap) return items;
  return Array.from({ length: cap }, (_, k) => items[Math.floor((k * items.length) / cap)]);
}

/**
 * When insight j was drawn: the morning after its window of signals closed, or the day before its
 * first change when the organisation acted sooner — an insight always precedes what implements it.
 */
export function insightDate(j: number): string {
  const afterWindow = dayIso(INSIGHTS[j].to) + DAY + 9 * HOUR;
  const changes = CHANGES.filter((c) => c.insight === j).map((c) => dayIso(c.appliedAt) + 10 * HOUR - DAY);
  return iso(Math.min(afterWindow, ...changes));
}

export function insightInputs(sources: number[][], signalIds: readonly string[]): InsightInput[] {
  return sources.map((indices, j) => {
    const s = INSIGHTS[j];
    return {
      createdAt: insightDate(j),
      title: s.title,
      summary: `${s.summary} Derived from ${indices.length} signals between ${s.from} and ${s.to}.`,
      signalIds: indices.map((i) => signalIds[i]),
      topics: [...s.topics],
    };
  });
}

/** Changes whose insight exists among the first `insights`, at most `changes` of them. */
export const changeSpecs = (insights: number, changes: number): ChangeSpec[] =>
  CHANGES.filter((c) => c.insight < insights).slice(0, changes);

export function changeInputs(specs: readonly ChangeSpec[], insightIds: readonly string[]): ChangeInput[] {
  return specs.map((c) => ({
    insightId: insightIds[c.insight],
    processName: c.process,
    description: c.description,
    appliedAt: iso(dayIso(c.appliedAt) + 10 * HOUR),
  }));
}
