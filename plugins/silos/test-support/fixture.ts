/**
 * The hand-checked ecosystem of test-support/graphs.ts (HAND) written as a testkit fixture: teams
 * t1 {e1, e2, e3} and t2 {e4, e5} (MEMBER_OF ties), customers c1, c2 and partner p1, KNOWS ties
 * between people, and three exchanges.
 */
import type { GraphFixture } from '../../../src/plugin-api/index.js';

export const SILOS_FIXTURE: GraphFixture = {
  actors: [
    { key: 't1', kind: 'TEAM' }, { key: 't2', kind: 'TEAM' }, 'e1', 'e2', 'e3', 'e4', 'e5',
    { key: 'c1', kind: 'CUSTOMER' }, { key: 'c2', kind: 'CUSTOMER' }, { key: 'p1', kind: 'PARTNER' },
  ],
  ties: [
    ['e1', 'e2'], ['e2', 'e3'], ['e1', 'e3'], ['e4', 'e5', 2], ['e5', 'e4', 1], ['e3', 'e4'], ['e1', 'e4'],
    ['e1', 'c1'], ['e1', 'c2'], ['e1', 'p1'], ['e2', 'p1'], ['e5', 'p1'], ['c1', 'c2'],
    ...['e1', 'e2', 'e3'].map((from) => ({ from, to: 't1', type: 'MEMBER_OF' as const })),
    ...['e4', 'e5'].map((from) => ({ from, to: 't2', type: 'MEMBER_OF' as const })),
  ],
  exchanges: [
    { from: 'c1', to: 'e1', kind: 'MONEY', amount: 100 },
    { from: 'e1', to: 'c1', kind: 'SERVICE', amount: 1 },
    { from: 'e4', to: 'e5', kind: 'KNOWLEDGE', amount: 1, occurredAt: '2026-03-01T00:00:00Z' },
  ],
};
