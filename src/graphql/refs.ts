/**
 * Object references declared before their implementations, so types that point at each other
 * (an actor's ties lead to actors) can live in one file each.
 */
import { builder } from './builder.js';
import type { Actor, Change, Insight, Process, Response, Signal, Tie, Topic, ValueExchange } from '../domain/entities.js';

/** A tie seen from one of its ends, so `other` can name the far end. */
export type TieView = Tie & { via?: string };

export const ActorRef = builder.objectRef<Actor>('Actor');
export const TieRef = builder.objectRef<TieView>('Tie');
export const SignalRef = builder.objectRef<Signal>('Signal');
export const ResponseRef = builder.objectRef<Response>('Response');
export const ExchangeRef = builder.objectRef<ValueExchange>('ValueExchange');
export const TopicRef = builder.objectRef<Topic>('Topic');
export const InsightRef = builder.objectRef<Insight>('Insight');
export const ProcessRef = builder.objectRef<Process>('Process');
export const ChangeRef = builder.objectRef<Change>('Change');
