#!/usr/bin/env node
/** `osmosis <command>`: serve, seed, migrate, export, import, print-schema. */
import { DomainError } from '../domain/errors.js';
import { ConfigError } from '../config/config.js';

interface Command {
  about: string;
  /** One line per option: `--name VALUE  what it does`. */
  options: string[];
  run: (argv: string[]) => Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    about: 'serve the GraphQL API',
    options: ['--seed-if-empty       load the demo ecosystem first when the store holds no actor'],
    run: async (a) => {
      // graphql-js checks every instanceof twice unless NODE_ENV is production (its dev-mode guard against
      // two graphql copies); the server is production unless told otherwise. Set before graphql loads.
      process.env.NODE_ENV ??= 'production';
      return (await import('./serve.js')).serve(a);
    },
  },
  seed: {
    about: 'load the demo ecosystem (or --large for a benchmark graph) into the configured store',
    options: [
      '--large               a benchmark graph instead of the demo ecosystem',
      '--actors N            actors of the --large graph',
      '--ties N              ties of the --large graph',
      '--signals N           signals (demo ecosystem or --large graph; below 100, the demo has no insights)',
      '--exchanges N         value exchanges (demo ecosystem or --large graph)',
      '--seed S              another deterministic variant (same seed, same graph)',
      '--force               load into a store that already holds actors',
    ],
    run: async (a) => (await import('./seed.js')).seed(a),
  },
  migrate: { about: 'create or upgrade the store schema (idempotent)', options: [], run: async (a) => (await import('./migrate.js')).migrate(a) },
  export: {
    about: 'write the whole graph as NDJSON to stdout',
    options: ['--out FILE, -o FILE   write to FILE instead of stdout', '--page-size N         records read per store call (1-10000)'],
    run: async (a) => (await import('./export.js')).exportCommand(a),
  },
  import: {
    about: 'load an NDJSON export from stdin; idempotent',
    options: ['--in FILE, -i FILE    read FILE instead of stdin', '--batch N             records written per transaction (1-10000)'],
    run: async (a) => (await import('./import.js')).importCommand(a),
  },
  'print-schema': {
    about: 'print the GraphQL SDL',
    options: ['--write               update schema/schema.graphql instead of printing'],
    run: async (a) => (await import('./print-schema.js')).printSchemaCommand(a),
  },
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(13)} ${c.about}`);
  return `usage: osmosis <command> [options]\n\ncommands:\n${rows.join('\n')}\n\n`
    + '`osmosis <command> --help` lists its options. Configuration comes from the environment (see README).';
}

function commandUsage(name: string, c: Command): string {
  const options = c.options.length ? `\n\noptions:\n${c.options.map((o) => `  ${o}`).join('\n')}` : '\n\nno options';
  return `usage: osmosis ${name}${c.options.length ? ' [options]' : ''}\n\n${c.about}${options}\n\nConfiguration comes from the environment (see README).`;
}

const [command, ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h' || command === 'help') {
  console.log(usage());
  process.exit(0);
}
if (!command) {
  console.error(usage());
  process.exit(2);
}
const entry = COMMANDS[command];
if (!entry) {
  console.error(`osmosis: unknown command "${command}"\n\n${usage()}`);
  process.exit(2);
}
if (rest.includes('--help') || rest.includes('-h')) {
  console.log(commandUsage(command, entry));
  process.exit(0);
}
try {
  await entry.run(rest);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`osmosis ${command}: ${(error as Error).message}`);
    process.exit(2);
  }
  // An unknown option, a missing value, a stray argument: a usage error, not a crash.
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) {
    console.error(`osmosis ${command}: ${(error as Error).message}\n\n\`osmosis ${command} --help\` lists its options.`);
    process.exit(2);
  }
  // The store could not be reached or refused us: the message says which setting to look at.
  if ((error as Error).name === 'Neo4jConnectError') {
    console.error(`osmosis ${command}: ${(error as Error).message}`);
    process.exit(1);
  }
  // Errors that explain themselves (a refused write, a plugin that stops a strict start): no stack.
  if (error instanceof DomainError || (error as Error).name === 'PluginStartupError') {
    console.error(`osmosis ${command}: ${(error as Error).message}`);
    process.exit(1);
  }
  console.error(`osmosis ${command}: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
