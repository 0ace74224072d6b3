// Ignition's unused-key check as butane runs it on the config: for every struct value, the
// keys of its YAML mapping that no field claims are warned about, at the key. A value whose
// node is not a mapping (an alias, a null) cannot be checked and gets butane's notice instead.

import { isScalar } from 'yaml';
import type { Node as YNode, Pair, YAMLMap } from 'yaml';
import { flatFields } from '../go/types.ts';
import type { StructType } from '../go/types.ts';
import { keyText } from '../go/decode.ts';
import { treeGet, treeKind } from './context-tree.ts';
import { KeyStep, pathString } from './path.ts';
import type { Entry } from './entry.ts';
import { walkValue } from './walk.ts';

export function unusedKeys(config: unknown, t: StructType, root: YNode | null): Entry[] {
  const out: Entry[] = [];
  if (!root) return out;
  walkValue(config, t, [], (value, vt, path) => {
    if (vt.kind !== 'struct') return;
    const node = treeGet(root, path);
    if (node === undefined) return;
    if (node === null || treeKind(node) !== 'map') {
      const at = pathString(path);
      out.push({ kind: 'warning', message: `context tree does not match content tree at ${at}. Line and column reporting may be inconsistent. Unused keys may not be reported`, path: [...path] });
      return;
    }
    const known = fieldKeys(vt);
    const seen = new Set<string>();
    for (const p of (node as YAMLMap).items as Pair<YNode, YNode>[]) {
      if (!p.key) continue;
      const k = keyText(p.key);
      if (known.has(k) || seen.has(k)) continue;
      seen.add(k);
      out.push({ kind: 'warning', message: `unused key ${k}`, path: [...path, new KeyStep(k)] });
    }
  });
  return out;
}

const keyCache = new WeakMap<StructType, Set<string>>();
function fieldKeys(t: StructType): Set<string> {
  let s = keyCache.get(t);
  if (!s) keyCache.set(t, (s = new Set(flatFields(t).map((f) => f.key))));
  return s;
}

export { isScalar };
