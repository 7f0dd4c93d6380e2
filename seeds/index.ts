/** Seeds: the demo ecosystem, large benchmark graphs, and the loader that writes either through the Store port. */
export { generateEcosystem, DEMO_DEFAULTS, type EcosystemOptions } from './ecosystem.js';
export { generateLargeGraph, LARGE_DEFAULTS, largeSizes, type LargeGraphOptions } from './large.js';
export { loadEcosystem, LOAD_BATCH, type LoadOptions, type LoadPhase } from './load.js';
export type { Assignment, EcosystemPlan, PlanCounts } from './plan.js';
export { REFERENCE_DATE } from './time.js';
export { ORG_KEY, ORG_NAME } from './world.js';
export { Rng, Weighted, type Seed } from './random.js';
