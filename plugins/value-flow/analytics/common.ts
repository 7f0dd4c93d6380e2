/** What every value-flow analytic does first: check the facts line up with the graph, and select the exchanges. */
import { VALUE_KINDS, isTangible, type Facts, type Projection, type ValueKind } from '../../../src/plugin-api/index.js';
import { selectExchanges, type ExchangeFilter } from '../algorithms/select.js';
import type { ExchangeParams } from '../params.js';

/** The facts' actors are the projection's nodes (no nodeKinds filter): same count, same keys. */
export function checkAligned(graph: Projection, facts: Facts): void {
  const n = graph.nodeCount;
  if (facts.actors.count !== n || (n > 0 && (facts.actors.keys[0] !== graph.keys[0] || facts.actors.keys[n - 1] !== graph.keys[n - 1]))) {
    throw new Error('value-flow: the facts and the projection disagree on the actors');
  }
}

/** The filter of the params: time window in ms, value-kind codes. */
export function filterOf(p: ExchangeParams): ExchangeFilter {
  let kinds: ValueKind[] | null = p.valueKinds?.length ? [...p.valueKinds] : null;
  if (p.tangible !== undefined) kinds = (kinds ?? [...VALUE_KINDS]).filter((k) => isTangible(k) === p.tangible);
  return {
    since: p.since ? Date.parse(p.since) : -Infinity,
    until: p.until ? Date.parse(p.until) : Infinity,
    kinds: kinds === null ? null : kinds.map((k) => VALUE_KINDS.indexOf(k)),
  };
}

/** The rows of the exchanges the params select. */
export const rowsOf = (facts: Facts, p: ExchangeParams): Uint32Array => selectExchanges(facts.exchanges, filterOf(p));
