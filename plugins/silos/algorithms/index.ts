/** The silos plugin's network algorithms: one pure function per file over typed arrays. */
export { communityProfiles, type CommunityProfiles } from './community-profiles.js';
export { crossings, type CrossingsOptions, type CrossingsResult } from './crossings.js';
export { eiIndex, type EiIndexOptions, type EiIndexResult } from './ei-index.js';
export type { Graph, UndirectedGraph } from './graph.js';
export { louvain, type LouvainOptions, type LouvainResult } from './louvain.js';
export { modularity, type ModularityOptions } from './modularity.js';
export { AlgorithmError, type AlgorithmErrorCode } from './options.js';
export { ROLE_EMPLOYEE, ROLE_NONE, ROLE_OUTSIDER, spanners, type SpannersResult } from './spanners.js';
export { teamCommunities, type TeamCommunities } from './team-communities.js';
export { undirected, type UndirectedOptions } from './undirected.js';
