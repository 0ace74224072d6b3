// A plain-text description of a yaml package document: every node's class, style, value, flow
// flag, anchor, tag and all three range offsets, plus the document's range and error count.
// Two readers agree exactly when their descriptions are equal.
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YNode, Pair } from 'yaml';

export function describeTree(doc: Document.Parsed | null | undefined): string {
  if (!doc) return 'no document';
  return `document ${JSON.stringify(doc.range)} errors ${doc.errors.length}\n${describeNode(doc.contents as YNode | null, '')}`;
}

function describeNode(n: YNode | null | undefined, indent: string): string {
  if (n == null) return `${indent}${String(n)}\n`;
  const r = JSON.stringify(n.range ?? null);
  const props = `${n.anchor ? ` &${n.anchor}` : ''}${n.tag ? ` !${n.tag}` : ''}`;
  if (isMap(n)) {
    const pairs = (n.items as Pair[]).map((p) => `${indent} pair\n${describeNode(p.key as YNode, indent + '  ')}${describeNode(p.value as YNode, indent + '  ')}`);
    return `${indent}map${n.flow ? ' flow' : ''} ${r}${props}\n${pairs.join('')}`;
  }
  if (isSeq(n)) return `${indent}seq${n.flow ? ' flow' : ''} ${r}${props}\n${n.items.map((i) => describeNode(i as YNode, indent + '  ')).join('')}`;
  if (isScalar(n)) return `${indent}scalar ${n.type} ${JSON.stringify(n.value)} source ${JSON.stringify(n.source)} ${r}${props}\n`;
  if (isAlias(n)) return `${indent}alias ${n.source} ${r}\n`;
  return `${indent}unknown ${JSON.stringify(n)}\n`;
}
