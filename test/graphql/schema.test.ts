import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../../src/cli/print-schema.js';

describe('schema artifact', () => {
  it('schema/schema.graphql is the printed schema (run `npm run schema:print -- --write`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });
});

describe('generated typed documents', () => {
  it('schema/generated/ is what `npm run codegen` makes of the committed SDL and operations', async () => {
    const { generate } = await import('@graphql-codegen/cli');
    const { default: config } = await import('../../codegen.js');
    const files = await generate({ ...config, silent: true }, false) as { filename: string; content: string }[];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(readFileSync(file.filename, 'utf8'), `${file.filename} is stale: run \`npm run codegen\``).toBe(file.content);
    }
  }, 60_000);
});
