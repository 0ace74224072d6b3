// Go to definition: from a `filesystem:` reference of a file, directory or link to the entry of
// storage.filesystems with that name. Reads the YAML tree when the text parses, the lines
// otherwise.

import type { Span } from '../report.ts';
import { nodeSpan } from '../yaml/parse.ts';
import type { ClcDocument } from './document.ts';
import { hitAt, itemsOf, scalarString, valueOf } from './ast.ts';
import { allKeys } from './scan.ts';
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
  if (doc.yamlOk && doc.yaml.root) {
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
  const keys = allKeys(doc.scan);
  const ref = keys.find(
    (k) => k.key === 'filesystem' && k.valueSpan && k.valueSpan.start <= offset && offset <= k.valueSpan.end && k.path.length === 3 && k.path[0] === 'storage' && REFERRERS.has(String(k.path[1])),
  );
  if (!ref || ref.value === undefined) return [];
  const name = unquote(ref.value);
  return keys
    .filter((k) => k.key === 'name' && k.path.length === 3 && k.path[0] === 'storage' && k.path[1] === 'filesystems' && k.value !== undefined && unquote(k.value) === name)
    .map((k) => ({ span: { start: k.keySpan.start, end: k.valueSpan!.end }, selection: k.valueSpan!, origin: ref.valueSpan! }));
}
