// Builds the Ignition 3.x JSON schemas (see gen-ignition3-schemas.ts) as file name -> text.
// Kept apart from the writer script so the tests can check the committed files are current.

import fs from 'node:fs';
import path from 'node:path';
import { ALL_IGNITION3_VERSIONS, ign3AllTypes } from '../src/core/ignition/v3/types.ts';
import type { AnyIgnition3Version } from '../src/core/ignition/v3/types.ts';
import type { GoField, GoType, StructType } from '../src/core/go/types.ts';

interface FieldDoc {
  description: string;
  schema?: Record<string, unknown>;
}
interface TypeDoc {
  description: string;
  required?: string[];
  fields: Record<string, FieldDoc>;
}
interface Docs {
  types: Record<string, TypeDoc>;
}

type Schema = Record<string, unknown>;

/** The schema file of a spec version, e.g. ignition-3.4.schema.json, ignition-3.7-experimental.schema.json. */
export function ignition3SchemaFile(version: AnyIgnition3Version): string {
  const [major, minor, rest] = version.split('.');
  const pre = rest.includes('-') ? rest.slice(rest.indexOf('-')) : '';
  return `ignition-${major}.${minor}${pre}.schema.json`;
}

/** How Go spells a field's type (shown as x-go-type, as the 2.3 schema does). */
function goTypeText(t: GoType): string {
  switch (t.kind) {
    case 'ptr':
      return '*' + goTypeText(t.elem);
    case 'slice':
      return t.name ?? '[]' + goTypeText(t.elem);
    case 'struct':
      return t.name;
    case 'string':
    case 'int':
    case 'uint':
    case 'bool':
      return t.name ?? t.kind;
    default:
      return t.kind;
  }
}

const JSON_TYPE: Record<string, string> = { string: 'string', int: 'integer', uint: 'integer', bool: 'boolean' };

/** The fields of a struct as JSON sees them, each with the struct that declares it. */
function jsonFields(t: StructType): Array<{ field: GoField; owner: string }> {
  const out: Array<{ field: GoField; owner: string }> = [];
  for (const f of t.fields) {
    if (f.embedded && f.type.kind === 'struct') {
      // Node's fields stay Node's; FileEmbedded1's belong to File
      const owner = f.type.name.endsWith('Embedded1') ? t.name : f.type.name;
      for (const inner of jsonFields(f.type)) out.push({ field: inner.field, owner: inner.owner === f.type.name ? owner : inner.owner });
    } else out.push({ field: f, owner: t.name });
  }
  return out;
}

class SchemaBuilder {
  readonly definitions = new Map<string, Schema>();

  constructor(
    private readonly docs: Docs,
    private readonly version: AnyIgnition3Version,
  ) {}

  private typeDoc(name: string): TypeDoc {
    const d = this.docs.types[name];
    if (!d) throw new Error(`schemas/ignition-3-docs.json: no entry for ${name}`);
    return d;
  }

  private fieldDoc(outer: string, owner: string, key: string): FieldDoc {
    const d = this.docs.types[outer]?.fields[key] ?? this.docs.types[owner]?.fields[key];
    if (!d) throw new Error(`schemas/ignition-3-docs.json: no description for ${outer}.${key}`);
    return d;
  }

  /** The schema of a value of type t (a $ref for structs, defined once). */
  private valueSchema(t: GoType, nullable: boolean): Schema {
    switch (t.kind) {
      case 'ptr':
        return this.valueSchema(t.elem, true);
      case 'slice':
        // a JSON null decodes to a nil slice, which Ignition takes as an empty list
        return { type: ['array', 'null'], items: this.valueSchema(t.elem, false) };
      case 'struct':
        this.define(t);
        return { $ref: `#/definitions/${t.name}` };
      case 'string':
      case 'int':
      case 'uint':
      case 'bool': {
        const base = JSON_TYPE[t.kind];
        const s: Schema = { type: nullable ? [base, 'null'] : base };
        if (t.kind === 'uint') s.minimum = 0;
        return s;
      }
      default:
        throw new Error(`no schema for ${t.kind}`);
    }
  }

  define(t: StructType): void {
    if (this.definitions.has(t.name)) return;
    const schema: Schema = {};
    this.definitions.set(t.name, schema);
    Object.assign(schema, this.structSchema(t));
  }

  structSchema(t: StructType): Schema {
    const doc = this.typeDoc(t.name);
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const { field, owner } of jsonFields(t)) {
      const fd = this.fieldDoc(t.name, owner, field.key);
      const value = this.valueSchema(field.type, false);
      const prop: Schema = { description: fd.description, ...value, 'x-go-type': goTypeText(field.type) };
      if (fd.schema) mergeConstraints(prop, fd.schema);
      if (field.key === 'version' && t.name === 'Ignition') prop.const = this.version;
      properties[field.key] = prop;
      if (!field.omitempty) required.push(field.key);
    }
    for (const k of doc.required ?? []) if (k in properties && !required.includes(k)) required.push(k);
    const s: Schema = { description: doc.description, type: 'object', 'x-go-type': t.name, properties, additionalProperties: false };
    if (required.length > 0) s.required = required;
    return s;
  }
}

/** Adds a field's extra keywords; `items` constraints go into the item schema. */
function mergeConstraints(prop: Schema, extra: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(extra)) {
    if (k === 'items' && prop.items && typeof prop.items === 'object') Object.assign(prop.items as Schema, v as Schema);
    else prop[k] = v;
  }
}

function buildVersion(docs: Docs, version: AnyIgnition3Version): Schema {
  const types = ign3AllTypes(version);
  const b = new SchemaBuilder(docs, version);
  const root = b.structSchema(types.Config);
  // Ignition needs a version it can parse even where the Go field is optional (3.3.0)
  const ign = types.Ignition;
  b.define(ign);
  const ignSchema = b.definitions.get('Ignition')!;
  const req = (ignSchema.required as string[] | undefined) ?? [];
  if (!req.includes('version')) ignSchema.required = [...req, 'version'];
  const file = ignition3SchemaFile(version);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://clc.local/schemas/${file}`,
    title: `Ignition config, spec ${version}`,
    ...root,
    definitions: Object.fromEntries(b.definitions),
  };
}

/** Rewrites local $refs of a schema moved under #/definitions/<prefix>. */
function rebase(node: unknown, prefix: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rebase(n, prefix));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) out[k] = `#/definitions/${prefix}/definitions/${v.slice('#/definitions/'.length)}`;
    else if (k === '$schema' || k === '$id') continue;
    else out[k] = rebase(v, prefix);
  }
  return out;
}

/**
 * One schema for every supported spec: the declared ignition.version picks the version's
 * schema (each kept whole under definitions); an unknown version is reported on that field.
 */
function buildDispatcher(byVersion: Array<[string, string, Schema]>): Schema {
  const definitions: Record<string, unknown> = {};
  const branches: Schema[] = [];
  for (const [version, key, schema] of byVersion) {
    definitions[key] = rebase(schema, key);
    branches.push({
      if: { properties: { ignition: { properties: { version: { const: version } }, required: ['version'] } }, required: ['ignition'] },
      then: { $ref: `#/definitions/${key}` },
    });
  }
  const versions = byVersion.map(([v]) => v);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://clc.local/schemas/ignition.schema.json',
    title: 'Ignition config',
    description: `An Ignition config of a spec version clc knows (${versions.join(', ')}); the version the config declares picks the rules.`,
    type: 'object',
    properties: {
      ignition: {
        type: 'object',
        properties: { version: { description: 'The spec version this config follows.', enum: versions } },
        required: ['version'],
      },
    },
    required: ['ignition'],
    allOf: branches,
    definitions,
  };
}

/** Every generated schema file: name -> text (two-space JSON with a final newline). */
export function buildIgnition3Schemas(root: string): Map<string, string> {
  const docs = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'ignition-3-docs.json'), 'utf8')) as Docs;
  const out = new Map<string, string>();
  const text = (s: Schema) => JSON.stringify(s, null, 2) + '\n';
  const all: Array<[string, string, Schema]> = [];
  const v23 = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'ignition-2.3.schema.json'), 'utf8')) as Schema;
  all.push(['2.3.0', 'v2_3', v23]);
  for (const version of ALL_IGNITION3_VERSIONS) {
    const schema = buildVersion(docs, version);
    out.set(ignition3SchemaFile(version), text(schema));
    all.push([version, 'v' + version.replace(/\.0(-|$)/, '$1').replace(/[.-]/g, '_'), schema]);
  }
  out.set('ignition.schema.json', text(buildDispatcher(all)));
  return out;
}
