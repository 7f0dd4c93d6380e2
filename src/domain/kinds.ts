/** Enumerations of the domain model (DESIGN.md). One source for validation, GraphQL enums and stores. */

export const ACTOR_KINDS = ['EMPLOYEE', 'CUSTOMER', 'PARTNER', 'SUPPLIER', 'TEAM', 'ORGANIZATION'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const SIDES = ['INSIDE', 'OUTSIDE'] as const;
export type Side = (typeof SIDES)[number];

/** Which kinds belong to the organisation itself; every other kind is its ecosystem. */
const INSIDE_KINDS: ReadonlySet<ActorKind> = new Set(['EMPLOYEE', 'TEAM', 'ORGANIZATION']);
export const sideOf = (kind: ActorKind): Side => (INSIDE_KINDS.has(kind) ? 'INSIDE' : 'OUTSIDE');
export const kindsOfSide = (side: Side): ActorKind[] => ACTOR_KINDS.filter((k) => sideOf(k) === side);

/** Ties are one relationship type `TIE` with a `type` property, so every Cypher query stays parameterised. */
export const TIE_TYPES = [
  'KNOWS', 'WORKS_WITH', 'REPORTS_TO', 'MEMBER_OF', 'CUSTOMER_OF', 'PARTNER_OF', 'SUPPLIES', 'FOLLOWS',
] as const;
export type TieType = (typeof TIE_TYPES)[number];

export const SIGNAL_KINDS = ['COMPLAINT', 'QUESTION', 'REQUEST', 'IDEA', 'PRAISE', 'FEEDBACK', 'MENTION'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_STATUSES = ['OPEN', 'ASSIGNED', 'ANSWERED', 'CLOSED'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** Value network analysis: tangible deliverables versus intangible ones. */
export const TANGIBLE_VALUE_KINDS = ['MONEY', 'GOODS', 'SERVICE'] as const;
export const INTANGIBLE_VALUE_KINDS = ['KNOWLEDGE', 'FEEDBACK', 'IDEA', 'REFERRAL', 'SUPPORT', 'RECOGNITION'] as const;
export const VALUE_KINDS = [...TANGIBLE_VALUE_KINDS, ...INTANGIBLE_VALUE_KINDS] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
const TANGIBLE: ReadonlySet<string> = new Set(TANGIBLE_VALUE_KINDS);
export const isTangible = (kind: ValueKind): boolean => TANGIBLE.has(kind);

export const DIRECTIONS = ['OUT', 'IN', 'BOTH'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const ABOUT_TARGETS = ['ACTOR', 'TOPIC', 'PROCESS'] as const;
export type AboutTarget = (typeof ABOUT_TARGETS)[number];
