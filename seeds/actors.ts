/** Every actor of a world, kind after kind, as ActorInputs. */
import type { ActorInput } from '../src/domain/inputs.js';
import type { ActorKind } from '../src/domain/kinds.js';
import type { World } from './world.js';
import { ORG_KEY } from './world.js';
import {
  customerProfile, employeeProfile, orgProfile, partnerProfile, supplierProfile, teamProfile, type Profile,
} from './profiles.js';

const actor = (key: string, kind: ActorKind, p: Profile): ActorInput => ({ key, kind, name: p.name, attributes: p.attributes });

export function* actorStream(world: World): Generator<ActorInput> {
  const s = world.sizes;
  yield actor(ORG_KEY, 'ORGANIZATION', orgProfile(world));
  for (const t of world.teams) yield actor(t.key, 'TEAM', teamProfile(world, t));
  for (let i = 0; i < s.employees; i++) yield actor(world.employeeKey(i), 'EMPLOYEE', employeeProfile(world, i));
  for (let i = 0; i < s.customers; i++) yield actor(world.customerKey(i), 'CUSTOMER', customerProfile(world, i));
  for (let i = 0; i < s.partners; i++) yield actor(world.partnerKey(i), 'PARTNER', partnerProfile(world, i));
  for (let i = 0; i < s.suppliers; i++) yield actor(world.supplierKey(i), 'SUPPLIER', supplierProfile(world, i));
}
