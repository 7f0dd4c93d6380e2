import { describe, expect, it } from 'vitest';
import { UUID, at, change, domainError, ids, insight, pageSizes, signal, sortedBy, walk, type StoreRef } from './fixtures.js';

export function learningContract(store: StoreRef): void {
  describe('learning loop', () => {
    async function signals(n: number) {
      return (await store().recordSignals(Array.from({ length: n }, (_, i) => signal(`s-${i}`)))).items;
    }

    it('creates an insight from signals, with topics created on demand', async () => {
      const [s0, s1, s2, s3, s4, s5] = await signals(6);
      const given = [s4.id, s1.id, s5.id, s0.id, s3.id, s2.id];
      const created = await store().createInsight(insight([...given, s4.id], {
        title: 'Billing confuses people', summary: 'Three complaints', topics: ['billing', 'ux', 'billing'],
      }));
      expect(created).toMatchObject({ title: 'Billing confuses people', summary: 'Three complaints' });
      expect(created.id).toMatch(UUID);
      expect(await store().insightsByIds([created.id, 'nope'])).toEqual([created, null]);
      expect(await store().signalIdsOfInsights([created.id, 'nope'])).toEqual([given, []]);
      const [topics] = await store().topicsOfInsights([created.id]);
      expect(topics.map((t) => t.name)).toEqual(['billing', 'ux']);
      expect(await store().topicsByIds(ids(topics))).toEqual(topics);

      // A topic named again (by another insight or a signal) is the same topic.
      const other = await store().createInsight(insight([s1.id], { topics: ['ux'] }));
      const { items: [tagged] } = await store().recordSignals([signal('s-new', { about: [{ target: 'TOPIC', ref: 'ux' }] })]);
      const [[ux]] = await store().topicsOfInsights([other.id]);
      expect(ux).toEqual(topics[1]);
      expect((await store().aboutOfSignals([tagged.id]))[0][0].id).toBe(ux.id);
      expect(await store().countInsights()).toBe(2);
    });

    it('refuses an insight or a change dated before the signals it answers occurred', async () => {
      const [early, late] = (await store().recordSignals([signal('t-early', { occurredAt: at(10) }), signal('t-late', { occurredAt: at(20) })])).items;
      const tooEarly = await domainError(store().createInsight(insight([early.id, late.id], { createdAt: at(15) })));
      expect(tooEarly.code).toBe('BAD_USER_INPUT');
      expect(tooEarly.issues).toEqual([{ path: ['input', 'createdAt'], message: `is before the latest of its signals occurred (${at(20)})` }]);
      expect(await store().countInsights()).toBe(0);
      // Recorded now, without a date: the change it led to may have been applied before it was recorded.
      const recorded = await store().createInsight(insight([early.id, late.id]));
      const beforeSignals = await domainError(store().applyChange(change(recorded.id, 'Billing', { appliedAt: at(19) })));
      expect(beforeSignals.code).toBe('BAD_USER_INPUT');
      expect(beforeSignals.issues).toEqual([{ path: ['input', 'appliedAt'], message: `is before the latest signal of its insight occurred (${at(20)})` }]);
      expect(await store().countProcesses()).toBe(0);
      const { change: applied } = await store().applyChange(change(recorded.id, 'Billing', { appliedAt: at(20) })); // the same instant is fine
      expect(applied.appliedAt).toBe(at(20));
      expect((await store().createInsight(insight([late.id], { createdAt: at(20) }))).createdAt).toBe(at(20));
    });

    it('keeps the date an insight was drawn when given, and stamps now otherwise', async () => {
      const [s0] = await signals(1);
      const dated = await store().createInsight(insight([s0.id], { createdAt: '2025-03-01T09:30:00+01:00' }));
      expect(dated.createdAt).toBe('2025-03-01T08:30:00.000Z');
      const before = Date.now();
      const now = await store().createInsight(insight([s0.id]));
      expect(Date.parse(now.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect((await store().listInsights({ first: 5 })).items.map((i) => i.id)).toEqual([now.id, dated.id]);
    });

    it('rejects an insight naming unknown signals, writing nothing', async () => {
      const [s0] = await signals(1);
      const error = await domainError(store().createInsight(insight([s0.id, 'nope', 'nada'], { topics: ['t'] })));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues.map((i) => i.path)).toEqual([['input', 'signalIds', 1], ['input', 'signalIds', 2]]);
      expect(await store().countInsights()).toBe(0);
    });

    it('lists insights newest first: 25 in pages of 7', async () => {
      const [s0] = await signals(1);
      const created = [];
      for (let i = 0; i < 25; i++) created.push(await store().createInsight(insight([s0.id], { title: `i${i}` })));
      const { items, sizes } = await walk((p) => store().listInsights(p), 7);
      expect(sizes).toEqual(pageSizes(25, 7));
      expect(ids(items)).toEqual(ids(sortedBy(created, (i) => [i.createdAt, i.id], true)));
      expect(await store().countInsights()).toBe(25);
    });

    it('applies changes to processes created by name, and lists both ways', async () => {
      const [s0] = await signals(1);
      const i1 = await store().createInsight(insight([s0.id]));
      const i2 = await store().createInsight(insight([s0.id]));
      const a = await store().applyChange(change(i1.id, 'Onboarding', { description: 'shorter form', appliedAt: at(30) }));
      expect(a.process).toMatchObject({ name: 'Onboarding' });
      expect(a.process.id).toMatch(UUID);
      expect(a.change).toMatchObject({ description: 'shorter form', appliedAt: at(30), insightId: i1.id, processId: a.process.id });
      const b = await store().applyChange(change(i2.id, 'Onboarding', { appliedAt: at(10) }));
      expect(b.process).toEqual(a.process);
      const now = new Date().toISOString();
      const c = await store().applyChange(change(i1.id, 'Billing'));
      expect(c.change.appliedAt >= now).toBe(true);

      expect(await store().countProcesses()).toBe(2);
      expect(await store().processesByIds([c.process.id, 'nope'])).toEqual([c.process, null]);
      const [onboarding, billing, none] = await store().changesOfProcesses([a.process.id, c.process.id, 'nope']);
      expect(ids(onboarding)).toEqual([b.change.id, a.change.id]);
      expect(billing).toEqual([c.change]);
      expect(none).toEqual([]);
      const [of1, of2] = await store().changesOfInsights([i1.id, i2.id]);
      expect(ids(of1)).toEqual([a.change.id, c.change.id]);
      expect(of2).toEqual([b.change]);

      const error = await domainError(store().applyChange(change('nope', 'Ghost process')));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues[0].path).toEqual(['input', 'insightId']);
      expect(await store().countProcesses()).toBe(2);
    });

    it('lists processes by name: 25 in pages of 7', async () => {
      const [s0] = await signals(1);
      const i1 = await store().createInsight(insight([s0.id]));
      const names = Array.from({ length: 25 }, (_, i) => `Process ${String((i * 11) % 25).padStart(2, '0')}`);
      for (const name of names) await store().applyChange(change(i1.id, name));
      const { items, sizes } = await walk((p) => store().listProcesses(p), 7);
      expect(sizes).toEqual(pageSizes(25, 7));
      expect(items.map((p) => p.name)).toEqual([...names].sort());
    });
  });
}
