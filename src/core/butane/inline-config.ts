// butane's check of an Ignition config given inline as a merge/replace source
// (ValidateIgnitionConfig): it must parse as JSON into the target spec's types (Go's errors),
// and, unless its version is one this spec does not know (then a warning and no more checks),
// pass Ignition's validation, duplicate and unused-key checks. Paths in these reports are the
// inline config's own ($.storage.files.0.path); butane places them on the YAML all the same.

import { checkJsonSyntax } from '../go/json-syntax.ts';
import { decodeJsonValue } from '../go/json-decode.ts';
import type { JsonTypeMismatch } from '../go/json-decode.ts';
import { flatFields } from '../go/types.ts';
import type { GoField, GoType, StructType } from '../go/types.ts';
import { ign3Types } from '../ignition/v3/types.ts';
import type { Ignition3Version } from '../ignition/v3/types.ts';
import { validateIgnition3Dups, validateIgnition3Semantics } from '../ignition/v3/validate.ts';
import { ERR as IGN_ERR } from '../ignition/v3/errors.ts';
import type { Entry } from './entry.ts';
import { ERR } from './messages.ts';
import { KeyStep } from './path.ts';
import type { PathStep } from './path.ts';

/** Ignition's errors.ErrInvalid, returned after a parse error. */
const CONFIG_NOT_VALID = 'config is not valid';

export function validateInlineConfig(resourcePath: PathStep[], raw: string, version: Ignition3Version): { entries: Entry[]; error?: string } {
  const bytes = new TextEncoder().encode(raw);
  const syntax = checkJsonSyntax(bytes);
  if (!syntax.ok) return { entries: [{ kind: 'error', message: syntax.message, path: [] }], error: CONFIG_NOT_VALID };
  const json = JSON.parse(raw) as unknown;
  const types = ign3Types(version);
  const decoded = decodeJsonValue(json, types.Config);
  if (decoded.mismatches.length) {
    return { entries: [{ kind: 'error', message: typeErrorMessage(decoded.mismatches[0], json, types.Config), path: [] }], error: CONFIG_NOT_VALID };
  }
  const config = decoded.value as Record<string, any>;
  // the version alone first: one this spec does not know means no further checks
  const head = validateIgnition3Semantics({ Ignition: { Version: config.Ignition?.Version ?? '' } }, version).filter((e) => e.path[0] === 'ignition' && e.path[1] === 'version');
  if (head.some((e) => e.message === IGN_ERR.unknownVersion)) {
    return { entries: [{ kind: 'warning', message: ERR.unknownIgnitionVersion, path: [...resourcePath, 'version'] }] };
  }
  const entries: Entry[] = [];
  for (const e of validateIgnition3Semantics(config, version)) entries.push({ kind: e.kind, message: e.message, path: e.path });
  for (const e of validateIgnition3Dups(config, version)) entries.push({ kind: e.kind, message: e.message, path: e.path });
  unusedJsonKeys(json, types.Config, [], entries);
  return { entries };
}

/** Ignition's unused-key check over the JSON text's objects (keys in document order). */
function unusedJsonKeys(v: unknown, t: GoType, path: PathStep[], out: Entry[]): void {
  if (t.kind === 'ptr') return unusedJsonKeys(v, t.elem, path, out);
  if (t.kind === 'slice') {
    if (Array.isArray(v)) v.forEach((item, i) => unusedJsonKeys(item, t.elem, [...path, i], out));
    return;
  }
  if (t.kind !== 'struct' || v === null || typeof v !== 'object' || Array.isArray(v)) return;
  const fields = flatFields(t);
  const obj = v as Record<string, unknown>;
  for (const f of fields) if (f.key in obj) unusedJsonKeys(obj[f.key], f.type, [...path, f.key], out);
  for (const k of Object.keys(obj)) {
    if (!fields.some((f) => f.key === k)) out.push({ kind: 'warning', message: `unused key ${k}`, path: [...path, new KeyStep(k)] });
  }
}

/** Go's UnmarshalTypeError text for the first mismatch. */
function typeErrorMessage(m: JsonTypeMismatch, json: unknown, root: StructType): string {
  let t: GoType = root;
  let v: unknown = json;
  let structName = '';
  const fieldPath: string[] = [];
  for (const step of m.path) {
    while (t.kind === 'ptr') t = t.elem;
    if (typeof step === 'number') {
      if (t.kind === 'slice') t = t.elem;
      v = Array.isArray(v) ? v[step] : undefined;
      continue;
    }
    if (t.kind !== 'struct') break;
    const field: GoField | undefined = flatFields(t).find((f) => f.key === step);
    if (!field) break;
    structName = t.name;
    fieldPath.push(step);
    t = field.type;
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[step] : undefined;
  }
  while (t.kind === 'ptr') t = t.elem;
  let value = m.found === 'array' ? 'array' : m.found;
  if (typeof v === 'number' && (t.kind === 'int' || t.kind === 'uint')) value = `number ${String(v)}`;
  if (m.found === 'object') value = 'object';
  const typeText = goTypeString(t);
  if (!structName) return `json: cannot unmarshal ${value} into Go value of type ${typeText}`;
  return `json: cannot unmarshal ${value} into Go struct field ${structName}.${fieldPath.join('.')} of type ${typeText}`;
}

function goTypeString(t: GoType): string {
  switch (t.kind) {
    case 'ptr':
      return '*' + goTypeString(t.elem);
    case 'slice':
      return t.name ? `types.${t.name}` : '[]' + goTypeString(t.elem);
    case 'struct':
      return `types.${t.name}`;
    default:
      return (t as { name?: string }).name ? `types.${(t as { name?: string }).name}` : t.kind;
  }
}
