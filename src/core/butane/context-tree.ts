// The "context tree" butane keeps beside the decoded config (vcontext's yaml tree): the YAML
// nodes by path, used to place reports and to find unused keys. It is read straight off the
// shared reader's node tree: mappings by key text (the last of equal keys wins, as in a Go map),
// sequences by index, and everything else - scalars and also aliases - as leaves.

import { isAlias, isMap, isSeq } from 'yaml';
import type { Node as YNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { keyText } from '../go/decode.ts';
import { reportSpan } from '../yaml/parse.ts';
import { KeyStep } from './path.ts';
import type { ReportPath } from './path.ts';

export type TreeKind = 'map' | 'seq' | 'leaf';

export function treeKind(n: YNode): TreeKind {
  if (isAlias(n)) return 'leaf';
  if (isMap(n)) return 'map';
  if (isSeq(n)) return 'seq';
  return 'leaf';
}

/** The value node of `key` in a mapping (the last one when a key repeats), or the key node with `wantKey`. */
function mapChild(m: YAMLMap, key: string, wantKey: boolean): YNode | null | undefined {
  let found: YNode | null | undefined;
  for (const p of m.items as Pair<YNode, YNode>[]) {
    if (!p.key || keyText(p.key) !== key) continue;
    found = wantKey ? p.key : (p.value ?? null);
  }
  return found;
}

/** The node at a path, or undefined when the path leaves the tree. A `key:` with no value is a null leaf (null here). */
export function treeGet(root: YNode | null, path: ReportPath): YNode | null | undefined {
  let n: YNode | null | undefined = root;
  for (const step of path) {
    if (!n) return undefined;
    const kind = treeKind(n);
    if (typeof step === 'number') {
      if (kind !== 'seq') return undefined;
      const items = (n as YAMLSeq).items as YNode[];
      if (step >= items.length) return undefined;
      n = items[step] ?? null;
    } else {
      if (kind !== 'map') return undefined;
      n = mapChild(n as YAMLMap, step instanceof KeyStep ? step.key : step, step instanceof KeyStep);
      if (n === undefined) return undefined;
    }
  }
  return n;
}

/**
 * Where a report on this path is shown: the deepest node the path reaches (vcontext's
 * Correlate), as a source offset; undefined when not even the root exists.
 */
export function markerOffset(root: YNode | null, path: ReportPath, emptyValueAt?: (parentPath: ReportPath) => number | undefined): number | undefined {
  for (let len = path.length; len >= 0; len--) {
    const sub = path.slice(0, len);
    const n = treeGet(root, sub);
    if (n === undefined) continue;
    if (n === null) {
      // `key:` with nothing after it: yaml.v3 places the empty scalar where the value would start
      const at = emptyValueAt?.(sub);
      if (at !== undefined) return at;
      continue;
    }
    return reportSpan(n)?.start;
  }
  return undefined;
}
