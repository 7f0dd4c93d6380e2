/**
 * Value exchanges in the sense of value network analysis: money and goods flow one way, feedback,
 * knowledge and recognition another. Pairs come from stable handlers (a customer's care agent,
 * a partner's manager), so many flows are reciprocal. R&D exchanges only among itself; Logistics
 * receives carrier services but gives nothing outside.
 */
import type { ExchangeInput } from '../src/domain/inputs.js';
import type { ValueKind } from '../src/domain/kinds.js';
import { Weighted, type Rng } from './random.js';
import type { Team, World } from './world.js';
import { ORG_KEY } from './world.js';
import { customerTraits } from './profiles.js';
import { DAY, growingInstant, iso, REFERENCE_DATE } from './time.js';

export interface ExchangeStreamOptions { count: number; days: number }

interface Flow { from: string; to: string; kind: ValueKind; amount: number; unit?: string; prefix: string }
type Rule = (rng: Rng, world: World) => Flow | null;

const END = Date.parse(REFERENCE_DATE);
const cents = (x: number) => Math.round(x * 100) / 100;
const few = (rng: Rng) => (rng.chance(0.6) ? 1 : rng.int(2, 5));
const INTANGIBLE = 'vna:x';

const customer = (rng: Rng, w: World) => rng.skewed(w.sizes.customers, 2);
const memberOf = (rng: Rng, t: Team) => t.first + rng.int(0, t.size - 1);
const ek = (w: World, i: number) => w.employeeKey(i);

/** Each rule draws one flow; weights say how common it is. */
const RULES: readonly (readonly [Rule, number])[] = [
  // Tangible: customers pay, the company ships and serves; it buys from suppliers and pays partners.
  [(rng, w) => { const c = customer(rng, w); const b = customerTraits(w, c).segment !== 'consumer';
    return { from: w.customerKey(c), to: ORG_KEY, kind: 'MONEY', amount: cents(b ? rng.float(300, 2500) * (1 + 3 * rng.next() * rng.next()) : rng.float(25, 600)), prefix: 'erp:inv' }; }, 18],
  [(rng, w) => { const c = customer(rng, w);
    return { from: w.customerKey(c), to: w.teamFor('sales', c).key, kind: 'MONEY', amount: cents(rng.float(400, 6000)), prefix: 'erp:inv' }; }, 4],
  [(rng, w) => { const c = customer(rng, w); const b = customerTraits(w, c).segment !== 'consumer';
    return { from: ORG_KEY, to: w.customerKey(c), kind: 'GOODS', amount: b ? rng.int(5, 60) : rng.int(1, 6), unit: 'pcs', prefix: 'erp:ddt' }; }, 12],
  [(rng, w) => w.sizes.suppliers === 0 ? null
    : { from: ORG_KEY, to: w.supplierKey(rng.int(0, w.sizes.suppliers - 1)), kind: 'MONEY', amount: cents(rng.float(2000, 60000)), prefix: 'erp:po' }, 7],
  [(rng, w) => { if (w.sizes.suppliers === 0) return null; const s = rng.int(0, w.sizes.suppliers - 1); const cat = w.supplierCategory(s);
    if (cat === 'carrier') return { from: w.supplierKey(s), to: w.teamFor('logistics', s).key, kind: 'SERVICE', amount: rng.int(50, 2000), unit: 'shipments', prefix: 'erp:svc' };
    return cat === 'green-coffee'
      ? { from: w.supplierKey(s), to: ORG_KEY, kind: 'GOODS', amount: rng.int(500, 20000), unit: 'kg', prefix: 'erp:grn' }
      : { from: w.supplierKey(s), to: ORG_KEY, kind: 'GOODS', amount: rng.int(100, 50000), unit: 'pcs', prefix: 'erp:grn' }; }, 10],
  [(rng, w) => w.sizes.partners === 0 ? null
    : { from: ORG_KEY, to: w.partnerKey(rng.int(0, w.sizes.partners - 1)), kind: 'MONEY', amount: cents(rng.float(300, 8000)), prefix: 'erp:com' }, 3],
  [(rng, w) => { const n = w.serviceCentreCount(); if (n === 0) return null;
    return { from: w.partnerKey(w.serviceCentre(rng.int(0, n - 1))), to: w.customerKey(customer(rng, w)), kind: 'SERVICE', amount: rng.int(1, 3), unit: 'interventions', prefix: 'erp:svc' }; }, 4],
  [(rng, w) => ({ from: ORG_KEY, to: w.customerKey(customer(rng, w)), kind: 'SERVICE', amount: rng.int(1, 4), unit: 'visits', prefix: 'erp:svc' }), 3],

  // Intangible, inside: knowledge shared within a team (R&D most of all), ideas and feedback to teams.
  [(rng, w) => { const t = rng.weighted(w.teams, w.teams.map((x) => x.size * (x.fn === 'rnd' ? 2.5 : 1))); if (t.size < 2) return null;
    const a = memberOf(rng, t), b = memberOf(rng, t);
    return a === b ? null : { from: ek(w, a), to: ek(w, b), kind: 'KNOWLEDGE', amount: few(rng), prefix: INTANGIBLE }; }, 8],
  [(rng, w) => { const e = rng.int(1, w.sizes.employees - 1); const own = w.teamOfEmployee(e)!;
    const to = own.fn === 'rnd' ? own : rng.pick(w.teams.filter((t) => t.fn !== 'rnd'));
    return { from: ek(w, e), to: to.key, kind: rng.chance(0.5) ? 'IDEA' : 'FEEDBACK', amount: 1, prefix: INTANGIBLE }; }, 5],
  [(rng, w) => { const t = rng.pick(w.teams); if (t.size < 2) return null;
    return { from: t.key, to: ek(w, memberOf(rng, t)), kind: 'RECOGNITION', amount: 1, prefix: INTANGIBLE }; }, 1],
  [(rng, w) => { const t = rng.pick(w.teams.filter((x) => x.fn !== 'rnd'));
    const sp = w.spanners.length && rng.chance(0.5) ? rng.pick(w.spanners) : memberOf(rng, t);
    const other = memberOf(rng, rng.pick(w.teams.filter((x) => x.fn !== 'rnd')));
    return sp === other ? null : { from: ek(w, sp), to: ek(w, other), kind: 'SUPPORT', amount: few(rng), prefix: INTANGIBLE }; }, 2],

  // Intangible, across the border: support and recognition between customers and their care agent (reciprocal),
  // knowledge between partners and their manager (reciprocal), feedback, ideas and referrals.
  [(rng, w) => { const c = customer(rng, w);
    return { from: ek(w, w.handlerOf('customer-care', c)), to: w.customerKey(c), kind: 'SUPPORT', amount: few(rng), prefix: INTANGIBLE }; }, 6],
  [(rng, w) => { const c = customer(rng, w);
    return { from: w.customerKey(c), to: ek(w, w.handlerOf('customer-care', c)), kind: 'RECOGNITION', amount: 1, prefix: INTANGIBLE }; }, 2],
  [(rng, w) => { if (w.sizes.partners === 0) return null; const p = rng.int(0, w.sizes.partners - 1); const m = ek(w, w.handlerOf('partnerships', p));
    return rng.chance(0.5)
      ? { from: w.partnerKey(p), to: m, kind: 'KNOWLEDGE', amount: few(rng), prefix: INTANGIBLE }
      : { from: m, to: w.partnerKey(p), kind: 'KNOWLEDGE', amount: few(rng), prefix: INTANGIBLE }; }, 4],
  [(rng, w) => { if (w.sizes.suppliers === 0) return null; const s = rng.int(0, w.sizes.suppliers - 1);
    return { from: w.supplierKey(s), to: ek(w, w.handlerOf('procurement', s)), kind: 'KNOWLEDGE', amount: few(rng), prefix: INTANGIBLE }; }, 2],
  [(rng, w) => { const c = customer(rng, w);
    const team = w.teamFor(rng.pick(['customer-care', 'sales', 'marketing', 'it'] as const), c);
    return { from: w.customerKey(c), to: team.key, kind: 'FEEDBACK', amount: 1, prefix: INTANGIBLE }; }, 6],
  [(rng, w) => ({ from: w.customerKey(customer(rng, w)), to: ORG_KEY, kind: rng.chance(0.5) ? 'IDEA' : 'REFERRAL', amount: 1, prefix: INTANGIBLE }), 4],
  [(rng, w) => w.sizes.partners === 0 ? null
    : { from: w.partnerKey(rng.int(0, w.sizes.partners - 1)), to: ORG_KEY, kind: rng.chance(0.6) ? 'REFERRAL' : 'IDEA', amount: few(rng), prefix: INTANGIBLE }, 3],
  [(rng, w) => w.sizes.partners === 0 ? null
    : { from: ORG_KEY, to: w.partnerKey(rng.int(0, w.sizes.partners - 1)), kind: 'RECOGNITION', amount: 1, prefix: INTANGIBLE }, 1],
  [(rng, w) => { const n = w.serviceCentreCount(); if (n === 0) return null;
    return { from: w.partnerKey(w.serviceCentre(rng.int(0, n - 1))), to: w.customerKey(customer(rng, w)), kind: 'SUPPORT', amount: 1, prefix: INTANGIBLE }; }, 1],
];

export function* exchangeStream(world: World, opts: ExchangeStreamOptions): Generator<ExchangeInput> {
  const rng = world.rng.fork('exchanges');
  const rules = new Weighted(RULES);
  const counters = new Map<string, number>();
  const start = END - opts.days * DAY;
  const width = Math.max(6, String(opts.count).length);
  for (let i = 0; i < opts.count; i++) {
    const at = growingInstant(i, opts.count, rng.next(), start, END, 0.8);
    let flow: Flow | null = null;
    while (flow === null) flow = rules.draw(rng)(rng, world); // rules that do not fit this world return null
    const n = (counters.get(flow.prefix) ?? 0) + 1;
    counters.set(flow.prefix, n);
    yield {
      externalId: `${flow.prefix}-${String(n).padStart(width, '0')}`,
      fromKey: flow.from, toKey: flow.to, kind: flow.kind, amount: flow.amount,
      unit: flow.unit ?? (flow.kind === 'MONEY' ? 'EUR' : 'count'),
      occurredAt: iso(at),
    };
  }
}
