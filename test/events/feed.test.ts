/**
 * The event feed on its own, with an in-memory hub and a projector of random latency: subscriptions
 * that join at random moments (live or from a cursor) while batches are in flight must each receive
 * a gap-free, duplicate-free, ordered run of events up to the last one; bursts beyond the buffer are
 * caught up from the stream; `return()` releases a waiting consumer at once.
 */
import { describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../src/domain/events.js';
import type { EventHub, EventListener } from '../../src/events/hub.js';
import { createEventFeed, SlowConsumer, type Projector } from '../../src/events/feed.js';

type Topics = { all: { seq: number }; even: { seq: number } };

/** A hub over an in-memory outbox; `commit` appends and delivers in batches, like the store hub. */
function memoryHub() {
  const outbox: OutboxEvent[] = [];
  const listeners = new Set<EventListener>();
  let head = 0;
  const hub: EventHub = {
    subscribe(listener) { listeners.add(listener); return () => listeners.delete(listener); },
    replay: async (after, limit) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      return outbox.filter((e) => e.seq > after).slice(0, limit);
    },
    head: () => head,
    poke: () => {},
    start: async () => {},
    stop: async () => {},
  };
  return {
    hub,
    commit(count: number) {
      const batch: OutboxEvent[] = [];
      for (let i = 0; i < count; i++) {
        batch.push({ seq: outbox.length + 1, type: 'ACTOR_CHANGED', entityId: `a${outbox.length + 1}`, detail: null, at: new Date().toISOString() });
        outbox.push(batch[batch.length - 1]);
      }
      head = outbox[outbox.length - 1].seq;
      for (const l of listeners) l(batch);
    },
    get last() { return outbox.length; },
  };
}

const project: Projector<Topics> = async (events, topics) => {
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
  return events.flatMap((e) => [
    ...(topics.has('all') ? [{ topic: 'all' as const, payload: { seq: e.seq } }] : []),
    ...(topics.has('even') && e.seq % 2 === 0 ? [{ topic: 'even' as const, payload: { seq: e.seq } }] : []),
  ]);
};

async function drain(it: AsyncIterator<unknown>, into: number[], until: () => boolean): Promise<void> {
  while (!until()) {
    const r = await it.next();
    if (r.done) return;
    if (r.value instanceof SlowConsumer) throw new Error('unexpected slow consumer');
    into.push((r.value as { seq: number }).seq);
  }
}

describe('event feed', () => {
  it('gives every subscription a gap-free, ordered run without duplicates, whenever it joins', async () => {
    const m = memoryHub();
    const feed = createEventFeed<Topics>(m.hub, project, { bufferLimit: 50, replayPage: 7 });
    feed.start();
    m.commit(20);
    type Run = { seqs: number[]; after?: number; topic: 'all' | 'even'; done: Promise<void>; it: AsyncIterableIterator<unknown> };
    const runs: Run[] = [];
    const target = 600;
    for (let round = 0; round < 60; round++) {
      m.commit(1 + Math.floor(Math.random() * 15));
      if (round % 3 === 0) {
        const topic = Math.random() < 0.5 ? 'all' : 'even';
        const after = Math.random() < 0.5 ? Math.floor(Math.random() * m.last) : undefined;
        const it = feed.subscribe(topic, after === undefined ? {} : { after });
        const seqs: number[] = [];
        runs.push({ seqs, after, topic, it, done: drain(it, seqs, () => (seqs[seqs.length - 1] ?? 0) >= target - (topic === 'even' ? 1 : 0)) });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    }
    while (m.last < target) m.commit(Math.min(10, target - m.last));
    await Promise.all(runs.map((r) => r.done));
    for (const r of runs) {
      const step = r.topic === 'even' ? 2 : 1;
      const first = r.after !== undefined ? (r.topic === 'even' ? r.after + 2 - (r.after % 2) : r.after + 1) : r.seqs[0];
      const expected: number[] = [];
      for (let s = first; s <= target; s += step) if (r.topic === 'all' || s % 2 === 0) expected.push(s);
      expect(r.seqs).toEqual(expected);
      await r.it.return?.();
    }
    expect(feed.stats()).toMatchObject({ subscriptions: 0, buffered: 0 });
    await feed.stop();
  });

  it('catches a burst larger than its buffer up from the stream, and ends a consumer that stays behind', async () => {
    const m = memoryHub();
    const feed = createEventFeed<Topics>(m.hub, project, { bufferLimit: 10, replayPage: 5, slowConsumerMs: 100 });
    feed.start();
    const fast = feed.subscribe('all');
    const slow = feed.subscribe('all');
    const got: number[] = [];
    const fastDone = drain(fast, got, () => got.length >= 300);
    m.commit(300); // one batch, 30 times the buffer
    await fastDone;
    expect(got).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(feed.stats().buffered).toBeLessThanOrEqual(10);
    // The slow one never reads: after slowConsumerMs, the next batch ends it.
    await new Promise((resolve) => setTimeout(resolve, 150));
    m.commit(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const first = await slow.next();
    expect(first.value).toBeInstanceOf(SlowConsumer);
    expect((first.value as SlowConsumer).lastSeq).toBe(0);
    expect((await slow.next()).done).toBe(true);
    await fast.return?.();
    await feed.stop();
  });

  it('releases a waiting consumer at once when it returns, and ends every subscription on stop', async () => {
    const m = memoryHub();
    const feed = createEventFeed<Topics>(m.hub, project, {});
    const early = feed.subscribe('all'); // before start: waits for it
    feed.start();
    const it = feed.subscribe('all');
    const pending = it.next();
    await it.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    const waiting = early.next();
    await feed.stop();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(feed.stats().subscriptions).toBe(0);
    const late = feed.subscribe('all');
    expect(await late.next()).toEqual({ done: true, value: undefined });
  });
});
