/** The cursor kind of every connection, shared by both stores so that their cursors are the same. */
import type { Actor, Insight, Process, Signal, Tie, ValueExchange } from '../domain/entities.js';
import type { CursorKind } from './cursor.js';

export const ACTOR_CURSOR: CursorKind<Actor> = { name: 'actor', arity: 1, sortKey: (a) => [a.key] };
/** Signal lists and an actor's signals: newest first, then the larger id. */
export const SIGNAL_CURSOR: CursorKind<Signal> = { name: 'signal', arity: 2, sortKey: (s) => [s.occurredAt, s.id] };
export const TIE_CURSOR: CursorKind<Tie> = { name: 'tie', arity: 1, sortKey: (t) => [t.id] };
export const EXCHANGE_CURSOR: CursorKind<ValueExchange> = { name: 'exchange', arity: 2, sortKey: (x) => [x.occurredAt, x.id] };
export const INSIGHT_CURSOR: CursorKind<Insight> = { name: 'insight', arity: 2, sortKey: (i) => [i.createdAt, i.id] };
export const PROCESS_CURSOR: CursorKind<Process> = { name: 'process', arity: 1, sortKey: (x) => [x.name] };
