/**
 * `analytics { responsiveness }` and `analytics { run(plugin: "responsiveness") }` over GraphQL, on
 * the real app with the embedded store, holding the hand-worked fixture (test-support/fixture.ts,
 * written as an import). One difference: "now" (readAt) is the real clock, not 2026-06-01, so backlog
 * ages are read from the report's readAt and every unanswered signal is older than its target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Osmosis } from '../../src/main.js';
import { gql, ok } from '../../test/support/graphql-client.js';
import responsiveness from './index.js';
import { closeApp, pluginApp, seedFixture } from '../../test/support/plugin-app.js';
import { FIXTURE } from './test-support/fixture.js';

const ROW = `signals answered responseRate firstResponseP50Hours firstResponseP90Hours firstResponseMeanHours
  backlog backlogMedianAgeHours backlogMaxAgeHours due breaches breachRate responses responders respondingTeams responderGini teamGini`;
const hoursSince = (readAt: string, iso: string) => (Date.parse(readAt) - Date.parse(iso)) / 3_600_000;

describe('responsiveness over GraphQL (embedded)', () => {
  let app: Osmosis;
  beforeAll(async () => {
    app = await pluginApp([responsiveness], { responsiveness: { targets: { kinds: { COMPLAINT: 24 }, channels: { chat: 4 } } } });
    await seedFixture(app.store, FIXTURE);
  });
  afterAll(() => closeApp(app));

  it('the overall row', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { responsiveness { readAt since until dimensions
      targets { defaultHours kinds { kind hours } channels { channel hours } } overall { channel kind side team { key } ${ROW} } groups { signals } } } }`);
    const r = data.analytics.responsiveness;
    expect(r).toMatchObject({ since: null, until: null, dimensions: [], groups: [] });
    expect(r.targets).toEqual({ defaultHours: 72, kinds: [{ kind: 'COMPLAINT', hours: 24 }], channels: [{ channel: 'chat', hours: 4 }] });
    // As the fixture (responsiveness.test.ts), with readAt later than 06-01: backlog {s2 05-03, s6 05-31}
    // (s3 is CLOSED), median x(1) = s6's age, max s2's. Breaches: s2, s3, s6 unanswered and older than any
    // target, s4 answered in 80 h > 72 → due 7, breaches 4.
    expect(r.overall).toEqual({
      channel: null, kind: null, side: null, team: null,
      signals: 7, answered: 4, responseRate: 4 / 7,
      firstResponseP50Hours: 10, firstResponseP90Hours: 80, firstResponseMeanHours: 30.5,
      backlog: 2,
      backlogMedianAgeHours: hoursSince(r.readAt, '2026-05-31T00:00:00Z'),
      backlogMaxAgeHours: hoursSince(r.readAt, '2026-05-03T00:00:00Z'),
      due: 7, breaches: 4, breachRate: 4 / 7,
      responses: 6, responders: 4, respondingTeams: 2, responderGini: expect.closeTo(1 / 6, 12), teamGini: expect.closeTo(0.3, 12),
    });
  });

  it('by team, outside signals: Logistics answers none, Customer Care all', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { responsiveness(side: OUTSIDE, groupBy: [BY_TEAM]) {
      groups { team { key name kind } signals answered responseRate backlog breaches } } } }`);
    expect(data.analytics.responsiveness.groups).toEqual([
      { team: null, signals: 1, answered: 0, responseRate: 0, backlog: 1, breaches: 1 }, // s6
      { team: { key: 'care', name: 'care', kind: 'TEAM' }, signals: 3, answered: 3, responseRate: 1, backlog: 0, breaches: 0 }, // s0, s1, s5
      { team: { key: 'logi', name: 'logi', kind: 'TEAM' }, signals: 2, answered: 0, responseRate: 0, backlog: 1, breaches: 2 }, // s2, s3 (closed)
    ]);
  });

  it('window, channels (any case), kinds and two dimensions', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics {
      w: responsiveness(since: "2026-05-02T00:00:00Z", until: "2026-05-05T00:00:00Z", channels: ["CHAT"]) { since until overall { signals answered backlog } }
      k: responsiveness(kinds: [COMPLAINT, IDEA], groupBy: [BY_SIDE, BY_CHANNEL]) { dimensions groups { channel side kind signals answered } }
      dup: responsiveness(groupBy: [BY_SIDE, BY_SIDE, BY_SIDE, BY_SIDE, BY_SIDE], kinds: []) { dimensions overall { signals } }
      none: responsiveness(channels: ["fax"]) { overall { signals responseRate firstResponseP50Hours backlogMaxAgeHours responderGini } }
    } }`);
    // [05-02, 05-05) ∩ chat = s2, s3: 2 signals, none answered, s2 waiting (s3 is closed).
    expect(data.analytics.w).toEqual({ since: '2026-05-02T00:00:00.000Z', until: '2026-05-05T00:00:00.000Z', overall: { signals: 2, answered: 0, backlog: 1 } });
    // COMPLAINT or IDEA: s0 (email, OUT), s2, s3 (chat, OUT), s4 (intranet, IN).
    expect(data.analytics.k).toEqual({
      dimensions: ['BY_CHANNEL', 'BY_SIDE'],
      groups: [
        { channel: 'chat', side: 'OUTSIDE', kind: null, signals: 2, answered: 0 },
        { channel: 'email', side: 'OUTSIDE', kind: null, signals: 1, answered: 1 },
        { channel: 'intranet', side: 'INSIDE', kind: null, signals: 1, answered: 1 },
      ],
    });
    expect(data.analytics.dup).toEqual({ dimensions: ['BY_SIDE'], overall: { signals: 7 } }); // an empty list filters nothing
    expect(data.analytics.none.overall).toEqual({ signals: 0, responseRate: null, firstResponseP50Hours: null, backlogMaxAgeHours: null, responderGini: null });
  });

  it('serves the same report generically through analytics.run', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { run(plugin: "responsiveness", analytic: "report", params: { groupBy: ["BY_KIND"], side: "OUTSIDE" }) {
      plugin analytic result } } }`);
    const { result } = data.analytics.run;
    expect(result.dimensions).toEqual(['BY_KIND']);
    expect(result.overall).toMatchObject({ signals: 6, answered: 3, responses: 5 });
    // OUTSIDE by kind: COMPLAINT {s0, s2, s3}, QUESTION {s1, s6}, REQUEST {s5}.
    expect(result.groups.map((g: any) => [g.kind, g.signals, g.answered])).toEqual([['COMPLAINT', 3, 1], ['QUESTION', 2, 1], ['REQUEST', 1, 1]]);
  });

  it('rejects bad arguments, naming them', async () => {
    const order = await gql(app.yoga, '{ analytics { responsiveness(since: "2026-05-05T00:00:00Z", until: "2026-05-01T00:00:00Z") { overall { signals } } } }');
    expect(order.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
    const empty = await gql(app.yoga, '{ analytics { responsiveness(channels: [" "]) { overall { signals } } } }');
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'channels' });
    const date = await gql(app.yoga, '{ analytics { responsiveness(since: "last week") { overall { signals } } } }');
    expect(date.errors?.[0].message).toMatch(/since|DateTime/);
    const dateVar = await gql(app.yoga, 'query($s: DateTime) { analytics { responsiveness(since: $s) { overall { signals } } } }', { s: 'last week' });
    expect(dateVar.errors?.[0].message).toMatch(/\$s|DateTime/);
    const kind = await gql(app.yoga, '{ analytics { responsiveness(groupBy: [BY_MOOD]) { overall { signals } } } }');
    expect(kind.errors?.[0].message).toMatch(/BY_MOOD/);
    const params = await gql(app.yoga, '{ analytics { run(plugin: "responsiveness", analytic: "report", params: { until: "2026-01-01T00:00:00Z", since: "2026-02-01T00:00:00Z" }) { result } } }');
    expect(params.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'params.until' });
  });
});
