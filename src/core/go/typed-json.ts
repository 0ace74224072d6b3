// Writes a value of a described Go type as a reflection-based JSON encoder does: fields in
// struct order under their json keys, embedded untagged structs promoted, `omitempty` fields
// left out when empty, nil pointers and slices as null.
//
// Two encoders are in play. ct (Ignition 2.3) uses encoding/json, where a struct is never
// "empty". Butane (Ignition 3.x) uses github.com/clarketm/json, a fork that also omits a struct
// whose exported fields are all empty (recursively) - that is why butane prints
// `{"ignition":{"version":"3.4.0"}}` and not a tree of `{}`. The option picks the rule.

import type { JsonWriter } from './json.ts';
import type { GoType, StructType } from './types.ts';

export interface TypedJsonOptions {
  /** clarketm/json: a struct whose fields are all empty counts as empty for `omitempty` */
  omitEmptyStructs: boolean;
}

/** Writes `value` (JS data keyed by Go field name; undefined means the zero value) as type `t`. */
export function writeTyped(w: JsonWriter, value: unknown, t: GoType, opts: TypedJsonOptions): void {
  switch (t.kind) {
    case 'string':
    case 'int':
    case 'uint':
    case 'bool':
      w.scalar((value ?? (t.kind === 'string' ? '' : t.kind === 'bool' ? false : 0)) as string | number | bigint | boolean);
      return;
    case 'ptr':
      if (value == null) w.scalar(null);
      else writeTyped(w, value, t.elem, opts);
      return;
    case 'slice': {
      if (value == null) {
        w.scalar(null);
        return;
      }
      const items = value as unknown[];
      w.open('[');
      for (let i = 0; i < items.length; i++) {
        w.next();
        writeTyped(w, items[i], t.elem, opts);
      }
      w.close(']');
      return;
    }
    case 'struct':
      w.open('{');
      writeFields(w, (value ?? {}) as Record<string, unknown>, t, opts);
      w.close('}');
      return;
    default:
      throw new Error(`cannot encode ${t.kind}`);
  }
}

function writeFields(w: JsonWriter, v: Record<string, unknown>, t: StructType, opts: TypedJsonOptions): void {
  const fields = t.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.embedded && f.key === '' && f.type.kind === 'struct') {
      writeFields(w, v, f.type, opts);
      continue;
    }
    // a tagged embedded struct is written as a nested object holding the promoted fields
    const fv = f.embedded && f.type.kind === 'struct' ? v : v[f.name];
    if (f.omitempty && isEmptyValue(fv, f.type, opts)) continue;
    w.next(f.key);
    writeTyped(w, fv, f.type, opts);
  }
}

/** Go's isEmptyValue for `omitempty` (with clarketm's rule for structs when asked). */
export function isEmptyValue(v: unknown, t: GoType, opts: TypedJsonOptions): boolean {
  switch (t.kind) {
    case 'string':
      return v == null || v === '';
    case 'int':
    case 'uint':
      return v == null || v === 0 || v === 0n;
    case 'bool':
      return v == null || v === false;
    case 'ptr':
      return v == null;
    case 'slice':
      return v == null || (v as unknown[]).length === 0;
    case 'struct':
      return opts.omitEmptyStructs && isEmptyStruct((v ?? {}) as Record<string, unknown>, t, opts);
    default:
      return false;
  }
}

function isEmptyStruct(v: Record<string, unknown>, t: StructType, opts: TypedJsonOptions): boolean {
  const fields = t.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    // an embedded struct's fields live in the same JS object
    const fv = f.embedded && f.type.kind === 'struct' ? v : v[f.name];
    if (!isEmptyValue(fv, f.type, opts)) return false;
  }
  return true;
}
