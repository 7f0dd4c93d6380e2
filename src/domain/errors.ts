/**
 * Expected failures of the domain. The GraphQL layer turns them into coded GraphQL errors;
 * anything that is not a DomainError is an internal error and gets masked.
 */
/** UNAVAILABLE: the store cannot answer yet (e.g. Neo4j still connecting); the request may be retried. */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE';

export interface FieldIssue {
  /** Path of the field at fault inside the argument, e.g. ['input', 17, 'emitterKey']. */
  path: (string | number)[];
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (issues: FieldIssue[]): DomainError =>
  new DomainError(
    'BAD_USER_INPUT',
    issues.length === 1
      ? `Invalid value at ${formatPath(issues[0].path)}: ${issues[0].message}`
      : `${issues.length} invalid values; first at ${formatPath(issues[0].path)}: ${issues[0].message}`,
    issues,
  );

export const notFound = (what: string, path: (string | number)[] = []): DomainError =>
  new DomainError('NOT_FOUND', `${what} not found`, path.length ? [{ path, message: `${what} not found` }] : []);

/** NOT_FOUND naming every reference at fault, e.g. each unknown key of a batch (first 100 kept). */
export const notFoundAll = (issues: FieldIssue[]): DomainError => {
  const kept = issues.slice(0, 100);
  return new DomainError(
    'NOT_FOUND',
    issues.length === 1
      ? `${kept[0].message} at ${formatPath(kept[0].path)}`
      : `${issues.length} references not found; first at ${formatPath(kept[0].path)}: ${kept[0].message}`,
    kept,
  );
};

export const formatPath = (path: (string | number)[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
