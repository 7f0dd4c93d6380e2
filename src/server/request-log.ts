/**
 * Logs each GraphQL operation once when it ends: request id, operation, duration, error codes.
 * Unexpected errors are logged with their stack before yoga masks them for the client.
 */
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.js';
import { DomainError } from '../domain/errors.js';

export function useRequestLog(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const ctx = args.contextValue;
      return {
        onExecuteDone({ result }) {
          // Subscriptions and streams log per event elsewhere; here only single results.
          if (Symbol.asyncIterator in result) return;
          const errors = result.errors ?? [];
          const ms = Math.round((performance.now() - started) * 10) / 10;
          // A domain error thrown below a resolver gets its code when yoga masks errors (yoga.ts): not internal.
          const codeOf = (e: (typeof errors)[number]): string | undefined =>
            (e.extensions?.code as string | undefined) ?? (e.originalError instanceof DomainError ? e.originalError.code : undefined);
          const codes = errors.map((e) => codeOf(e) ?? 'INTERNAL_SERVER_ERROR');
          for (const e of errors) {
            if (!codeOf(e)) ctx.log.error({ err: e.originalError ?? e, path: e.path }, 'internal error');
          }
          ctx.log.info({ operation: args.operationName ?? null, ms, errors: codes.length ? codes : undefined }, 'graphql');
        },
      };
    },
  };
}
