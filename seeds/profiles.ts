/** Names and attributes of actors, each a pure function of (world, index), so any generator can ask again. */
import type { Json } from '../src/domain/entities.js';
import type { Rng } from './random.js';
import type { Team, World } from './world.js';
import { ORG_NAME } from './world.js';
import {
  BUSINESS_PATTERNS, FIRST_NAMES, FOREIGN_CITIES, ITALIAN_CITIES, LAST_NAMES, VENUE_NAMES, type Lang, type Place,
} from './lexicon/names.js';
import { PARTNER_PATTERNS, SUPPLIER_FIRST_NAMES, SUPPLIER_PATTERNS } from './lexicon/organisations.js';
import { fnDef } from './lexicon/teams.js';

export interface Profile {
  name: string;
  /** How a reply greets them. */
  greeting: string;
  lang: Lang;
  attributes: Record<string, Json>;
}

export type Segment = 'consumer' | 'horeca' | 'office' | 'retail';
export interface CustomerTraits { segment: Segment; place: Place; tier: 'gold' | 'silver' | 'bronze'; since: number }

const SEGMENTS: readonly Segment[] = ['consumer', 'horeca', 'office', 'retail'];
const fill = (pattern: string, slots: Record<string, string>): string => pattern.replace(/\{(\w+)\}/g, (_, k: string) => slots[k] ?? k);
const person = (rng: Rng, lang: Lang) => ({ first: rng.pick(FIRST_NAMES[lang]), last: rng.pick(LAST_NAMES[lang]) });
const emailOf = (first: string, last: string) =>
  `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z.]/g, '') + '@aurora-caffe.example';
const day = (rng: Rng, fromYear: number, toYear: number): string =>
  `${rng.int(fromYear, toYear)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

/** Cheap traits first (amounts, language and routing need only these), the name separately. */
export function customerTraits(world: World, i: number): CustomerTraits {
  const rng = world.at('customer', i);
  const segment = rng.weighted(SEGMENTS, [60, 22, 10, 8]);
  const place = rng.chance(0.6) ? rng.pick(ITALIAN_CITIES) : rng.pick(FOREIGN_CITIES);
  const tier = rng.weighted(['gold', 'silver', 'bronze'] as const, segment === 'consumer' ? [10, 30, 60] : [30, 45, 25]);
  return { segment, place, tier, since: rng.int(2012, 2026) };
}

export function customerProfile(world: World, i: number): Profile {
  const t = customerTraits(world, i);
  const rng = world.at('customer-name', i);
  const lang = t.place.lang;
  const p = person(rng, lang);
  const consumer = t.segment === 'consumer';
  const name = consumer ? `${p.first} ${p.last}`
    : fill(rng.pick(BUSINESS_PATTERNS[lang][t.segment as Exclude<Segment, 'consumer'>]), { name: rng.pick(VENUE_NAMES[lang]), surname: p.last, city: t.place.city });
  const attributes: Record<string, Json> = {
    segment: t.segment, city: t.place.city, country: t.place.country, language: lang, tier: t.tier, customerSince: t.since,
  };
  if (consumer) attributes.preferredChannel = rng.pick(['email', 'chat', 'phone', 'app']);
  else { attributes.contact = `${p.first} ${p.last}`; attributes.seats = rng.int(10, 180); }
  return { name, greeting: p.first, lang, attributes };
}

export function employeeProfile(world: World, i: number): Profile {
  const team = world.teamOfEmployee(i);
  const rng = world.at('employee', i);
  const international = team?.fn === 'sales' || team?.fn === 'partnerships' ? 0.3 : 0.08;
  const lang: Lang = rng.chance(international) ? 'en' : 'it';
  const p = person(rng, lang);
  const lead = team !== null && team.first === i;
  const title = team === null ? 'Chief Executive Officer' : lead ? fnDef(team.fn).leadTitle : fnDef(team.fn).title;
  return {
    name: `${p.first} ${p.last}`, greeting: p.first, lang,
    attributes: {
      title, team: team?.name ?? null, city: siteOf(rng, team, lang), language: lang,
      email: emailOf(p.first, p.last), hiredOn: day(rng, team === null || lead ? 2009 : 2012, 2026),
    },
  };
}

function siteOf(rng: Rng, team: Team | null, lang: Lang): string {
  if (lang === 'en') return 'London';
  if (team?.fn === 'logistics') return rng.chance(0.8) ? 'Verona' : 'Milano';
  if (team?.fn === 'rnd') return 'Torino';
  return 'Milano';
}

export function partnerProfile(world: World, i: number): Profile {
  const type = world.partnerType(i);
  const rng = world.at('partner', i);
  const abroad = type === 'distributor' || type === 'marketplace' ? rng.chance(0.6) : rng.chance(0.15);
  const place = abroad ? rng.pick(FOREIGN_CITIES) : rng.pick(ITALIAN_CITIES);
  const p = person(rng, place.lang);
  const name = fill(rng.pick(PARTNER_PATTERNS[type][place.lang]), { surname: p.last, city: place.city });
  return {
    name, greeting: p.first, lang: place.lang,
    attributes: { type, city: place.city, country: place.country, language: place.lang, contact: `${p.first} ${p.last}`, partnerSince: rng.int(2014, 2026) },
  };
}

export function supplierProfile(world: World, i: number): Profile {
  const category = world.supplierCategory(i);
  const rng = world.at('supplier', i);
  const known = SUPPLIER_FIRST_NAMES[category][Math.floor(i / 5)];
  const place = rng.chance(0.75) ? rng.pick(ITALIAN_CITIES) : rng.pick(FOREIGN_CITIES);
  const lang: Lang = (known ? known[2] : place.country) === 'IT' ? 'it' : 'en';
  const p = person(rng, lang);
  return {
    name: known ? known[0] : fill(rng.pick(SUPPLIER_PATTERNS[category]), { surname: p.last, city: place.city }),
    greeting: p.first, lang,
    attributes: {
      category, city: known ? known[1] : place.city, country: known ? known[2] : place.country, language: lang,
      contact: `${p.first} ${p.last}`, paymentTerms: rng.pick(['30 days', '60 days', '90 days']),
    },
  };
}

export function teamProfile(world: World, team: Team): Profile {
  return {
    name: team.name, greeting: team.name, lang: 'it',
    attributes: { function: team.fn, lead: world.employeeKey(team.first), headcount: team.size },
  };
}

export function orgProfile(world: World): Profile {
  return {
    name: ORG_NAME, greeting: ORG_NAME, lang: 'it',
    attributes: {
      dataset: 'Osmosis demo', industry: 'espresso machines and specialty coffee', headquarters: 'Milano',
      country: 'IT', founded: 2009, employees: world.sizes.employees, website: 'https://aurora-caffe.example',
    },
  };
}
