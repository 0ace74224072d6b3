// Fields a spec version's Ignition target cannot carry (butane's FieldFilters): clevis before
// flatcar 1.2.0-experimental, cex from it on. A filtered field that is set is an error.
// "Set" is decided on the Go types: a pointer that is not nil counts even when it points to a
// zero value (`cex: {enabled: false}` is refused), a plain zero value does not.

import type { Entry } from './entry.ts';
import type { FieldFilter } from './variants.ts';
import type { PathStep } from './path.ts';
import { flatFields } from '../go/types.ts';
import type { GoType, StructType } from '../go/types.ts';

export function applyFieldFilters(config: Record<string, any>, filters: readonly FieldFilter[], configType: StructType): Entry[] {
  const out: Entry[] = [];
  for (const f of filters) visit(config, configType, f.path, 0, [], f.message, out);
  return out;
}

function visit(v: any, t: GoType, path: string[], i: number, at: PathStep[], message: string, out: Entry[]): void {
  if (v == null) return;
  if (i === path.length) {
    if (!isEmpty(v, t)) out.push({ kind: 'error', message, path: at });
    return;
  }
  if (t.kind === 'ptr') return visit(v, t.elem, path, i, at, message, out);
  if (path[i] === '*') {
    if (Array.isArray(v) && t.kind === 'slice') v.forEach((item, k) => visit(item, t.elem, path, i + 1, [...at, k], message, out));
    return;
  }
  if (t.kind !== 'struct') return;
  const field = flatFields(t).find((f) => f.key === path[i]);
  if (field) visit(v[field.name], field.type, path, i + 1, [...at, path[i]], message, out);
}

/** butane's FieldFilters.isEmpty: zero scalars, nil pointers, empty slices, structs of empty fields. */
function isEmpty(v: any, t: GoType): boolean {
  switch (t.kind) {
    case 'ptr':
      return v == null;
    case 'slice':
      return v == null || v.length === 0;
    case 'struct':
      return v == null || flatFields(t).every((f) => isEmpty(v[f.name], f.type));
    default:
      return v == null || v === '' || v === 0 || v === 0n || v === false;
  }
}
