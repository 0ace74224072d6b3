// json.Unmarshal of already-parsed JSON (JSON.parse output) into a described Go type, giving the
// value model the rest of the Go layer uses (objects keyed by Go field name, null for nil).
// Key matching follows encoding/json: an exact json key wins, otherwise the first field whose
// key matches case-insensitively; keys no field claims are ignored. A JSON null leaves the
// field at its zero value. Type mismatches are collected (Go keeps decoding after one) with
// the JSON path where they happened.

import type { GoType, StructType } from './types.ts';
import { flatFields, zeroValue } from './types.ts';

export interface JsonTypeMismatch {
  path: Array<string | number>;
  /** the JSON kind found: "string", "number", "bool", "array", "object" */
  found: string;
  /** the Go kind wanted */
  want: string;
}

export interface JsonDecodeResult {
  value: unknown;
  mismatches: JsonTypeMismatch[];
}

export function decodeJsonValue(json: unknown, t: GoType): JsonDecodeResult {
  const mismatches: JsonTypeMismatch[] = [];
  const value = decode(json, t, [], mismatches);
  return { value, mismatches };
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function decode(v: unknown, t: GoType, path: Array<string | number>, out: JsonTypeMismatch[]): unknown {
  if (v === null || v === undefined) return zeroValue(t);
  const mismatch = (want: string) => {
    out.push({ path: [...path], found: jsonKind(v), want });
    return zeroValue(t);
  };
  switch (t.kind) {
    case 'string':
      return typeof v === 'string' ? v : mismatch('string');
    case 'bool':
      return typeof v === 'boolean' ? v : mismatch('bool');
    case 'int':
    case 'uint':
      if (typeof v !== 'number' || !Number.isInteger(v) || (t.kind === 'uint' && v < 0)) return mismatch(t.kind);
      return v;
    case 'ptr':
      return decode(v, t.elem, path, out);
    case 'slice': {
      if (!Array.isArray(v)) return mismatch('slice');
      return v.map((item, i) => decode(item, t.elem, [...path, i], out));
    }
    case 'struct':
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch('struct');
      return decodeStruct(v as Record<string, unknown>, t, path, out);
    default:
      throw new Error(`cannot decode JSON into ${t.kind}`);
  }
}

function decodeStruct(obj: Record<string, unknown>, t: StructType, path: Array<string | number>, out: JsonTypeMismatch[]): Record<string, unknown> {
  const result = zeroValue(t) as Record<string, unknown>;
  const fields = flatFields(t);
  for (const key of Object.keys(obj)) {
    let field = fields.find((f) => f.key === key);
    if (!field) {
      const lower = key.toLowerCase();
      field = fields.find((f) => f.key.toLowerCase() === lower);
    }
    if (!field) continue;
    const fv = obj[key];
    // a JSON null keeps what the field already holds (nil for pointers and slices)
    if (fv === null) continue;
    result[field.name] = decode(fv, field.type, [...path, field.key], out);
  }
  return result;
}
