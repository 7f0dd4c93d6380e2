/** GraphQL enums, generated from the domain's single list of values. */
import { builder } from './builder.js';
import {
  ABOUT_TARGETS, ACTOR_KINDS, DIRECTIONS, SIDES, SIGNAL_KINDS, SIGNAL_STATUSES, TIE_TYPES, VALUE_KINDS,
} from '../domain/kinds.js';

export const ActorKindEnum = builder.enumType('ActorKind', { values: ACTOR_KINDS });
export const SideEnum = builder.enumType('Side', {
  values: SIDES,
  description: 'INSIDE: employees, teams, the organisation; OUTSIDE: customers, partners, suppliers.',
});
export const TieTypeEnum = builder.enumType('TieType', { values: TIE_TYPES });
export const SignalKindEnum = builder.enumType('SignalKind', { values: SIGNAL_KINDS });
export const SignalStatusEnum = builder.enumType('SignalStatus', { values: SIGNAL_STATUSES });
export const ValueKindEnum = builder.enumType('ValueKind', {
  values: VALUE_KINDS,
  description: 'Tangible: MONEY, GOODS, SERVICE. Intangible: KNOWLEDGE, FEEDBACK, IDEA, REFERRAL, SUPPORT, RECOGNITION.',
});
export const DirectionEnum = builder.enumType('Direction', { values: DIRECTIONS });
export const AboutTargetEnum = builder.enumType('AboutTarget', { values: ABOUT_TARGETS });
