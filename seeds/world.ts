/**
 * The shape of a generated company, computed from a few sizes and a seed: teams, who belongs
 * where, which key an index has, who handles which customer. Everything is a function of an
 * index, so a world of 100,000 actors costs a few typed arrays, not 100,000 objects.
 */
import type { ActorKind } from '../src/domain/kinds.js';
import { Rng } from './random.js';
import { SITES, TEAM_FUNCTIONS, type TeamFn } from './lexicon/teams.js';
import { SUPPLIER_CATEGORIES, PARTNER_TYPES } from './lexicon/organisations.js';

export interface WorldSizes {
  teams: number;
  /** Includes the CEO (employee 0), who belongs to the organisation, not to a team. */
  employees: number;
  customers: number;
  partners: number;
  suppliers: number;
}

export interface Team {
  index: number;
  fn: TeamFn;
  key: string;
  name: string;
  /** Members are employees [first, first + size); the first one leads the team. */
  first: number;
  size: number;
}

export const ORG_KEY = 'org:aurora';
export const ORG_NAME = 'Aurora Caffè S.p.A.';
const NO_TEAM = 0xffff;

const slug = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, 'n').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** Knuth multiplicative hash: spreads consecutive indices over a team without drawing randomness. */
const spread = (i: number, salt: number): number => (Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;

export class World {
  readonly rng: Rng;
  readonly teams: Team[];
  readonly spanners: number[];
  private readonly teamOf: Uint16Array;
  private readonly byFn = new Map<TeamFn, Team[]>();
  private readonly width: Record<'e' | 'c' | 'p' | 's', number>;
  private readonly forks = new Map<string, Rng>();

  constructor(readonly seed: string, readonly sizes: WorldSizes) {
    if (sizes.teams < TEAM_FUNCTIONS.length) throw new RangeError(`at least ${TEAM_FUNCTIONS.length} teams (one per function)`);
    if (sizes.employees - 1 < sizes.teams) throw new RangeError('at least one employee per team, plus the CEO');
    this.rng = Rng.from(seed);
    this.teams = buildTeams(sizes);
    this.teamOf = new Uint16Array(sizes.employees).fill(NO_TEAM);
    for (const t of this.teams) {
      this.teamOf.fill(t.index, t.first, t.first + t.size);
      const list = this.byFn.get(t.fn) ?? [];
      list.push(t);
      this.byFn.set(t.fn, list);
    }
    const digits = (n: number) => Math.max(4, String(n).length);
    this.width = { e: digits(sizes.employees), c: digits(sizes.customers), p: digits(sizes.partners), s: digits(sizes.suppliers) };
    // Boundary spanners: one Customer Care specialist and one Partner Manager, both bridging many groups.
    this.spanners = [this.teamsOf('customer-care')[0], this.teamsOf('partnerships')[0]]
      .filter((t) => t.size > 1).map((t) => t.first + 1);
  }

  /** The random stream of item `i` under `label` (e.g. customer 42's traits): same answer wherever it is asked. */
  at(label: string, i: number): Rng {
    let base = this.forks.get(label);
    if (!base) this.forks.set(label, (base = this.rng.fork(label)));
    return base.derive(i);
  }

  employeeKey(i: number): string { return `hr:e-${pad(i + 1, this.width.e)}`; }
  customerKey(i: number): string { return `crm:c-${pad(i + 1, this.width.c)}`; }
  partnerKey(i: number): string { return `crm:p-${pad(i + 1, this.width.p)}`; }
  supplierKey(i: number): string { return `erp:s-${pad(i + 1, this.width.s)}`; }

  /** Null for the CEO. */
  teamOfEmployee(i: number): Team | null {
    const t = this.teamOf[i];
    return t === NO_TEAM ? null : this.teams[t];
  }

  teamsOf(fn: TeamFn): Team[] { return this.byFn.get(fn)!; }

  /** The team of function `fn` that serves an outside actor: stable per actor when there are several sites. */
  teamFor(fn: TeamFn, actorIndex: number): Team {
    const list = this.teamsOf(fn);
    return list[list.length === 1 ? 0 : spread(actorIndex, 7) % list.length];
  }

  /** A stable non-lead member of a team of `fn` for an outside actor (e.g. its account manager). */
  handlerOf(fn: TeamFn, actorIndex: number): number {
    const t = this.teamFor(fn, actorIndex);
    return t.size === 1 ? t.first : t.first + 1 + (spread(actorIndex, t.index) % (t.size - 1));
  }

  isSpanner(i: number): boolean { return this.spanners.includes(i); }

  partnerType(i: number) { return PARTNER_TYPES[i % PARTNER_TYPES.length]; }
  supplierCategory(i: number) { return SUPPLIER_CATEGORIES[i % SUPPLIER_CATEGORIES.length]; }

  /** Suppliers that are carriers: delivery complaints are about them. */
  carrierCount(): number { return countWithRemainder(this.sizes.suppliers, SUPPLIER_CATEGORIES.length, SUPPLIER_CATEGORIES.indexOf('carrier')); }
  carrier(j: number): number { return j * SUPPLIER_CATEGORIES.length + SUPPLIER_CATEGORIES.indexOf('carrier'); }
  serviceCentreCount(): number { return countWithRemainder(this.sizes.partners, PARTNER_TYPES.length, PARTNER_TYPES.indexOf('service-centre')); }
  serviceCentre(j: number): number { return j * PARTNER_TYPES.length + PARTNER_TYPES.indexOf('service-centre'); }

  // --- one global index over every actor: org, teams, employees, customers, partners, suppliers ---
  get actorCount(): number {
    const s = this.sizes;
    return 1 + s.teams + s.employees + s.customers + s.partners + s.suppliers;
  }

  /** Kind and kind-local index of global actor `g`. */
  locate(g: number): { kind: ActorKind; i: number } {
    const s = this.sizes;
    if (g === 0) return { kind: 'ORGANIZATION', i: 0 };
    let i = g - 1;
    if (i < s.teams) return { kind: 'TEAM', i };
    i -= s.teams;
    if (i < s.employees) return { kind: 'EMPLOYEE', i };
    i -= s.employees;
    if (i < s.customers) return { kind: 'CUSTOMER', i };
    i -= s.customers;
    if (i < s.partners) return { kind: 'PARTNER', i };
    return { kind: 'SUPPLIER', i: i - s.partners };
  }

  keyOf(kind: ActorKind, i: number): string {
    switch (kind) {
      case 'ORGANIZATION': return ORG_KEY;
      case 'TEAM': return this.teams[i].key;
      case 'EMPLOYEE': return this.employeeKey(i);
      case 'CUSTOMER': return this.customerKey(i);
      case 'PARTNER': return this.partnerKey(i);
      default: return this.supplierKey(i);
    }
  }
}

/** How many i in [0, n) have i mod m === r. */
const countWithRemainder = (n: number, m: number, r: number): number => (n > r ? Math.floor((n - 1 - r) / m) + 1 : 0);

/** Teams cycle through the functions; headcount follows the function's weight (largest remainder, at least 1). */
function buildTeams(sizes: WorldSizes): Team[] {
  const fns = TEAM_FUNCTIONS;
  const multiSite = sizes.teams > fns.length;
  const defs = Array.from({ length: sizes.teams }, (_, t) => {
    const def = fns[t % fns.length];
    const s = Math.floor(t / fns.length);
    const site = s < SITES.length ? SITES[s] : `${SITES[s % SITES.length]} ${Math.floor(s / SITES.length) + 1}`;
    const name = multiSite ? `${def.name} ${site}` : def.name;
    return { def, name, key: `org:team-${slug(multiSite ? `${def.fn} ${site}` : def.fn)}` };
  });
  const members = sizes.employees - 1;
  const total = defs.reduce((a, d) => a + d.def.weight, 0);
  const exact = defs.map((d) => (members - defs.length) * d.def.weight / total);
  const counts = exact.map((x) => 1 + Math.floor(x));
  let left = members - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]]++;
  let first = 1;
  return defs.map((d, index) => {
    const team: Team = { index, fn: d.def.fn, key: d.key, name: d.name, first, size: counts[index] };
    first += counts[index];
    return team;
  });
}
