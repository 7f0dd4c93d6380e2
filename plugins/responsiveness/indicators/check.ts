/**
 * Osmosis Responsiveness: input checks
 * =====================================
 *
 * Shared by the indicators of this folder. Every check throws an IndicatorError whose message
 * starts with the indicator's module path, e.g. `osmosis/responsiveness/backlog: ...`, and runs
 * in O(1) before any loop, so a malformed input fails here and not deep in a pass.
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import type { Grouping } from './scope.js';

export class IndicatorError extends Error {
  override readonly name = 'IndicatorError';
}

export const invalid = (module: string, message: string): IndicatorError => new IndicatorError(`${module}: ${message}`);

/** The facts have the tables the indicators read, with consistent lengths. */
export function checkFacts(module: string, facts: Facts): void {
  if (!facts || typeof facts !== 'object' || !facts.signals || !facts.responses || !facts.actors) {
    throw invalid(module, 'facts must be the Facts of a `facts: true` analytic');
  }
  const s = facts.signals;
  if (s.occurredAt.length !== s.count || s.kind.length !== s.count || s.channel.length !== s.count) {
    throw invalid(module, 'the signal columns disagree with signals.count');
  }
  if (facts.responses.signal.length !== facts.responses.count || facts.actors.team.length !== facts.actors.count) {
    throw invalid(module, 'the response or actor columns disagree with their count');
  }
}

/** The grouping was made for these facts. */
export function checkGrouping(module: string, facts: Facts, grouping: Grouping): void {
  if (!grouping || !(grouping.group instanceof Int32Array) || grouping.group.length !== facts.signals.count) {
    throw invalid(module, 'grouping.group must be an Int32Array with one entry per signal');
  }
  if (!Number.isSafeInteger(grouping.count) || grouping.count < 0) throw invalid(module, 'grouping.count must be a non-negative integer');
}

/** One entry per signal. */
export function checkPerSignal(module: string, facts: Facts, name: string, column: ArrayLike<number>): void {
  if (!column || column.length !== facts.signals.count) throw invalid(module, `${name} must have one entry per signal`);
}
