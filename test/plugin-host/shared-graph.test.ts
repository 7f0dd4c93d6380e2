import { describe, expect, it } from 'vitest';
import { buildProjection } from '../../src/plugin-api/index.js';
import { projectionView, shareProjection, sharedBytes } from '../../src/plugin-host/shared-graph.js';

describe('shared graphs', () => {
  const fixture = {
    actors: [{ key: 'crm:Zoë', kind: 'CUSTOMER' as const }, { key: 'hr:1', kind: 'EMPLOYEE' as const }, { key: 'x:日本', kind: 'PARTNER' as const }],
    ties: [['crm:Zoë', 'hr:1', 2], ['hr:1', 'x:日本', 1]] as const,
  };

  it('round-trips a projection through shared memory (keys decoded lazily, UTF-8 included)', () => {
    const p = buildProjection(fixture);
    const shared = shareProjection(p, 'g1');
    for (const array of [shared.outTargets, shared.inWeights, shared.keyBytes]) expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    const view = projectionView(shared);
    expect(view.keys).toEqual(p.keys);
    expect(view.kinds).toEqual(p.kinds);
    expect([...view.out.targets]).toEqual([...p.out.targets]);
    expect([...view.in.weights]).toEqual([...p.in.weights]);
    expect(sharedBytes(shared)).toBe(4 * 4 * 2 + 4 * 2 * 2 + 8 * 2 * 2 + shared.keyBytes.byteLength + 4 * 4 + 3);
  });

  it('encodes keys one by one when one holds the separator', () => {
    const p = buildProjection({ actors: ['a\nb', 'c', ''].filter(Boolean) });
    expect(projectionView(shareProjection(p, 'g2')).keys).toEqual(['a\nb', 'c']);
    expect(projectionView(shareProjection(buildProjection({ actors: [] }), 'g3')).keys).toEqual([]);
  });
});
