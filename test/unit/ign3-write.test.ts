// Ignition 3.x output against recorded vectors: random configs (test/support/ign3-random.ts)
// decoded by Go's encoding/json into Ignition's own v3_x types and marshalled by
// github.com/clarketm/json, as butane does (compact and MarshalIndent "  ").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeJsonValue } from '../../src/core/go/json-decode.ts';
import { ALL_IGNITION3_VERSIONS, ign3AllTypes, ign3Types, newIgnition3Config, IGNITION3_VERSIONS } from '../../src/core/ignition/v3/types.ts';
import type { GoType } from '../../src/core/go/types.ts';
import type { Ignition3Version } from '../../src/core/ignition/v3/types.ts';
import { writeIgnition3 } from '../../src/core/ignition/v3/write.ts';

interface Vector {
  version: Ignition3Version;
  config: unknown;
  decodeError?: string;
  compact?: string;
  pretty?: string;
}

const vectors: Vector[] = readFileSync(path.join(__dirname, '..', 'fixtures', 'ign3', 'vectors.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Vector);

test('ign3 writer: the recorded vectors cover every version, compact and pretty', () => {
  for (const v of IGNITION3_VERSIONS) assert.ok(vectors.some((x) => x.version === v && x.compact), v);
  assert.ok(vectors.filter((x) => x.pretty).length >= 50);
});

test('ign3 writer: compact and pretty output are byte-identical to the recorded Go output', () => {
  let checked = 0;
  for (const [i, v] of vectors.entries()) {
    if (v.compact === undefined) continue;
    const { value, mismatches } = decodeJsonValue(v.config, ign3Types(v.version).Config);
    assert.deepEqual(mismatches, [], `vector ${i}`);
    assert.equal(writeIgnition3(value as Record<string, unknown>, v.version), v.compact, `vector ${i} (${v.version}) compact`);
    if (v.pretty !== undefined) assert.equal(writeIgnition3(value as Record<string, unknown>, v.version, { pretty: true }), v.pretty, `vector ${i} pretty`);
    checked++;
  }
  assert.ok(checked >= 250, `${checked} vectors checked`);
});

test('ign3 writer: the minimal config per version (3.3.0 omits an empty version)', () => {
  assert.equal(writeIgnition3(newIgnition3Config('3.3.0'), '3.3.0'), '{"ignition":{"version":"3.3.0"}}');
  assert.equal(writeIgnition3(newIgnition3Config('3.4.0'), '3.4.0', { pretty: true }), '{\n  "ignition": {\n    "version": "3.4.0"\n  }\n}');
  assert.equal(writeIgnition3({}, '3.3.0'), '{"ignition":{}}');
  assert.equal(writeIgnition3({}, '3.4.0'), '{"ignition":{"version":""}}');
});

test('ign3 writer: an empty struct is left out, a set pointer to a zero value is kept', () => {
  const cfg = {
    Ignition: { Version: '3.7.0-experimental' },
    Storage: { Files: [{ Path: '/a', User: {}, Group: { Name: null }, Contents: { Compression: '', Verification: {} } }] },
    Systemd: { Units: [] },
  };
  assert.equal(
    writeIgnition3(cfg, '3.7.0-experimental'),
    '{"ignition":{"version":"3.7.0-experimental"},"storage":{"files":[{"path":"/a","contents":{"compression":""}}]}}',
  );
});

test('ign3 writer: fields that only some versions have', () => {
  const luks = { Name: 'l', Discard: true, OpenOptions: ['x'], Cex: { Enabled: true }, Clevis: { Tang: [{ URL: 'http://t', Advertisement: 'a' }] } };
  const cfg = (v: string) => ({ Ignition: { Version: v }, Storage: { Luks: [luks] } });
  assert.equal(writeIgnition3(cfg('3.3.0'), '3.3.0'), '{"ignition":{"version":"3.3.0"},"storage":{"luks":[{"clevis":{"tang":[{"url":"http://t"}]},"name":"l"}]}}');
  assert.equal(
    writeIgnition3(cfg('3.4.0'), '3.4.0'),
    '{"ignition":{"version":"3.4.0"},"storage":{"luks":[{"clevis":{"tang":[{"advertisement":"a","url":"http://t"}]},"discard":true,"name":"l","openOptions":["x"]}]}}',
  );
  assert.equal(
    writeIgnition3(cfg('3.7.0-experimental'), '3.7.0-experimental'),
    '{"ignition":{"version":"3.7.0-experimental"},"storage":{"luks":[{"cex":{"enabled":true},"clevis":{"tang":[{"advertisement":"a","url":"http://t"}]},"discard":true,"name":"l","openOptions":["x"]}]}}',
  );
});

test('ign3 writer: butane\'s recorded outputs are reproduced byte for byte', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'ign3', 'butane-outputs');
  const files = readdirSync(dir);
  assert.ok(files.length >= 20);
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const json = JSON.parse(text);
    const { value, mismatches } = decodeJsonValue(json, ign3Types(json.ignition.version).Config);
    assert.deepEqual(mismatches, [], f);
    assert.equal(writeIgnition3(value as Record<string, unknown>, json.ignition.version) + '\n', text, f);
  }
});

test('ign3 types: every struct of every 3.x spec matches the layout recorded from Ignition\'s Go types', () => {
  // recorded by reflecting over config/v3_x/types.Config: Go field name, json tag, Go type
  const recorded = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'ign3', 'go-types.json'), 'utf8')) as Record<
    string,
    Record<string, Array<{ name: string; tag: string; type: string; embedded?: boolean }>>
  >;
  const typeText = (t: GoType): string =>
    t.kind === 'ptr' ? '*' + typeText(t.elem) : t.kind === 'slice' ? (t.name ?? '[]' + typeText(t.elem)) : t.kind === 'struct' ? t.name : ((t as { name?: string }).name ?? t.kind);
  assert.deepEqual(Object.keys(recorded).sort(), [...ALL_IGNITION3_VERSIONS].sort());
  for (const version of ALL_IGNITION3_VERSIONS) {
    const mine = ign3AllTypes(version);
    assert.deepEqual(Object.keys(mine).sort(), Object.keys(recorded[version]).sort(), version);
    for (const [name, fields] of Object.entries(recorded[version])) {
      const got = mine[name].fields.map((f) => ({
        name: f.name,
        tag: f.embedded ? '' : f.key + (f.omitempty ? ',omitempty' : ''),
        type: typeText(f.type),
        ...(f.embedded ? { embedded: true } : {}),
      }));
      assert.deepEqual(got, fields, `${version} ${name}`);
    }
  }
});
