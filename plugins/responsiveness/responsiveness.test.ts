/**
 * The responsiveness plugin's analytic through the public testkit, on the hand-worked fixture
 * (test-support/fixture.ts: readAt 2026-06-01, targets COMPLAINT 24 h, others 72 h), and its
 * speed on 200,000 signals.
 */
import { describe, expect, it } from 'vitest';
import { buildProjection, checkPlugin, runAnalytic } from '../../src/plugin-api/index.js';
import responsiveness from './index.js';
import { reportToJson, type ResponsivenessResult } from './params.js';
import { FIXTURE } from './test-support/fixture.js';
import { largeFacts } from './test-support/large.js';

const report = (params: Record<string, unknown>, isolated = false) =>
  runAnalytic<ResponsivenessResult>(responsiveness, 'report', params, { graph: FIXTURE, isolated });

describe('responsiveness/report (testkit)', () => {
  it('registers cleanly with default options', () => {
    expect(checkPlugin(responsiveness)).toEqual({ targets: { defaultHours: 72, kinds: { COMPLAINT: 24 }, channels: {} } });
    expect(checkPlugin(responsiveness, { targets: { channels: { Chat: 4 } } }).targets.channels).toEqual({ chat: 4 });
    expect(() => checkPlugin(responsiveness, { targets: { defaultHours: -1 } })).toThrow(/PLUGIN_INVALID_OPTIONS|invalid options/);
  });

  it('the overall row, hand-worked (see the indicators\' tests for the arithmetic)', async () => {
    const { value } = await report({});
    const json = reportToJson(value) as any;
    expect(json.readAt).toBe('2026-06-01T00:00:00.000Z');
    expect(json.groups).toEqual([]);
    expect(json.overall).toEqual({
      channel: null, kind: null, side: null, team: null,
      signals: 7, answered: 4, responseRate: 4 / 7,
      firstResponseP50Hours: 10, firstResponseP90Hours: 80, firstResponseMeanHours: 30.5,
      backlog: 2, backlogMedianAgeHours: 24, backlogMaxAgeHours: 696,
      due: 6, breaches: 3, breachRate: 0.5,
      responses: 6, responders: 4, respondingTeams: 2, responderGini: expect.closeTo(1 / 6, 12), teamGini: expect.closeTo(0.3, 12),
    });
  });

  it('by team, outside signals only: Logistics answers 0 of 2, Customer Care 3 of 3', async () => {
    // OUTSIDE leaves s4 (ann's idea) out: logi keeps s2, s3 (both unanswered, both breached); care keeps s0, s1, s5.
    const { value } = await report({ side: 'OUTSIDE', groupBy: ['BY_TEAM'] }, true);
    const rows = (reportToJson(value) as any).groups;
    expect(rows.map((r: any) => [r.team, r.signals, r.answered, r.responseRate, r.backlog, r.breaches])).toEqual([
      [null, 1, 0, 0, 1, 0],
      ['care', 3, 3, 1, 0, 0],
      ['logi', 2, 0, 0, 1, 2],
    ]);
    expect(value.overall.signals[0]).toBe(6);
  });

  it('window, channels and kinds', async () => {
    // [05-02, 05-05) = s1, s2, s3; chat only: s2, s3 → 2 signals, none answered, backlog 1 (s3 is closed).
    const { value } = await report({ since: '2026-05-02T00:00:00Z', until: '2026-05-05T00:00:00Z', channels: ['CHAT'] });
    expect([value.overall.signals[0], value.overall.answered[0], value.overall.backlog[0]]).toEqual([2, 0, 1]);
    const unknown = await report({ channels: ['fax'] });
    expect((reportToJson(unknown.value) as any).overall).toMatchObject({ signals: 0, responseRate: null, firstResponseP50Hours: null });
    const complaints = await report({ kinds: ['COMPLAINT'], groupBy: ['BY_CHANNEL'] });
    // COMPLAINT: s0 (email), s2, s3 (chat) → rows chat (2 signals), email (1).
    expect(complaints.value.groups.channel).toEqual(['chat', 'email']);
    expect([...complaints.value.groups.stats.signals]).toEqual([2, 1]);
  });

  it('targets in params', async () => {
    // chat 12 h makes s6 (24 h old) a breach too: 4 of 7 due.
    const { value } = await report({ targets: { channels: { chat: 12 } } });
    expect([value.overall.due[0], value.overall.breaches[0]]).toEqual([7, 4]);
  });

  it('rejects bad params, naming the field', async () => {
    await expect(report({ since: '2026-05-05T00:00:00Z', until: '2026-05-01T00:00:00Z' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('params.until') });
    await expect(report({ since: 'yesterday' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('params.since') });
    await expect(report({ groupBy: ['BY_MOOD'] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(report({ kinds: ['GRIPE'] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(report({ targets: { defaultHours: 0 } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('responsiveness/report: at scale', () => {
  it('200,000 signals, grouped by team and side (times printed; npm run bench measures)', async () => {
    const facts = largeFacts(200_000);
    const graph = buildProjection({ actors: [] });
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const { value, computeMs } = await runAnalytic<ResponsivenessResult>(responsiveness, 'report', { groupBy: ['BY_TEAM', 'BY_SIDE'] }, { graph, facts });
      times.push(computeMs);
      expect(value.overall.signals[0]).toBe(200_000);
      expect(value.groups.count).toBeGreaterThan(40);
    }
    console.log(`responsiveness/report on 200,000 signals (${facts.responses.count} responses): ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  });
});
