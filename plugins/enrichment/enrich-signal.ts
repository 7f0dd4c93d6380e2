/**
 * What the plugin writes for one signal: the analysis of its text as an Enrichment, keeping a
 * sentiment the signal already has unless told to replace it; null when there is nothing to write
 * (no text, e.g. after the right to be forgotten, and no topic). Only the first MAX_ANALYSED_CHARS
 * characters are analysed: signals are short messages, and a 20,000-character text of repeated
 * words would otherwise cost tens of milliseconds on the event loop.
 */
import type { Enrichment, SignalView } from '../../src/plugin-api/index.js';
import { analyse, type AnalyseSettings } from './analyse.js';

/** Characters of a text the analysis reads (the opening of a long text carries its tone and subject). */
export const MAX_ANALYSED_CHARS = 2_000;

export function enrichmentOf(signal: Pick<SignalView, 'text' | 'sentiment'>, settings: AnalyseSettings, replaceSentiment: boolean): Enrichment | null {
  if (!signal.text) return null;
  const { sentiment, topics } = analyse(signal.text.slice(0, MAX_ANALYSED_CHARS), settings);
  const out: Enrichment = {};
  if (sentiment !== null && (replaceSentiment || signal.sentiment === null)) out.sentiment = sentiment;
  if (topics.length) out.topics = topics;
  return out.sentiment === undefined && !out.topics ? null : out;
}
