/**
 * The hand-worked ecosystem of the responsiveness tests (readAt 2026-06-01T00:00:00Z).
 *
 * Actors, by key (= facts index): ann 0, bob 1, care 2 (TEAM), cus1 3, cus2 4, lea 5, logi 6 (TEAM), rex 7.
 * Teams: ann, bob → care; lea → logi; rex none.
 *
 * | #  | occurredAt | channel  | kind      | emitter (side) | assignee | responses (after occurredAt) | status   |
 * |----|------------|----------|-----------|----------------|----------|------------------------------|----------|
 * | s0 | 05-01      | email    | COMPLAINT | cus1 (OUT)     | ann      | ann +2 h, bob +5 h           | ANSWERED |
 * | s1 | 05-02      | email    | QUESTION  | cus2 (OUT)     | bob      | bob +30 h                    | ANSWERED |
 * | s2 | 05-03      | chat     | COMPLAINT | cus1 (OUT)     | lea      | –                            | ASSIGNED |
 * | s3 | 05-04      | chat     | COMPLAINT | cus2 (OUT)     | lea      | –                            | CLOSED   |
 * | s4 | 05-05      | intranet | IDEA      | ann (IN)       | lea      | lea +80 h                    | ANSWERED |
 * | s5 | 05-10      | email    | REQUEST   | none (OUT)     | –        | ann +10 h, rex +12 h         | ANSWERED |
 * | s6 | 05-31      | chat     | QUESTION  | cus1 (OUT)     | –        | –                            | OPEN     |
 *
 * Signal teams (assignee's, else first responder's): s0 care, s1 care, s2 logi, s3 logi, s4 logi,
 * s5 care (via ann), s6 none. Every instant is midnight UTC of 2026-05-dd, plus the offsets.
 */
import { buildFixtureFacts, type GraphFixture } from '../../../src/plugin-api/index.js';

const day = (d: number): string => `2026-05-${String(d).padStart(2, '0')}T00:00:00Z`;
const after = (d: number, hours: number): string => new Date(Date.parse(day(d)) + hours * 3_600_000).toISOString();

export const FIXTURE: GraphFixture = {
  actors: [
    { key: 'ann' }, { key: 'bob' }, { key: 'care', kind: 'TEAM' }, { key: 'cus1', kind: 'CUSTOMER' }, { key: 'cus2', kind: 'CUSTOMER' },
    { key: 'lea' }, { key: 'logi', kind: 'TEAM' }, { key: 'rex' },
  ],
  ties: [
    { from: 'ann', to: 'care', type: 'MEMBER_OF' }, { from: 'bob', to: 'care', type: 'MEMBER_OF' }, { from: 'lea', to: 'logi', type: 'MEMBER_OF' },
    ['rex', 'ann'],
  ],
  signals: [
    { occurredAt: day(1), channel: 'email', kind: 'COMPLAINT', emitter: 'cus1', assignee: 'ann' },
    { occurredAt: day(2), channel: 'email', kind: 'QUESTION', emitter: 'cus2', assignee: 'bob' },
    { occurredAt: day(3), channel: 'chat', kind: 'COMPLAINT', emitter: 'cus1', assignee: 'lea' },
    { occurredAt: day(4), channel: 'chat', kind: 'COMPLAINT', emitter: 'cus2', assignee: 'lea', status: 'CLOSED' },
    { occurredAt: day(5), channel: 'intranet', kind: 'IDEA', emitter: 'ann', assignee: 'lea' },
    { occurredAt: day(10), channel: 'email', kind: 'REQUEST', emitter: null },
    { occurredAt: day(31), channel: 'chat', kind: 'QUESTION', emitter: 'cus1' },
  ],
  responses: [
    { signal: 0, responder: 'bob', respondedAt: after(1, 5) }, // listed before the earlier one on purpose
    { signal: 0, responder: 'ann', respondedAt: after(1, 2) },
    { signal: 1, responder: 'bob', respondedAt: after(2, 30) },
    { signal: 4, responder: 'lea', respondedAt: after(5, 80) },
    { signal: 5, responder: 'ann', respondedAt: after(10, 10) },
    { signal: 5, responder: 'rex', respondedAt: after(10, 12) },
  ],
};

export const facts = () => buildFixtureFacts(FIXTURE);

/** Facts indexes of the fixture's actors. */
export const A = { ann: 0, bob: 1, care: 2, cus1: 3, cus2: 4, lea: 5, logi: 6, rex: 7 } as const;
export const HOUR = 3_600_000;
