// The generated Ignition 3.x JSON schemas: current with their sources, quiet on configs that
// Ignition accepts (recorded butane outputs, recorded clean vectors, ct's 2.3 outputs through
// the version-dispatching schema), and loud on the mistakes they encode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { buildIgnition3Schemas, ignition3SchemaFile } from '../../scripts/ignition3-schemas.ts';
import { ALL_IGNITION3_VERSIONS, ign3AllTypes } from '../../src/core/ignition/v3/types.ts';
import type { AnyIgnition3Version } from '../../src/core/ignition/v3/types.ts';
import { flatFields } from '../../src/core/go/types.ts';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'ign3');
const readJson = (p: string): any => JSON.parse(fs.readFileSync(p, 'utf8'));

const ajv = new Ajv({ strict: false, allErrors: true });
const dispatcher = ajv.compile(readJson(path.join(ROOT, 'schemas', 'ignition.schema.json')));
const perVersion = new Map(ALL_IGNITION3_VERSIONS.map((v) => [v, ajv.compile(readJson(path.join(ROOT, 'schemas', ignition3SchemaFile(v))))]));

test('ign3 schemas: the committed files are what the generator writes', () => {
  for (const [file, text] of buildIgnition3Schemas(ROOT)) {
    assert.equal(fs.readFileSync(path.join(ROOT, 'schemas', file), 'utf8'), text, `schemas/${file} is stale: node --import tsx scripts/gen-ignition3-schemas.ts`);
  }
});

test('ign3 schemas: every described type and field exists in some spec version', () => {
  const docs = readJson(path.join(ROOT, 'schemas', 'ignition-3-docs.json')).types as Record<string, { fields: Record<string, unknown> }>;
  const known = new Map<string, Set<string>>();
  for (const v of ALL_IGNITION3_VERSIONS) {
    for (const t of Object.values(ign3AllTypes(v))) {
      const keys = known.get(t.name) ?? new Set<string>();
      for (const f of flatFields(t)) keys.add(f.key);
      known.set(t.name, keys);
    }
  }
  for (const [name, doc] of Object.entries(docs)) {
    assert.ok(known.has(name), `docs for unknown type ${name}`);
    for (const key of Object.keys(doc.fields)) assert.ok(known.get(name)!.has(key), `docs for unknown field ${name}.${key}`);
  }
});

test('ign3 schemas: butane\'s recorded outputs are accepted', () => {
  const dir = path.join(FIXTURES, 'butane-outputs');
  const files = fs.readdirSync(dir);
  assert.ok(files.length >= 20);
  for (const f of files) {
    const cfg = readJson(path.join(dir, f));
    const own = perVersion.get(cfg.ignition.version as AnyIgnition3Version)!;
    assert.ok(dispatcher(cfg), `${f}: ${JSON.stringify(dispatcher.errors)}`);
    assert.ok(own(cfg), `${f}: ${JSON.stringify(own.errors)}`);
  }
});

test('ign3 schemas: configs Ignition finds no error in are accepted by their version\'s schema', () => {
  let checked = 0;
  for (const line of fs.readFileSync(path.join(FIXTURES, 'vectors.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const v = JSON.parse(line);
    if (!v.entries || v.entries.some((e: { kind: string }) => e.kind === 'error')) continue;
    const cfg = JSON.parse(v.compact);
    const own = perVersion.get(v.version)!;
    assert.ok(own(cfg), `${v.compact}: ${JSON.stringify(own.errors)}`);
    assert.ok(dispatcher(cfg), `${v.compact}: ${JSON.stringify(dispatcher.errors)}`);
    checked++;
  }
  assert.ok(checked >= 50, `${checked} clean vectors`);
});

test('ign3 schemas: ct\'s Ignition 2.3 outputs pass through the dispatching schema', () => {
  const cases = path.join(ROOT, 'test', 'conformance', 'cases');
  let checked = 0;
  for (const c of fs.readdirSync(cases)) {
    const out = path.join(cases, c, 'expected.stdout');
    if (!fs.existsSync(out)) continue;
    const text = fs.readFileSync(out, 'utf8');
    if (!text.startsWith('{')) continue;
    assert.ok(dispatcher(JSON.parse(text)), `${c}: ${JSON.stringify(dispatcher.errors)}`);
    checked++;
  }
  assert.ok(checked >= 50, `${checked} ct outputs`);
});

test('ign3 schemas: ign-converter\'s recorded 3.0.0 translations of ct outputs are accepted', () => {
  const dir = path.join(FIXTURES, 'ign-converter-outputs');
  const files = fs.readdirSync(dir);
  assert.ok(files.length >= 10);
  for (const f of files) {
    const cfg = readJson(path.join(dir, f));
    assert.equal(cfg.ignition.version, '3.0.0');
    const own = perVersion.get('3.0.0')!;
    assert.ok(dispatcher(cfg), `${f}: ${JSON.stringify(dispatcher.errors)}`);
    assert.ok(own(cfg), `${f}: ${JSON.stringify(own.errors)}`);
  }
});

test('ign3 schemas: mistakes are reported', () => {
  const base = (version: string, rest: object = {}) => ({ ignition: { version }, ...rest });
  const rejects = (cfg: unknown, why: string) => assert.equal(dispatcher(cfg), false, why);
  rejects(base('3.9.0'), 'an unknown version');
  rejects({}, 'no ignition section');
  rejects(base('3.4.0', { storage: { files: [{ path: 'relative' }] } }), 'a relative path');
  rejects(base('3.4.0', { storage: { files: [{ path: '/a', mode: 4096 }] } }), 'a mode past 07777');
  rejects(base('3.4.0', { storage: { files: [{ path: '/a', contents: { compression: 'xz' } }] } }), 'an unknown compression');
  rejects(base('3.4.0', { storage: { filez: [] } }), 'an unknown key');
  rejects(base('3.3.0', { storage: { luks: [{ name: 'l', device: '/dev/a', discard: true }] } }), 'a 3.4.0 field in 3.3.0');
  rejects(base('3.4.0', { storage: { luks: [{ name: 'l', device: '/dev/a', cex: { enabled: true } }] } }), 'a 3.5.0 field in 3.4.0');
  rejects(base('3.4.0', { systemd: { units: [{ name: 'app' }] } }), 'a unit without a type suffix');
  rejects(base('2.3.0', { storage: { files: [{ path: '/a' }] } }), '2.3.0 files need a filesystem');
  rejects(base('3.0.0', { storage: { files: [{ path: '/a', contents: { httpHeaders: [] } }] } }), 'httpHeaders before 3.1.0');
  rejects(base('3.2.0', { storage: { links: [{ path: '/a' }] } }), 'a link without a target before 3.3.0');
  rejects(base('3.2.0', { storage: { luks: [{ name: 'l', device: '/dev/a', clevis: { custom: { pin: 'tpm2' } } }] } }), 'a 3.2.0 custom pin without config');
  assert.ok(dispatcher(base('3.5.0', { storage: { luks: [{ name: 'l', device: '/dev/a', cex: { enabled: true } }] } })));
  assert.ok(dispatcher(base('3.3.0', { storage: { links: [{ path: '/a', target: '/b' }] } })));
});
