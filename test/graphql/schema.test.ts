import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../../src/cli/print-schema.js';

describe('schema artifact', () => {
  it('schema/schema.graphql is the printed schema (run `npm run schema:print -- --write`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });
});
