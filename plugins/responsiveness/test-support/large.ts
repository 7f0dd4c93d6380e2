/**
 * Large synthetic Facts for the performance tests, built directly as typed columns (the stores'
 * layout, domain/facts.ts) so that building them costs little next to the analytic under test.
 */
import { ACTOR_KINDS, SIGNAL_KINDS, SIGNAL_STATUSES, type Facts } from '../../../src/plugin-api/index.js';
import { rng } from '../../../test/support/rng.js';


export function largeFacts(signals: number, options: { actors?: number; teams?: number; seed?: number } = {}): Facts {
  const random = rng(options.seed ?? 7);
  const nActors = options.actors ?? 20_000;
  const nTeams = options.teams ?? 40;
  const DAY = 86_400_000;
  const start = Date.parse('2025-01-01T00:00:00Z');
  const readAt = start + 365 * DAY;

  const keys = Array.from({ length: nActors }, (_, i) => `a${String(i).padStart(6, '0')}`);
  const kind = new Uint8Array(nActors);
  const team = new Int32Array(nActors).fill(-1);
  const TEAM = ACTOR_KINDS.indexOf('TEAM');
  const EMPLOYEE = ACTOR_KINDS.indexOf('EMPLOYEE');
  const CUSTOMER = ACTOR_KINDS.indexOf('CUSTOMER');
  const employees = Math.floor(nActors / 5);
  for (let i = 0; i < nActors; i++) {
    if (i < nTeams) { kind[i] = TEAM; team[i] = i; } else if (i < employees) { kind[i] = EMPLOYEE; team[i] = i % nTeams; } else kind[i] = CUSTOMER;
  }

  const channels = ['app-review', 'chat', 'email', 'instagram', 'intranet', 'meeting', 'phone', 'store', 'survey', 'twitter', 'web-form'];
  const topics = Array.from({ length: 200 }, (_, i) => `topic-${String(i).padStart(3, '0')}`);
  const N = signals;
  const s = {
    count: N,
    channel: new Uint16Array(N), kind: new Uint8Array(N), status: new Uint8Array(N), occurredAt: new Float64Array(N),
    sentiment: new Float64Array(N), emitter: new Int32Array(N), assignee: new Int32Array(N),
    aboutActorOffsets: new Uint32Array(N + 1), aboutActors: new Int32Array(0),
    topicOffsets: new Uint32Array(N + 1), topics: new Int32Array(N * 2),
  };
  const responseSignal: number[] = [];
  const responder: number[] = [];
  const respondedAt: number[] = [];
  const ANSWERED = SIGNAL_STATUSES.indexOf('ANSWERED');
  const ASSIGNED = SIGNAL_STATUSES.indexOf('ASSIGNED');
  let topicLinks = 0;
  for (let i = 0; i < N; i++) {
    s.occurredAt[i] = start + Math.floor((i / N) * 360 * DAY);
    s.channel[i] = Math.floor(random() * channels.length);
    s.kind[i] = Math.floor(random() * SIGNAL_KINDS.length);
    s.sentiment[i] = random() < 0.1 ? Number.NaN : random() * 2 - 1;
    s.emitter[i] = random() < 0.05 ? -1 : nTeams + Math.floor(random() * (nActors - nTeams));
    s.assignee[i] = random() < 0.7 ? nTeams + Math.floor(random() * (employees - nTeams)) : -1;
    const answers = random() < 0.7 ? 1 + Math.floor(random() * 2) : 0;
    for (let r = 0; r < answers; r++) {
      responseSignal.push(i);
      responder.push(nTeams + Math.floor(random() * (employees - nTeams)));
      respondedAt.push(s.occurredAt[i] + (r + random()) * 3 * DAY);
    }
    s.status[i] = answers ? ANSWERED : s.assignee[i] >= 0 ? ASSIGNED : Math.floor(random() * 2) * 3; // OPEN or CLOSED
    const k = Math.floor(random() * 3);
    for (let t = 0; t < k && topicLinks < s.topics.length; t++) s.topics[topicLinks++] = Math.floor(random() * topics.length);
    s.topicOffsets[i + 1] = topicLinks;
  }
  const R = responseSignal.length;
  return {
    readAt,
    actors: { count: nActors, keys, kind, team, erased: new Uint8Array(nActors) },
    signals: { ...s, topics: s.topics.slice(0, topicLinks) },
    responses: {
      count: R, signal: Int32Array.from(responseSignal), responder: Int32Array.from(responder),
      respondedAt: Float64Array.from(respondedAt), channel: new Uint16Array(R),
    },
    exchanges: { count: 0, from: new Int32Array(0), to: new Int32Array(0), kind: new Uint8Array(0), amount: new Float64Array(0), occurredAt: new Float64Array(0) },
    insights: { count: 0, createdAt: new Float64Array(0), signalOffsets: new Uint32Array(1), signals: new Int32Array(0), topicOffsets: new Uint32Array(1), topics: new Int32Array(0) },
    changes: { count: 0, insight: new Int32Array(0), process: new Int32Array(0), appliedAt: new Float64Array(0) },
    channels,
    topics,
    processes: [],
  };
}
