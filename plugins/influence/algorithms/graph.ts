/**
 * The graph the influence algorithms read: a types-only alias, so the algorithms depend on the
 * shape of a read-only projection (CSR typed arrays) and never on a store or a database.
 *
 * Nodes are the indices 0 .. nodeCount-1; `out` and `in` are the two directions of adjacency
 * (`offsets`, `targets`, `weights`), parallel edges already merged with summed weights.
 *
 * Repoint the one line below to the public plugin API (`src/plugin-api`) once it exports the
 * projection type; nothing else in this folder names the host.
 */
export type { Projection as Graph } from '../../../src/domain/projection.js';
