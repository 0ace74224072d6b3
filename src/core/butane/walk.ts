// vcontext's validation walk over a decoded value: every value is visited with its path, depth
// first in Go field order (embedded structs flattened), slices item by item, nil pointers
// skipped. Butane runs it with different visitors: its Validate() methods, the unused-key check.

import { flatFields } from '../go/types.ts';
import type { GoType, StructType } from '../go/types.ts';
import type { PathStep } from './path.ts';

export type Visitor = (value: unknown, t: GoType, path: PathStep[]) => void;

export function walkValue(value: unknown, t: GoType, path: PathStep[], visit: Visitor): void {
  if (t.kind === 'ptr') {
    if (value !== null && value !== undefined) walkValue(value, t.elem, path, visit);
    return;
  }
  visit(value, t, path);
  if (t.kind === 'struct') {
    const fields = flatFields(t as StructType);
    const v = (value ?? {}) as Record<string, unknown>;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      path.push(f.key);
      walkValue(v[f.name], f.type, path, visit);
      path.pop();
    }
  } else if (t.kind === 'slice' && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkValue(value[i], t.elem, path, visit);
      path.pop();
    }
  }
}

/** The Go type name without its package ("v0_4.File" -> "File"). */
export function baseName(t: GoType): string {
  const n = (t as { name?: string }).name ?? '';
  const dot = n.lastIndexOf('.');
  return dot < 0 ? n : n.slice(dot + 1);
}
