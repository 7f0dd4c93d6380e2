/** Option parsing shared by commands. */

/** A usage error: main.ts answers it with exit code 2, like parseArgs' own errors. */
export const usageError = (message: string): Error => Object.assign(new Error(message), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });

/** `--name raw` as a whole number within [min, max] (underscores allowed: 10_000). */
export function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < min || n > max) throw usageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}
