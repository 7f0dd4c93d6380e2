/**
 * Store operations kept by name in a table (writes.ts, reads.ts), so another thread can be asked to
 * run one: a request names the operation and carries its arguments after the connection.
 */
import type { Conn } from './connection.js';

// `any[]`: each operation keeps its own parameter types (OperationArgs reads them back).
export type OperationTable = Record<string, (conn: Conn, ...args: any[]) => unknown>;

/** The arguments of an operation after the connection. */
export type OperationArgs<F> = F extends (conn: Conn, ...args: infer A) => unknown ? A : never;

/** Runs the operation `name` of `table` on `conn`. */
export function runOperation<T extends OperationTable, K extends keyof T>(
  table: T, conn: Conn, name: K, args: OperationArgs<T[K]>,
): ReturnType<T[K]> {
  return table[name](conn, ...(args as unknown[])) as ReturnType<T[K]>;
}
