/**
 * The inputs the value-flow algorithms read: the public plugin API's activity facts (typed
 * columns, one position per row; see src/domain/facts.ts), types only. An exchange is row r of
 * `ExchangeColumns`: `from[r]` gives `amount[r]` of `VALUE_KINDS[kind[r]]` to `to[r]` at
 * `occurredAt[r]` (ms), actors being indexes into the facts' actors. Algorithms take the rows they
 * work on as a Uint32Array (select.ts), in ascending time like the facts.
 */
import type { ExchangeFacts, ResponseFacts, SignalFacts } from '../../../src/plugin-api/index.js';

export type ExchangeColumns = Pick<ExchangeFacts, 'count' | 'from' | 'to' | 'kind' | 'amount' | 'occurredAt'>;
export type SignalColumns = Pick<SignalFacts, 'count' | 'channel' | 'occurredAt' | 'emitter'>;
export type ResponseColumns = Pick<ResponseFacts, 'count' | 'signal' | 'responder' | 'respondedAt'>;
