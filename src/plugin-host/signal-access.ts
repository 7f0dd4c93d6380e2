/**
 * The plugins' write path to signals, and their read path over existing ones (since API 1.1.0):
 * - `SignalAccess` (`context.signals`, `scope(ctx, info).signals`): scan existing signals page by page,
 *   enrich any of them;
 * - the checks both it and the event hooks' narrow `SignalEnrichment` apply to what a plugin writes.
 * Everything goes through `Store.enrichSignals`: one transaction per call, graph version bumped when
 * something changed. Store errors reach the plugin (and its resolvers' clients) as coded GraphQL errors.
 */
import type { Signal } from '../domain/entities.js';
import { DomainError, badInput } from '../domain/errors.js';
import type { SignalEnrichmentInput } from '../domain/inputs.js';
import { toGraphQLError } from '../graphql/errors.js';
import type { Enrichment, SignalAccess, SignalEnrichmentItem, SignalPage, SignalScan, SignalView } from '../plugin-api/plugin.js';
import type { Store } from '../store/port.js';
import { pluginError } from './errors.js';

/** Items one `SignalAccess.enrich` call takes. */
export const MAX_ENRICH_ITEMS = 1000;
/** Largest page of `SignalAccess.scan`. */
export const MAX_SCAN_LIMIT = 1000;
const MAX_TOPICS = 20;
const MAX_TOPIC_LENGTH = 100;

export const signalView = (s: Signal): SignalView => Object.freeze({
  id: s.id, channel: s.channel, externalId: s.externalId, kind: s.kind, text: s.text, sentiment: s.sentiment,
  occurredAt: s.occurredAt, status: s.status,
});

/** Checks what a plugin wants to write; throws a plain Error saying what is wrong. */
export function checkEnrichment(e: unknown): Enrichment {
  if (typeof e !== 'object' || e === null) throw new Error('the enrichment must be an object { sentiment?, topics? }');
  const { sentiment, topics, ...rest } = e as Record<string, unknown>;
  if (Object.keys(rest).length) throw new Error(`unknown field ${Object.keys(rest).join(', ')} (sentiment and topics only)`);
  const out: Enrichment = {};
  if (sentiment !== undefined) {
    if (typeof sentiment !== 'number' || !(sentiment >= -1 && sentiment <= 1)) throw new Error('sentiment must be a number in [-1, 1]');
    out.sentiment = sentiment;
  }
  if (topics !== undefined) {
    if (!Array.isArray(topics) || topics.length > MAX_TOPICS) throw new Error(`topics must be a list of at most ${MAX_TOPICS} names`);
    const names = topics.map((t) => (typeof t === 'string' ? t.trim() : ''));
    if (names.some((t) => t.length === 0 || t.length > MAX_TOPIC_LENGTH)) throw new Error(`topic names are 1 to ${MAX_TOPIC_LENGTH} characters`);
    out.topics = [...new Set(names)];
  }
  return out;
}

/** True when the enrichment writes nothing. */
export const isEmpty = (e: Enrichment): boolean => e.sentiment === undefined && !e.topics?.length;

export const canEnrich = (store: Store): boolean => typeof (store as Partial<Store>).enrichSignals === 'function';

/** Writes checked enrichments; DomainErrors (NOT_FOUND...) become coded GraphQL errors. */
export async function writeEnrichments(store: Store, plugin: string, inputs: SignalEnrichmentInput[]): Promise<void> {
  if (!canEnrich(store)) throw pluginError('PLUGIN_CAPABILITY_UNAVAILABLE', 'this store cannot enrich signals (no enrichSignals)', { plugin });
  if (inputs.length === 0) return;
  try {
    await store.enrichSignals(inputs, { returnSignals: false });
  } catch (error) {
    if (error instanceof DomainError) throw toGraphQLError(error);
    throw error;
  }
}

const instant = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(ms)) throw toGraphQLError(badInput([{ path: [field], message: 'must be an ISO-8601 date-time' }]));
  return new Date(ms).toISOString();
};

/** The `signals` capability of one plugin. */
export function signalAccess(store: Store, plugin: string): SignalAccess {
  return Object.freeze({
    async scan(scan: SignalScan): Promise<SignalPage> {
      const { limit, after } = scan ?? ({} as SignalScan);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SCAN_LIMIT) {
        throw toGraphQLError(badInput([{ path: ['limit'], message: `must be an integer from 1 to ${MAX_SCAN_LIMIT}` }]));
      }
      const since = instant(scan.since, 'since');
      const until = instant(scan.until, 'until');
      try {
        const page = await store.listSignals({ since, until }, { first: limit, after: after ?? null });
        return Object.freeze({
          signals: Object.freeze(page.items.map(signalView)),
          endCursor: page.hasNextPage ? page.cursors[page.cursors.length - 1] : null,
        });
      } catch (error) {
        if (error instanceof DomainError) throw toGraphQLError(error);
        throw error;
      }
    },
    async enrich(items: readonly SignalEnrichmentItem[]): Promise<void> {
      if (!Array.isArray(items) || items.length > MAX_ENRICH_ITEMS) {
        throw pluginError('PLUGIN_CAPABILITY_DENIED', `plugin "${plugin}": enrich takes a list of at most ${MAX_ENRICH_ITEMS} items`, { plugin });
      }
      const inputs: SignalEnrichmentInput[] = [];
      items.forEach((item, i) => {
        const { signalId, ...enrichment } = (item ?? {}) as SignalEnrichmentItem;
        let checked: Enrichment;
        try {
          if (typeof signalId !== 'string' || signalId.length === 0) throw new Error('signalId must be a signal id');
          checked = checkEnrichment(enrichment);
        } catch (error) {
          throw pluginError('PLUGIN_CAPABILITY_DENIED', `plugin "${plugin}": item ${i}: ${(error as Error).message}`, { plugin });
        }
        if (!isEmpty(checked)) inputs.push({ signalId, ...checked });
      });
      await writeEnrichments(store, plugin, inputs);
    },
  });
}
