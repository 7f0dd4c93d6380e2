/**
 * The story analytics should find in the demo, in one place:
 * - complaints cluster on a topic in a window (→ an insight), and drop once a change ships;
 * - delivery complaints keep coming and no change is ever made: Logistics never answers outside;
 * - Customer Care answers fast and almost everything; R&D answers only colleagues.
 */
import type { SignalKind } from '../src/domain/kinds.js';
import type { TeamFn } from './lexicon/teams.js';
import { dayIso, MINUTE, HOUR, DAY } from './time.js';

export interface InsightSpec {
  topic: string;
  /** ISO dates: the window the cluster of signals comes from. */
  from: string;
  to: string;
  kinds: readonly SignalKind[];
  title: string;
  summary: string;
  topics: readonly string[];
}

const NEG = ['COMPLAINT', 'FEEDBACK'] as const;

export const INSIGHTS: readonly InsightSpec[] = [
  { topic: 'delivery', from: '2025-11-15', to: '2026-01-10', kinds: NEG, title: 'Late deliveries during the holiday peak', summary: 'Orders placed from mid-November arrive days late; customers write again and again on every channel.', topics: ['delivery', 'courier', 'holiday peak'] },
  { topic: 'delivery', from: '2026-02-01', to: '2026-05-01', kinds: NEG, title: 'Couriers miss the agreed delivery slots', summary: 'Business customers wait in for deliveries that never come in the agreed time slot.', topics: ['delivery', 'time slot', 'courier'] },
  { topic: 'delivery', from: '2026-06-15', to: '2026-09-15', kinds: NEG, title: 'Summer parcels arrive damaged or late', summary: 'Damaged boxes and stalled tracking over the summer, mostly with one carrier.', topics: ['delivery', 'damaged parcel', 'tracking'] },
  { topic: 'returns', from: '2026-01-01', to: '2026-03-01', kinds: NEG, title: 'Refunds for returns take weeks', summary: 'After the holidays customers wait weeks for the refund of returned machines.', topics: ['returns', 'refund'] },
  { topic: 'returns', from: '2026-03-01', to: '2026-06-01', kinds: NEG, title: 'Return labels are hard to find', summary: 'Customers cannot find the return label and call Customer Care to get one.', topics: ['returns', 'return label'] },
  { topic: 'billing', from: '2025-11-01', to: '2026-02-01', kinds: NEG, title: 'Duplicate charges on subscription invoices', summary: 'The subscription billing run charges some customers twice.', topics: ['billing', 'subscription', 'double charge'] },
  { topic: 'billing', from: '2026-04-01', to: '2026-07-01', kinds: NEG, title: 'Electronic invoices reach business customers late', summary: 'HoReCa customers do not receive electronic invoices on time and cannot book their costs.', topics: ['billing', 'electronic invoice'] },
  { topic: 'warranty', from: '2025-12-01', to: '2026-04-01', kinds: NEG, title: 'Warranty repairs take more than three weeks', summary: 'Machines under warranty stay weeks in repair while customers have no coffee.', topics: ['warranty', 'repair time'] },
  { topic: 'warranty', from: '2026-05-01', to: '2026-09-01', kinds: NEG, title: 'Pro X pumps fail after descaling', summary: 'A run of pump failures on the Aurora Pro X right after descaling.', topics: ['warranty', 'Aurora Pro X', 'descaling'] },
  { topic: 'coffee', from: '2026-01-15', to: '2026-04-15', kinds: NEG, title: 'Miscela Intensa tastes burnt in recent batches', summary: 'Complaints about a burnt taste and broken capsules in recent batches.', topics: ['coffee', 'Miscela Intensa', 'roast'] },
  { topic: 'app', from: '2025-11-01', to: '2026-03-01', kinds: NEG, title: 'The app loses its machine after updates', summary: 'After each app update customers have to pair the machine again.', topics: ['app', 'pairing', 'update'] },
  { topic: 'app', from: '2026-04-01', to: '2026-08-01', kinds: ['IDEA', 'REQUEST', 'FEEDBACK'], title: 'Customers want one-tap capsule reordering', summary: 'Reviews and surveys ask to reorder capsules from the app in one tap.', topics: ['app', 'reorder'] },
  { topic: 'subscription', from: '2026-01-01', to: '2026-05-01', kinds: NEG, title: 'Pausing a subscription is too complicated', summary: 'Customers who travel cannot pause or skip a delivery without calling.', topics: ['subscription', 'pause'] },
  { topic: 'subscription', from: '2026-06-01', to: '2026-10-01', kinds: NEG, title: 'The subscription price increase was poorly communicated', summary: 'Customers learned about the new price from their invoice.', topics: ['subscription', 'price increase'] },
  { topic: 'pricing', from: '2026-02-01', to: '2026-07-01', kinds: NEG, title: 'HoReCa customers compare our prices with marketplaces', summary: 'Bars and hotels find the same blends cheaper on marketplaces.', topics: ['pricing', 'marketplace', 'HoReCa'] },
  { topic: 'onboarding', from: '2025-12-01', to: '2026-05-01', kinds: NEG, title: 'New business customers wait too long for installation', summary: 'Installations of new machines in bars and offices take weeks after signature.', topics: ['onboarding', 'installation'] },
  { topic: 'onboarding', from: '2026-05-01', to: '2026-09-01', kinds: NEG, title: 'Partners lack training material on the Pro X', summary: 'New partners ask for training material and barista courses.', topics: ['onboarding', 'training', 'partners'] },
  { topic: 'sustainability', from: '2026-01-01', to: '2026-07-01', kinds: ['IDEA', 'REQUEST', 'COMPLAINT', 'FEEDBACK'], title: 'Customers ask for compostable capsules', summary: 'A growing share of feedback asks for compostable capsules and a take-back scheme.', topics: ['sustainability', 'capsules'] },
  { topic: 'workplace', from: '2026-02-01', to: '2026-06-01', kinds: ['FEEDBACK', 'COMPLAINT', 'IDEA'], title: 'New hires lack a clear onboarding path', summary: 'Employees ask for a buddy and a plan for their first weeks.', topics: ['workplace', 'employee onboarding'] },
  { topic: 'workplace', from: '2026-06-01', to: '2026-10-01', kinds: ['FEEDBACK', 'COMPLAINT', 'IDEA'], title: 'Teams want one shared view of customer issues', summary: 'Every team tracks customer issues in its own spreadsheet; colleagues ask for one shared board.', topics: ['workplace', 'customer issues'] },
];

export interface ChangeSpec { insight: number; process: string; description: string; appliedAt: string }

/** No change ever touches "Delivery scheduling": the loop stays open where Logistics does not listen. */
export const CHANGES: readonly ChangeSpec[] = [
  { insight: 3, process: 'Returns handling', description: 'Refund issued as soon as the courier scans the returned parcel.', appliedAt: '2026-03-10' },
  { insight: 4, process: 'Returns handling', description: 'Printable return label attached to every order confirmation.', appliedAt: '2026-06-05' },
  { insight: 5, process: 'Invoicing', description: 'Subscription charges are de-duplicated before each billing run.', appliedAt: '2026-02-16' },
  { insight: 6, process: 'Invoicing', description: 'Electronic invoices are sent to SDI within 24 hours of shipment.', appliedAt: '2026-07-20' },
  { insight: 7, process: 'Warranty repair', description: 'Machines under two years are swapped instead of repaired.', appliedAt: '2026-04-20' },
  { insight: 9, process: 'Quality control', description: 'Roast profile checked on every batch of Miscela Intensa before packing.', appliedAt: '2026-04-30' },
  { insight: 10, process: 'App release', description: 'Pairing regression tests run before every app release.', appliedAt: '2026-03-25' },
  { insight: 11, process: 'App release', description: 'One-tap capsule reorder in the app.', appliedAt: '2026-08-20' },
  { insight: 12, process: 'Subscription management', description: 'Customers pause or skip a delivery in self-service.', appliedAt: '2026-05-25' },
  { insight: 15, process: 'Onboarding', description: 'Installation booked at contract signature, done within five working days.', appliedAt: '2026-05-30' },
  { insight: 16, process: 'Onboarding', description: 'Partner academy with a Pro X module and barista course.', appliedAt: '2026-09-20' },
  { insight: 18, process: 'Employee onboarding', description: 'Buddy programme and a 30-60-90 day plan for every new hire.', appliedAt: '2026-06-22' },
];

/** How much more a topic is talked about in its insight windows, and how much less after a change. */
const CLUSTER_BOOST = 2.2;
const CHANGE_DAMPING = 0.45;

const WINDOWS = INSIGHTS.map((s) => ({ topic: s.topic, kinds: s.kinds, from: dayIso(s.from), to: dayIso(s.to) }));
const APPLIED = CHANGES.map((c) => ({ topic: INSIGHTS[c.insight].topic, at: dayIso(c.appliedAt) }));

/** Weight multiplier for a signal of `kind` on `topic` at instant `at`. */
export function storyFactor(topic: string, kind: SignalKind, at: number): number {
  let f = 1;
  for (const w of WINDOWS) if (w.topic === topic && at >= w.from && at < w.to && w.kinds.includes(kind)) f *= CLUSTER_BOOST;
  if (kind === 'COMPLAINT' || kind === 'FEEDBACK') {
    for (const c of APPLIED) if (c.topic === topic && at >= c.at) f *= CHANGE_DAMPING;
  }
  return f;
}

export interface Responsiveness {
  /** Share of signals from outside / inside the organisation the team answers. */
  outside: number;
  inside: number;
  /** Response delay: [min, max, weight] buckets. */
  delays: readonly (readonly [number, number, number])[];
}

export const RESPONSIVENESS: Record<TeamFn, Responsiveness> = {
  'customer-care': { outside: 0.93, inside: 0.8, delays: [[5 * MINUTE, 30 * MINUTE, 35], [30 * MINUTE, 2 * HOUR, 35], [2 * HOUR, 8 * HOUR, 20], [8 * HOUR, DAY, 8], [DAY, 3 * DAY, 2]] },
  sales: { outside: 0.72, inside: 0.6, delays: [[30 * MINUTE, 4 * HOUR, 30], [4 * HOUR, DAY, 40], [DAY, 3 * DAY, 25], [3 * DAY, 7 * DAY, 5]] },
  logistics: { outside: 0, inside: 0.5, delays: [[4 * HOUR, 2 * DAY, 70], [2 * DAY, 6 * DAY, 30]] },
  rnd: { outside: 0, inside: 0.65, delays: [[DAY, 3 * DAY, 60], [3 * DAY, 10 * DAY, 40]] },
  marketing: { outside: 0.65, inside: 0.5, delays: [[15 * MINUTE, 2 * HOUR, 50], [2 * HOUR, DAY, 40], [DAY, 3 * DAY, 10]] },
  finance: { outside: 0.6, inside: 0.6, delays: [[2 * HOUR, DAY, 30], [DAY, 3 * DAY, 45], [3 * DAY, 10 * DAY, 25]] },
  hr: { outside: 0.5, inside: 0.6, delays: [[4 * HOUR, DAY, 30], [DAY, 4 * DAY, 70]] },
  procurement: { outside: 0.5, inside: 0.5, delays: [[4 * HOUR, 2 * DAY, 60], [2 * DAY, 7 * DAY, 40]] },
  it: { outside: 0.55, inside: 0.7, delays: [[HOUR, 8 * HOUR, 30], [8 * HOUR, 2 * DAY, 40], [2 * DAY, 7 * DAY, 30]] },
  partnerships: { outside: 0.75, inside: 0.6, delays: [[HOUR, 8 * HOUR, 40], [8 * HOUR, 2 * DAY, 40], [2 * DAY, 5 * DAY, 20]] },
};

/** Unanswered signals routed to Logistics are mostly assigned — and then left there. */
export const ASSIGN_UNANSWERED: Partial<Record<TeamFn, number>> & { default: number } = { logistics: 0.85, default: 0.35 };
