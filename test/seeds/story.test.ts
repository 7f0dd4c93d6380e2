/** The story the analytics are meant to find in the demo. */
import { describe, expect, it } from 'vitest';
import { sideOf, type ActorKind } from '../../src/domain/kinds.js';
import { generateEcosystem } from '../../seeds/ecosystem.js';
import { materialise, signalIndex } from './materialise.js';

const demo = materialise(generateEcosystem());
const kindOf = new Map(demo.actors.map((a) => [a.key, a.kind as ActorKind]));
const teamName = new Map(demo.actors.filter((a) => a.kind === 'TEAM').map((a) => [a.key, a.name]));
/** Employee key → team name, from MEMBER_OF ties, as an analyst would find it. */
const teamOf = new Map(demo.ties.filter((t) => t.type === 'MEMBER_OF' && teamName.has(t.toKey)).map((t) => [t.fromKey, teamName.get(t.toKey)!]));
const outside = (emitterKey: string | null) => emitterKey === null || sideOf(kindOf.get(emitterKey)!) === 'OUTSIDE';
const signalOf = (id: string) => demo.signals[signalIndex(id)];
const hours = (r: { signalId: string; respondedAt?: string }) => (Date.parse(r.respondedAt!) - Date.parse(signalOf(r.signalId).occurredAt)) / 3_600_000;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('the demo story', () => {
  it('Logistics never answers a signal from outside, though many are assigned to it', () => {
    const logistics = demo.responses.filter((r) => teamOf.get(r.responderKey) === 'Logistics');
    expect(logistics.filter((r) => outside(signalOf(r.signalId).emitterKey))).toHaveLength(0);
    expect(logistics.length).toBeGreaterThan(10); // it does answer colleagues
    const answered = new Set(demo.responses.map((r) => r.signalId));
    const waiting = demo.assignments.filter((a) => teamOf.get(a.assigneeKey) === 'Logistics' && outside(signalOf(a.signalId).emitterKey));
    expect(waiting.length).toBeGreaterThan(500);
    expect(waiting.every((a) => !answered.has(a.signalId))).toBe(true);
  });

  it('Customer Care answers fast and broadly', () => {
    const byTeam = new Map<string, number[]>();
    for (const r of demo.responses) {
      const t = teamOf.get(r.responderKey)!;
      byTeam.set(t, [...(byTeam.get(t) ?? []), hours(r)]);
    }
    const care = byTeam.get('Customer Care')!;
    expect(median(care)).toBeLessThan(3);
    for (const [team, delays] of byTeam) if (team !== 'Customer Care') expect(median(delays)).toBeGreaterThan(median(care));
    const careMembers = [...teamOf].filter(([, t]) => t === 'Customer Care').map(([k]) => k);
    const responders = new Set(demo.responses.map((r) => r.responderKey));
    expect(careMembers.filter((k) => responders.has(k)).length).toBe(careMembers.length);
    const channels = new Set(demo.responses.filter((r) => teamOf.get(r.responderKey) === 'Customer Care').map((r) => signalOf(r.signalId).channel));
    expect(channels.size).toBeGreaterThanOrEqual(8);
    // Of outside signals assigned to Customer Care, nearly all get an answer.
    const careAssigned = demo.assignments.filter((a) => teamOf.get(a.assigneeKey) === 'Customer Care' && outside(signalOf(a.signalId).emitterKey));
    const answered = new Set(demo.responses.map((r) => r.signalId));
    expect(careAssigned.filter((a) => answered.has(a.signalId)).length / careAssigned.length).toBeGreaterThan(0.9);
  });

  it('R&D is a silo: its people tie and exchange only within R&D', () => {
    const rnd = new Set([...teamOf].filter(([, t]) => t === 'R&D').map(([k]) => k));
    const rndTeam = [...teamName].find(([, n]) => n === 'R&D')![0];
    const ceo = demo.ties.find((t) => t.type === 'MEMBER_OF' && kindOf.get(t.fromKey) === 'EMPLOYEE' && kindOf.get(t.toKey) === 'ORGANIZATION')!.fromKey;
    const inside = (k: string) => rnd.has(k) || k === rndTeam;
    const touching = demo.ties.filter((t) => rnd.has(t.fromKey) || rnd.has(t.toKey));
    expect(touching.length).toBeGreaterThan(20);
    for (const t of touching) {
      const other = rnd.has(t.fromKey) ? t.toKey : t.fromKey;
      expect(inside(other) || (t.type === 'REPORTS_TO' && other === ceo)).toBe(true);
    }
    for (const e of demo.exchanges) if (rnd.has(e.fromKey) || rnd.has(e.toKey)) expect(inside(e.fromKey) && inside(e.toKey)).toBe(true);
  });

  it('two boundary spanners reach more groups than anyone else', () => {
    const groupOf = (k: string) => teamOf.get(k) ?? kindOf.get(k)!;
    const reach = new Map<string, Set<string>>();
    const add = (a: string, b: string) => { if (kindOf.get(a) === 'EMPLOYEE') reach.set(a, (reach.get(a) ?? new Set()).add(groupOf(b))); };
    for (const t of demo.ties) if (t.type === 'WORKS_WITH' || t.type === 'KNOWS') { add(t.fromKey, t.toKey); add(t.toKey, t.fromKey); }
    const ranked = [...reach].sort((x, y) => y[1].size - x[1].size);
    expect(ranked[0][1].size).toBeGreaterThanOrEqual(10);
    expect(ranked[1][1].size).toBeGreaterThanOrEqual(10);
    expect(ranked[2][1].size).toBeLessThan(ranked[1][1].size - 2);
    expect(new Set([teamOf.get(ranked[0][0]), teamOf.get(ranked[1][0])])).toEqual(new Set(['Customer Care', 'Partnerships']));
  });

  it('closes the loop where changes ship, and leaves delivery open', () => {
    expect(demo.changes.map((c) => c.processName)).not.toContain('Delivery scheduling');
    expect(demo.insights.filter((i) => i.topics[0] === 'delivery')).toHaveLength(3);
    const share = (topic: string, from: string, to: string) => {
      const window = demo.signals.filter((s) => s.occurredAt >= from && s.occurredAt < to);
      return window.filter((s) => (s.kind === 'COMPLAINT' || s.kind === 'FEEDBACK') && s.about[0].ref === topic).length / window.length;
    };
    // Returns complaints fall once both Returns handling changes are in; delivery complaints keep growing.
    expect(share('returns', '2026-06-06', '2026-11-01')).toBeLessThan(share('returns', '2025-11-01', '2026-03-10') * 0.6);
    expect(share('delivery', '2026-07-01', '2026-11-01')).toBeGreaterThan(share('delivery', '2025-11-01', '2026-03-01') * 1.3);
  });
});
