/**
 * The two caches of the analytics runner, both keyed by graph version (every committed write
 * bumps it, so nothing is ever invalidated by hand — a newer version simply stops matching):
 *   - projections: one shared graph per (version, resolved spec), built once and handed to every
 *     analytic that reads it;
 *   - results: one result per (plugin, analytic, version, params).
 * Entries of older versions are dropped as soon as a newer version is seen. Both hold promises,
 * so concurrent identical requests share one build or one computation; a failure is not cached.
 */

/** JSON with object keys sorted, so equal params give equal cache keys whatever their key order. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: number; value: Promise<T> }>();
  private newest = -Infinity;
  /** Computations started (cache misses), for tests and stats. */
  misses = 0;
  hits = 0;

  constructor(private readonly maxEntries: number, private readonly onEvict?: (value: Promise<T>) => void) {}

  /** The cached value for (version, key), or `make()`'s, cached. */
  get(version: number, key: string, make: () => Promise<T>): { value: Promise<T>; cached: boolean } {
    if (version > this.newest) {
      this.newest = version;
      for (const [k, e] of this.entries) if (e.version < version) this.evict(k);
    }
    const full = `${version}\u0000${key}`;
    const found = this.entries.get(full);
    if (found) {
      this.hits++;
      // Most recently used last.
      this.entries.delete(full);
      this.entries.set(full, found);
      return { value: found.value, cached: true };
    }
    this.misses++;
    const value = make();
    const entry = { version, value };
    this.entries.set(full, entry);
    value.catch(() => {
      if (this.entries.get(full) === entry) this.entries.delete(full);
    });
    while (this.entries.size > this.maxEntries) this.evict(this.entries.keys().next().value!);
    return { value, cached: false };
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    for (const k of [...this.entries.keys()]) this.evict(k);
  }

  private evict(key: string): void {
    const e = this.entries.get(key);
    this.entries.delete(key);
    if (e && this.onEvict) this.onEvict(e.value);
  }
}
