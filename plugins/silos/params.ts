/**
 * The silos plugin's parameters: the projection the analysis runs on (which relationships, which
 * weights, which actors, which time window), then Louvain's resolution and how ties are counted.
 * Validated by the host before a worker sees them; the worker imports only their types.
 */
import {
  ACTOR_KINDS, TIE_TYPES, VALUE_KINDS, z, type ProjectionSpec,
} from '../../src/plugin-api/index.js';

const instant = z.iso.datetime({ offset: true });

/** The projection the analysis runs on. */
const graph = {
  /** Ties, value exchanges, or both. */
  on: z.enum(['TIES', 'EXCHANGES', 'BOTH']).default('TIES'),
  /** Default: tie weight on TIES, a count on EXCHANGES and BOTH (amounts of different kinds do not add up). */
  weight: z.enum(['TIE_WEIGHT', 'AMOUNT', 'COUNT']).optional(),
  /** Actors kept in the graph (the others and their edges are left out). */
  nodeKinds: z.array(z.enum(ACTOR_KINDS)).optional(),
  tieTypes: z.array(z.enum(TIE_TYPES)).optional(),
  valueKinds: z.array(z.enum(VALUE_KINDS)).optional(),
  tangible: z.boolean().optional(),
  since: instant.optional(),
  until: instant.optional(),
};

/** A time window ends after it starts (the typed fields check it too, naming `until`). */
const windowInOrder = (p: { since?: string; until?: string }) => !p.since || !p.until || Date.parse(p.since) < Date.parse(p.until);
const WINDOW_ORDER = { path: ['until'], message: 'must be later than since' };

export const silosParams = z.strictObject({
  ...graph,
  /** Louvain on the weighted undirected view (A = W + Wᵀ); false: 1 per joined pair. */
  weighted: z.boolean().default(true),
  /** γ of the modularity: above 1 favours smaller communities, below 1 larger ones. */
  resolution: z.number().positive().max(1_000).default(1),
  /** E-I index and boundary shares on summed tie weights instead of tie counts. */
  eiWeighted: z.boolean().default(false),
}).refine(windowInOrder, WINDOW_ORDER);

export type SilosParams = z.output<typeof silosParams>;
export type GraphParams = Pick<SilosParams, keyof typeof graph>;

/** The projection spec of the params. */
export function projectionOf(p: GraphParams): ProjectionSpec {
  const spec: ProjectionSpec = { edges: p.on, weight: p.weight ?? (p.on === 'TIES' ? 'TIE_WEIGHT' : 'COUNT') };
  if (p.nodeKinds) spec.nodeKinds = p.nodeKinds;
  if (p.tieTypes) spec.tieTypes = p.tieTypes;
  if (p.valueKinds) spec.valueKinds = p.valueKinds;
  if (p.tangible !== undefined) spec.tangible = p.tangible;
  if (p.since) spec.since = p.since;
  if (p.until) spec.until = p.until;
  return spec;
}

/** What the silos analytic returns: typed arrays over the projection's nodes, its communities and its teams. */
export interface SilosResult {
  /** Q of the partition (NaN on a graph without edge weight). */
  modularity: number;
  /** Louvain levels that moved a node. */
  levels: number;
  communityCount: number;
  /** Community of every node, 0 the largest. */
  community: Int32Array;
  /** Per community (see algorithms/community-profiles.ts); `teams` are indexes into teamKeys. */
  communities: {
    size: Uint32Array;
    kindCounts: Uint32Array;
    internalTies: Float64Array;
    externalTies: Float64Array;
    density: Float64Array;
    teamOffsets: Uint32Array;
    teams: Int32Array;
    teamMembers: Uint32Array;
  };
  /** The organisation's teams (TEAM actors), by key. */
  teamKeys: string[];
  /** Per team (parallel to teamKeys). */
  teams: {
    /** Node of the team actor in the projection, −1 when the projection leaves it out. */
    node: Int32Array;
    /** People in the team (actors other than TEAM and ORGANIZATION) in the projection. */
    members: Uint32Array;
    internalTies: Float64Array;
    externalTies: Float64Array;
    eiIndex: Float64Array;
    /** The community holding most members, the share of members there, and the team's share of it. */
    community: Int32Array;
    communityShare: Float64Array;
    communityPurity: Float64Array;
  };
  /** The organisation's E-I index and boundary shares. */
  organisation: {
    internalTies: number;
    externalTies: number;
    eiIndex: number;
    ties: number;
    teamTies: number;
    crossTeam: number;
    crossSide: number;
    crossTeamShare: number;
    crossSideShare: number;
  };
  /** Per node: the team index (−1 none) the node belongs to. */
  team: Int32Array;
  /** Per node (see algorithms/spanners.ts). */
  spanners: { score: Float64Array; teams: Uint32Array; outsideCommunities: Uint32Array };
}

/** The plugin's options (OSMOSIS_PLUGIN_OPTIONS.silos); they apply to its typed GraphQL fields. */
export const silosOptions = z.strictObject({
  /** Largest `top` / `first` a request may ask for. */
  maxTop: z.int().min(1).max(100_000).default(1_000),
});
export type SilosOptions = z.output<typeof silosOptions>;
