/**
 * Worker side of `responsiveness/report`: every indicator (indicators/) for the signals in scope,
 * once overall and once per group.
 */
import {
  SIDES, SIGNAL_KINDS, defineCompute, factsOf, type Facts,
} from '../../../src/plugin-api/index.js';
import {
  backlog, breaches, breadth, firstResponses, groupSignals, responseTime, signalTeams, volume,
  type FirstResponses, type Grouping, type SignalFilter, type Targets,
} from '../indicators/index.js';
import type { ReportParams, ResponsivenessResult, ResponsivenessStats } from '../params.js';

function stats(facts: Facts, grouping: Grouping, first: FirstResponses, targets: Targets): ResponsivenessStats {
  const v = volume(facts, grouping, first);
  const t = responseTime(facts, grouping, first);
  const b = backlog(facts, grouping, first);
  const x = breaches(facts, grouping, first, targets);
  const w = breadth(facts, grouping);
  return {
    signals: v.signals, answered: v.answered, responseRate: v.responseRate,
    firstResponseP50: t.p50, firstResponseP90: t.p90, firstResponseMean: t.mean,
    backlog: b.open, backlogMedianAge: b.medianAge, backlogMaxAge: b.maxAge,
    due: x.due, breaches: x.breaches, breachRate: x.breachRate,
    responses: w.responses, responders: w.responders, respondingTeams: w.teams, responderGini: w.responderGini, teamGini: w.teamGini,
  };
}

export default defineCompute<ReportParams, ResponsivenessResult>((_graph, params, context) => {
  const facts = factsOf(context);
  const first = firstResponses(facts);
  const filter: SignalFilter = {
    ...(params.since ? { since: Date.parse(params.since) } : {}),
    ...(params.until ? { until: Date.parse(params.until) } : {}),
    ...(params.channels ? { channels: params.channels } : {}),
    ...(params.kinds ? { kinds: params.kinds } : {}),
    ...(params.side ? { side: params.side } : {}),
  };
  const overall = stats(facts, groupSignals(facts, filter), first, params.targets);
  if (!params.groupBy.length) {
    // No dimension, no groups: the overall row says it all.
    const empty = Object.fromEntries(Object.keys(overall).map((k) => [k, new Float64Array(0)])) as unknown as ResponsivenessStats;
    return { readAt: facts.readAt, dimensions: [], overall, groups: { count: 0, channel: [], kind: [], side: [], team: [], stats: empty } };
  }
  const teams = params.groupBy.includes('BY_TEAM') ? signalTeams(facts, first) : null;
  const grouping = groupSignals(facts, filter, params.groupBy, teams);
  const name = <T>(codes: Int32Array, names: readonly T[]): (T | null)[] => Array.from(codes, (c) => (c >= 0 ? names[c] : null));
  return {
    readAt: facts.readAt,
    dimensions: [...grouping.dimensions],
    overall,
    groups: {
      count: grouping.count,
      channel: name(grouping.channel, facts.channels),
      kind: name(grouping.kind, SIGNAL_KINDS),
      side: name(grouping.side, SIDES),
      team: name(grouping.team, facts.actors.keys),
      stats: stats(facts, grouping, first, params.targets),
    },
  };
});
