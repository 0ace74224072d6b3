// Small helpers over the YAML tree of a parsed config: looking keys up the way ct matches them,
// and finding what lies under an offset together with its path from the root.

import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { keyText } from '../go/decode.ts';
import { nodeSpan } from '../yaml/parse.ts';
import type { Span } from '../report.ts';
import type { PathSeg } from './schema.ts';

export type YPair = Pair<YNode | null, YNode | null>;

export function pairsOf(n: YNode | null | undefined): YPair[] {
  return n && isMap(n) ? ((n as YAMLMap).items as YPair[]).filter((p) => isPair(p)) : [];
}

export function itemsOf(n: YNode | null | undefined): YNode[] {
  return n && isSeq(n) ? ((n as YAMLSeq).items as YNode[]).filter((x) => x != null) : [];
}

export function keyOf(p: YPair): string {
  return p.key ? keyText(p.key) : '';
}

/** The last pair with this key (a later duplicate is what a reader sees last). */
export function pairOf(n: YNode | null | undefined, key: string): YPair | undefined {
  let hit: YPair | undefined;
  for (const p of pairsOf(n)) if (keyOf(p) === key) hit = p;
  return hit;
}

export function valueOf(n: YNode | null | undefined, key: string): YNode | null {
  return pairOf(n, key)?.value ?? null;
}

export function scalarString(n: YNode | null | undefined): string | undefined {
  if (!n || !isScalar(n)) return undefined;
  const v = n.value;
  return typeof v === 'string' ? v : v == null ? '' : String(v);
}

export function spanOfNode(n: YNode | null | undefined): Span | undefined {
  return nodeSpan(n);
}

export interface AstHit {
  /** path of the mapping (for keys and values) or sequence (for items) holding the hit */
  path: PathSeg[];
  part: 'key' | 'value' | 'item';
  /** the key of the pair (keys and values) */
  key?: string;
  index?: number;
  pair?: YPair;
  /** the scalar (or alias) node under the offset */
  node: YNode;
}

function contains(n: YNode | null | undefined, offset: number): boolean {
  const s = nodeSpan(n);
  return !!s && s.start <= offset && offset <= s.end;
}

/** The scalar key, value or item under an offset, with its path. */
export function hitAt(root: YNode | null, offset: number): AstHit | null {
  let n: YNode | null = root;
  const path: PathSeg[] = [];
  for (let guard = 0; n && guard < 512; guard++) {
    if (isMap(n)) {
      let next: YNode | null = null;
      for (const p of pairsOf(n)) {
        if (p.key && contains(p.key, offset) && (isScalar(p.key) || isAlias(p.key))) {
          return { path, part: 'key', key: keyOf(p), pair: p, node: p.key };
        }
        if (p.value && contains(p.value, offset)) {
          if (isScalar(p.value) || isAlias(p.value)) return { path, part: 'value', key: keyOf(p), pair: p, node: p.value };
          path.push(keyOf(p));
          next = p.value;
          break;
        }
      }
      n = next;
      continue;
    }
    if (isSeq(n)) {
      let next: YNode | null = null;
      const items = (n as YAMLSeq).items as (YNode | null)[];
      for (let i = 0; i < items.length; i++) {
        const it = items[i];
        if (it && contains(it, offset)) {
          if (isScalar(it) || isAlias(it)) return { path, part: 'item', index: i, node: it };
          path.push(i);
          next = it;
          break;
        }
      }
      n = next;
      continue;
    }
    return null;
  }
  return null;
}

/** The node at a path of keys and indices, or null. */
export function nodeAt(root: YNode | null, path: readonly PathSeg[]): YNode | null {
  let n: YNode | null = root;
  for (const seg of path) {
    if (!n) return null;
    n = typeof seg === 'number' ? (isSeq(n) ? (((n as YAMLSeq).items[seg] as YNode | undefined) ?? null) : null) : valueOf(n, seg);
  }
  return n;
}
