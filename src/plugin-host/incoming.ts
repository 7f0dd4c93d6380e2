/**
 * Ingest enrichers (plugin API 1.2.0): every batch given to `recordSignals` passes through the
 * plugins' enrichers, in plugin order, before it is written — sentiment and topics land in the same
 * transaction as the signals. A plugin can never make ingestion fail: an enricher that throws, times
 * out or answers something invalid leaves the signals as they were (logged and counted).
 */
import type { Logger } from 'pino';
import type { SignalInput } from '../domain/inputs.js';
import type { Enrichment, IncomingSignal, SignalsIncomingEnricher } from '../plugin-api/plugin.js';
import { checkEnrichment } from './signal-access.js';

/** What a signal may be about at most (SignalInput.about). */
const MAX_ABOUT = 50;

interface Registered {
  plugin: string;
  enricher: SignalsIncomingEnricher;
  log: Logger;
}

export interface IncomingStats {
  batches: number;
  failures: Record<string, number>;
}

export class IncomingEnrichers {
  private readonly enrichers: Registered[] = [];
  private readonly stats: IncomingStats = { batches: 0, failures: {} };

  constructor(private readonly timeoutMs: number) {}

  add(plugin: string, enricher: SignalsIncomingEnricher, log: Logger): void {
    if (typeof enricher !== 'function') throw new Error('enrichIncomingSignals needs a function');
    this.enrichers.push({ plugin, enricher, log });
  }

  get size(): number {
    return this.enrichers.length;
  }

  /** The inputs with every enricher's answer applied (new objects; the given ones are not changed). */
  async enrich(inputs: readonly SignalInput[]): Promise<SignalInput[]> {
    let current = inputs.slice();
    if (this.enrichers.length === 0 || current.length === 0) return current;
    this.stats.batches++;
    for (const { plugin, enricher, log } of this.enrichers) {
      const view: IncomingSignal[] = current.map((s) => Object.freeze({
        channel: s.channel, externalId: s.externalId, kind: s.kind, text: s.text, sentiment: s.sentiment, occurredAt: s.occurredAt,
      }));
      let answers: readonly (Enrichment | null | undefined)[];
      try {
        answers = await this.withTimeout(() => enricher(Object.freeze(view)));
        if (!Array.isArray(answers) || answers.length !== current.length) {
          throw new Error(`answered ${Array.isArray(answers) ? `${answers.length} items` : typeof answers} for ${current.length} signals`);
        }
      } catch (error) {
        this.fail(plugin);
        log.warn({ err: error, signals: current.length }, 'enrichIncomingSignals failed; signals recorded without its enrichment');
        continue;
      }
      current = current.map((input, i) => {
        const answer = answers[i];
        if (answer === null || answer === undefined) return input;
        try {
          return applied(input, checkEnrichment(answer));
        } catch (error) {
          this.fail(plugin);
          log.warn({ err: error, channel: input.channel, externalId: input.externalId }, 'enrichIncomingSignals answered an invalid enrichment; ignored');
          return input;
        }
      });
    }
    return current;
  }

  snapshot(): IncomingStats {
    return { batches: this.stats.batches, failures: { ...this.stats.failures } };
  }

  private fail(plugin: string): void {
    this.stats.failures[plugin] = (this.stats.failures[plugin] ?? 0) + 1;
  }

  private async withTimeout<T>(work: () => T | Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        Promise.resolve().then(work),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`enrichIncomingSignals did not finish within ${this.timeoutMs} ms`)), this.timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** `input` with the sentiment replaced and the topics added to what it is about (each once, up to the limit). */
function applied(input: SignalInput, e: Enrichment): SignalInput {
  const out: SignalInput = { ...input };
  if (e.sentiment !== undefined) out.sentiment = e.sentiment;
  if (e.topics?.length) {
    const about = input.about.slice();
    const known = new Set(about.filter((a) => a.target === 'TOPIC').map((a) => a.ref));
    for (const topic of e.topics) {
      if (about.length >= MAX_ABOUT) break;
      if (!known.has(topic)) {
        known.add(topic);
        about.push({ target: 'TOPIC', ref: topic });
      }
    }
    out.about = about;
  }
  return out;
}
