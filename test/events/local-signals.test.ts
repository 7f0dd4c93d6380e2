import { describe, expect, it } from 'vitest';
import type { Signal } from '../../src/domain/entities.js';
import { LocalSignals } from '../../src/events/local-signals.js';

const signal = (id: string): Signal => ({
  id, channel: 'email', externalId: id, kind: 'FEEDBACK', text: `text ${id}`, sentiment: null,
  occurredAt: '2026-01-01T00:00:00.000Z', status: 'OPEN', emitterId: null, assigneeId: null,
});
const signals = (ids: string[]) => ids.map(signal);

describe('LocalSignals', () => {
  it('keeps nothing until told to track', () => {
    const local = new LocalSignals(10);
    local.add(signals(['a']));
    expect(local.size).toBe(0);
    local.track();
    local.add(signals(['b']));
    expect(local.take('a')).toBeUndefined();
    expect(local.take('b')?.id).toBe('b');
  });

  it('hands each recorded signal over once, as recorded', () => {
    const local = new LocalSignals(10);
    local.track();
    local.add(signals(['a', 'b']));
    expect(local.take('a')).toEqual(signal('a'));
    expect(local.take('a')).toBeUndefined();
    expect(local.take('zz')).toBeUndefined();
    expect(local.size).toBe(1);
  });

  it('forgets the oldest signals beyond its capacity', () => {
    const local = new LocalSignals(3);
    local.track();
    local.add(signals(['a', 'b', 'c', 'd', 'e']));
    expect(local.size).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => local.take(id)?.id)).toEqual([undefined, undefined, 'c', 'd', 'e']);
  });

  it('keeps the last signals when none are taken', () => {
    const local = new LocalSignals(1_000);
    local.track();
    for (let i = 0; i < 200; i++) local.add(signals(Array.from({ length: 1_000 }, (_, k) => `${i}-${k}`)));
    expect(local.size).toBe(1_000);
    expect(local.take('199-999')?.text).toBe('text 199-999');
    expect(local.take('0-0')).toBeUndefined();
  });
});
