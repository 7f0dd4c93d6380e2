/**
 * Worker side of `learning-loop/report`: every indicator of the loop signal → insight → change
 * (indicators/) for the window and the filter.
 */
import { defineCompute, factsOf } from '../../../src/plugin-api/index.js';
import {
  coverage, firstChanges, insightToChange, keptSignals, processChanges, signalToInsight, topicTrends, unimplementedInsights, windowOf,
} from '../indicators/index.js';
import type { LearningLoopResult, ReportParams } from '../params.js';

export default defineCompute<ReportParams, LearningLoopResult>((_graph, params, context) => {
  const facts = factsOf(context);
  const window = windowOf(
    facts.readAt, params.since ? Date.parse(params.since) : undefined, params.until ? Date.parse(params.until) : undefined, params.windowDays,
  );
  const kept = keptSignals(facts, {
    ...(params.channels ? { channels: params.channels } : {}),
    ...(params.kinds ? { kinds: params.kinds } : {}),
    ...(params.side ? { side: params.side } : {}),
  });
  const first = firstChanges(facts);
  const processes = processChanges(facts, window);
  const unimplemented = unimplementedInsights(facts, window.until);

  // The insights the result names: those implemented by the window's changes, and the unimplemented ones.
  const index = Int32Array.from(new Set([...processes.insights, ...unimplemented])).sort();
  const ins = facts.insights;
  const insights = {
    index,
    createdAt: Float64Array.from(index, (i) => ins.createdAt[i]),
    signals: Float64Array.from(index, (i) => ins.signalOffsets[i + 1] - ins.signalOffsets[i]),
    firstChangeAt: Float64Array.from(index, (i) => first[i]),
    topics: Array.from(index, (i) => Array.from(ins.topics.subarray(ins.topicOffsets[i], ins.topicOffsets[i + 1]), (t) => facts.topics[t])),
  };
  return {
    readAt: facts.readAt,
    ...window,
    coverage: coverage(facts, kept, window),
    signalToInsight: signalToInsight(facts, window),
    insightToChange: insightToChange(facts, window, first),
    processes: { ...processes, names: [...facts.processes] },
    unimplemented,
    insights,
    topics: { ...topicTrends(facts, kept, window), names: [...facts.topics] },
  };
});
