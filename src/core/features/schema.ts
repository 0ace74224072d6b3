// Read-only access to schemas/cl-config.schema.json for the editor features: walking it by a
// path of keys and item indices, listing the keys of an object, the values an enum allows,
// and the etcd/flannel option sets (which the schema lists as the union of all versions and
// the option tables split by version).

import schemaJson from '../../../schemas/cl-config.schema.json';
import { etcdOptions, flannelOptions, pickOptionVersion } from '../clc/model.ts';
import type { OptionRow, OptionTable } from '../clc/model.ts';
import { parseSemver } from '../go/semver.ts';

export interface Snippet {
  label: string;
  description?: string;
  body: unknown;
}

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  deprecationMessage?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  defaultSnippets?: Snippet[];
  definitions?: Record<string, JsonSchema>;
  'x-go-type'?: string;
  'x-clc-options-table'?: 'etcd' | 'flannel';
  /** objects: keys in the order completion offers them, most useful first */
  'x-clc-suggest-order'?: string[];
}

export const rootSchema = schemaJson as unknown as JsonSchema;
const definitions = rootSchema.definitions ?? {};

/** Follows $ref (local "#/definitions/X" references only). */
export function resolve(s: JsonSchema | undefined): JsonSchema | undefined {
  let cur = s;
  for (let i = 0; cur?.$ref && i < 16; i++) {
    const name = cur.$ref.replace(/^#\/definitions\//, '');
    const target = definitions[name];
    if (!target) return undefined;
    // keep the documentation of the referring property, take the structure from the target
    cur = { ...target, ...withoutRef(cur) };
  }
  return cur;
}

function withoutRef(s: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = s;
  return rest;
}

/** The Go type name a schema stands for (definitions carry it as x-go-type). */
export function goTypeOf(s: JsonSchema | undefined): string | undefined {
  return s?.['x-go-type'];
}

export function definition(name: string): JsonSchema | undefined {
  return definitions[name];
}

export type PathSeg = string | number;

/**
 * The schema of the value at a path of keys and item indices below the root, or undefined.
 * `root` is the config format's schema (CLC's by default; Butane's are generated per variant and
 * version, without $ref).
 */
export function schemaAt(path: readonly PathSeg[], root: JsonSchema = rootSchema): JsonSchema | undefined {
  let cur: JsonSchema | undefined = root;
  for (const seg of path) {
    cur = childSchema(cur, seg);
    if (!cur) return undefined;
  }
  return resolve(cur);
}

export function childSchema(parent: JsonSchema | undefined, seg: PathSeg): JsonSchema | undefined {
  const s = resolve(parent);
  if (!s) return undefined;
  if (typeof seg === 'number') return isArray(s) ? resolve(s.items) : undefined;
  const p = s.properties?.[seg];
  return p ? resolve(p) : undefined;
}

export function types(s: JsonSchema | undefined): string[] {
  if (!s) return [];
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  const alts = [...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  return [...new Set(alts.flatMap((a) => types(resolve(a))))];
}

export function isObject(s: JsonSchema | undefined): boolean {
  return !!s && (types(s).includes('object') || !!s.properties);
}

export function isArray(s: JsonSchema | undefined): boolean {
  return !!s && types(s).includes('array');
}

export function isScalar(s: JsonSchema | undefined): boolean {
  return !!s && !isObject(s) && !isArray(s);
}

/** Values an enum-like schema allows: enum, const, and enums inside anyOf/oneOf. */
export function enumValues(s: JsonSchema | undefined): unknown[] {
  if (!s) return [];
  const out: unknown[] = [];
  if (s.enum) out.push(...s.enum);
  if (s.const !== undefined) out.push(s.const);
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) out.push(...enumValues(resolve(alt)));
  return [...new Set(out)];
}

/** The options table an etcd/flannel object schema is backed by. */
export function optionTableOf(s: JsonSchema | undefined): { name: 'etcd' | 'flannel'; table: OptionTable } | undefined {
  const t = goTypeOf(s)?.replace(/^\*/, '');
  if (t === 'Etcd') return { name: 'etcd', table: etcdOptions };
  if (t === 'Flannel') return { name: 'flannel', table: flannelOptions };
  return undefined;
}

export function optionTableByName(name: 'etcd' | 'flannel'): OptionTable {
  return name === 'etcd' ? etcdOptions : flannelOptions;
}

/**
 * The option-set version ct picks for a version string as written ("3.4.0"), or null when ct
 * would pick none (a version too old, or a major without option sets). An unparsable version
 * falls back to the default set, so completion still has something to offer.
 */
export function optionVersionFor(table: OptionTable, version: string | undefined): string | null {
  if (version === undefined || version.trim() === '') return pickOptionVersion(table, null);
  const v = parseSemver(unquote(version.trim()));
  if (!v.ok) return pickOptionVersion(table, null);
  return pickOptionVersion(table, v.version);
}

/** The options of a table available in one option-set version, in ct's order. */
export function optionsForVersion(table: OptionTable, version: string | null): OptionRow[] {
  if (!version) return [];
  return table.options.filter((o) => o.versions.includes(version)).sort((a, b) => a.order[version] - b.order[version]);
}

export function optionRow(table: OptionTable, key: string): OptionRow | undefined {
  return table.options.find((o) => o.key === key);
}

/** The properties of an object schema, in schema order. */
export function propertiesOf(s: JsonSchema | undefined): Array<[string, JsonSchema]> {
  const r = resolve(s);
  return Object.entries(r?.properties ?? {});
}

/** A short human-readable type: "string", "integer", "boolean", "list of File", "File"... */
export function typeLabel(s: JsonSchema | undefined): string {
  if (!s) return 'unknown';
  const go = goTypeOf(s);
  if (isArray(s)) {
    const item = resolve(s.items);
    const itemGo = goTypeOf(item) ?? (item?.$ref ? item.$ref.split('/').pop() : undefined);
    const itemLabel = isObject(item) && itemGo ? itemGo.replace(/^\*/, '') : types(item).join(' | ') || 'value';
    return `list of ${itemLabel}`;
  }
  if (isObject(s)) return (go ?? 'object').replace(/^\*/, '').replace(/^\[\]/, '');
  const t = types(s);
  return t.length ? t.join(' | ') : 'value';
}

export function unquote(s: string): string {
  if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}
