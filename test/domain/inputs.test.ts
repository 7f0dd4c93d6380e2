/**
 * parseBatch's fast path for signal inputs must give zod's answer: the same output for every input
 * it accepts, and a BAD_USER_INPUT (from zod) for every input zod rejects.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { isCanonicalInstant, MAX_JSON_DEPTH, nestsAtMost, parseBatch, signalInput } from '../../src/domain/inputs.js';

const BASE = {
  channel: 'email', externalId: 'msg-1', kind: 'COMPLAINT', text: 'Late delivery again', sentiment: -0.5,
  occurredAt: '2026-11-02T09:00:00.000Z', emitterKey: 'crm:c-0101', about: [{ target: 'TOPIC', ref: 'delivery' }],
};

const VARIANTS: Record<string, unknown[]> = {
  channel: ['email', ' Email ', 'EMAIL', 'e-mail.x:y_z', '', '  ', 'a'.repeat(64), 'a'.repeat(65), ` ${'a'.repeat(64)} `,
    '-x', '_x', 'x y', 'İx', 'ß', 'é', 7, null, undefined],
  externalId: ['x', ' x ', '', '   ', 'a'.repeat(200), 'a'.repeat(201), ' a b ', 0, null, undefined],
  kind: ['QUESTION', 'IDEA', 'question', 'NOPE', '', 1, null, undefined],
  text: ['', ' padded ', 'x'.repeat(20_000), 'x'.repeat(20_001), null, undefined, 3],
  sentiment: [-1, 1, 0, -0, 0.25, 1.0000001, -1.5, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, '0.5'],
  occurredAt: ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.1Z', '2024-02-29T12:00:00.000Z',
    '2026-02-29T12:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-01-01T24:00:00.000Z',
    '2026-01-01T00:00:00.000+00:00', '2026-01-01T01:00:00.000+01:00', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z',
    '2026-01-01t00:00:00.000z', '2026-01-01 00:00:00.000Z', '2026-01-01', 'garbage', '', 0, null, undefined],
  emitterKey: ['crm:1', ' crm:1 ', '', '  ', 'a b', 'a'.repeat(200), 'a'.repeat(201), 'x\ty', 5, null, undefined],
  about: [[], undefined, null, 'x', [null], [{ target: 'ACTOR', ref: ' crm:2 ' }], [{ target: 'PROCESS', ref: '' }],
    [{ target: 'NOPE', ref: 'x' }], [{ target: 'TOPIC', ref: 'r'.repeat(201) }], [{ target: 'TOPIC' }],
    [{ target: 'TOPIC', ref: 'a', extra: 1 }], Array.from({ length: 50 }, () => ({ target: 'TOPIC', ref: 't' })),
    Array.from({ length: 51 }, () => ({ target: 'TOPIC', ref: 't' }))],
};

function sameAnswer(value: unknown): void {
  const expected = signalInput.safeParse(value);
  let got: unknown;
  let error: unknown;
  try {
    got = parseBatch(signalInput, [value], 'input')[0];
  } catch (e) {
    error = e;
  }
  if (expected.success) {
    expect(error).toBeUndefined();
    expect(got).toStrictEqual(expected.data);
  } else {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
  }
}

describe('parseBatch(signalInput) fast path', () => {
  it('answers like zod when one field varies', () => {
    for (const [field, values] of Object.entries(VARIANTS)) {
      for (const v of values) sameAnswer({ ...BASE, [field]: v });
    }
  });

  it('answers like zod on random combinations', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const fields = Object.entries(VARIANTS);
    for (let n = 0; n < 3_000; n++) {
      const value: Record<string, unknown> = { extra: 'ignored' };
      for (const [field, values] of fields) {
        const v = values[next() % values.length];
        if (v !== undefined || next() % 2) value[field] = v;
      }
      sameAnswer(value);
    }
  });

  it('answers like zod for values that are not objects', () => {
    for (const v of [null, undefined, 1, 'x', [], [BASE]]) sameAnswer(v);
  });

  it('keeps the order and the issues of a mixed batch', () => {
    const batch = [BASE, { ...BASE, externalId: 'msg-2', channel: ' SMS ' }];
    expect(parseBatch(signalInput, batch, 'input').map((s) => [s.channel, s.externalId])).toEqual([['email', 'msg-1'], ['sms', 'msg-2']]);
    try {
      parseBatch(signalInput, [BASE, { ...BASE, kind: 'NOPE' }, { ...BASE, occurredAt: 'x' }], 'input');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).issues.map((i) => i.path)).toEqual([['input', 1, 'kind'], ['input', 2, 'occurredAt']]);
    }
  });
});

describe('isCanonicalInstant', () => {
  it('is true exactly when Date#toISOString() gives the string back', () => {
    const roundTrips = (s: string) => {
      const t = Date.parse(s);
      return !Number.isNaN(t) && new Date(t).toISOString() === s;
    };
    const samples = ['2026-01-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2100-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z',
      '0000-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2026-06-31T00:00:00.000Z', '2026-12-31T23:59:59.999Z',
      '2026-00-10T00:00:00.000Z', '2026-01-00T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T00:60:00.000Z',
      '2026-01-01T00:00:60.000Z', '2026-01-01T00:00:00.000+', '2026-01-01T00:00:00,000Z', '2026-01-01 00:00:00.000Z',
      '2026-01-01T00:00:00.00Z', '+02026-01-01T00:00:00.000Z', '2026-1a-01T00:00:00.000Z'];
    let day = Date.UTC(1999, 0, 1);
    for (let i = 0; i < 2_000; i++, day += 86_400_000 + 3_600_001) {
      const iso = new Date(day).toISOString();
      samples.push(iso, iso.replace(/-(\d\d)T/, (_, d: string) => `-${String(Number(d) + 1).padStart(2, '0')}T`));
    }
    for (const s of samples) expect(isCanonicalInstant(s), s).toBe(roundTrips(s));
  });
});

describe('nestsAtMost', () => {
  const nested = (levels: number, wrap: (v: unknown) => unknown) => {
    let value: unknown = 1;
    for (let i = 0; i < levels; i++) value = wrap(value);
    return value;
  };

  it('counts objects and arrays as levels, scalars as none', () => {
    expect(nestsAtMost({}, 1)).toBe(true);
    expect(nestsAtMost({ a: 1, b: 'x', c: null }, 1)).toBe(true);
    expect(nestsAtMost({ a: [] }, 1)).toBe(false);
    expect(nestsAtMost({ a: [] }, 2)).toBe(true);
    expect(nestsAtMost(nested(5, (v) => [v]), 5)).toBe(true);
    expect(nestsAtMost(nested(6, (v) => ({ x: v })), 5)).toBe(false);
  });

  it('judges the deepest branch, not the first', () => {
    expect(nestsAtMost({ a: 1, b: { c: { d: {} } }, e: {} }, 3)).toBe(false);
    expect(nestsAtMost({ a: 1, b: { c: { d: {} } }, e: {} }, 4)).toBe(true);
  });

  it('answers for a million levels without overflowing the stack', () => {
    expect(nestsAtMost(nested(1_000_000, (v) => ({ a: v })), MAX_JSON_DEPTH)).toBe(false);
  });
});
