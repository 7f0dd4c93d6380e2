/**
 * Plugin event hooks. The host subscribes once to the instance's EventHub, keeps the
 * SIGNAL_RECORDED events, takes those signals (as recorded, or read back) and hands them to every `onSignalsRecorded` hook,
 * one batch after the other (the hub's listener only enqueues, so it never blocks the hub). Each
 * hook has a time limit and its failures are logged and counted, never thrown at the hub.
 *
 * The write capability is narrow: a hook may enrich (sentiment, topics) only the signals of the
 * batch it was given. The `enrich` calls a hook makes in the same tick are written with one
 * `Store.enrichSignals` call (one transaction); a store without that method makes `enrich` reject
 * with PLUGIN_CAPABILITY_UNAVAILABLE.
 */
import type { Logger } from 'pino';
import type { OutboxEvent } from '../domain/events.js';
import type { Signal } from '../domain/entities.js';
import type { EventHub } from '../events/hub.js';
import type { Store } from '../store/port.js';
import type { SignalEnrichmentInput } from '../domain/inputs.js';
import type { Enrichment, SignalEnrichment, SignalsRecordedHook } from '../plugin-api/plugin.js';
import { pluginError } from './errors.js';
import { canEnrich, checkEnrichment, isEmpty, signalView as view, writeEnrichments } from './signal-access.js';

/** The store method enrichment goes through (Store.enrichSignals). */
export type SignalEnrichmentWriter = Pick<Store, 'enrichSignals'>;

interface Registered {
  plugin: string;
  hook: SignalsRecordedHook;
  log: Logger;
}

export interface HookStats {
  batches: number;
  failures: Record<string, number>;
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
    /** Hands over the signals this instance recorded (see PluginHostOptions.localSignals); all are read back when absent. */
    private readonly local?: { take(signalId: string): Signal | undefined; track?(): void },
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
    this.local?.track?.();
    this.unsubscribe = this.hub.subscribe((events) => this.deliver(events));
  }

  /** Enqueues a batch of events (what the hub listener does); resolves when it has been handled. */
  deliver(events: readonly OutboxEvent[]): Promise<void> {
    // With `local`, the signals come as this instance recorded them; without, they are read back.
    const batch: (Signal | string)[] = [];
    for (const e of events) {
      if (e.type !== 'SIGNAL_RECORDED') continue;
      if (!this.local) batch.push(e.entityId);
      else {
        const signal = this.local.take(e.entityId);
        if (signal) batch.push(signal);
      }
    }
    if (batch.length === 0 || this.hooks.length === 0) return this.queue;
    this.queue = this.queue.then(() => this.handle(batch)).catch((error: unknown) => {
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

  private async handle(batch: (Signal | string)[]): Promise<void> {
    const ids = batch.filter((s): s is string => typeof s === 'string');
    const read = ids.length ? await this.store.signalsByIds(ids) : [];
    const signals = [...batch.filter((s): s is Signal => typeof s !== 'string'), ...read.filter((s): s is Signal => s !== null)].map(view);
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
    // Calls made in the same tick are written together (one transaction), like a DataLoader batch.
    let pending: { input: SignalEnrichmentInput; resolve: () => void; reject: (error: unknown) => void }[] = [];
    const flush = (): void => {
      const batch = pending;
      pending = [];
      writeEnrichments(this.store, plugin, batch.map((p) => p.input)).then(
        () => { for (const p of batch) p.resolve(); },
        (error: unknown) => { for (const p of batch) p.reject(error); },
      );
    };
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
        if (!canEnrich(this.store)) throw pluginError('PLUGIN_CAPABILITY_UNAVAILABLE', 'this store cannot enrich signals (no enrichSignals)', { plugin });
        if (isEmpty(checked)) return;
        await new Promise<void>((resolve, reject) => {
          pending.push({ input: { signalId, ...checked }, resolve, reject });
          if (pending.length === 1) setImmediate(flush);
        });
      },
    });
  }
}
