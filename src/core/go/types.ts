// A small description of Go types, enough to reproduce what ct does by reflection:
// yaml.v3 decoding into typed structs, the Ignition validator's struct walk, and
// encoding/json's field order and omitempty. Values are plain JS data:
//   string/int/uint/bool -> string/number/boolean, pointer -> value or null (nil),
//   slice -> array or null (nil), struct -> object keyed by the field's Go name.

import type { Diagnostic } from '../report.ts';

export type ScalarKind = 'string' | 'int' | 'uint' | 'bool';

export interface ScalarType {
  kind: ScalarKind;
  /** the Go type name when it is a named type with methods (e.g. "UpdateServer") */
  name?: string;
}
export interface PtrType {
  kind: 'ptr';
  elem: GoType;
}
export interface SliceType {
  kind: 'slice';
  elem: GoType;
  /** the Go type name of a named slice type with methods (e.g. Ignition's "HTTPHeaders") */
  name?: string;
}
export interface StructType {
  kind: 'struct';
  name: string;
  fields: GoField[];
}
/**
 * A type with its own UnmarshalYAML (go-semver versions): decoded from a string scalar by
 * `parse`, which returns the value or the error message yaml.v3 would surface.
 */
export interface CustomType {
  kind: 'custom';
  name: string;
  parse: (text: string) => { ok: true; value: unknown } | { ok: false; error: string };
}
/**
 * ct's Etcd/Flannel structs: a version field decides which option struct the same mapping is
 * decoded into a second time; the chosen struct is embedded (its fields appear at this level).
 */
export interface VersionedType {
  kind: 'versioned';
  name: string;
  /** the fields decoded first (version, network_config...) */
  common: StructType;
  /** picks the option struct for the decoded common part */
  select: (common: Record<string, unknown>) => StructType | null;
}

export type GoType = ScalarType | PtrType | SliceType | StructType | CustomType | VersionedType;

export interface GoField {
  /** Go field name, e.g. "HomeDir"; also the key of the JS object */
  name: string;
  /** the yaml or json key */
  key: string;
  type: GoType;
  omitempty?: boolean;
  /** an anonymous (embedded) struct field: its fields are promoted */
  embedded?: boolean;
}

// --- constructors keep the model files short -------------------------------------------------

export const str: ScalarType = { kind: 'string' };
export const int: ScalarType = { kind: 'int' };
export const uint: ScalarType = { kind: 'uint' };
export const bool: ScalarType = { kind: 'bool' };
export const named = (kind: ScalarKind, name: string): ScalarType => ({ kind, name });
export const ptr = (elem: GoType): PtrType => ({ kind: 'ptr', elem });
export const slice = (elem: GoType): SliceType => ({ kind: 'slice', elem });
export const namedSlice = (elem: GoType, name: string): SliceType => ({ kind: 'slice', elem, name });

/** Builds a struct from [GoName, key, type, flags?] rows; flags: "omitempty" and/or "embedded". */
export function struct(name: string, rows: Array<[string, string, GoType, string?]>): StructType {
  return {
    kind: 'struct',
    name,
    fields: rows.map(([fname, key, type, flags]) => ({
      name: fname,
      key,
      type,
      omitempty: flags?.includes('omitempty') || undefined,
      embedded: flags?.includes('embedded') || undefined,
    })),
  };
}

/** The zero value of a type, as Go would create it. */
export function zeroValue(t: GoType): unknown {
  switch (t.kind) {
    case 'string':
      return '';
    case 'int':
    case 'uint':
      return 0;
    case 'bool':
      return false;
    case 'ptr':
    case 'slice':
    case 'custom':
      return null;
    case 'struct': {
      // (indexed loops in the per-value paths: a cold run executes them in V8's interpreter,
      // where for-of pays for an iterator protocol call per element)
      const o: Record<string, unknown> = {};
      const fields = t.fields;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        if (f.embedded && f.type.kind === 'struct') Object.assign(o, zeroValue(f.type));
        else o[f.name] = zeroValue(f.type);
      }
      return o;
    }
    case 'versioned': {
      const o = zeroValue(t.common) as Record<string, unknown>;
      o.$options = null;
      return o;
    }
  }
}

const flatCache = new WeakMap<StructType, GoField[]>();

/** Fields of a struct with embedded structs flattened, as the validator sees them (computed once). */
export function flatFields(t: StructType): GoField[] {
  let out = flatCache.get(t);
  if (!out) {
    out = [];
    for (const f of t.fields) {
      if (f.embedded && f.type.kind === 'struct') out.push(...flatFields(f.type));
      else out.push(f);
    }
    flatCache.set(t, out);
  }
  return out;
}

// --- validation hooks ---------------------------------------------------------------------------

/** A Validate() or Validate<Field>() method: returns problems without positions. */
export type Validator = (value: any) => Diagnostic[];

export interface TypeMethods {
  /** Validate() on the type (called for structs and for named scalar types) */
  validate?: Validator;
  /** Validate<Field>() methods, keyed by the Go field name; called with the whole struct */
  fields?: Record<string, Validator>;
}

export type MethodTable = Record<string, TypeMethods>;

export function typeName(t: GoType): string | undefined {
  switch (t.kind) {
    case 'struct':
    case 'custom':
    case 'versioned':
      return t.name;
    case 'ptr':
      return undefined;
    default:
      return t.name;
  }
}
