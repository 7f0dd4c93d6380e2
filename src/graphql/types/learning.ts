/** The learning loop: topics, insights derived from signals, processes and the changes that modify them. */
import { builder } from '../builder.js';
import { ChangeRef, InsightRef, ProcessRef, SignalRef, TopicRef } from '../refs.js';
import { existing, loadAll } from '../loaders.js';
import type { Signal } from '../../domain/entities.js';

builder.node(TopicRef, {
  id: { resolve: (t) => t.id },
  loadMany: (ids, ctx) => loadAll(ctx.loaders.topic, ids),
  fields: (t) => ({ name: t.exposeString('name') }),
});

builder.node(InsightRef, {
  description: 'Meaning extracted from signals.',
  id: { resolve: (i) => i.id },
  loadMany: (ids, ctx) => loadAll(ctx.loaders.insight, ids),
  fields: (t) => ({
    title: t.exposeString('title'),
    summary: t.exposeString('summary'),
    createdAt: t.field({ type: 'DateTime', resolve: (i) => i.createdAt }),
    signals: t.field({
      type: [SignalRef],
      resolve: async (i, _, ctx) => {
        const ids = await ctx.loaders.signalIdsOfInsight.load(i.id);
        const signals = await ctx.loaders.signal.loadMany(ids);
        return signals.filter((s): s is Signal => s !== null && !(s instanceof Error));
      },
    }),
    topics: t.field({ type: [TopicRef], resolve: (i, _, ctx) => ctx.loaders.topicsOfInsight.load(i.id) }),
    changes: t.field({ type: [ChangeRef], resolve: (i, _, ctx) => ctx.loaders.changesOfInsight.load(i.id) }),
  }),
});

builder.node(ProcessRef, {
  description: 'A way the organisation works, changed on feedback.',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => loadAll(ctx.loaders.process, ids),
  fields: (t) => ({
    name: t.exposeString('name'),
    changes: t.field({ type: [ChangeRef], resolve: (p, _, ctx) => ctx.loaders.changesOfProcess.load(p.id) }),
  }),
});

ChangeRef.implement({
  description: 'A change to a process that implements an insight.',
  fields: (t) => ({
    id: t.exposeID('id'),
    description: t.exposeString('description'),
    appliedAt: t.field({ type: 'DateTime', resolve: (c) => c.appliedAt }),
    insight: t.field({ type: InsightRef, resolve: (c, _, ctx) => existing(ctx.loaders.insight, c.insightId, 'insight') }),
    process: t.field({ type: ProcessRef, resolve: (c, _, ctx) => existing(ctx.loaders.process, c.processId, 'process') }),
  }),
});
