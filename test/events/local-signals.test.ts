import { describe, expect, it } from 'vitest';
import { LocalSignals } from '../../src/events/local-signals.js';

describe('LocalSignals', () => {
  it('answers true once per recorded id', () => {
    const local = new LocalSignals(10);
    local.add(['a', 'b']);
    expect(local.take('a')).toBe(true);
    expect(local.take('a')).toBe(false);
    expect(local.take('zz')).toBe(false);
    expect(local.size).toBe(1);
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const local = new LocalSignals(3);
    local.add(['a', 'b', 'c', 'd', 'e']);
    expect(local.size).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => local.take(id))).toEqual([false, false, true, true, true]);
  });

  it('keeps the last ids when none are taken', () => {
    const local = new LocalSignals(1_000);
    for (let i = 0; i < 200; i++) local.add(Array.from({ length: 1_000 }, (_, k) => `${i}-${k}`));
    expect(local.size).toBe(1_000);
    expect(local.take('199-999')).toBe(true);
    expect(local.take('0-0')).toBe(false);
  });
});
