import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  actorInput, changeInput, exchangeInput, insightInput, responseInput, signalInput, tieInput,
} from '../../src/domain/inputs.js';
import { ACTOR_KINDS, SIGNAL_KINDS, TIE_TYPES, VALUE_KINDS, isTangible } from '../../src/domain/kinds.js';
import { generateEcosystem } from '../../seeds/ecosystem.js';
import { REFERENCE_DATE } from '../../seeds/time.js';
import { materialise, signalIndex } from './materialise.js';

const demo = materialise(generateEcosystem());
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const countBy = <T>(items: T[], key: (t: T) => string) =>
  items.reduce<Record<string, number>>((acc, t) => ((acc[key(t)] = (acc[key(t)] ?? 0) + 1), acc), {});

describe('demo ecosystem: determinism', () => {
  it('gives identical output for the same seed', () => {
    expect(digest(materialise(generateEcosystem()))).toBe(digest(demo));
  });

  it('gives different output for another seed, with the same shape', () => {
    const other = materialise(generateEcosystem({ seed: 'another' }));
    expect(digest(other)).not.toBe(digest(demo));
    expect(other.actors.map((a) => a.key)).toEqual(demo.actors.map((a) => a.key));
    expect(other.actors.map((a) => a.name)).not.toEqual(demo.actors.map((a) => a.name));
    expect(other.signals.map((s) => s.text)).not.toEqual(demo.signals.map((s) => s.text));
  });

  it('never reads the clock: everything happens before the reference date', () => {
    const end = Date.parse(REFERENCE_DATE);
    for (const s of demo.signals) expect(Date.parse(s.occurredAt)).toBeLessThan(end);
    for (const r of demo.responses) expect(Date.parse(r.respondedAt!)).toBeLessThan(end);
    for (const e of demo.exchanges) expect(Date.parse(e.occurredAt)).toBeLessThan(end);
    for (const c of demo.changes) expect(Date.parse(c.appliedAt!)).toBeLessThan(end);
    for (const t of demo.ties) if (t.since) expect(Date.parse(t.since)).toBeLessThan(end);
  });
});

describe('demo ecosystem: sizes and variety', () => {
  const plan = generateEcosystem();

  it('has ~300 actors of every kind', () => {
    expect(countBy(demo.actors, (a) => a.kind)).toEqual({ ORGANIZATION: 1, TEAM: 10, EMPLOYEE: 120, CUSTOMER: 120, PARTNER: 25, SUPPLIER: 25 });
    expect(new Set(demo.actors.map((a) => a.key)).size).toBe(demo.actors.length);
    expect(demo.actors.map((a) => a.kind).sort()).toEqual(expect.arrayContaining([...ACTOR_KINDS]));
    expect(demo.actors.filter((a) => a.kind === 'TEAM').map((a) => a.name)).toEqual(expect.arrayContaining(
      ['Customer Care', 'Sales', 'Logistics', 'R&D', 'Marketing', 'Finance', 'HR', 'Procurement', 'IT', 'Partnerships']));
    const langs = countBy(demo.actors.filter((a) => a.kind === 'CUSTOMER'), (a) => String(a.attributes?.language));
    expect(langs.it).toBeGreaterThan(40);
    expect(langs.en).toBeGreaterThan(25);
  });

  it('has ties of every type, without duplicates', () => {
    expect(demo.ties.length).toBeGreaterThan(800);
    expect(demo.ties.length).toBeLessThan(1500);
    expect(Object.keys(countBy(demo.ties, (t) => t.type)).sort()).toEqual([...TIE_TYPES].sort());
    expect(new Set(demo.ties.map((t) => `${t.fromKey}>${t.toKey}>${t.type}`)).size).toBe(demo.ties.length);
  });

  it('has ~5,000 signals of every kind on eleven channels, in Italian and English', () => {
    expect(demo.signals).toHaveLength(5000);
    expect(Object.keys(countBy(demo.signals, (s) => s.kind)).sort()).toEqual([...SIGNAL_KINDS].sort());
    expect(Object.keys(countBy(demo.signals, (s) => s.channel)).sort()).toEqual(
      ['app-review', 'chat', 'email', 'instagram', 'intranet', 'meeting', 'phone', 'store', 'survey', 'twitter', 'web-form']);
    expect(new Set(demo.signals.map((s) => `${s.channel}/${s.externalId}`)).size).toBe(5000);
    expect(demo.signals.filter((s) => /consegna|fattura|reso|abbonamento/.test(s.text)).length).toBeGreaterThan(800);
    expect(demo.signals.filter((s) => /delivery|invoice|return|subscription/i.test(s.text)).length).toBeGreaterThan(300);
    const first = Date.parse(demo.signals[0].occurredAt), last = Date.parse(demo.signals.at(-1)!.occurredAt);
    expect((last - first) / 86_400_000).toBeGreaterThan(360);
  });

  it('has sentiment consistent with kind', () => {
    const mean = (kind: string) => {
      const xs = demo.signals.filter((s) => s.kind === kind).map((s) => s.sentiment!);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean('COMPLAINT')).toBeLessThan(-0.4);
    expect(mean('PRAISE')).toBeGreaterThan(0.5);
    expect(Math.abs(mean('QUESTION'))).toBeLessThan(0.15);
    for (const s of demo.signals.filter((x) => x.kind === 'COMPLAINT')) expect(s.sentiment).toBeLessThan(0);
    for (const s of demo.signals.filter((x) => x.kind === 'PRAISE')) expect(s.sentiment).toBeGreaterThan(0);
  });

  it('answers many signals, assigning each answered one first', () => {
    expect(demo.responses.length).toBeGreaterThan(2000);
    const assigned = new Map(demo.assignments.map((a) => [a.signalId, a.assigneeKey]));
    for (const r of demo.responses) expect(assigned.get(r.signalId)).toBe(r.responderKey);
    expect(new Set(demo.responses.map((r) => r.signalId)).size).toBe(demo.responses.length);
  });

  it('has ~3,000 value exchanges of every kind, tangible and intangible, with unique external ids', () => {
    expect(demo.exchanges).toHaveLength(3000);
    expect(Object.keys(countBy(demo.exchanges, (e) => e.kind)).sort()).toEqual([...VALUE_KINDS].sort());
    expect(new Set(demo.exchanges.map((e) => e.externalId)).size).toBe(3000);
    expect(demo.exchanges.filter((e) => isTangible(e.kind)).every((e) => /^erp:(inv|po|ddt|grn|svc|com)-\d+$/.test(e.externalId!))).toBe(true);
    // Reciprocity: some pairs exchange value both ways.
    const pairs = new Set(demo.exchanges.map((e) => `${e.fromKey}>${e.toKey}`));
    expect(demo.exchanges.filter((e) => pairs.has(`${e.toKey}>${e.fromKey}`)).length).toBeGreaterThan(300);
  });

  it('has 20 insights and 12 changes', () => {
    expect(demo.insights).toHaveLength(20);
    expect(demo.changes).toHaveLength(12);
    expect(plan.counts()).toEqual({
      actors: demo.actors.length, ties: demo.ties.length, signals: 5000, assignments: demo.assignments.length,
      responses: demo.responses.length, exchanges: 3000, insights: 20, changes: 12,
    });
  });

  it('honours the size options and batches', () => {
    const small = generateEcosystem({ employees: 30, customers: 40, partners: 5, suppliers: 5, signals: 300, exchanges: 200, batchSize: 64 });
    const m = materialise(small);
    expect(m.actors).toHaveLength(1 + 10 + 30 + 40 + 5 + 5);
    expect(m.signals).toHaveLength(300);
    expect(m.exchanges).toHaveLength(200);
    expect(m.insights).toHaveLength(20);
    for (const b of small.ties()) expect(b.length).toBeLessThanOrEqual(64);
    expect(materialise(generateEcosystem({ signals: 0 })).insights).toEqual([]);
  });
});

describe('demo ecosystem: valid and consistent', () => {
  const keys = new Map(demo.actors.map((a) => [a.key, a.kind]));

  it('produces inputs the zod schemas accept unchanged', () => {
    const same = <T>(schema: { parse(v: unknown): T }, items: T[]) => { for (const x of items) expect(schema.parse(x)).toEqual(x); };
    same(actorInput, demo.actors);
    same(tieInput, demo.ties);
    same(signalInput, demo.signals);
    same(responseInput, demo.responses);
    same(exchangeInput, demo.exchanges);
    same(insightInput, demo.insights);
    same(changeInput, demo.changes);
  });

  it('refers only to generated actors', () => {
    for (const t of demo.ties) expect(keys.has(t.fromKey) && keys.has(t.toKey)).toBe(true);
    for (const s of demo.signals) {
      if (s.emitterKey !== null) expect(keys.has(s.emitterKey)).toBe(true);
      for (const a of s.about) if (a.target === 'ACTOR') expect(keys.has(a.ref)).toBe(true);
    }
    for (const e of demo.exchanges) expect(keys.has(e.fromKey) && keys.has(e.toKey) && e.fromKey !== e.toKey).toBe(true);
    for (const r of demo.responses) expect(keys.get(r.responderKey)).toBe('EMPLOYEE');
    for (const a of demo.assignments) expect(keys.get(a.assigneeKey)).toBe('EMPLOYEE');
  });

  it('responds after the signal, never to oneself', () => {
    for (const r of demo.responses) {
      const s = demo.signals[signalIndex(r.signalId)];
      expect(Date.parse(r.respondedAt!)).toBeGreaterThan(Date.parse(s.occurredAt));
      expect(r.responderKey).not.toBe(s.emitterKey);
    }
  });

  it('derives insights from signals on their topic, and changes from existing insights after them', () => {
    for (const ins of demo.insights) {
      expect(ins.signalIds.length).toBeGreaterThan(5);
      for (const id of ins.signalIds) expect(demo.signals[signalIndex(id)].about.map((a) => a.ref)).toContain(ins.topics[0]);
    }
    for (const c of demo.changes) {
      const j = Number(c.insightId.slice(4));
      const latest = Math.max(...demo.insights[j].signalIds.map((id) => Date.parse(demo.signals[signalIndex(id)].occurredAt)));
      expect(Date.parse(c.appliedAt!)).toBeGreaterThan(latest);
    }
  });
});
