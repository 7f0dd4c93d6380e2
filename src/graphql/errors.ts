/**
 * Coded GraphQL errors. Expected failures carry `extensions.code` (and, for input errors, the
 * fields at fault); anything else is masked by yoga as an internal error.
 */
import { GraphQLError } from 'graphql';
import { DomainError, formatPath, type FieldIssue } from '../domain/errors.js';

export class OsmosisError extends GraphQLError {
  constructor(message: string, code: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const toGraphQLError = (error: DomainError): OsmosisError =>
  new OsmosisError(error.message, error.code, error.issues.length ? {
    field: formatPath(error.issues[0].path),
    issues: error.issues.map((i: FieldIssue) => ({ field: formatPath(i.path), message: i.message })),
  } : {});

export const badUserInput = (field: string, message: string): OsmosisError =>
  new OsmosisError(`Invalid value at ${field}: ${message}`, 'BAD_USER_INPUT', {
    field,
    issues: [{ field, message }],
  });

/** Runs a resolver body, turning domain errors into coded GraphQL errors. */
export async function domain<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw toGraphQLError(error);
    throw error;
  }
}

/**
 * The coded error for a domain error that reached the client without passing through domain() (a
 * loader, a nested field): still the client's error (or the store's state), so it keeps its code and
 * fields, with the location of the original. Null when `error` did not come from a DomainError.
 */
export function codedDomainError(error: unknown): GraphQLError | null {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (!(original instanceof DomainError)) return null;
  const coded = toGraphQLError(original);
  if (!(error instanceof GraphQLError)) return coded;
  return new GraphQLError(coded.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path,
    originalError: original, extensions: coded.extensions,
  });
}
