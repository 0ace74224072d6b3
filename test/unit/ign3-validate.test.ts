// Ignition 3.x validation against recorded vectors: each config was decoded by Go's
// encoding/json into Ignition's own v3_x types and validated the way butane does it
// (validate.ValidateCustom(cfg, "json", ValidateDups), then validate.Validate(cfg, "json")).
// The inputs are random configs (test/support/ign3-random.ts) plus hand-written ones aimed at
// single rules (templates, ARNs, hashes, tang advertisements, modes, links, labels, versions...).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeJsonValue } from '../../src/core/go/json-decode.ts';
import { ign3Types, IGNITION3_VERSIONS } from '../../src/core/ignition/v3/types.ts';
import type { Ignition3Version } from '../../src/core/ignition/v3/types.ts';
import { validateIgnition3, validateIgnition3Dups, validateIgnition3Semantics } from '../../src/core/ignition/v3/validate.ts';
import type { Ign3Entry } from '../../src/core/ignition/v3/report.ts';
import { pathError } from '../../src/core/ignition/v3/checks/common.ts';
import { clean } from '../../src/core/go/path.ts';
import { Rng } from '../support/rng.ts';

interface Vector {
  version: Ignition3Version;
  config: unknown;
  entries?: Ign3Entry[];
}

const vectors: Vector[] = readFileSync(path.join(__dirname, '..', 'fixtures', 'ign3', 'vectors.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Vector);

function decoded(v: Vector): Record<string, unknown> {
  return decodeJsonValue(v.config, ign3Types(v.version).Config).value as Record<string, unknown>;
}

test('ign3 validate: the vectors exercise many of Ignition\'s messages, on every version', () => {
  const messages = new Set(vectors.flatMap((v) => (v.entries ?? []).map((e) => e.message.replace(/".*"/, '"…"'))));
  assert.ok(messages.size >= 70, `${messages.size} distinct messages`);
  for (const version of IGNITION3_VERSIONS) assert.ok(vectors.some((v) => v.version === version && v.entries && v.entries.length > 0), version);
});

test('ign3 validate: entries (kind, path, message) and their order equal Ignition\'s', () => {
  let checked = 0;
  for (const [i, v] of vectors.entries()) {
    if (!v.entries) continue;
    assert.deepEqual(validateIgnition3(decoded(v), v.version), v.entries, `vector ${i} (${v.version}): ${JSON.stringify(v.config).slice(0, 300)}`);
    checked++;
  }
  assert.ok(checked >= 500, `${checked} vectors checked`);
});

test('ign3 validate: butane\'s order is the duplicate walk, then the Validate walk', () => {
  const v = vectors.find((x) => x.entries?.some((e) => e.message === 'duplicate entry defined') && x.entries.some((e) => e.message !== 'duplicate entry defined'));
  assert.ok(v);
  const value = decoded(v);
  assert.deepEqual(validateIgnition3(value, v.version), [...validateIgnition3Dups(value, v.version), ...validateIgnition3Semantics(value, v.version)]);
  assert.ok(validateIgnition3Dups(value, v.version).every((e) => e.message === 'duplicate entry defined'));
});

test('ign3 validate: a minimal config of each version is clean; a value with missing parts is read as zero values', () => {
  for (const version of IGNITION3_VERSIONS) {
    assert.deepEqual(validateIgnition3({ Ignition: { Version: version } }, version), []);
  }
  assert.deepEqual(validateIgnition3({ Ignition: { Version: '3.4.0' }, Storage: { Files: [{}] } }, '3.4.0'), [
    { kind: 'error', path: ['storage', 'files', 0, 'path'], message: 'path not specified' },
  ]);
});

test('ign3 validate: butane\'s recorded outputs (configs its Ignition validation let through) have no errors', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'ign3', 'butane-outputs');
  for (const f of readdirSync(dir)) {
    const json = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    const version = json.ignition.version as Ignition3Version;
    const value = decodeJsonValue(json, ign3Types(version).Config).value as Record<string, unknown>;
    assert.deepEqual(validateIgnition3(value, version).filter((e) => e.kind === 'error'), [], f);
  }
});

test('ign3 validate: the quick "is this path clean" test agrees with path.Clean on random paths', () => {
  const rng = new Rng(1201);
  const parts = ['/', '/', '.', '..', 'a', 'b.c', '...'];
  for (let n = 0; n < 20000; n++) {
    let p = '/';
    const len = rng.int(8);
    for (let i = 0; i < len; i++) p += rng.pick(parts);
    const expected = clean(p) !== p ? 'path is not fully simplified' : null;
    assert.equal(pathError(p), expected, p);
  }
});

test('ign3 validate: an entry under links is reported once per link above it, duplicate links included', () => {
  const version = IGNITION3_VERSIONS[0];
  const config = {
    ignition: { version },
    storage: {
      links: [{ path: '/a', target: '/x' }, { path: '/a', target: '/y' }, { path: '/a/b', target: '/z' }, { path: '/a/bc', target: '/w' }],
      files: [{ path: '/a/b/c' }, { path: '/a/bc' }, { path: '/ab/c' }],
      directories: [{ path: '/a/b' }],
    },
  };
  const found = validateIgnition3Semantics(decoded({ version, config }), version)
    .filter((e) => e.message.endsWith('path includes link in config'))
    .map((e) => e.path.join('.'));
  const count = (p: string) => found.filter((x) => x === p).length;
  // /a twice and /a/b once above /a/b/c; /a twice above /a/bc and /a/b and the links /a/b, /a/bc
  assert.deepEqual([count('storage.files.0'), count('storage.files.1'), count('storage.files.2')], [3, 2, 0]);
  assert.equal(count('storage.directories.0'), 2);
  assert.deepEqual([count('storage.links.0'), count('storage.links.1'), count('storage.links.2'), count('storage.links.3')], [0, 0, 2, 2]);
});
