/**
 * Osmosis Learning loop: trending topics
 * =======================================
 *
 * Per topic (Facts.topics order), in the window [since, until) and in the previous window of equal
 * length [previousSince, since): the signals about it (ABOUT links to the topic, signals kept by
 * the filter), their mean sentiment (over the signals whose sentiment is known), and the insights
 * created in each window tagged with it. Then:
 *   growth          = (current − previous) / previous   (NaN when previous is 0: a new topic)
 *   sentimentChange = mean sentiment now − mean sentiment before (NaN when either is undefined)
 *
 * [Definition]:
 * Period-over-period growth rate, the usual trend measure of topic monitoring (e.g. Jon Kleinberg,
 * "Bursty and hierarchical structure in streams", KDD 2002, for the idea of a topic's burst against
 * its own baseline; here the baseline is simply the previous window).
 *
 * One pass over the signals of both windows and their topic links, one over the insights, O(N + L + I).
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkMask, checkWindow } from './check.js';
import type { Window } from './window.js';

const MODULE = 'osmosis/learning-loop/trending-topics';

export interface TopicTrends {
  /** Per topic: signals about it in the window. */
  current: Float64Array;
  /** Per topic: in the previous window. */
  previous: Float64Array;
  /** Per topic: (current − previous) / previous, NaN when previous is 0. */
  growth: Float64Array;
  /** Per topic: mean known sentiment in the window, NaN when none known. */
  sentiment: Float64Array;
  /** Per topic: in the previous window. */
  previousSentiment: Float64Array;
  /** Per topic: sentiment − previousSentiment. */
  sentimentChange: Float64Array;
  /** Per topic: insights created in the window tagged with it. */
  insights: Float64Array;
  /** Per topic: in the previous window. */
  previousInsights: Float64Array;
}

export function topicTrends(facts: Facts, kept: Uint8Array, window: Window): TopicTrends {
  checkFacts(MODULE, facts);
  checkMask(MODULE, facts, kept);
  checkWindow(MODULE, window);
  const T = facts.topics.length;
  const current = new Float64Array(T);
  const previous = new Float64Array(T);
  const sum = new Float64Array(2 * T); // [current | previous]
  const known = new Float64Array(2 * T);
  const { count, occurredAt, sentiment: feeling, topicOffsets, topics } = facts.signals;
  for (let s = 0; s < count; s++) {
    const t = occurredAt[s];
    if (!kept[s] || !(t >= window.previousSince && t < window.until)) continue;
    const now = t >= window.since;
    const x = feeling[s];
    for (let l = topicOffsets[s]; l < topicOffsets[s + 1]; l++) {
      const topic = topics[l];
      if (now) current[topic]++;
      else previous[topic]++;
      if (x === x) {
        const slot = now ? topic : T + topic;
        sum[slot] += x;
        known[slot]++;
      }
    }
  }
  const insights = new Float64Array(T);
  const previousInsights = new Float64Array(T);
  const ins = facts.insights;
  for (let i = 0; i < ins.count; i++) {
    const t = ins.createdAt[i];
    if (!(t >= window.previousSince && t < window.until)) continue;
    const into = t >= window.since ? insights : previousInsights;
    for (let l = ins.topicOffsets[i]; l < ins.topicOffsets[i + 1]; l++) into[ins.topics[l]]++;
  }
  const growth = new Float64Array(T);
  const sentiment = new Float64Array(T);
  const previousSentiment = new Float64Array(T);
  const sentimentChange = new Float64Array(T);
  for (let k = 0; k < T; k++) {
    growth[k] = previous[k] > 0 ? (current[k] - previous[k]) / previous[k] : Number.NaN;
    sentiment[k] = known[k] ? sum[k] / known[k] : Number.NaN;
    previousSentiment[k] = known[T + k] ? sum[T + k] / known[T + k] : Number.NaN;
    sentimentChange[k] = sentiment[k] - previousSentiment[k];
  }
  return { current, previous, growth, sentiment, previousSentiment, sentimentChange, insights, previousInsights };
}
