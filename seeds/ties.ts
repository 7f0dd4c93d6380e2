/**
 * The demo's ties: the org chart, collaboration, and who knows whom outside — with the story
 * built in: R&D only ties inside R&D, two boundary spanners bridge every group, account managers
 * and care agents know the customers they handle.
 */
import type { TieInput } from '../src/domain/inputs.js';
import type { TieType } from '../src/domain/kinds.js';
import type { Rng } from './random.js';
import type { Team, World } from './world.js';
import { ORG_KEY } from './world.js';
import { customerTraits, employeeProfile } from './profiles.js';
import { DAY, iso, REFERENCE_DATE } from './time.js';

const END = Date.parse(REFERENCE_DATE);
const round2 = (x: number) => Math.round(x * 100) / 100;
const sinceBetween = (rng: Rng, from: number, to: number): string => iso(from + Math.floor(rng.next() * ((to - from) / DAY)) * DAY);
const yearStart = (y: number) => Date.UTC(y, 0, 1);

export function* demoTies(world: World): Generator<TieInput> {
  const rng = world.rng.fork('ties');
  const seen = new Set<string>();
  const s = world.sizes;
  const ek = (i: number) => world.employeeKey(i);

  /** Emits a tie once; `mutual` types (WORKS_WITH) count a pair in either direction as the same tie. */
  function* tie(from: string, to: string, type: TieType, weight: number, since: string | null): Generator<TieInput> {
    if (from === to) return;
    const id = `${from}>${to}>${type}`;
    if (seen.has(id) || (type === 'WORKS_WITH' && seen.has(`${to}>${from}>${type}`))) return;
    seen.add(id);
    yield { fromKey: from, toKey: to, type, weight: round2(weight), since };
  }
  const member = (t: Team) => t.first + rng.int(0, t.size - 1);
  const open = world.teams.filter((t) => t.fn !== 'rnd');
  const hired = (i: number) => `${employeeProfile(world, i).attributes.hiredOn as string}T00:00:00.000Z`;

  // Org chart.
  for (const t of world.teams) yield* tie(t.key, ORG_KEY, 'MEMBER_OF', 1, sinceBetween(rng, yearStart(2009), yearStart(2020)));
  yield* tie(ek(0), ORG_KEY, 'MEMBER_OF', 1, hired(0));
  for (const t of world.teams) {
    for (let i = t.first; i < t.first + t.size; i++) {
      const since = hired(i);
      yield* tie(ek(i), t.key, 'MEMBER_OF', 1, since);
      yield* tie(ek(i), ek(i === t.first ? 0 : t.first), 'REPORTS_TO', 1, since);
    }
  }

  // Collaboration: a few teammates each, a little across teams, nothing across R&D's border.
  for (const t of world.teams) {
    if (t.size < 2) continue;
    for (let i = t.first; i < t.first + t.size; i++) {
      for (let k = rng.int(1, 3); k > 0; k--) yield* tie(ek(i), ek(member(t)), 'WORKS_WITH', rng.float(0.4, 1), null);
    }
  }
  for (let i = 1; i < s.employees; i++) {
    const own = world.teamOfEmployee(i)!;
    if (own.fn === 'rnd' || !rng.chance(0.2)) continue;
    const other = rng.pick(open);
    if (other !== own) yield* tie(ek(i), ek(member(other)), 'WORKS_WITH', rng.float(0.2, 0.6), null);
  }
  for (const sp of world.spanners) {
    for (const t of open) {
      if (t === world.teamOfEmployee(sp)) continue;
      for (let k = rng.int(1, 2); k > 0; k--) yield* tie(ek(sp), ek(member(t)), 'WORKS_WITH', rng.float(0.5, 1), null);
    }
  }

  // Customers: who buys, who handles them, who follows whom.
  const [careSpanner, partnerSpanner] = world.spanners;
  for (let c = 0; c < s.customers; c++) {
    const ck = world.customerKey(c);
    const tr = customerTraits(world, c);
    const since = sinceBetween(rng, yearStart(tr.since), Math.min(yearStart(tr.since + 1), END));
    yield* tie(ck, ORG_KEY, 'CUSTOMER_OF', tr.tier === 'gold' ? 3 : tr.tier === 'silver' ? 2 : 1, since);
    if (tr.segment !== 'consumer' || rng.chance(0.25)) yield* tie(ek(world.handlerOf('sales', c)), ck, 'KNOWS', rng.float(0.5, 1), since);
    if (rng.chance(0.35)) yield* tie(ek(world.handlerOf('customer-care', c)), ck, 'KNOWS', rng.float(0.3, 0.9), null);
    if (careSpanner !== undefined && rng.chance(0.12)) yield* tie(ek(careSpanner), ck, 'KNOWS', rng.float(0.5, 1), null);
    if (rng.chance(0.4)) yield* tie(ck, ORG_KEY, 'FOLLOWS', 1, sinceBetween(rng, Math.max(yearStart(tr.since), END - 900 * DAY), END));
  }
  // One customer in twenty is an influencer: followed by other customers and by Marketing.
  for (let c = 3; c < s.customers; c += 20) {
    const ck = world.customerKey(c);
    for (let k = rng.int(2, 6); k > 0; k--) yield* tie(world.customerKey(rng.int(0, s.customers - 1)), ck, 'FOLLOWS', 1, null);
    yield* tie(ek(member(world.teamFor('marketing', c))), ck, 'FOLLOWS', 1, null);
  }

  // Partners: the partner manager knows them; service centres and installers know the customers they serve.
  for (let p = 0; p < s.partners; p++) {
    const pk = world.partnerKey(p);
    const manager = ek(world.handlerOf('partnerships', p));
    yield* tie(pk, ORG_KEY, 'PARTNER_OF', rng.float(1, 3), sinceBetween(rng, yearStart(2014), END - 30 * DAY));
    yield* tie(manager, pk, 'KNOWS', rng.float(0.6, 1), null);
    if (rng.chance(0.5)) yield* tie(pk, manager, 'KNOWS', rng.float(0.5, 1), null);
    if (partnerSpanner !== undefined && rng.chance(0.5)) yield* tie(ek(partnerSpanner), pk, 'KNOWS', rng.float(0.5, 1), null);
    const type = world.partnerType(p);
    if (type === 'service-centre' || type === 'installer') {
      if (careSpanner !== undefined) yield* tie(ek(careSpanner), pk, 'KNOWS', rng.float(0.5, 1), null);
      for (let k = rng.int(2, 5); k > 0 && s.customers > 0; k--) yield* tie(pk, world.customerKey(rng.int(0, s.customers - 1)), 'KNOWS', rng.float(0.3, 0.8), null);
    }
    if (type === 'marketplace') {
      for (let k = rng.int(2, 6); k > 0 && s.customers > 0; k--) yield* tie(world.customerKey(rng.int(0, s.customers - 1)), pk, 'FOLLOWS', 1, null);
    }
  }

  // Suppliers: buyers know them, Logistics knows the carriers, Finance some of them.
  for (let j = 0; j < s.suppliers; j++) {
    const sk = world.supplierKey(j);
    yield* tie(sk, ORG_KEY, 'SUPPLIES', rng.float(1, 3), sinceBetween(rng, yearStart(2010), END - 30 * DAY));
    yield* tie(ek(world.handlerOf('procurement', j)), sk, 'KNOWS', rng.float(0.6, 1), null);
    if (world.supplierCategory(j) === 'carrier') {
      yield* tie(ek(world.handlerOf('logistics', j)), sk, 'KNOWS', rng.float(0.6, 1), null);
      yield* tie(ek(world.teamFor('logistics', j).first), sk, 'KNOWS', rng.float(0.4, 0.8), null);
    }
    if (rng.chance(0.3)) yield* tie(ek(world.handlerOf('finance', j)), sk, 'KNOWS', rng.float(0.3, 0.7), null);
    if (partnerSpanner !== undefined && rng.chance(0.3)) yield* tie(ek(partnerSpanner), sk, 'KNOWS', rng.float(0.4, 0.9), null);
  }
}
