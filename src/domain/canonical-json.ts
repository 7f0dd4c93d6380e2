/**
 * JSON text with every object's keys sorted: two objects equal up to key order get the same text, so
 * stored attributes compare as text ({"a":1,"b":2} and {"b":2,"a":1} are one value). Attributes are
 * at most 32 levels deep (inputs.ts), so the recursion is bounded.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>; // a "__proto__" key stays a key
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}
