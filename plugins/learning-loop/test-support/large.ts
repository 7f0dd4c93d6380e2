/**
 * Large synthetic Facts for the performance tests, built directly as typed columns (the stores'
 * layout, domain/facts.ts): signals with topics, insights over clusters of them, changes.
 */
import { SIGNAL_KINDS, type Facts } from '../../../src/plugin-api/index.js';
import { rng } from '../../../test/support/rng.js';


export function largeFacts(signals: number, options: { insights?: number; seed?: number } = {}): Facts {
  const random = rng(options.seed ?? 11);
  const DAY = 86_400_000;
  const start = Date.parse('2025-01-01T00:00:00Z');
  const readAt = start + 365 * DAY;
  const nActors = 10_000;
  const topics = Array.from({ length: 500 }, (_, i) => `topic-${String(i).padStart(3, '0')}`);
  const processes = Array.from({ length: 60 }, (_, i) => `process-${String(i).padStart(2, '0')}`);
  const N = signals;
  const occurredAt = new Float64Array(N);
  const sentiment = new Float64Array(N);
  const topicOffsets = new Uint32Array(N + 1);
  const topicLinks = new Int32Array(N * 3);
  let links = 0;
  for (let i = 0; i < N; i++) {
    occurredAt[i] = start + Math.floor((i / N) * 360 * DAY);
    sentiment[i] = random() < 0.1 ? Number.NaN : random() * 2 - 1;
    const k = Math.floor(random() * 4);
    for (let t = 0; t < k; t++) topicLinks[links++] = Math.floor(random() * topics.length);
    topicOffsets[i + 1] = links;
  }
  const I = options.insights ?? Math.floor(N / 100);
  const createdAt = new Float64Array(I);
  const signalOffsets = new Uint32Array(I + 1);
  const insightSignals: number[] = [];
  const insightTopicOffsets = new Uint32Array(I + 1);
  const insightTopics: number[] = [];
  for (let i = 0; i < I; i++) {
    const first = Math.floor((i / I) * (N - 50));
    const size = 1 + Math.floor(random() * 40);
    for (let k = 0; k < size; k++) insightSignals.push(Math.min(N - 1, first + k));
    signalOffsets[i + 1] = insightSignals.length;
    createdAt[i] = occurredAt[first] + random() * 20 * DAY;
    insightTopics.push(Math.floor(random() * topics.length));
    insightTopicOffsets[i + 1] = insightTopics.length;
  }
  const changeInsight: number[] = [];
  const changeProcess: number[] = [];
  const appliedAt: number[] = [];
  for (let i = 0; i < I; i++) {
    if (random() < 0.5) continue;
    changeInsight.push(i);
    changeProcess.push(Math.floor(random() * (processes.length - 5))); // the last five never change
    appliedAt.push(createdAt[i] + random() * 60 * DAY);
  }
  const order = changeInsight.map((_, k) => k).sort((a, b) => appliedAt[a] - appliedAt[b]);
  return {
    readAt,
    actors: { count: nActors, keys: Array.from({ length: nActors }, (_, i) => `a${i}`), kind: new Uint8Array(nActors), team: new Int32Array(nActors).fill(-1), erased: new Uint8Array(nActors) },
    signals: {
      count: N, channel: new Uint16Array(N), kind: Uint8Array.from({ length: N }, () => Math.floor(random() * SIGNAL_KINDS.length)),
      status: new Uint8Array(N), occurredAt, sentiment,
      emitter: Int32Array.from({ length: N }, () => Math.floor(random() * nActors)), assignee: new Int32Array(N).fill(-1),
      aboutActorOffsets: new Uint32Array(N + 1), aboutActors: new Int32Array(0), topicOffsets, topics: topicLinks.slice(0, links),
    },
    responses: { count: 0, signal: new Int32Array(0), responder: new Int32Array(0), respondedAt: new Float64Array(0), channel: new Uint16Array(0) },
    exchanges: { count: 0, from: new Int32Array(0), to: new Int32Array(0), kind: new Uint8Array(0), amount: new Float64Array(0), occurredAt: new Float64Array(0) },
    insights: {
      count: I, createdAt, signalOffsets, signals: Int32Array.from(insightSignals), topicOffsets: insightTopicOffsets, topics: Int32Array.from(insightTopics),
    },
    changes: {
      count: order.length, insight: Int32Array.from(order, (k) => changeInsight[k]), process: Int32Array.from(order, (k) => changeProcess[k]),
      appliedAt: Float64Array.from(order, (k) => appliedAt[k]),
    },
    channels: ['email'],
    topics,
    processes,
  };
}
