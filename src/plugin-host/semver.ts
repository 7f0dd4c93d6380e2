/**
 * The part of semantic versioning the plugin host needs: parse `major.minor.patch[-pre]` and test
 * it against a range such as `^1.2.0`, `~1.2`, `1.x`, `>=1.0.0 <3`, `1 || 2`. Prerelease versions
 * order before their release and are otherwise compared like releases. (A full implementation is
 * the `semver` package; this one keeps the plugin API free of a dependency for a few lines.)
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?$/;

/** A full version, or null when `text` is not one. */
export function parseVersion(text: string): Version | null {
  const m = VERSION.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ?? '' } : null;
}

export function compareVersions(a: Version, b: Version): number {
  const d = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (d !== 0) return Math.sign(d);
  if (a.prerelease === b.prerelease) return 0;
  if (!a.prerelease) return 1;
  if (!b.prerelease) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

type Comparator = { op: '>=' | '>' | '<' | '<=' | '='; version: Version };

const v = (major: number, minor: number, patch: number, prerelease = ''): Version => ({ major, minor, patch, prerelease });

/** Comparators of one space-separated part of a range (an intersection); null when it does not parse. */
function comparators(part: string): Comparator[] | null {
  const out: Comparator[] = [];
  for (const token of part.trim().split(/\s+/).filter(Boolean)) {
    const m = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(token)!;
    const op = m[1] ?? '';
    const p = PARTIAL.exec(m[2]);
    if (!p) return null;
    const wild = (s: string | undefined) => s === undefined || /^[xX*]$/.test(s);
    const major = wild(p[1]) ? null : Number(p[1]);
    const minor = major === null || wild(p[2]) ? null : Number(p[2]);
    const patch = minor === null || wild(p[3]) ? null : Number(p[3]);
    const pre = p[4] ?? '';
    if (major === null) {
      if (op === '<' || op === '>') out.push({ op: '<', version: v(0, 0, 0) }); // "<*" and ">*" match nothing
      continue; // "*" matches everything
    }
    const low = v(major, minor ?? 0, patch ?? 0, pre);
    // The first version after the partial one: 1 → 2.0.0, 1.2 → 1.3.0.
    const next = minor === null ? v(major + 1, 0, 0) : v(major, minor + 1, 0);
    switch (op) {
      case '^': {
        const upper = major > 0 || minor === null ? v(major + 1, 0, 0)
          : minor > 0 || patch === null ? v(0, minor + 1, 0) : v(0, 0, patch + 1);
        out.push({ op: '>=', version: low }, { op: '<', version: upper });
        break;
      }
      case '~':
        out.push({ op: '>=', version: low }, { op: '<', version: minor === null ? v(major + 1, 0, 0) : v(major, minor + 1, 0) });
        break;
      case '':
      case '=':
        if (patch !== null) out.push({ op: '=', version: low });
        else out.push({ op: '>=', version: low }, { op: '<', version: next });
        break;
      case '>':
        out.push(patch !== null ? { op: '>', version: low } : { op: '>=', version: next });
        break;
      case '<=':
        out.push(patch !== null ? { op: '<=', version: low } : { op: '<', version: next });
        break;
      default: // '>=' and '<' take the partial version's lowest member
        out.push({ op: op as '>=' | '<', version: low });
    }
  }
  return out;
}

function test(c: Comparator, version: Version): boolean {
  const d = compareVersions(version, c.version);
  switch (c.op) {
    case '>=': return d >= 0;
    case '>': return d > 0;
    case '<': return d < 0;
    case '<=': return d <= 0;
    default: return d === 0;
  }
}

/** True when `range` parses; use before `satisfies` to tell a bad range from a non-matching one. */
export function validRange(range: string): boolean {
  return range.trim() !== '' && range.split('||').every((part) => comparators(part) !== null);
}

/** Whether `version` is in `range`; false when either does not parse. */
export function satisfies(version: string, range: string): boolean {
  const parsed = parseVersion(version);
  if (!parsed || !validRange(range)) return false;
  return range.split('||').some((part) => comparators(part)!.every((c) => test(c, parsed)));
}
