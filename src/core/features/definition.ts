// Go to definition: from a `filesystem:` reference of a file, directory or link to the entry of
// storage.filesystems with that name. Reads the YAML tree when the text parses, the lines
// otherwise.

import type { Span } from '../report.ts';
import { nodeSpan } from '../yaml/parse.ts';
import type { ClcDocument } from './document.ts';
import { hitAt, itemsOf, scalarString, valueOf } from './ast.ts';
import { blocks } from './scan.ts';
import { unquote } from './schema.ts';

export interface DefinitionTarget {
  /** the filesystem's whole entry */
  span: Span;
  /** its name */
  selection: Span;
  /** the reference the definition was asked for */
  origin: Span;
}

const REFERRERS = new Set(['files', 'directories', 'links']);

export function definition(doc: ClcDocument, offset: number): DefinitionTarget[] {
  const fromLines = definitionFromLines(doc, offset);
  if (fromLines) return fromLines;
  if (!doc.yamlOk || !doc.yaml.root) return [];
  const root = doc.yaml.root;
  const h = hitAt(root, offset);
  if (!h || h.part !== 'value' || h.key !== 'filesystem' || h.path.length !== 3 || h.path[0] !== 'storage' || !REFERRERS.has(String(h.path[1]))) return [];
  const name = scalarString(h.node);
  const origin = nodeSpan(h.node)!;
  const out: DefinitionTarget[] = [];
  for (const fs of itemsOf(valueOf(valueOf(root, 'storage'), 'filesystems'))) {
    const n = valueOf(fs, 'name');
    if (scalarString(n) === name && n) out.push({ span: nodeSpan(fs)!, selection: nodeSpan(n)!, origin });
  }
  return out;
}

/** Block style: the answer from the lines, or null when the offset is not on a block-style reference. */
function definitionFromLines(doc: ClcDocument, offset: number): DefinitionTarget[] | null {
  const all = blocks(doc.scan);
  const ref = all.find(
    (b) =>
      b.kind === 'key' && b.key === 'filesystem' && b.valueSpan && b.valueSpan.start <= offset && offset <= b.valueSpan.end &&
      b.path.length === 4 && b.path[0] === 'storage' && REFERRERS.has(String(b.path[1])),
  );
  if (!ref || ref.value === undefined) return null;
  const name = unquote(ref.value);
  const items = new Map(all.filter((b) => b.kind === 'item' && b.path.length === 3 && b.path[0] === 'storage' && b.path[1] === 'filesystems').map((b) => [b.path[2], b]));
  return all
    .filter((b) => b.kind === 'key' && b.key === 'name' && b.path.length === 4 && b.path[0] === 'storage' && b.path[1] === 'filesystems' && b.value !== undefined && unquote(b.value) === name)
    .map((b) => {
      const item = items.get(b.path[2]);
      return { span: item ? { start: item.start, end: item.end } : { start: b.start, end: b.end }, selection: b.valueSpan!, origin: ref.valueSpan! };
    });
}
