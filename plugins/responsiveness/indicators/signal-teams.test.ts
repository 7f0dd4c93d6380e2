import { describe, expect, it } from 'vitest';
import { buildFixtureFacts } from '../../../src/plugin-api/index.js';
import { A, facts } from '../test-support/fixture.js';
import { firstResponses } from './first-responses.js';
import { signalTeams } from './signal-teams.js';

describe('signalTeams', () => {
  it('the assignee\'s team, else the first responder\'s (fixture)', () => {
    const f = facts();
    // s0 ann → care; s1 bob → care; s2, s3, s4 lea → logi; s5 no assignee, first responder ann → care; s6 none.
    expect([...signalTeams(f, firstResponses(f))]).toEqual([A.care, A.care, A.logi, A.logi, A.logi, A.care, -1]);
  });

  it('falls back to the responder when the assignee has no team; a TEAM assignee is its own team', () => {
    const f = buildFixtureFacts({
      actors: ['x', 'y', { key: 't', kind: 'TEAM' }],
      ties: [{ from: 'y', to: 't', type: 'MEMBER_OF' }],
      signals: [{ occurredAt: '2026-01-01T00:00:00Z', assignee: 'x' }, { occurredAt: '2026-01-02T00:00:00Z', assignee: 't' }],
      responses: [{ signal: 0, responder: 'y', respondedAt: '2026-01-01T01:00:00Z' }],
    });
    // Keys: t 0, x 1, y 2. s0: x has no team → responder y → t (0); s1: assigned to the team t itself.
    expect([...signalTeams(f, firstResponses(f))]).toEqual([0, 0]);
  });

  it('checks its input', () => {
    const f = facts();
    expect(() => signalTeams(f, { at: new Float64Array(1), responder: new Int32Array(1) })).toThrow(
      'osmosis/responsiveness/signal-teams: first.responder must have one entry per signal');
  });
});
