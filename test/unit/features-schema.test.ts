// The model (src/core/clc/model.ts, what ct decodes) and the schema (schemas/cl-config.schema.json,
// what completion, hover and the docs read) must describe the same format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clcTypes, Config, Etcd, Flannel, etcdOptions, flannelOptions } from '../../src/core/clc/model.ts';
import type { GoType, StructType, VersionedType } from '../../src/core/go/types.ts';
import { definition, rootSchema, resolve, types } from '../../src/core/features/schema.ts';
import type { JsonSchema } from '../../src/core/features/schema.ts';
import type { OptionTable } from '../../src/core/clc/model.ts';

function goTypeString(t: GoType): string {
  switch (t.kind) {
    case 'ptr':
      return '*' + goTypeString(t.elem);
    case 'slice':
      return '[]' + goTypeString(t.elem);
    case 'struct':
    case 'custom':
    case 'versioned':
      return t.name;
    default:
      return t.name ?? t.kind;
  }
}

/** Whether a JSON schema accepts what the Go type decodes. */
function compatible(t: GoType, s: JsonSchema | undefined, where: string): void {
  assert.ok(s, `${where}: missing in the schema`);
  const r = resolve(s)!;
  switch (t.kind) {
    case 'ptr':
      return compatible(t.elem, s, where);
    case 'slice':
      assert.ok(types(r).includes('array'), `${where}: should be an array, is ${types(r)}`);
      return compatible(t.elem, r.items, `${where}[]`);
    case 'struct':
    case 'versioned':
      assert.ok(types(r).includes('object') || r.properties, `${where}: should be an object`);
      assert.equal(s.$ref, `#/definitions/${t.name}`, `${where}: should refer to definition ${t.name}`);
      return;
    case 'custom':
      assert.ok(types(r).includes('string'), `${where}: ${t.name} is written as a string`);
      return;
    case 'int':
    case 'uint':
      assert.ok(types(r).includes('integer'), `${where}: should be an integer, is ${types(r)}`);
      return;
    case 'bool':
      assert.ok(types(r).includes('boolean'), `${where}: should be a boolean, is ${types(r)}`);
      return;
    case 'string':
      assert.ok(types(r).includes('string'), `${where}: should accept a string, is ${types(r)}`);
      return;
  }
}

function checkStruct(st: StructType, schema: JsonSchema | undefined, name: string): void {
  assert.ok(schema, `definition ${name} is missing`);
  const props = schema.properties ?? {};
  assert.deepEqual(Object.keys(props), st.fields.map((f) => f.key), `${name}: keys (in ct's field order)`);
  for (const f of st.fields) {
    const p = props[f.key];
    compatible(f.type, p, `${name}.${f.key}`);
    assert.equal(p['x-go-type'], goTypeString(f.type), `${name}.${f.key}: x-go-type`);
  }
}

test('every struct of the model has a schema definition with the same keys and compatible types, and back', () => {
  const names = new Set(Object.keys(clcTypes));
  for (const [name, st] of Object.entries(clcTypes)) {
    if (name === 'Config') continue;
    checkStruct(st as StructType, definition(name), name);
  }
  checkStruct(Config, rootSchema, 'Config (root)');
  const defs = Object.keys(rootSchema.definitions ?? {});
  for (const d of defs) assert.ok(names.has(d) || d === 'Etcd' || d === 'Flannel', `schema definition ${d} has no struct in the model`);
});

function checkVersioned(v: VersionedType, table: OptionTable): void {
  const def = definition(v.name)!;
  assert.ok(def, `definition ${v.name}`);
  const props = def.properties ?? {};
  const common = v.common.fields.map((f) => f.key);
  for (const f of v.common.fields) {
    compatible(f.type, props[f.key], `${v.name}.${f.key}`);
    assert.equal(props[f.key]['x-go-type'], goTypeString(f.type), `${v.name}.${f.key}: x-go-type`);
    assert.equal(props[f.key]['x-clc-options-table'], undefined, `${v.name}.${f.key} is not an option`);
  }
  const jsonType = { string: 'string', int: 'integer', bool: 'boolean' } as const;
  for (const o of table.options) {
    const p = props[o.key];
    assert.ok(p, `${v.name}.${o.key} (an option of ${o.versions.join(', ')}) is missing in the schema`);
    assert.ok(types(resolve(p)).includes(jsonType[o.type]), `${v.name}.${o.key}: ${o.type}`);
    assert.equal(p['x-clc-options-table'], v.name.toLowerCase(), `${v.name}.${o.key}: x-clc-options-table`);
    assert.equal(p['x-go-type'], `*${o.type === 'int' ? 'int' : o.type}`, `${v.name}.${o.key}: x-go-type`);
  }
  const known = new Set([...common, ...table.options.map((o) => o.key)]);
  for (const k of Object.keys(props)) assert.ok(known.has(k), `schema ${v.name}.${k} is neither a common field nor an option`);
}

test('etcd: the schema lists exactly the common fields and every option of every version', () => {
  checkVersioned(Etcd, etcdOptions);
});

test('flannel: the schema lists exactly the common fields and every option of every version', () => {
  checkVersioned(Flannel, flannelOptions);
});

test('every $ref resolves and every property is documented', () => {
  const visit = (s: JsonSchema, where: string) => {
    if (s.$ref) assert.ok(resolve(s), `${where}: ${s.$ref} does not resolve`);
    for (const [k, p] of Object.entries(s.properties ?? {})) {
      assert.ok(p.markdownDescription || p.description || resolve(p)?.markdownDescription, `${where}.${k} has no description`);
      visit(p, `${where}.${k}`);
    }
    if (s.items) visit(s.items, `${where}[]`);
  };
  visit(rootSchema, 'root');
  for (const [n, d] of Object.entries(rootSchema.definitions ?? {})) visit(d, n);
});
