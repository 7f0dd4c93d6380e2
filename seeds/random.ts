/**
 * Seeded PRNG: sfc32 seeded through cyrb128. Integer arithmetic (Math.imul, shifts) and
 * division by 2^32 only — no Math.random, no transcendental functions — so the same seed
 * gives the same numbers on every machine and every Node version.
 */
export type Seed = number | string;

/** cyrb128: four well-mixed 32-bit words from a string. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** splitmix32-style finaliser, used to derive per-index streams without string work. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

const SQRT3 = 1.7320508075688772;

export class Rng {
  /** sfc32 state in a typed array: plain 32-bit numbers in object fields would be boxed on every step. */
  private readonly s = new Int32Array(4);

  private constructor(private readonly root: readonly number[], private readonly path: string) {
    this.s.set(root.map((x) => x | 0));
    // sfc32 needs a few rounds before its output is well mixed.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  static from(seed: Seed): Rng {
    const path = String(seed);
    return new Rng(cyrb128(path), path);
  }

  /** An independent stream named `label`; it does not depend on how much of this one was consumed. */
  fork(label: string | number): Rng {
    const path = `${this.path}/${label}`;
    return new Rng(cyrb128(path), path);
  }

  /** A cheap independent stream per index (e.g. per actor), from this stream's seed, not its state. */
  derive(index: number): Rng {
    const [a, b, c, d] = this.root;
    const i = index >>> 0, hi = Math.floor(index / 4294967296) >>> 0;
    return new Rng([mix(a ^ i), mix(b ^ Math.imul(i, 0x9e3779b9)), mix(c ^ hi ^ 0x85ebca6b), mix(d + i)], `${this.path}#${index}`);
  }

  /** sfc32 step: a uniform 32-bit unsigned integer. */
  uint32(): number {
    const s = this.s;
    const a = s[0], b = s[1], c = s[2], d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    s[3] = (d + 1) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** Normal-ish (Irwin–Hall of four uniforms): bell-shaped, bounded to mean ± 3.46 sd. */
  normal(mean = 0, sd = 1): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + (sum - 2) * SQRT3 * sd;
  }

  /** Index in [0, n) drawn as n·u^power: small indices come up far more often, like a long tail. */
  skewed(n: number, power = 2): number {
    const u = this.next();
    let x = 1;
    for (let i = 0; i < power; i++) x *= u;
    return Math.min(n - 1, Math.floor(x * n));
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]; items[i] = items[j]; items[j] = t;
    }
    return items;
  }

  /** `k` distinct items (or all of them when fewer), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items.slice()).slice(0, Math.max(0, k));
  }
}

/** A weighted choice prepared once, drawn many times (hot loops). */
export class Weighted<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(entries: readonly (readonly [T, number])[]) {
    for (const [item, w] of entries) {
      if (w <= 0) continue;
      this.total += w;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
    if (this.items.length === 0) throw new RangeError('a weighted choice needs a positive weight');
  }

  draw(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0, hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r < this.cumulative[mid]) hi = mid; else lo = mid + 1;
    }
    return this.items[lo];
  }
}
