// Ignition's unused-key check as butane runs it on the config: for every struct value, the
// keys of its YAML mapping that no field claims are warned about, at the key. A value whose
// node is not a mapping (an alias, a null) cannot be checked and gets butane's notice instead.
// The walk follows the decoded value (as butane's does) with its YAML node alongside.

import type { Node as YNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { flatFields } from '../go/types.ts';
import type { GoType, StructType } from '../go/types.ts';
import { keyText } from '../go/decode.ts';
import { treeKind } from './context-tree.ts';
import { KeyStep, pathString } from './path.ts';
import type { PathStep } from './path.ts';
import type { Entry } from './entry.ts';

export function unusedKeys(config: unknown, t: StructType, root: YNode | null): Entry[] {
  const out: Entry[] = [];
  if (root) visit(config, t, root, [], out);
  return out;
}

/** `node` is the YAML node at `path`; undefined once the path has left the tree. */
function visit(v: unknown, t: GoType, node: YNode | null | undefined, path: PathStep[], out: Entry[]): void {
  if (node === undefined) return; // nothing below can be in the tree either
  if (t.kind === 'ptr') {
    if (v != null) visit(v, t.elem, node, path, out);
    return;
  }
  if (t.kind === 'slice') {
    if (!Array.isArray(v) || v.length === 0) return;
    const items = node && treeKind(node) === 'seq' ? ((node as YAMLSeq).items as YNode[]) : null;
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      visit(v[i], t.elem, items && i < items.length ? (items[i] ?? null) : undefined, path, out);
      path.pop();
    }
    return;
  }
  if (t.kind !== 'struct') return;
  if (node === null || treeKind(node) !== 'map') {
    out.push({ kind: 'warning', message: `context tree does not match content tree at ${pathString(path)}. Line and column reporting may be inconsistent. Unused keys may not be reported`, path: [...path] });
    return;
  }
  const pairs = (node as YAMLMap).items as Pair<YNode, YNode>[];
  const keys = new Array<string | null>(pairs.length);
  for (let i = 0; i < pairs.length; i++) keys[i] = pairs[i].key ? keyText(pairs[i].key) : null;
  // this mapping's own keys first (each once, where it first appears), then the values below it
  // (butane's visiting order)
  const known = fieldKeys(t);
  let reported: Set<string> | null = null; // (a mapping with unused keys is rare)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null || known.has(k) || reported?.has(k)) continue;
    (reported ??= new Set()).add(k);
    out.push({ kind: 'warning', message: `unused key ${k}`, path: [...path, new KeyStep(k)] });
  }
  const fields = flatFields(t);
  const obj = (v ?? {}) as Record<string, unknown>;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (!hasStructs(f.type)) continue;
    // the mapping as a Go map: the last of equal keys wins
    const at = keys.lastIndexOf(f.key);
    path.push(f.key);
    visit(obj[f.name], f.type, at < 0 ? undefined : (pairs[at].value ?? null), path, out);
    path.pop();
  }
}

const structCache = new WeakMap<GoType, boolean>();
/** Whether a field's type can hold a struct (only structs are checked). */
function hasStructs(t: GoType): boolean {
  let known = structCache.get(t);
  if (known === undefined) {
    let e = t;
    while (e.kind === 'ptr' || e.kind === 'slice') e = e.elem;
    known = e.kind === 'struct';
    structCache.set(t, known);
  }
  return known;
}

const keyCache = new WeakMap<StructType, Set<string>>();
function fieldKeys(t: StructType): Set<string> {
  let s = keyCache.get(t);
  if (!s) keyCache.set(t, (s = new Set(flatFields(t).map((f) => f.key))));
  return s;
}
