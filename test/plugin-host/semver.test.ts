import { describe, expect, it } from 'vitest';
import { parseVersion, satisfies, validRange } from '../../src/plugin-host/semver.js';

describe('semver ranges of the plugin host', () => {
  it.each([
    ['1.0.0', '^1.0.0', true], ['1.9.3', '^1.2.0', true], ['2.0.0', '^1.2.0', false], ['1.1.9', '^1.2.0', false],
    ['0.2.5', '^0.2.3', true], ['0.3.0', '^0.2.3', false], ['0.0.3', '^0.0.3', true], ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true], ['1.3.0', '~1.2.3', false], ['1.9.0', '~1', true],
    ['1.4.0', '1', true], ['2.0.0', '1', false], ['1.2.7', '1.2', true], ['1.3.0', '1.2.x', false], ['5.1.0', '*', true],
    ['1.2.3', '1.2.3', true], ['1.2.4', '=1.2.3', false],
    ['2.5.0', '>=2.0.0 <3', true], ['3.0.0', '>=2.0.0 <3', false], ['1.0.0', '>1.0.0', false], ['1.0.1', '>1.0.0', true],
    ['1.5.0', '<=1.4', false], ['1.4.9', '<=1.4', true], ['1.0.0', '^0.9 || ^1', true], ['3.0.0', '^1 || ^2', false],
    ['1.0.0-beta.1', '^1.0.0', false], ['1.0.0-beta.1', '>=1.0.0-alpha', true],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('tells bad versions and ranges apart', () => {
    expect(parseVersion('1.2')).toBeNull();
    expect(parseVersion('v1.2.3')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: '' });
    expect(validRange('latest')).toBe(false);
    expect(validRange('')).toBe(false);
    expect(validRange('^1.0.0 || >=3')).toBe(true);
    expect(satisfies('one', '*')).toBe(false);
  });
});
