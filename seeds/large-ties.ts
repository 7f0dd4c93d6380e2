/**
 * Ties of a large world for benchmarks: the org chart and commercial ties first, then a
 * preferential-attachment network among people and companies (each newcomer links to a few
 * earlier actors, chosen mostly in proportion to their degree), so degrees follow a power law
 * like a real network. Exactly `total` ties, no duplicates, memory O(actors + ties) in typed arrays only.
 */
import type { TieInput } from '../src/domain/inputs.js';
import type { TieType } from '../src/domain/kinds.js';
import type { World } from './world.js';
import { ORG_KEY } from './world.js';
import { DAY, iso, REFERENCE_DATE } from './time.js';

const EMPLOYEE = 0, CUSTOMER = 1, OTHER = 2;
/** Share of links drawn by degree rather than uniformly. */
const PREFERENTIAL = 0.8;

export function structuralTieCount(world: World): number {
  const s = world.sizes;
  return s.teams + s.employees + (s.employees - 1) + s.customers + s.partners + s.suppliers;
}

export function* largeTies(world: World, total: number): Generator<TieInput> {
  const rng = world.rng.fork('large-ties');
  const s = world.sizes;
  const end = Date.parse(REFERENCE_DATE);
  const days = Array.from({ length: 5 * 365 }, (_, d) => iso(end - (d + 1) * DAY)); // ISO strings made once
  const since = () => days[Math.floor(rng.next() * days.length)];
  const weight = () => Math.round((0.1 + 0.9 * rng.next()) * 100) / 100;
  let emitted = 0;
  const tie = (fromKey: string, toKey: string, type: TieType, w: number): TieInput => {
    emitted++;
    return { fromKey, toKey, type, weight: w, since: since() };
  };

  // Structure: teams in the org, employees in teams reporting to their lead, customers, partners, suppliers.
  for (const t of world.teams) { if (emitted === total) return; yield tie(t.key, ORG_KEY, 'MEMBER_OF', 1); }
  if (emitted === total) return;
  yield tie(world.employeeKey(0), ORG_KEY, 'MEMBER_OF', 1);
  for (let i = 1; i < s.employees; i++) {
    const team = world.teamOfEmployee(i)!;
    if (emitted === total) return;
    yield tie(world.employeeKey(i), team.key, 'MEMBER_OF', 1);
    if (emitted === total) return;
    yield tie(world.employeeKey(i), world.employeeKey(i === team.first ? 0 : team.first), 'REPORTS_TO', 1);
  }
  for (let i = 0; i < s.customers; i++) { if (emitted === total) return; yield tie(world.customerKey(i), ORG_KEY, 'CUSTOMER_OF', weight()); }
  for (let i = 0; i < s.partners; i++) { if (emitted === total) return; yield tie(world.partnerKey(i), ORG_KEY, 'PARTNER_OF', weight()); }
  for (let i = 0; i < s.suppliers; i++) { if (emitted === total) return; yield tie(world.supplierKey(i), ORG_KEY, 'SUPPLIES', weight()); }

  const rest = total - emitted;
  if (rest <= 0) return;
  // People and companies in a random order of arrival (an affine permutation: O(1) memory).
  const m = s.employees + s.customers + s.partners + s.suppliers;
  if (rest > (m * (m - 1)) / 2) throw new RangeError(`${total} ties do not fit among ${m} actors without duplicates`);
  const keys: string[] = new Array(m);
  const kinds = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    let i = k;
    if (i < s.employees) { keys[k] = world.employeeKey(i); kinds[k] = EMPLOYEE; continue; }
    i -= s.employees;
    if (i < s.customers) { keys[k] = world.customerKey(i); kinds[k] = CUSTOMER; continue; }
    i -= s.customers;
    keys[k] = i < s.partners ? world.partnerKey(i) : world.supplierKey(i - s.partners);
    kinds[k] = OTHER;
  }
  let a = Math.floor(m / 3 + rng.next() * (m / 3)) | 1;
  while (gcd(a, m) !== 1) a += 2;
  const b = Math.floor(rng.next() * m);
  const arrival = (u: number) => (a * u + b) % m;

  const ends = new Uint32Array(2 * rest); // endpoints of links so far: drawing from it is drawing by degree
  let endCount = 0, carry = 0;
  const targets: number[] = [];
  for (let u = 0; u < m; u++) {
    const want = Math.floor(((u + 1) * rest) / m) - Math.floor((u * rest) / m) + carry;
    const k = Math.min(want, u);
    carry = want - k;
    targets.length = 0;
    for (let j = 0; j < k; j++) {
      let v = endCount > 0 && rng.next() < PREFERENTIAL ? ends[Math.floor(rng.next() * endCount)] : Math.floor(rng.next() * u);
      for (let tries = 0; targets.includes(v); tries++) v = tries < 8 ? Math.floor(rng.next() * u) : (v + 1) % u;
      targets.push(v);
    }
    const from = arrival(u);
    for (const v of targets) {
      ends[endCount++] = u;
      ends[endCount++] = v;
      const to = arrival(v);
      const kf = kinds[from], kt = kinds[to];
      const type: TieType = kf === EMPLOYEE && kt === EMPLOYEE ? 'WORKS_WITH'
        : kf === CUSTOMER && kt === CUSTOMER && rng.next() < 0.5 ? 'FOLLOWS' : 'KNOWS';
      yield tie(keys[from], keys[to], type, weight());
    }
  }
}

const gcd = (x: number, y: number): number => { while (y) [x, y] = [y, x % y]; return x; };
