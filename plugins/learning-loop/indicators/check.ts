/**
 * Osmosis Learning loop: input checks
 * ====================================
 *
 * Shared by the indicators of this folder. Every check throws an IndicatorError whose message
 * starts with the indicator's module path, e.g. `osmosis/learning-loop/coverage: ...`, and runs in
 * O(1) before any loop.
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import type { Window } from './window.js';

export class IndicatorError extends Error {
  override readonly name = 'IndicatorError';
}

export const invalid = (module: string, message: string): IndicatorError => new IndicatorError(`${module}: ${message}`);

/** The facts have the tables the indicators read, with consistent lengths. */
export function checkFacts(module: string, facts: Facts): void {
  if (!facts || typeof facts !== 'object' || !facts.signals || !facts.insights || !facts.changes) {
    throw invalid(module, 'facts must be the Facts of a `facts: true` analytic');
  }
  const { signals, insights, changes } = facts;
  if (signals.occurredAt.length !== signals.count || signals.topicOffsets.length !== signals.count + 1) {
    throw invalid(module, 'the signal columns disagree with signals.count');
  }
  if (insights.createdAt.length !== insights.count || insights.signalOffsets.length !== insights.count + 1 || insights.topicOffsets.length !== insights.count + 1) {
    throw invalid(module, 'the insight columns disagree with insights.count');
  }
  if (changes.insight.length !== changes.count || changes.appliedAt.length !== changes.count) {
    throw invalid(module, 'the change columns disagree with changes.count');
  }
}

export function checkWindow(module: string, window: Window): void {
  if (!window || !(window.since <= window.until) || !(window.previousSince <= window.since)) {
    throw invalid(module, 'window must have previousSince <= since <= until (ms)');
  }
}

/** One flag per signal. */
export function checkMask(module: string, facts: Facts, kept: Uint8Array): void {
  if (!(kept instanceof Uint8Array) || kept.length !== facts.signals.count) throw invalid(module, 'kept must be a Uint8Array with one flag per signal');
}
