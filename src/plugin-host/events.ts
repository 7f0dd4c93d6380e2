/**
 * Plugin event hooks. The host subscribes once to the instance's EventHub, keeps the
 * SIGNAL_RECORDED events, loads those signals and hands them to every `onSignalsRecorded` hook,
 * one batch after the other (the hub's listener only enqueues, so it never blocks the hub). Each
 * hook has a time limit and its failures are logged and counted, never thrown at the hub.
 *
 * The write capability is narrow: a hook may enrich (sentiment, topics) only the signals of the
 * batch it was given. It needs a store that implements SignalEnrichmentWriter; without one,
 * `enrich` rejects with PLUGIN_CAPABILITY_UNAVAILABLE.
 */
import type { Logger } from 'pino';
import type { OutboxEvent } from '../domain/events.js';
import type { Signal } from '../domain/entities.js';
import type { EventHub } from '../events/hub.js';
import type { Store } from '../store/port.js';
import type { Enrichment, SignalEnrichment, SignalsRecordedHook, SignalView } from '../plugin-api/plugin.js';
import { pluginError } from './errors.js';

/**
 * The store method enrichment needs (to be added to the Store port and both adapters): sets the
 * signal's sentiment when given, and links the signal ABOUT each named topic (created by name on
 * demand, an existing link kept), in one transaction. NOT_FOUND when the signal is unknown.
 */
export interface SignalEnrichmentWriter {
  setSignalEnrichment(signalId: string, enrichment: { sentiment?: number; topics?: string[] }): Promise<void>;
}

const MAX_TOPICS = 20;
const MAX_TOPIC_LENGTH = 100;

interface Registered {
  plugin: string;
  hook: SignalsRecordedHook;
  log: Logger;
}

export interface HookStats {
  batches: number;
  failures: Record<string, number>;
}

const view = (s: Signal): SignalView => Object.freeze({
  id: s.id, channel: s.channel, externalId: s.externalId, kind: s.kind, text: s.text, sentiment: s.sentiment,
  occurredAt: s.occurredAt, status: s.status,
});

function checkEnrichment(e: unknown): Enrichment {
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

export class SignalHooks {
  private readonly hooks: Registered[] = [];
  private queue: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private readonly stats: HookStats = { batches: 0, failures: {} };

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub | undefined,
    private readonly log: Logger,
    private readonly timeoutMs: number,
  ) {}

  add(plugin: string, hook: SignalsRecordedHook, log: Logger): void {
    if (typeof hook !== 'function') throw new Error('onSignalsRecorded needs a function');
    this.hooks.push({ plugin, hook, log });
  }

  /** Subscribes to the hub when some hook is registered. */
  start(): void {
    if (this.unsubscribe || this.hooks.length === 0) return;
    if (!this.hub) {
      this.log.warn({ plugins: [...new Set(this.hooks.map((h) => h.plugin))] }, 'plugins registered signal hooks but no event hub is configured; they will not run');
      return;
    }
    this.unsubscribe = this.hub.subscribe((events) => this.deliver(events));
  }

  /** Enqueues a batch of events (what the hub listener does); resolves when it has been handled. */
  deliver(events: readonly OutboxEvent[]): Promise<void> {
    const ids = events.filter((e) => e.type === 'SIGNAL_RECORDED').map((e) => e.entityId);
    if (ids.length === 0 || this.hooks.length === 0) return this.queue;
    this.queue = this.queue.then(() => this.handle(ids)).catch((error: unknown) => {
      this.log.error({ err: error }, 'signal hooks: could not load the recorded signals');
    });
    return this.queue;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.queue;
  }

  snapshot(): HookStats {
    return { batches: this.stats.batches, failures: { ...this.stats.failures } };
  }

  private async handle(ids: string[]): Promise<void> {
    const signals = (await this.store.signalsByIds(ids)).filter((s): s is Signal => s !== null).map(view);
    if (signals.length === 0) return;
    this.stats.batches++;
    const inBatch = new Set(signals.map((s) => s.id));
    const frozen = Object.freeze(signals);
    for (const { plugin, hook, log } of this.hooks) {
      const enrichment = this.enrichmentFor(plugin, inBatch);
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.resolve().then(() => hook(frozen, enrichment)),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`onSignalsRecorded did not finish within ${this.timeoutMs} ms`)), this.timeoutMs);
          }),
        ]);
      } catch (error) {
        this.stats.failures[plugin] = (this.stats.failures[plugin] ?? 0) + 1;
        log.warn({ err: error, signals: signals.length }, 'onSignalsRecorded failed');
      } finally {
        clearTimeout(timer);
      }
    }
  }

  private enrichmentFor(plugin: string, inBatch: ReadonlySet<string>): SignalEnrichment {
    const writer = typeof (this.store as Partial<SignalEnrichmentWriter>).setSignalEnrichment === 'function'
      ? (this.store as unknown as SignalEnrichmentWriter)
      : null;
    return Object.freeze({
      enrich: async (signalId: string, enrichment: Enrichment): Promise<void> => {
        if (!inBatch.has(signalId)) {
          throw pluginError('PLUGIN_CAPABILITY_DENIED', `plugin "${plugin}" may enrich only the signals of the batch it was given (not ${signalId})`, { plugin });
        }
        let checked: Enrichment;
        try {
          checked = checkEnrichment(enrichment);
        } catch (error) {
          throw pluginError('PLUGIN_CAPABILITY_DENIED', `plugin "${plugin}": ${(error as Error).message}`, { plugin });
        }
        if (!writer) throw pluginError('PLUGIN_CAPABILITY_UNAVAILABLE', 'this store cannot enrich signals (no setSignalEnrichment)', { plugin });
        if (checked.sentiment === undefined && !checked.topics?.length) return;
        await writer.setSignalEnrichment(signalId, checked);
      },
    });
  }
}
