import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/domain/transfer.js';

const at = '2026-01-01T00:00:00.000Z';
const id = '0684a77f-50d8-4245-89af-fce7e6d01ca5';
const fieldOf = (record: object): string | undefined => {
  try {
    parseRecord(record);
    return undefined;
  } catch (error) {
    return (error as { field?: string }).field ?? String(error);
  }
};

describe('import records keep the rules the API enforces', () => {
  it('refuses a tie or an exchange from an actor to itself, naming toKey', () => {
    expect(fieldOf({ type: 'tie', id, fromKey: 'a', toKey: 'a', tieType: 'KNOWS', weight: 1, since: null })).toBe('toKey');
    expect(fieldOf({ type: 'tie', id, fromKey: 'a', toKey: 'b', tieType: 'KNOWS', weight: 1, since: null })).toBeUndefined();
    const exchange = { type: 'exchange', id, externalId: null, fromKey: 'a', kind: 'MONEY', amount: 1, unit: 'EUR', occurredAt: at };
    expect(fieldOf({ ...exchange, toKey: 'a' })).toBe('toKey');
    expect(fieldOf({ ...exchange, toKey: 'b' })).toBeUndefined();
  });

  it("takes an erased: key only as a tombstone, never with a person's name or attributes", () => {
    const actor = { type: 'actor', id, kind: 'CUSTOMER', createdAt: at, updatedAt: at };
    expect(fieldOf({ ...actor, key: `erased:${id}`, name: 'Erased actor', attributes: {} })).toBeUndefined();
    expect(fieldOf({ ...actor, key: 'erased:foo', name: 'Roberto Bianchi', attributes: {} })).toBe('key');
    expect(fieldOf({ ...actor, key: 'erased:foo', name: 'Erased actor', attributes: { phone: '333' } })).toBe('key');
  });
});
