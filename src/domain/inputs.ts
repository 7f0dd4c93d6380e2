/**
 * Write inputs and their validation. Every write path (GraphQL, CLI import, seeds) validates
 * here first, so a store only ever sees well-formed data.
 */
import { z } from 'zod';
import { ACTOR_KINDS, ABOUT_TARGETS, SIGNAL_KINDS, TIE_TYPES, VALUE_KINDS, type ValueKind } from './kinds.js';
import { badInput, type FieldIssue } from './errors.js';
import type { Json } from './entities.js';

/** Largest batch one call accepts: big enough for bulk ingestion, small enough for one transaction. */
export const MAX_BATCH = 10_000;

const key = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters')
  .regex(/^[^\s]+$/, 'must not contain whitespace');
const instant = z.string().datetime({ offset: true, message: 'must be an ISO-8601 date-time' })
  .transform((s) => new Date(s).toISOString());
const jsonObject = z.record(z.string(), z.unknown())
  .refine((o) => JSON.stringify(o).length <= 16_384, 'attributes must serialise to at most 16 KiB') as unknown as z.ZodType<Record<string, Json>>;
const channel = z.string().trim().toLowerCase().min(1).max(64)
  .regex(/^[a-z0-9][a-z0-9_.:-]*$/, 'letters, digits and _ . : - only');

export const actorInput = z.object({
  key,
  kind: z.enum(ACTOR_KINDS),
  name: z.string().trim().min(1, 'must not be empty').max(500),
  attributes: jsonObject.optional().default({}),
});
export type ActorInput = z.output<typeof actorInput>;

export const tieInput = z.object({
  fromKey: key,
  toKey: key,
  type: z.enum(TIE_TYPES),
  weight: z.number().finite().min(0).max(1e9).optional().default(1),
  since: instant.nullish().transform((v) => v ?? null),
});
export type TieInput = z.output<typeof tieInput>;

export const aboutInput = z.object({
  target: z.enum(ABOUT_TARGETS),
  ref: z.string().trim().min(1).max(200),
});

export const signalInput = z.object({
  channel,
  externalId: z.string().trim().min(1).max(200),
  kind: z.enum(SIGNAL_KINDS),
  text: z.string().max(20_000),
  sentiment: z.number().finite().min(-1).max(1).nullish().transform((v) => v ?? null),
  occurredAt: instant,
  emitterKey: key.nullish().transform((v) => v ?? null),
  about: z.array(aboutInput).max(50).optional().default([]),
});
export type SignalInput = z.output<typeof signalInput>;

export const exchangeInput = z.object({
  externalId: z.string().trim().min(1).max(200).nullish().transform((v) => v ?? null),
  fromKey: key,
  toKey: key,
  kind: z.enum(VALUE_KINDS),
  amount: z.number().finite().min(0).max(1e15),
  unit: z.string().trim().min(1).max(32).optional(),
  occurredAt: instant,
}).transform((e) => ({ ...e, unit: e.unit ?? defaultUnit(e.kind) }));
export type ExchangeInput = z.output<typeof exchangeInput>;

/** Money counts in euros unless told; other value is counted in occurrences. */
const defaultUnit = (kind: ValueKind): string => (kind === 'MONEY' ? 'EUR' : 'count');

export const responseInput = z.object({
  signalId: z.string().min(1),
  responderKey: key,
  text: z.string().trim().min(1).max(20_000),
  channel: channel.optional(),
  respondedAt: instant.optional(),
});
export type ResponseInput = z.output<typeof responseInput>;

export const insightInput = z.object({
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().max(10_000).optional().default(''),
  signalIds: z.array(z.string().min(1)).min(1, 'an insight derives from at least one signal').max(MAX_BATCH),
  topics: z.array(z.string().trim().min(1).max(100)).max(50).optional().default([]),
  /** When the insight was drawn; default now (an insight recorded after the fact keeps its date). */
  createdAt: instant.optional(),
});
export type InsightInput = z.output<typeof insightInput>;

export const changeInput = z.object({
  insightId: z.string().min(1),
  processName: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(10_000),
  appliedAt: instant.optional(),
});
export type ChangeInput = z.output<typeof changeInput>;

/** Parse one value, or throw BAD_USER_INPUT naming each field at fault under `root`. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root: (string | number)[]): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw badInput(toIssues(r.error, root));
}

/** Parse a batch: every item is checked so that one answer lists all the bad ones (up to 100). */
export function parseBatch<S extends z.ZodType>(schema: S, values: readonly unknown[], root: string): z.output<S>[] {
  if (values.length > MAX_BATCH) {
    throw badInput([{ path: [root], message: `at most ${MAX_BATCH} items per call, got ${values.length}` }]);
  }
  const out: z.output<S>[] = [];
  const issues: FieldIssue[] = [];
  values.forEach((v, i) => {
    const r = schema.safeParse(v);
    if (r.success) out.push(r.data);
    else if (issues.length < 100) issues.push(...toIssues(r.error, [root, i]));
  });
  if (issues.length) throw badInput(issues);
  return out;
}

const toIssues = (error: z.ZodError, root: (string | number)[]): FieldIssue[] =>
  error.issues.map((i) => ({ path: [...root, ...(i.path as (string | number)[])], message: i.message }));
