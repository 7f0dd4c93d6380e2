/**
 * The silos plugin's GraphQL fields:
 *
 *   analytics { silos(on: TIES) {
 *     modularity communityCount
 *     teams { team { name } eiIndex internalTies externalTies communityShare communityPurity }
 *     organization { eiIndex crossTeamShare crossSideShare }
 *     spanners(top: 5) { actor { key name } score teams outsideCommunities }
 *     communities(top: 5) { id size density teams { team { name } members } }
 *   } }
 *   actor(key: "hr:e-0042") { silos { community communitySize spannerScore spannerRank } }
 *
 * One analytic run (worker pool, cached by graph version and params) serves every sub-field;
 * rankings are computed on the event loop once per cached result.
 */
import {
  ACTOR_KINDS, badUserInput, sideOf, type ActorKind, type ActorView, type AnalyticResult, type PluginArgBuilder,
  type PluginRequestContext, type PluginSchema, type Side,
} from '../../src/plugin-api/index.js';
import type { GraphQLResolveInfo } from '../../src/plugin-api/index.js';
import type { GraphParams, SilosOptions, SilosResult } from './params.js';

type Run = AnalyticResult<SilosResult>;
interface Report { run: Run }
interface CommunityRow { run: Run; id: number }
interface TeamRow { run: Run; t: number; team: ActorView }
interface SpannerRow { run: Run; node: number; rank: number; actor: ActorView }
interface KindCount { kind: ActorKind; count: number }
interface TeamShare { team: ActorView; members: number }
interface Membership { run: Run; node: number }

interface SilosArgs {
  on: 'TIES' | 'EXCHANGES' | 'BOTH';
  weight?: 'TIE_WEIGHT' | 'AMOUNT' | 'COUNT' | null;
  weighted?: boolean | null;
  nodeKinds?: ActorKind[] | null;
  tieTypes?: GraphParams['tieTypes'] | null;
  valueKinds?: GraphParams['valueKinds'] | null;
  tangible?: boolean | null;
  since?: string | null;
  until?: string | null;
  resolution: number;
  eiWeighted?: boolean | null;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A DateTime argument as an ISO string (the scalar parses input to a Date). */
export const isoOf = (value: string | Date | null | undefined): string | undefined =>
  (value === null || value === undefined ? undefined : value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/** The analytic params of the field arguments, checked first so that errors name the argument. */
function paramsOf(raw: SilosArgs): Record<string, unknown> {
  const args = { ...raw, since: isoOf(raw.since), until: isoOf(raw.until) };
  if (!(args.resolution > 0 && args.resolution <= 1_000)) throw badUserInput('resolution', 'must be a number in (0, 1000]');
  if (args.since && args.until && args.since >= args.until) throw badUserInput('until', 'must be after since');
  const params: Record<string, unknown> = { on: args.on, resolution: args.resolution };
  for (const key of ['weight', 'weighted', 'nodeKinds', 'tieTypes', 'valueKinds', 'tangible', 'since', 'until', 'eiWeighted'] as const) {
    const value = args[key];
    if (value !== null && value !== undefined) params[key] = value;
  }
  return params;
}

/** Spanners best first (score, then teams touched, then node index), computed once per cached result. */
const spannerOrders = new WeakMap<Float64Array, { order: Uint32Array; rank: Uint32Array }>();
function spannerOrder(result: SilosResult): { order: Uint32Array; rank: Uint32Array } {
  const { score, teams } = result.spanners;
  let cached = spannerOrders.get(score);
  if (!cached) {
    const nodes: number[] = [];
    for (let i = 0; i < score.length; i++) if (score[i] > 0) nodes.push(i);
    nodes.sort((a, b) => score[b] - score[a] || teams[b] - teams[a] || a - b);
    const rank = new Uint32Array(score.length);
    nodes.forEach((node, position) => { rank[node] = position + 1; });
    spannerOrders.set(score, (cached = { order: Uint32Array.from(nodes), rank }));
  }
  return cached;
}

/** Nodes of every community (CSR), computed once per cached result. */
const memberLists = new WeakMap<Int32Array, { start: Uint32Array; nodes: Uint32Array }>();
function membersOf(result: SilosResult): { start: Uint32Array; nodes: Uint32Array } {
  let cached = memberLists.get(result.community);
  if (!cached) {
    const { community, communityCount } = result;
    const start = new Uint32Array(communityCount + 1);
    for (const c of community) start[c + 1]++;
    for (let c = 0; c < communityCount; c++) start[c + 1] += start[c];
    const nodes = new Uint32Array(community.length);
    const fill = start.slice(0, communityCount);
    community.forEach((c, i) => { nodes[fill[c]++] = i; });
    memberLists.set(result.community, (cached = { start, nodes }));
  }
  return cached;
}

export function silosSchema(schema: PluginSchema<SilosOptions>): void {
  const { builder } = schema;
  const actorsOf = async (context: PluginRequestContext, info: GraphQLResolveInfo, keys: string[]) =>
    schema.scope(context, info).actorsByKeys(keys);
  const checkTop = (context: PluginRequestContext, info: GraphQLResolveInfo, name: string, value: number) => {
    const { maxTop } = schema.scope(context, info).options;
    if (value < 0 || value > maxTop) throw badUserInput(name, `must be between 0 and ${maxTop}`);
  };

  const EdgesEnum = builder.enumType('SilosEdges', {
    description: 'Which relationships are edges: ties, value exchanges, or both.',
    values: ['TIES', 'EXCHANGES', 'BOTH'] as const,
  });
  const WeightEnum = builder.enumType('SilosWeight', {
    description: 'What an edge weighs: tie weight, exchanged amount, or 1 per relationship (parallel ones summed).',
    values: ['TIE_WEIGHT', 'AMOUNT', 'COUNT'] as const,
  });

  const KindCountRef = builder.objectRef<KindCount>('SilosKindCount').implement({
    description: 'How many members of a community are of one actor kind.',
    fields: (t) => ({ kind: t.field({ type: schema.ActorKind, resolve: (r) => r.kind }), count: t.exposeInt('count') }),
  });
  const TeamShareRef = builder.objectRef<TeamShare>('SilosTeamShare').implement({
    description: 'A team represented in a community, and how many of its people are in it.',
    fields: (t) => ({ team: t.field({ type: schema.Actor, resolve: (r) => r.team }), members: t.exposeInt('members') }),
  });

  const CommunityRef = builder.objectRef<CommunityRow>('SilosCommunity').implement({
    description: 'A Louvain community: who is in it and how closed it is.',
    fields: (t) => ({
      id: t.exposeInt('id', { description: 'Community number, 0 the largest (stable for a graph version and arguments).' }),
      size: t.int({ resolve: (r) => r.run.value.communities.size[r.id] }),
      inside: t.int({ description: 'Members on the INSIDE side.', resolve: (r) => sideCount(r, 'INSIDE') }),
      outside: t.int({ description: 'Members on the OUTSIDE side.', resolve: (r) => sideCount(r, 'OUTSIDE') }),
      kinds: t.field({
        type: [KindCountRef],
        description: 'Members by kind (kinds without members left out).',
        resolve: (r) => ACTOR_KINDS.map((kind, k) => ({ kind, count: r.run.value.communities.kindCounts[r.id * ACTOR_KINDS.length + k] })).filter((x) => x.count > 0),
      }),
      internalTies: t.int({ description: 'Pairs of members joined (either direction, one per pair).', resolve: (r) => r.run.value.communities.internalTies[r.id] }),
      externalTies: t.int({ description: 'Pairs joining a member to a non-member.', resolve: (r) => r.run.value.communities.externalTies[r.id] }),
      density: t.float({ nullable: true, description: 'internalTies / (size·(size−1)/2); null below two members.', resolve: (r) => finite(r.run.value.communities.density[r.id]) }),
      eiIndex: t.float({
        nullable: true,
        description: '(externalTies − internalTies) / (externalTies + internalTies): −1 closed, +1 open; null without ties.',
        resolve: (r) => {
          const e = r.run.value.communities.externalTies[r.id];
          const i = r.run.value.communities.internalTies[r.id];
          return e + i > 0 ? (e - i) / (e + i) : null;
        },
      }),
      teams: t.field({
        type: [TeamShareRef],
        description: 'The teams whose people are in the community, most represented first.',
        resolve: async (r, _args, context, info) => {
          const c = r.run.value.communities;
          const rows: { t: number; members: number }[] = [];
          for (let k = c.teamOffsets[r.id]; k < c.teamOffsets[r.id + 1]; k++) rows.push({ t: c.teams[k], members: c.teamMembers[k] });
          const actors = await actorsOf(context, info, rows.map((x) => r.run.value.teamKeys[x.t]));
          return rows.flatMap((x, k) => (actors[k] ? [{ team: actors[k]!, members: x.members }] : []));
        },
      }),
      members: t.field({
        type: [schema.Actor],
        description: 'Some members, in key order.',
        args: {
          first: t.arg.int({ required: true, defaultValue: 10 }),
          kinds: t.arg({ type: [schema.ActorKind], description: 'Only members of these kinds.' }),
        },
        resolve: async (r, args, context, info) => {
          checkTop(context, info, 'first', args.first);
          const { start, nodes } = membersOf(r.run.value);
          const wanted = args.kinds?.length ? new Set<ActorKind>(args.kinds) : null;
          const keys: string[] = [];
          for (let m = start[r.id]; m < start[r.id + 1] && keys.length < args.first; m++) {
            const node = nodes[m];
            if (!wanted || wanted.has(r.run.graph.kinds[node])) keys.push(r.run.graph.keys[node]);
          }
          return (await actorsOf(context, info, keys)).filter((a): a is ActorView => a !== null);
        },
      }),
    }),
  });
  const sideCount = (r: CommunityRow, side: Side) =>
    ACTOR_KINDS.reduce((sum, kind, k) => sum + (sideOf(kind) === side ? r.run.value.communities.kindCounts[r.id * ACTOR_KINDS.length + k] : 0), 0);

  const TeamRef = builder.objectRef<TeamRow>('SilosTeam').implement({
    description: 'A team\'s E-I index (Krackhardt & Stern) and where its people sit among the communities.',
    fields: (t) => ({
      team: t.field({ type: schema.Actor, resolve: (r) => r.team }),
      members: t.int({ description: 'People in the team (in the graph).', resolve: (r) => r.run.value.teams.members[r.t] }),
      internalTies: t.float({ description: 'I: ties among its people (one per pair; summed weights with eiWeighted).', resolve: (r) => r.run.value.teams.internalTies[r.t] }),
      externalTies: t.float({ description: 'E: ties from its people to people outside the team, inside or outside the organisation.', resolve: (r) => r.run.value.teams.externalTies[r.t] }),
      eiIndex: t.float({ nullable: true, description: '(E − I) / (E + I): −1 a closed silo, +1 all ties outward; null without ties.', resolve: (r) => finite(r.run.value.teams.eiIndex[r.t]) }),
      community: t.int({ nullable: true, description: 'The community holding most of its people.', resolve: (r) => (r.run.value.teams.community[r.t] >= 0 ? r.run.value.teams.community[r.t] : null) }),
      communityShare: t.float({ nullable: true, description: 'Share of its people in that community.', resolve: (r) => finite(r.run.value.teams.communityShare[r.t]) }),
      communityPurity: t.float({ nullable: true, description: 'Share of that community that is the team\'s people (1 with communityShare 1: the team is its own community).', resolve: (r) => finite(r.run.value.teams.communityPurity[r.t]) }),
    }),
  });

  const OrganizationRef = builder.objectRef<Report>('SilosOrganization').implement({
    description: 'The organisation as a whole: E-I index over team boundaries, and the share of ties crossing boundaries.',
    fields: (t) => ({
      eiIndex: t.float({ nullable: true, description: '(E − I) / (E + I) with E the ties between two teams, I the ties within one (people with a team only).', resolve: (r) => finite(r.run.value.organisation.eiIndex) }),
      internalTies: t.float({ resolve: (r) => r.run.value.organisation.internalTies }),
      externalTies: t.float({ resolve: (r) => r.run.value.organisation.externalTies }),
      ties: t.float({ description: 'Ties between people (one per pair).', resolve: (r) => r.run.value.organisation.ties }),
      crossTeamShare: t.float({ nullable: true, description: 'Of the ties touching a team, the share whose ends are not in the same team.', resolve: (r) => finite(r.run.value.organisation.crossTeamShare) }),
      crossSideShare: t.float({ nullable: true, description: 'The share of ties between an INSIDE and an OUTSIDE actor.', resolve: (r) => finite(r.run.value.organisation.crossSideShare) }),
    }),
  });

  const SpannerRef = builder.objectRef<SpannerRow>('SilosSpanner').implement({
    description: 'A boundary spanner: an employee linking outside communities to teams, or an outsider linking several teams.',
    fields: (t) => ({
      actor: t.field({ type: schema.Actor, resolve: (r) => r.actor }),
      rank: t.exposeInt('rank'),
      score: t.int({ description: 'Pairs (team, outside community) linked through the actor: teams × outsideCommunities.', resolve: (r) => r.run.value.spanners.score[r.node] }),
      teams: t.int({ description: 'Teams touched: its own and its inside neighbours\'.', resolve: (r) => r.run.value.spanners.teams[r.node] }),
      outsideCommunities: t.int({ description: 'Communities of the outside actors touched (its own when outside).', resolve: (r) => r.run.value.spanners.outsideCommunities[r.node] }),
      community: t.int({ resolve: (r) => r.run.value.community[r.node] }),
    }),
  });

  const ReportRef = builder.objectRef<Report>('SilosReport').implement({
    description: 'Communities (Louvain), E-I indices and boundary spanners of one graph.',
    fields: (t) => ({
      modularity: t.float({ nullable: true, description: 'Newman\'s modularity Q of the communities at the resolution asked; null on a graph without edges.', resolve: (r) => finite(r.run.value.modularity) }),
      communityCount: t.int({ description: 'Communities, isolated actors included (one each).', resolve: (r) => r.run.value.communityCount }),
      levels: t.int({ description: 'Louvain aggregation levels.', resolve: (r) => r.run.value.levels }),
      nodeCount: t.int({ resolve: (r) => r.run.graph.nodeCount }),
      edgeCount: t.int({ resolve: (r) => r.run.graph.edgeCount }),
      communities: t.field({
        type: [CommunityRef],
        description: 'The largest communities, largest first.',
        args: {
          top: t.arg.int({ required: true, defaultValue: 10 }),
          minSize: t.arg.int({ required: true, defaultValue: 2, description: 'Leave out communities smaller than this.' }),
        },
        resolve: (r, args, context, info) => {
          checkTop(context, info, 'top', args.top);
          if (args.minSize < 1) throw badUserInput('minSize', 'must be at least 1');
          const rows: CommunityRow[] = [];
          const { size } = r.run.value.communities;
          for (let c = 0; c < r.run.value.communityCount && rows.length < args.top && size[c] >= args.minSize; c++) rows.push({ run: r.run, id: c });
          return rows;
        },
      }),
      community: t.field({
        type: CommunityRef,
        nullable: true,
        args: { id: t.arg.int({ required: true }) },
        resolve: (r, args) => (args.id >= 0 && args.id < r.run.value.communityCount ? { run: r.run, id: args.id } : null),
      }),
      teams: t.field({
        type: [TeamRef],
        description: 'Every team, most closed first (E-I index ascending; teams without ties last).',
        resolve: async (r, _args, context, info) => {
          const { teamKeys, teams } = r.run.value;
          const order = teamKeys.map((_k, i) => i).sort((a, b) => {
            const x = teams.eiIndex[a];
            const y = teams.eiIndex[b];
            if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? a - b : 1) : -1;
            return x - y || a - b;
          });
          const actors = await actorsOf(context, info, order.map((i) => teamKeys[i]));
          return order.flatMap((i, k) => (actors[k] ? [{ run: r.run, t: i, team: actors[k]! }] : []));
        },
      }),
      organization: t.field({ type: OrganizationRef, resolve: (r) => r }),
      spanners: t.field({
        type: [SpannerRef],
        description: 'The boundary spanners, best first.',
        args: {
          top: t.arg.int({ required: true, defaultValue: 10 }),
          side: t.arg({ type: schema.Side, description: 'Only employees (INSIDE) or only outsiders (OUTSIDE).' }),
        },
        resolve: async (r, args, context, info) => {
          checkTop(context, info, 'top', args.top);
          const { order } = spannerOrder(r.run.value);
          const nodes: number[] = [];
          for (let k = 0; k < order.length && nodes.length < args.top; k++) {
            if (!args.side || sideOf(r.run.graph.kinds[order[k]]) === args.side) nodes.push(order[k]);
          }
          const actors = await actorsOf(context, info, nodes.map((i) => r.run.graph.keys[i]));
          const rows: SpannerRow[] = [];
          nodes.forEach((node, k) => {
            if (actors[k]) rows.push({ run: r.run, node, rank: rows.length + 1, actor: actors[k]! });
          });
          return rows;
        },
      }),
    }),
  });

  const MembershipRef = builder.objectRef<Membership>('SilosMembership').implement({
    description: 'Where one actor sits: its community and its score as a boundary spanner.',
    fields: (t) => ({
      community: t.int({ resolve: (r) => r.run.value.community[r.node] }),
      communitySize: t.int({ resolve: (r) => r.run.value.communities.size[r.run.value.community[r.node]] }),
      team: t.field({
        type: schema.Actor,
        nullable: true,
        description: 'Its team (a TEAM is its own).',
        resolve: async (r, _args, context, info) => {
          const t = r.run.value.team[r.node];
          return t < 0 ? null : (await actorsOf(context, info, [r.run.value.teamKeys[t]]))[0];
        },
      }),
      spannerScore: t.int({ resolve: (r) => r.run.value.spanners.score[r.node] }),
      spannerRank: t.int({ nullable: true, description: 'Rank among the boundary spanners; null when it is not one.', resolve: (r) => spannerOrder(r.run.value).rank[r.node] || null }),
    }),
  });

  const graphArgs = (arg: PluginArgBuilder) => ({
    on: arg({ type: EdgesEnum, required: true, defaultValue: 'TIES' }),
    weight: arg({ type: WeightEnum, description: 'Default: TIE_WEIGHT on TIES, COUNT on EXCHANGES and BOTH (amounts of different value kinds do not add up).' }),
    weighted: arg.boolean({ description: 'Louvain on edge weights (default true); false counts 1 per joined pair.' }),
    nodeKinds: arg({ type: [schema.ActorKind], description: 'Only these actors (and the edges among them) form the graph.' }),
    tieTypes: arg({ type: [schema.TieType] }),
    valueKinds: arg({ type: [schema.ValueKind] }),
    tangible: arg.boolean(),
    since: arg({ type: 'DateTime', description: 'Inclusive; exchange time and tie `since`.' }),
    until: arg({ type: 'DateTime', description: 'Exclusive.' }),
    resolution: arg.float({ required: true, defaultValue: 1, description: 'Modularity resolution γ in (0, 1000]: above 1 smaller communities, below 1 larger ones.' }),
    eiWeighted: arg.boolean({ description: 'E-I index and boundary shares on summed tie weights instead of tie counts (default false).' }),
  });

  schema.analyticsField('silos', (t) => t.field({
    type: ReportRef,
    description: 'Silos: Louvain communities with modularity, E-I index per team and for the organisation, boundary shares and boundary spanners.',
    args: graphArgs(t.arg),
    resolve: async (_root, args, context, info) => {
      const params = paramsOf(args as SilosArgs);
      return { run: await schema.scope(context, info).run<SilosResult>('silos', params) };
    },
  }));

  schema.actorField('silos', (t) => t.field({
    type: MembershipRef,
    nullable: true,
    description: 'This actor\'s community and boundary-spanner score; null when the graph leaves it out.',
    args: graphArgs(t.arg),
    resolve: async (actor, args, context, info) => {
      const params = paramsOf(args as SilosArgs);
      const run = await schema.scope(context, info).run<SilosResult>('silos', params);
      const node = run.graph.indexOf(actor.key);
      return node < 0 ? null : { run, node };
    },
  }));
}
