/** Option parsing shared by commands. */

/** A usage error: main.ts answers it with exit code 2, like parseArgs' own errors. */
export const usageError = (message: string): Error => Object.assign(new Error(message), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });

/** `--name raw` as a whole number within [min, max] (underscores allowed: 10_000). */
export function wholeNumber(name: string, raw: string, min: number, max: number): number {
  // Digits only (1_000 allowed): Number() would also read 0x10 and 1e3.
  const n = /^\d+(_\d+)*$/.test(raw) ? Number(raw.replaceAll('_', '')) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw usageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}
