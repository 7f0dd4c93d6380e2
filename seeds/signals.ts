/**
 * The stream of signals and, for each, its fate: which team it is routed to, who it is assigned
 * to, and the response if any. One pass, one random stream: the loader reads the inputs first
 * and the fates later (responses need stored signal ids) by replaying the same stream.
 */
import type { ResponseInput, SignalInput } from '../src/domain/inputs.js';
import type { SignalKind } from '../src/domain/kinds.js';
import { Weighted, type Rng } from './random.js';
import type { Team, World } from './world.js';
import { ORG_KEY } from './world.js';
import { customerProfile, customerTraits, employeeProfile, partnerProfile, supplierProfile } from './profiles.js';
import { TOPICS, type TopicDef } from './lexicon/topics.js';
import type { Lang } from './lexicon/names.js';
import type { TeamFn } from './lexicon/teams.js';
import { COFFEES, MACHINES } from './lexicon/organisations.js';
import {
  capitalise, elide, fill, GOOD, INSIDE_FRAMES, INSIDE_RESPONSE_FRAMES, NOTE_PREFIX, OUTSIDE_FRAMES, RESPONSE_FRAMES,
} from './lexicon/templates.js';
import { ASSIGN_UNANSWERED, RESPONSIVENESS, storyFactor } from './story.js';
import { DAY, growingInstant, iso, REFERENCE_DATE } from './time.js';

export interface SignalEvent {
  index: number;
  input: SignalInput;
  topic: string;
  /** The emitter is outside the organisation (or unknown). */
  outside: boolean;
  at: number;
  routedTo: Team;
  assigneeKey: string | null;
  response: Omit<ResponseInput, 'signalId'> | null;
}

export interface SignalStreamOptions {
  count: number;
  /** Signals span the `days` before the reference date. */
  days: number;
}

type Source = 'customer' | 'partner' | 'supplier' | 'employee' | 'anonymous';
type Tone = 'neg' | 'pos' | 'mixed' | 'idea' | 'neutral' | 'warm';

interface Emitter { source: Source; index: number; key: string | null; lang: Lang; greeting: string; team: Team | null; business: boolean }

const END = Date.parse(REFERENCE_DATE);
const W = <T>(o: Record<string, number>) => new Weighted(Object.entries(o) as unknown as [T, number][]);

const CHANNELS: Record<Source, Weighted<string>> = {
  customer: W({ email: 22, phone: 14, 'web-form': 14, chat: 14, twitter: 7, instagram: 7, 'app-review': 7, survey: 8, store: 7 }),
  partner: W({ email: 50, phone: 30, meeting: 20 }),
  supplier: W({ email: 60, phone: 40 }),
  employee: W({ intranet: 55, meeting: 30, survey: 15 }),
  anonymous: W({ twitter: 40, instagram: 30, 'app-review': 30 }),
};
const SOCIAL = new Set(['twitter', 'instagram']);
const KINDS = {
  social: W<SignalKind>({ MENTION: 40, COMPLAINT: 25, PRAISE: 20, QUESTION: 15 }),
  'app-review': W<SignalKind>({ COMPLAINT: 40, PRAISE: 30, FEEDBACK: 15, IDEA: 15 }),
  survey: W<SignalKind>({ FEEDBACK: 55, IDEA: 15, COMPLAINT: 15, PRAISE: 15 }),
  store: W<SignalKind>({ QUESTION: 30, COMPLAINT: 25, REQUEST: 25, PRAISE: 20 }),
  outside: W<SignalKind>({ COMPLAINT: 34, QUESTION: 26, REQUEST: 22, FEEDBACK: 6, PRAISE: 7, IDEA: 5 }),
  inside: W<SignalKind>({ IDEA: 38, FEEDBACK: 30, QUESTION: 12, COMPLAINT: 10, PRAISE: 6, REQUEST: 4 }),
};
const TOPIC_WEIGHTS: Record<'consumer' | 'business' | 'partner' | 'supplier' | 'employee', Record<string, number>> = {
  consumer: { delivery: 20, returns: 11, billing: 6, warranty: 12, coffee: 13, app: 10, subscription: 10, pricing: 4, sustainability: 7 },
  business: { delivery: 20, returns: 5, billing: 11, warranty: 11, coffee: 9, app: 4, subscription: 4, pricing: 12, onboarding: 8, sustainability: 4 },
  partner: { delivery: 18, billing: 12, warranty: 20, pricing: 14, onboarding: 30, coffee: 6 },
  supplier: { delivery: 45, billing: 55 },
  employee: { workplace: 35, delivery: 10, returns: 6, billing: 4, warranty: 6, coffee: 8, app: 8, subscription: 5, pricing: 4, onboarding: 6, sustainability: 8 },
};
const EXTERNAL_PREFIX: Record<string, string> = {
  email: 'msg', phone: 'call', 'web-form': 'form', chat: 'chat', twitter: 'tw', instagram: 'ig', 'app-review': 'rev',
  survey: 'srv', intranet: 'post', meeting: 'mtg', store: 'pos',
};
const RESPONSE_CHANNEL: Record<string, string> = { 'web-form': 'email', survey: 'email', store: 'phone' };
const TONE: Record<Tone, readonly [number, number, number, number]> = {
  neg: [-0.65, 0.15, -1, -0.2], pos: [0.72, 0.13, 0.35, 1], mixed: [-0.1, 0.2, -0.6, 0.4],
  idea: [0.3, 0.12, 0, 0.7], neutral: [-0.02, 0.1, -0.35, 0.3], warm: [0.35, 0.12, 0.1, 0.7],
};

export function* signalEvents(world: World, opts: SignalStreamOptions): Generator<SignalEvent> {
  const rng = world.rng.fork('signals');
  const s = world.sizes;
  const start = END - opts.days * DAY;
  const sources = new Weighted<Source>(([
    ['customer', s.customers > 0 ? 72 : 0], ['partner', s.partners > 0 ? 6 : 0], ['supplier', s.suppliers > 0 ? 4 : 0],
    ['employee', 13], ['anonymous', 5],
  ] as const));
  const width = Math.max(6, String(opts.count).length);

  for (let i = 0; i < opts.count; i++) {
    const at = growingInstant(i, opts.count, rng.next(), start, END);
    const emitter = drawEmitter(rng, world, sources.draw(rng));
    const outside = emitter.source !== 'employee';
    const channel = CHANNELS[emitter.source].draw(rng);
    const kind = (!outside ? KINDS.inside : SOCIAL.has(channel) ? KINDS.social
      : channel === 'app-review' || channel === 'survey' || channel === 'store' ? KINDS[channel] : KINDS.outside).draw(rng);
    const topic = drawTopic(rng, emitter, kind, channel, at);
    const text = compose(rng, topic, kind, channel, emitter.lang, outside);
    const input: SignalInput = {
      channel,
      externalId: `${EXTERNAL_PREFIX[channel]}-${String(i + 1).padStart(width, '0')}`,
      kind,
      text: text.text,
      sentiment: sentiment(rng, text.tone),
      occurredAt: iso(at),
      emitterKey: emitter.key,
      about: about(rng, world, topic, kind, emitter),
    };
    const fate = decideFate(rng, world, emitter, topic, kind, channel, at, text.action);
    yield { index: i, input, topic: topic.name, outside, at, routedTo: fate.routedTo, assigneeKey: fate.assigneeKey, response: fate.response };
  }
}

function drawEmitter(rng: Rng, world: World, source: Source): Emitter {
  const s = world.sizes;
  switch (source) {
    case 'customer': {
      const index = rng.skewed(s.customers, 2); // a few customers write a lot
      const p = customerProfile(world, index);
      return { source, index, key: world.customerKey(index), lang: p.lang, greeting: p.greeting, team: null, business: customerTraits(world, index).segment !== 'consumer' };
    }
    case 'partner': {
      const index = rng.int(0, s.partners - 1);
      const p = partnerProfile(world, index);
      return { source, index, key: world.partnerKey(index), lang: p.lang, greeting: p.greeting, team: null, business: true };
    }
    case 'supplier': {
      const index = rng.int(0, s.suppliers - 1);
      const p = supplierProfile(world, index);
      return { source, index, key: world.supplierKey(index), lang: p.lang, greeting: p.greeting, team: null, business: true };
    }
    case 'employee': {
      const index = rng.int(0, s.employees - 1);
      const p = employeeProfile(world, index);
      return { source, index, key: world.employeeKey(index), lang: p.lang, greeting: p.greeting, team: world.teamOfEmployee(index), business: false };
    }
    default: {
      const lang: Lang = rng.chance(0.5) ? 'it' : 'en';
      return { source, index: rng.int(0, 1 << 20), key: null, lang, greeting: lang === 'it' ? 'cliente' : 'there', team: null, business: false };
    }
  }
}

function drawTopic(rng: Rng, e: Emitter, kind: SignalKind, channel: string, at: number): TopicDef {
  const base = TOPIC_WEIGHTS[e.source === 'customer' || e.source === 'anonymous' ? (e.business ? 'business' : 'consumer') : e.source];
  const weights = TOPICS.map((t) => (base[t.name] ?? 0) * (channel === 'app-review' && t.name === 'app' ? 6 : 1) * storyFactor(t.name, kind, at));
  return rng.weighted(TOPICS, weights);
}

function compose(rng: Rng, topic: TopicDef, kind: SignalKind, channel: string, lang: Lang, outside: boolean) {
  const ph = topic[lang];
  const product = {
    machine: rng.pick(MACHINES), coffee: rng.pick(COFFEES), order: `AC-${rng.int(100000, 999999)}`,
    days: String(rng.int(3, 14)), weeks: String(rng.int(2, 6)), amount: String(rng.int(30, 400)),
  };
  const problem = fill(rng.pick(ph.problems), product), action = fill(rng.pick(ph.actions), product);
  const idea = fill(rng.pick(ph.ideas), product), praise = fill(rng.pick(ph.praises), product);
  const frame = rng.pick((outside ? OUTSIDE_FRAMES : INSIDE_FRAMES)[lang][kind]);
  // Slots spelled out: object spread is a slow path in V8 and this runs once per signal.
  const body = fill(frame, {
    machine: product.machine, coffee: product.coffee, order: product.order, days: product.days, weeks: product.weeks,
    amount: product.amount, problem, Problem: capitalise(problem), action, idea, praise, Praise: capitalise(praise),
    good: rng.pick(GOOD[lang]),
  });
  const tone: Tone = kind === 'FEEDBACK' ? (frame.includes('{problem}') ? 'mixed' : 'idea')
    : /\{problem\}|\{Problem\}/i.test(frame) ? 'neg'
    : /\{praise\}/i.test(frame) ? 'pos'
    : kind === 'IDEA' ? 'idea'
    : kind === 'MENTION' ? 'warm' : 'neutral';
  return { text: elide((NOTE_PREFIX[channel]?.[lang] ?? '') + body, lang), tone, action };
}

function sentiment(rng: Rng, tone: Tone): number {
  const [mean, sd, lo, hi] = TONE[tone];
  const x = Math.min(hi, Math.max(lo, rng.normal(mean, sd)));
  return Math.round(x * 100) / 100 || 0;
}

function about(rng: Rng, world: World, topic: TopicDef, kind: SignalKind, e: Emitter): SignalInput['about'] {
  const out: SignalInput['about'] = [{ target: 'TOPIC', ref: topic.name }];
  if ((kind === 'COMPLAINT' || kind === 'IDEA' || kind === 'FEEDBACK') && rng.chance(0.4)) out.push({ target: 'PROCESS', ref: topic.process });
  const carriers = world.carrierCount(), centres = world.serviceCentreCount();
  if (topic.name === 'delivery' && kind === 'COMPLAINT' && carriers > 0 && rng.chance(0.4)) {
    out.push({ target: 'ACTOR', ref: world.supplierKey(world.carrier(rng.int(0, carriers - 1))) });
  } else if (topic.name === 'warranty' && e.source === 'customer' && centres > 0 && rng.chance(0.3)) {
    out.push({ target: 'ACTOR', ref: world.partnerKey(world.serviceCentre(rng.int(0, centres - 1))) });
  } else if (kind === 'PRAISE' && e.source === 'customer' && rng.chance(0.3)) {
    out.push({ target: 'ACTOR', ref: world.employeeKey(world.handlerOf('customer-care', e.index)) });
  } else if ((kind === 'MENTION' && rng.chance(0.6)) || (e.source === 'partner' && rng.chance(0.3))) {
    out.push({ target: 'ACTOR', ref: ORG_KEY });
  }
  return out;
}

/** Which function a signal lands on. */
function routeOf(e: Emitter, topic: TopicDef, kind: SignalKind, channel: string): TeamFn {
  if (e.source === 'employee') {
    if (topic.name === 'workplace') return 'hr';
    if (e.team?.fn === 'rnd') return 'rnd';
    if (kind === 'IDEA' && (topic.name === 'coffee' || topic.name === 'warranty' || topic.name === 'sustainability')) return 'rnd';
    return topic.owner;
  }
  if (topic.name === 'delivery') return 'logistics';
  if (e.source === 'supplier') return 'procurement';
  if (e.source === 'partner') return 'partnerships';
  if (SOCIAL.has(channel) && (kind === 'PRAISE' || kind === 'MENTION')) return 'marketing';
  return topic.owner;
}

function decideFate(
  rng: Rng, world: World, e: Emitter, topic: TopicDef, kind: SignalKind, channel: string, at: number, action: string,
): Pick<SignalEvent, 'routedTo' | 'assigneeKey' | 'response'> {
  const fn = routeOf(e, topic, kind, channel);
  const team = world.teamFor(fn, e.index);
  const outside = e.source !== 'employee';
  const behaviour = RESPONSIVENESS[fn];
  const p = (outside ? behaviour.outside : behaviour.inside) * (kind === 'MENTION' ? 0.5 : kind === 'PRAISE' ? 0.85 : 1);
  const willAnswer = rng.chance(p);
  const delay = drawDelay(rng, behaviour.delays);
  const responder = chooseMember(rng, world, team, e);
  const respondedAt = at + delay;
  if (willAnswer && responder !== null && respondedAt < END) {
    const who = employeeProfile(world, responder);
    const frame = rng.pick(outside ? RESPONSE_FRAMES[e.lang][kind] : INSIDE_RESPONSE_FRAMES[e.lang]);
    const text = elide(fill(frame, { name: e.greeting, noun: topic[e.lang].noun, action, me: who.greeting, team: team.name }), e.lang);
    const key = world.employeeKey(responder);
    return { routedTo: team, assigneeKey: key, response: { responderKey: key, text, channel: RESPONSE_CHANNEL[channel] ?? channel, respondedAt: iso(respondedAt) } };
  }
  const pAssign = kind === 'MENTION' ? 0.1 : ASSIGN_UNANSWERED[fn] ?? ASSIGN_UNANSWERED.default;
  const assignee = rng.chance(pAssign) && responder !== null ? world.employeeKey(responder) : null;
  return { routedTo: team, assigneeKey: assignee, response: null };
}

function drawDelay(rng: Rng, buckets: readonly (readonly [number, number, number])[]): number {
  const [lo, hi] = rng.weighted(buckets, buckets.map((b) => b[2]));
  return Math.floor(rng.float(lo, hi));
}

/** The colleague who picks the signal up: the emitter's own handler when there is one, never the emitter. */
function chooseMember(rng: Rng, world: World, team: Team, e: Emitter): number | null {
  let m = team.first + rng.int(0, team.size - 1);
  const r = rng.next();
  if (team.fn === 'sales' && e.source === 'customer' && r < 0.7) m = world.handlerOf('sales', e.index);
  else if (team.fn === 'partnerships' && e.source === 'partner' && r < 0.7) m = world.handlerOf('partnerships', e.index);
  else if (team.fn === 'customer-care' && e.source === 'customer' && r < 0.35) m = world.handlerOf('customer-care', e.index);
  else if (team.fn === 'customer-care' && r < 0.55 && world.isSpanner(team.first + 1) && team.size > 1) m = team.first + 1;
  if (e.source === 'employee' && m === e.index) {
    if (team.size === 1) return null;
    m = team.first + ((m - team.first + 1) % team.size);
  }
  return m;
}
