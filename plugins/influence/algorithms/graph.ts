/**
 * The graph the influence algorithms read: a types-only alias of the public plugin API's
 * read-only projection, so the algorithms depend on its shape (CSR typed arrays) and never on a
 * store or a database.
 *
 * Nodes are the indices 0 .. nodeCount-1; `out` and `in` are the two directions of adjacency
 * (`offsets`, `targets`, `weights`), parallel edges already merged with summed weights.
 */
export type { Projection as Graph } from '../../../src/plugin-api/index.js';
