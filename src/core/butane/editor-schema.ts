// The schema the editor completes and hovers Butane configs with, one per variant and version,
// generated from the Butane input types (src/core/butane/schema/base.ts, the same descriptors
// the transpiler decodes with), so a field a version lacks is never offered. Descriptions come
// from data: schemas/ignition-3-docs.json for fields that become the Ignition field of the same
// name, schemas/butane-docs.json for Butane's own; every key says which Ignition field it becomes.

import ignitionDocs from '../../../schemas/ignition-3-docs.json';
import butaneDocs from '../../../schemas/butane-docs.json';
import type { GoType, StructType } from '../go/types.ts';
import type { JsonSchema } from '../features/schema.ts';
import { flatcarSpecs } from './variants.ts';
import type { ButaneSpec } from './variants.ts';

interface FieldDoc {
  description?: string;
  becomes?: string;
  schema?: { enum?: unknown[] };
  /** butane-docs.json: Butane's own words for a field that becomes the Ignition field of its name */
  ignitionField?: boolean;
}
type DocTable = Record<string, { description?: string; fields?: Record<string, FieldDoc> }>;

const IGNITION = (ignitionDocs as unknown as { types: DocTable }).types;
const BUTANE = (butaneDocs as unknown as { types: DocTable }).types;

/** The Ignition JSON key a Butane yaml key becomes (size_mib -> sizeMiB, type_guid -> typeGuid). */
export function ignitionKey(key: string): string {
  return key
    .split('_')
    .map((w, i) => (i === 0 ? w : w === 'mib' ? 'MiB' : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

function fieldDoc(typeName: string, key: string): { doc: FieldDoc | undefined; own: boolean } {
  const own = BUTANE[typeName]?.fields?.[key];
  const ign = ignitionKey(key);
  const ignitionDoc = IGNITION[typeName]?.fields?.[ign] ?? IGNITION.Node?.fields?.[ign];
  // Butane's words for an Ignition field: the description changes, the field and its limits stay
  if (own?.ignitionField) return { doc: { ...ignitionDoc, description: own.description }, own: false };
  if (own) return { doc: own, own: true };
  return { doc: ignitionDoc, own: false };
}

function schemaOf(t: GoType, ignPath: string, variant: string): JsonSchema {
  switch (t.kind) {
    case 'ptr':
      return schemaOf(t.elem, ignPath, variant);
    case 'slice':
      return { type: 'array', items: schemaOf(t.elem, ignPath + '[]', variant) };
    case 'struct':
      return structSchema(t, ignPath, variant);
    case 'string':
    case 'custom':
      return { type: 'string' };
    case 'int':
    case 'uint':
      return { type: 'integer' };
    case 'bool':
      return { type: 'boolean' };
    default:
      return {};
  }
}

/** The Go type's name without its package ("v0_5.Resource" -> "Resource"): the docs' key. */
const bareName = (name: string): string => name.replace(/^.*\./, '');

function structSchema(t: StructType, ignPath: string, variant: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const typeName = bareName(t.name);
  for (const f of t.fields) {
    const { doc, own } = fieldDoc(typeName, f.key);
    const path = ignPath ? `${ignPath}.${ignitionKey(f.key)}` : ignitionKey(f.key);
    const s = schemaOf(f.type, own ? ignPath : path, variant);
    const becomes = own ? (doc?.becomes ? `Becomes ${doc.becomes}${ignPath ? ` (in \`${ignPath}\`)` : ''}.` : '') : `Becomes Ignition \`${path}\`.`;
    const description = [doc?.description ?? '', becomes].filter(Boolean).join('\n\n');
    properties[f.key] = { ...s, ...(description ? { description } : {}), ...(doc?.schema?.enum ? { enum: doc.schema.enum.filter((v) => v !== null) } : {}) };
  }
  const typeDoc = BUTANE[typeName]?.description ?? IGNITION[typeName]?.description;
  return { type: 'object', properties, 'x-go-type': typeName, ...(typeDoc ? { description: typeDoc } : {}) };
}

const cache = new Map<ButaneSpec, JsonSchema>();

/** The schema of one Butane spec (variant and version). */
export function butaneSchema(spec: ButaneSpec): JsonSchema {
  let s = cache.get(spec);
  if (!s) {
    s = structSchema(spec.base.config, '', spec.variant);
    const variants = [...new Set(flatcarSpecs.map((x) => x.variant))];
    const versions = flatcarSpecs.filter((x) => x.variant === spec.variant).map((x) => x.version);
    s.properties!.variant = { ...s.properties!.variant, enum: variants };
    s.properties!.version = { ...s.properties!.version, enum: versions };
    s.required = ['variant', 'version'];
    s['x-clc-suggest-order'] = ['variant', 'version', 'storage', 'systemd', 'passwd', 'ignition', 'kernel_arguments'];
    cache.set(spec, s);
  }
  return s;
}

/** The newest stable spec: what a config without a (known) version is completed with. */
export function defaultButaneSpec(): ButaneSpec {
  return [...flatcarSpecs].reverse().find((s) => !s.version.includes('-')) ?? flatcarSpecs[0];
}

/** The spec a config declares (variant and version as written), or the default one. */
export function specFor(variant: string | undefined, version: string | undefined): ButaneSpec {
  return flatcarSpecs.find((s) => s.variant === (variant ?? 'flatcar') && s.version === version) ?? defaultButaneSpec();
}
