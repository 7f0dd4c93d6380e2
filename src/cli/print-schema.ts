import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema } from '../graphql/schema.js';
import { extendSchemaWithBuiltins } from '../plugin-host/index.js';

export const SCHEMA_FILE = 'schema/schema.graphql';

/** The committed SDL, with the built-in plugins' fields: sorted so that it changes only when the schema does. */
export function printedSchema(): string {
  extendSchemaWithBuiltins();
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}

export async function printSchemaCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { write: { type: 'boolean', default: false } } });
  const sdl = printedSchema();
  if (values.write) {
    writeFileSync(SCHEMA_FILE, sdl);
    console.error(`wrote ${SCHEMA_FILE}`);
  } else {
    process.stdout.write(sdl);
  }
}
