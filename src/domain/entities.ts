/** The entities every store returns. Plain data: ids are strings, instants are ISO-8601 UTC strings. */
import type { ActorKind, SignalKind, SignalStatus, TieType, ValueKind, AboutTarget } from './kinds.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Actor {
  id: string;
  key: string;
  kind: ActorKind;
  name: string;
  attributes: Record<string, Json>;
  createdAt: string;
  updatedAt: string;
}

export interface Tie {
  id: string;
  fromId: string;
  toId: string;
  type: TieType;
  weight: number;
  since: string | null;
}

export interface SignalAbout {
  target: AboutTarget;
  /** Actor key, topic name or process name. */
  ref: string;
}

export interface Signal {
  id: string;
  channel: string;
  externalId: string;
  kind: SignalKind;
  /** Null once the emitter exercised the right to be forgotten. */
  text: string | null;
  sentiment: number | null;
  occurredAt: string;
  status: SignalStatus;
  emitterId: string | null;
  assigneeId: string | null;
}

export interface Response {
  id: string;
  signalId: string;
  responderId: string | null;
  text: string | null;
  channel: string;
  respondedAt: string;
}

export interface ValueExchange {
  id: string;
  externalId: string | null;
  fromId: string;
  toId: string;
  kind: ValueKind;
  tangible: boolean;
  amount: number;
  unit: string;
  occurredAt: string;
}

export interface Topic { id: string; name: string }
export interface Insight { id: string; title: string; summary: string; createdAt: string }
export interface Process { id: string; name: string }
export interface Change { id: string; description: string; appliedAt: string; insightId: string; processId: string }
