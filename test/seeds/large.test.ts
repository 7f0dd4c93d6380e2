import { describe, expect, it } from 'vitest';
import { actorInput, exchangeInput, signalInput, tieInput } from '../../src/domain/inputs.js';
import { generateLargeGraph, largeSizes } from '../../seeds/large.js';
import { materialise } from './materialise.js';

describe('large graphs for benchmarks', () => {
  it('generates 100,000 actors and 1,000,000 ties as a stream, in batches', () => {
    const plan = generateLargeGraph({ actors: 100_000, ties: 1_000_000 });
    let actors = 0, ties = 0, largest = 0, peakHeap = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    for (const batch of plan.actors()) actors += batch.length;
    for (const batch of plan.ties()) {
      ties += batch.length;
      largest = Math.max(largest, batch.length);
      if (ties % 100_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    expect(actors).toBe(100_000);
    expect(ties).toBe(1_000_000);
    expect(plan.counts()).toMatchObject({ actors: 100_000, ties: 1_000_000, signals: 0, exchanges: 0 });
    expect(largest).toBeLessThanOrEqual(5000);
    expect(peakHeap - heapBefore).toBeLessThan(150 * 1024 * 1024); // a stream, not a million objects at once
  });

  it('refers only to its actors and has a heavy-tailed degree distribution', () => {
    const plan = generateLargeGraph({ actors: 100_000, ties: 1_000_000 });
    const index = new Map<string, number>();
    for (const batch of plan.actors()) for (const a of batch) index.set(a.key, index.size);
    const degree = new Uint32Array(index.size);
    let unknown = 0, ties = 0;
    for (const batch of plan.ties()) {
      for (const t of batch) {
        const from = index.get(t.fromKey), to = index.get(t.toKey);
        if (from === undefined || to === undefined) unknown++;
        else { degree[from]++; degree[to]++; }
      }
      ties += batch.length;
    }
    expect(unknown).toBe(0);
    // Hubs far above the mean, as in real networks (the organisation itself, first, aside).
    const sorted = Array.from(degree).sort((a, b) => b - a);
    const mean = (2 * ties) / index.size;
    expect(sorted[1]).toBeGreaterThan(20 * mean);
    expect(sorted.slice(1, 1001).reduce((a, b) => a + b, 0) / (2 * ties)).toBeGreaterThan(0.05);
  });

  it('never repeats a tie and is deterministic', () => {
    const plan = generateLargeGraph({ actors: 10_000, ties: 100_000, seed: 'dup-check' });
    const seen = new Set<string>();
    for (const batch of plan.ties()) for (const t of batch) seen.add(`${t.fromKey}>${t.toKey}>${t.type}`);
    expect(seen.size).toBe(100_000);
    const again = [...generateLargeGraph({ actors: 10_000, ties: 100_000, seed: 'dup-check' }).ties()].flat();
    expect(again.map((t) => `${t.fromKey}>${t.toKey}>${t.type}`)).toEqual([...seen]);
  });

  it('has every kind and team, and valid inputs, with optional signals and exchanges', () => {
    const sizes = largeSizes(5_000);
    expect(sizes.teams).toBe(10);
    expect(largeSizes(100_000)).toMatchObject({ teams: 50, employees: 10_000 });
    const m = materialise(generateLargeGraph({ actors: 5_000, ties: 30_000, signals: 2_000, exchanges: 1_000 }));
    expect(m.actors).toHaveLength(5_000);
    expect(m.ties).toHaveLength(30_000);
    expect(m.signals).toHaveLength(2_000);
    expect(m.exchanges).toHaveLength(1_000);
    expect(m.insights.length).toBeGreaterThan(0);
    expect(new Set(m.actors.map((a) => a.kind)).size).toBe(6);
    for (const a of m.actors.slice(0, 500)) expect(actorInput.parse(a)).toEqual(a);
    for (const t of m.ties.slice(-500)) expect(tieInput.parse(t)).toEqual(t);
    for (const s of m.signals) expect(signalInput.parse(s)).toEqual(s);
    for (const e of m.exchanges) expect(exchangeInput.parse(e)).toEqual(e);
    const keys = new Set(m.actors.map((a) => a.key));
    for (const t of m.ties) expect(keys.has(t.fromKey) && keys.has(t.toKey)).toBe(true);
    for (const e of m.exchanges) expect(keys.has(e.fromKey) && keys.has(e.toKey)).toBe(true);
    for (const s of m.signals) if (s.emitterKey) expect(keys.has(s.emitterKey)).toBe(true);
  });

  it('refuses more ties than fit without duplicates', () => {
    const plan = generateLargeGraph({ actors: 200, ties: 1_000_000 });
    expect(() => [...plan.ties()]).toThrow(RangeError);
  });
});
