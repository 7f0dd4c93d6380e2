/** In-process GraphQL requests through yoga.fetch, typed by the generated documents. */
import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { OsmosisYoga } from '../../src/server/yoga.js';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; issues?: { field: string; message: string }[] };
}

export interface GqlResult<T> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

export async function gql<T, V>(
  yoga: OsmosisYoga,
  document: TypedDocumentNode<T, V> | string,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<GqlResult<T>> {
  const query = typeof document === 'string' ? document : print(document);
  const res = await yoga.fetch('http://osmosis.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as ExecutionResult<T>;
  return { status: res.status, data: body.data, errors: body.errors as GqlError[] | undefined };
}

/** The data of a request that must succeed; fails the test with the errors otherwise. */
export async function ok<T, V>(yoga: OsmosisYoga, document: TypedDocumentNode<T, V> | string, variables?: V): Promise<T> {
  const r = await gql(yoga, document, variables);
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}
