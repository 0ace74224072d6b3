// Fields a spec version's Ignition target cannot carry (butane's FieldFilters): clevis before
// flatcar 1.2.0-experimental, cex from it on. A filtered field that is set is an error.

import type { Entry } from './entry.ts';
import type { FieldFilter } from './variants.ts';
import type { PathStep } from './path.ts';

export function applyFieldFilters(config: Record<string, any>, filters: readonly FieldFilter[]): Entry[] {
  const out: Entry[] = [];
  for (const f of filters) visit(config, f.path, 0, [], f.message, out);
  return out;
}

const KEY_TO_FIELD: Record<string, string> = { storage: 'Storage', luks: 'Luks', clevis: 'Clevis', cex: 'Cex' };

function visit(v: any, path: string[], i: number, at: PathStep[], message: string, out: Entry[]): void {
  if (v == null) return;
  if (i === path.length) {
    if (!isEmpty(v)) out.push({ kind: 'error', message, path: at });
    return;
  }
  if (path[i] === '*') {
    if (Array.isArray(v)) v.forEach((item, k) => visit(item, path, i + 1, [...at, k], message, out));
    return;
  }
  visit(v[KEY_TO_FIELD[path[i]] ?? path[i]], path, i + 1, [...at, path[i]], message, out);
}

/** butane's notion of empty: nil pointers, zero scalars, empty slices, structs of empty fields. */
function isEmpty(v: any): boolean {
  if (v == null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v).every(isEmpty);
  return v === '' || v === 0 || v === false;
}
