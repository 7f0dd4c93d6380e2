#!/usr/bin/env node
/** `osmosis <command>`: serve, seed, migrate, export, import, print-schema. */
import { ConfigError } from '../config/config.js';

const COMMANDS: Record<string, { about: string; run: (argv: string[]) => Promise<void> }> = {
  serve: { about: 'serve the GraphQL API (--seed-if-empty loads the demo ecosystem into an empty store)', run: async (a) => {
    // graphql-js checks every instanceof twice unless NODE_ENV is production (its dev-mode guard against
    // two graphql copies); the server is production unless told otherwise. Set before graphql loads.
    process.env.NODE_ENV ??= 'production';
    return (await import('./serve.js')).serve(a);
  } },
  seed: { about: 'load the demo ecosystem (or --large for a benchmark graph) into the configured store', run: async (a) => (await import('./seed.js')).seed(a) },
  migrate: { about: 'create or upgrade the store schema (idempotent)', run: async (a) => (await import('./migrate.js')).migrate(a) },
  export: { about: 'write the whole graph as NDJSON to stdout (--out FILE for a file)', run: async (a) => (await import('./export.js')).exportCommand(a) },
  import: { about: 'load an NDJSON export from stdin (--in FILE for a file); idempotent', run: async (a) => (await import('./import.js')).importCommand(a) },
  'print-schema': { about: 'print the GraphQL SDL (--write updates schema/schema.graphql)', run: async (a) => (await import('./print-schema.js')).printSchemaCommand(a) },
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(13)} ${c.about}`);
  return `usage: osmosis <command> [options]\n\ncommands:\n${rows.join('\n')}\n\nConfiguration comes from the environment (see README).`;
}

const [command, ...rest] = process.argv.slice(2);
if (!command || command === '--help' || command === '-h' || command === 'help') {
  console.log(usage());
  process.exit(0);
}
const entry = COMMANDS[command];
if (!entry) {
  console.error(`osmosis: unknown command "${command}"\n\n${usage()}`);
  process.exit(2);
}
try {
  await entry.run(rest);
} catch (error) {
  if (error instanceof ConfigError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`osmosis ${command}: ${(error as Error).message}`);
    process.exit(2);
  }
  // The store could not be reached or refused us: the message says which setting to look at.
  if ((error as Error).name === 'Neo4jConnectError') {
    console.error(`osmosis ${command}: ${(error as Error).message}`);
    process.exit(1);
  }
  console.error(`osmosis ${command}: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
