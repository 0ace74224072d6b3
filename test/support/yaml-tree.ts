// A plain-text description of what parseYaml read: every node's class, style, value, flow flag,
// anchor, tag, all three range offsets and the span ct reports for it, plus the document's range
// and every problem found. Two readings agree exactly when their descriptions are equal.
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node as YNode, Pair } from 'yaml';
import { reportSpan } from '../../src/core/yaml/parse.ts';
import type { ParsedYaml } from '../../src/core/yaml/parse.ts';

export function describeParsed(p: ParsedYaml): string {
  const head = p.doc ? `document ${JSON.stringify(p.doc.range)} raw errors ${p.doc.errors.length}` : 'no document';
  const problems = p.errors.map((e) => `problem ${e.code} ${JSON.stringify(e.span)} ${e.message}\n`).join('');
  return `${head} later ${p.laterDocumentAt}\n${problems}${describeNode(p.root, '')}`;
}

function describeNode(n: YNode | null | undefined, indent: string): string {
  if (n == null) return `${indent}${String(n)}\n`;
  const rs = reportSpan(n);
  const r = JSON.stringify(n.range ?? null) + (rs ? ` report ${rs.start}-${rs.end}` : '');
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
