/**
 * Typed configuration from the environment and an optional JSON file (OSMOSIS_CONFIG).
 * Environment wins over the file. A bad setting stops start-up with a message naming it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

// --- plugin settings (src/plugin-host) ---------------------------------------------------------
/** Comma-separated built-in names, paths or package names; `none` for no plugin. */
const pluginList = z.union([z.string(), z.array(z.string())]).transform((v, ctx) => {
  const items = (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean);
  // "," names nothing: a setting gone wrong, not a way to say `none` (which is spelled out).
  if (items.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'names no plugin (only commas or blanks); use "none" to load none' });
    return z.NEVER;
  }
  return items.length === 1 && items[0] === 'none' ? [] : items;
});
/** Options by plugin name: a JSON object (a JSON string in the environment). */
const pluginOptions = z.unknown().transform((given, ctx) => {
  let value = given;
  if (typeof given === 'string') {
    try {
      value = JSON.parse(given) as unknown;
    } catch {
      value = undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object of options by plugin name' });
    return z.NEVER;
  }
  return value as Record<string, unknown>;
});

export const configSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  OSMOSIS_STORE: z.enum(['embedded', 'neo4j']).default('embedded'),
  OSMOSIS_DB: z.string().min(1).default('./data/osmosis.db'),
  OSMOSIS_READ_THREADS: z.coerce.number().int().min(0).max(16).default(1),
  OSMOSIS_QUERY_THREADS: z.coerce.number().int().min(0).max(16).default(2),
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI').default('bolt://127.0.0.1:7687'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URI').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OSMOSIS_GRAPHIQL: bool.default(true),
  OSMOSIS_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  OSMOSIS_MAX_TOKENS: z.coerce.number().int().min(100).default(5_000),
  OSMOSIS_MAX_COST: z.coerce.number().int().min(100).default(250_000),
  /** Largest request body in bytes (a 5,000-signal batch is ~1.5 MB). */
  OSMOSIS_MAX_BODY: z.coerce.number().int().min(1024).max(1_000_000_000).default(25_000_000),
  // --- realtime (issue 4): subscriptions, event stream, API tokens ---
  /** Comma-separated API tokens; unset or empty: no authentication. */
  OSMOSIS_API_TOKENS: z.union([z.string(), z.array(z.string())]).default('')
    .transform((v, ctx) => {
      const tokens = (Array.isArray(v) ? v : v.split(',')).map((t) => t.trim()).filter(Boolean);
      // "," or " " is a setting that went wrong, not a wish to run open: refuse it rather than fail open.
      const given = Array.isArray(v) ? v.length > 0 : v !== '';
      if (given && tokens.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'names no token (only commas or blanks); leave it unset or empty to run without authentication' });
        return z.NEVER;
      }
      // A Bearer token is one word: one with blanks inside could never be presented.
      if (tokens.some((t) => /\s/.test(t))) {
        ctx.addIssue({ code: 'custom', message: 'a token contains blanks; tokens are separated by commas and hold no whitespace' });
        return z.NEVER;
      }
      return tokens;
    }),
  /** Origins whose pages may call the API (CORS): comma-separated, `*` for any; unset: this machine's pages only. */
  OSMOSIS_CORS_ORIGINS: z.union([z.string(), z.array(z.string())]).default('')
    .transform((v, ctx) => {
      const origins = (Array.isArray(v) ? v : v.split(',')).map((o) => o.trim()).filter(Boolean);
      const bad = origins.find((o) => o !== '*' && !/^https?:\/\/[^/\s]+$/i.test(o));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${bad}" is not an origin (scheme://host[:port], no path) or *` });
        return z.NEVER;
      }
      // As browsers send them: lower case, no default port (https://a.example:443 is https://a.example).
      return origins.map((o) => (o === '*' ? o : new URL(o).origin));
    }),
  /** Prefix of the Redis keys (the stream is `<prefix>:events`); one per database. */
  OSMOSIS_REDIS_PREFIX: z.string().regex(/^[\w:.-]+$/, 'letters, digits, _ : . - only').default('osmosis'),
  /** How often an instance looks for events committed elsewhere (store mode) or not yet relayed (Redis mode). */
  OSMOSIS_EVENTS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  OSMOSIS_WS_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  OSMOSIS_WS_KEEPALIVE_MS: z.coerce.number().int().min(0).default(12_000),
  OSMOSIS_WS_MAX_MESSAGE: z.coerce.number().int().min(1024).default(1024 * 1024),
  OSMOSIS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).default(100),
  OSMOSIS_SUBSCRIPTION_BUFFER: z.coerce.number().int().min(10).default(1_000),
  OSMOSIS_SLOW_CONSUMER_MS: z.coerce.number().int().min(100).default(30_000),
  // --- plugins (src/plugin-host) ---
  OSMOSIS_PLUGINS: pluginList.default(['influence', 'enrichment', 'responsiveness', 'learning-loop', 'silos', 'value-flow', 'maturity']),
  OSMOSIS_PLUGINS_STRICT: bool.default(false),
  OSMOSIS_PLUGIN_OPTIONS: pluginOptions.default({}),
  OSMOSIS_PLUGIN_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  OSMOSIS_PLUGIN_HEAP_MB: z.coerce.number().int().min(32).default(512),
  OSMOSIS_PLUGIN_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration; throws ConfigError naming each bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  let fromFile: Record<string, unknown> = {};
  if (env.OSMOSIS_CONFIG) {
    try {
      fromFile = JSON.parse(readFileSync(env.OSMOSIS_CONFIG, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`OSMOSIS_CONFIG: cannot read ${env.OSMOSIS_CONFIG}: ${(error as Error).message}`);
    }
    if (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile)) {
      throw new ConfigError(`OSMOSIS_CONFIG: ${env.OSMOSIS_CONFIG} must hold a JSON object of settings`);
    }
  }
  const known = Object.keys(configSchema.shape);
  const unknownInFile = Object.keys(fromFile).filter((k) => !known.includes(k));
  if (unknownInFile.length) {
    throw new ConfigError(`OSMOSIS_CONFIG: unknown setting ${unknownInFile.join(', ')} (known: ${known.join(', ')})`);
  }
  // A file's true or 12 means what the environment's "true" or "12" does (and true is no number).
  const merged: Record<string, unknown> = Object.fromEntries(Object.entries(fromFile)
    .map(([k, v]) => [k, typeof v === 'boolean' || typeof v === 'number' ? String(v) : v]));
  for (const k of known) if (env[k] !== undefined && env[k] !== '') merged[k] = env[k];
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(merged[String(i.path[0])])}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
