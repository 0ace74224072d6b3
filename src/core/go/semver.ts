// github.com/coreos/go-semver v0.3.0: NewVersion/Set parsing with its exact error texts,
// String, Compare and LessThan. Numeric parts are bigint because Go keeps them as int64.

import { parseInt64 } from './strconv.ts';

export interface SemverVersion {
  major: bigint;
  minor: bigint;
  patch: bigint;
  preRelease: string;
  metadata: string;
}

export type SemverResult = { ok: true; version: SemverVersion } | { ok: false; error: string };

// Identifiers are dot-separated runs of [0-9A-Za-z-]; an empty string is accepted (meaning absent).
const IDENTIFIER = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;

function validateIdentifier(id: string): string | null {
  return id !== '' && !IDENTIFIER.test(id) ? `${id} is not a valid semver identifier` : null;
}

// strings.SplitN(s, delim, 2): the part after the first delimiter, or "" when there is none.
function splitOff(s: string, delim: string): [rest: string, tail: string] {
  const i = s.indexOf(delim);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + delim.length)];
}

/**
 * semver.NewVersion. Order of checks matters for which error wins: "+metadata" is cut first,
 * then "-prerelease", then the dotted-tri shape, the two identifiers, and finally the numbers.
 */
export function parseSemver(input: string): SemverResult {
  const [noMeta, metadata] = splitOff(input, '+');
  const [version, preRelease] = splitOff(noMeta, '-');
  // SplitN(version, ".", 3): a fourth part stays glued to the third and fails ParseInt.
  const first = version.indexOf('.');
  const second = first < 0 ? -1 : version.indexOf('.', first + 1);
  if (second < 0) return { ok: false, error: `${version} is not in dotted-tri format` };
  const parts = [version.slice(0, first), version.slice(first + 1, second), version.slice(second + 1)];

  const pre = validateIdentifier(preRelease);
  if (pre !== null) return { ok: false, error: `failed to validate pre-release: ${pre}` };
  const meta = validateIdentifier(metadata);
  if (meta !== null) return { ok: false, error: `failed to validate metadata: ${meta}` };

  const nums: bigint[] = [];
  for (const p of parts) {
    const r = parseInt64(p);
    if (!r.ok) return { ok: false, error: r.error }; // returned unwrapped by go-semver
    nums.push(r.value);
  }
  return { ok: true, version: { major: nums[0]!, minor: nums[1]!, patch: nums[2]!, preRelease, metadata } };
}

/**
 * Version.UnmarshalYAML: yaml.v3 first decodes the node into a Go string, then Set parses it.
 * For any scalar (even an int or float such as `3.4`) that string is the scalar's source value,
 * so `text` is the node's value as written, unquoted. Null nodes never reach UnmarshalYAML in
 * yaml.v3 and non-scalar nodes fail the string decode: both are the caller's to handle.
 */
export function unmarshalYamlSemver(text: string): SemverResult {
  return parseSemver(text);
}

/** Version.String: "%d.%d.%d" plus "-pre" and "+meta" when non-empty. */
export function semverString(v: SemverVersion): string {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.preRelease !== '') s += `-${v.preRelease}`;
  if (v.metadata !== '') s += `+${v.metadata}`;
  return s;
}

function cmp<T>(a: T, b: T): number {
  return a > b ? 1 : a < b ? -1 : 0;
}

// strconv.Atoi as the pre-release comparison uses it: only success and value matter.
function atoi(s: string): bigint | null {
  const r = parseInt64(s);
  return r.ok ? r.value : null;
}

function comparePreRelease(a: string[], b: string[]): number {
  for (let i = 0; ; i++) {
    if (i >= a.length) return i < b.length ? -1 : 0;
    if (i >= b.length) return 1;
    const ai = atoi(a[i]!);
    const bi = atoi(b[i]!);
    // Numeric identifiers sort before alphanumeric ones.
    if (ai !== null && bi === null) return -1;
    if (ai === null && bi !== null) return 1;
    if (ai !== null && bi !== null) {
      const c = cmp(ai, bi);
      if (c !== 0) return c;
    }
    // Identifiers are ASCII after validation, so UTF-16 order equals Go's byte order.
    const c = cmp(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
}

/** Version.Compare: -1, 0 or +1. Metadata is ignored; a release beats its pre-releases. */
export function compareSemver(a: SemverVersion, b: SemverVersion): number {
  const c = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (c !== 0) return c;
  if (a.preRelease === '' && b.preRelease !== '') return 1;
  if (b.preRelease === '' && a.preRelease !== '') return -1;
  return comparePreRelease(a.preRelease.split('.'), b.preRelease.split('.'));
}

/** Version.LessThan */
export function semverLessThan(a: SemverVersion, b: SemverVersion): boolean {
  return compareSemver(a, b) < 0;
}
