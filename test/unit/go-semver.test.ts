// Expected values follow github.com/coreos/go-semver v0.3.0 (Set/String/Compare) and the
// errors ct printed in the conformance corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseSemver, unmarshalYamlSemver, semverString, compareSemver, semverLessThan, type SemverVersion,
} from '../../src/core/go/semver.ts';

function v(s: string): SemverVersion {
  const r = parseSemver(s);
  if (!r.ok) assert.fail(`${s}: ${r.error}`);
  return r.version;
}

function e(s: string): string {
  const r = parseSemver(s);
  if (r.ok) assert.fail(`${s} should not parse`);
  return r.error;
}

test('parses fields', () => {
  assert.deepEqual(v('3.5.0'), { major: 3n, minor: 5n, patch: 0n, preRelease: '', metadata: '' });
  assert.deepEqual(v('1.2.3-alpha.1+build.5'), { major: 1n, minor: 2n, patch: 3n, preRelease: 'alpha.1', metadata: 'build.5' });
  assert.deepEqual(v('1.2.3-beta-2'), { major: 1n, minor: 2n, patch: 3n, preRelease: 'beta-2', metadata: '' });
  assert.deepEqual(v('1.2.3+meta-data.7'), { major: 1n, minor: 2n, patch: 3n, preRelease: '', metadata: 'meta-data.7' });
});

test('String() re-prints the parsed numbers', () => {
  assert.equal(semverString(v('1.2.3-alpha.1+build.5')), '1.2.3-alpha.1+build.5');
  assert.equal(semverString(v('01.002.3')), '1.2.3');
  assert.equal(semverString(v('1.2.3-')), '1.2.3'); // an empty pre-release is no pre-release
});

test('dotted-tri errors name the version with metadata and pre-release cut off', () => {
  assert.equal(e('3.4'), '3.4 is not in dotted-tri format');
  assert.equal(e('1.2-beta'), '1.2 is not in dotted-tri format');
  assert.equal(e('1+1.2.3'), '1 is not in dotted-tri format');
  assert.equal(e(''), ' is not in dotted-tri format');
  assert.equal(e('-1.2.3'), ' is not in dotted-tri format');
});

test('identifier errors', () => {
  assert.equal(e('1.2.3-a..b'), 'failed to validate pre-release: a..b is not a valid semver identifier');
  assert.equal(e('1.2.3+meta_x'), 'failed to validate metadata: meta_x is not a valid semver identifier');
  assert.equal(e('1.2.3-rc.1+a+b'), 'failed to validate metadata: a+b is not a valid semver identifier');
  // Identifiers are checked before the numbers.
  assert.equal(e('1.2.x-!!'), 'failed to validate pre-release: !! is not a valid semver identifier');
});

test('number errors are strconv.ParseInt errors, unwrapped', () => {
  assert.equal(e('v0.6.0'), 'strconv.ParseInt: parsing "v0": invalid syntax');
  assert.equal(e('1.2.3.4'), 'strconv.ParseInt: parsing "3.4": invalid syntax');
  assert.equal(e('1..3'), 'strconv.ParseInt: parsing "": invalid syntax');
  // The first '-' starts the pre-release, leaving "1.2." whose third part is empty.
  assert.equal(e('1.2.-3'), 'strconv.ParseInt: parsing "": invalid syntax');
  assert.equal(e('1.2.99999999999999999999'), 'strconv.ParseInt: parsing "99999999999999999999": value out of range');
});

test('UnmarshalYAML parses the scalar text as written', () => {
  assert.deepEqual(unmarshalYamlSemver('3.4'), { ok: false, error: '3.4 is not in dotted-tri format' });
  assert.deepEqual(unmarshalYamlSemver('3.10'), { ok: false, error: '3.10 is not in dotted-tri format' });
  assert.equal(unmarshalYamlSemver('3.3.1').ok, true);
});

test('Compare follows semver precedence', () => {
  const order = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1.0', '2.0.0'];
  for (let i = 0; i + 1 < order.length; i++) {
    assert.equal(compareSemver(v(order[i]!), v(order[i + 1]!)), -1, `${order[i]} < ${order[i + 1]}`);
    assert.equal(compareSemver(v(order[i + 1]!), v(order[i]!)), 1);
  }
  assert.equal(compareSemver(v('3.5.0+x'), v('3.5.0')), 0);
  assert.equal(semverLessThan(v('2.2.9'), v('2.3.0')), true);
  assert.equal(semverLessThan(v('2.3.0'), v('2.3.0')), false);
  assert.equal(semverLessThan(v('3.5.0'), v('2.3.0')), false);
  assert.equal(semverLessThan(v('10.0.0'), v('9.0.0')), false);
});
