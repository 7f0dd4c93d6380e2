import { describe, expect, it } from 'vitest';
import { windowOf } from './window.js';

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(iso);

describe('windowOf', () => {
  it('given since and until: the previous window has the same length', () => {
    // [05-01, 05-31) is 30 days → previous [04-01, 05-01).
    expect(windowOf(ms('2026-06-01T00:00:00Z'), ms('2026-05-01T00:00:00Z'), ms('2026-05-31T00:00:00Z'))).toEqual({
      previousSince: ms('2026-04-01T00:00:00Z'), since: ms('2026-05-01T00:00:00Z'), until: ms('2026-05-31T00:00:00Z'),
    });
  });

  it('defaults: until = readAt, since = until − defaultDays', () => {
    const now = ms('2026-06-01T00:00:00Z');
    expect(windowOf(now)).toEqual({ previousSince: now - 180 * DAY, since: now - 90 * DAY, until: now });
    expect(windowOf(now, undefined, undefined, 7)).toEqual({ previousSince: now - 14 * DAY, since: now - 7 * DAY, until: now });
    expect(windowOf(now, now - DAY)).toEqual({ previousSince: now - 2 * DAY, since: now - DAY, until: now });
  });

  it('a since after until gives an empty window', () => {
    const now = ms('2026-06-01T00:00:00Z');
    expect(windowOf(now, now + DAY)).toEqual({ previousSince: now, since: now, until: now });
  });

  it('checks its input', () => {
    expect(() => windowOf(Number.NaN)).toThrow('osmosis/learning-loop/window: readAt must be an instant in ms');
    expect(() => windowOf(0, undefined, undefined, 0)).toThrow('defaultDays must be a positive number');
  });
});
