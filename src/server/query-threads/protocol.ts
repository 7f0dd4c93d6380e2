/** What the event loop asks of a query thread, and what it answers. */

export interface QueryRequest {
  /** The document's text, as the client sent it. */
  query: string;
  operationName: string | null;
  /** The variables as the client sent them (JSON values). */
  variables: Record<string, unknown>;
  requestId: string;
}

/**
 * `json`: the whole result, serialised. `local`: run it on the event loop instead — `unsupported` for
 * every request of this operation (it needs the plugin host, introspects, or does not compile),
 * `errors` for this request only (its errors are formed, masked and logged where every error is).
 */
export type QueryReply = { json: string } | { local: 'unsupported' | 'errors' };
