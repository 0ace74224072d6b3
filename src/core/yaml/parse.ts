// Parses the text of a config into the `yaml` package's node tree, keeping source ranges,
// and only the first document (ct reads no further). Scalars are kept as written (failsafe
// schema): how a scalar is typed is decided later by resolve.ts, the way ct's YAML library does.

import { Composer, Document, LineCounter, Parser, isDocument } from 'yaml';
import type { Node as YNode, ParsedNode } from 'yaml';
import type { Diagnostic } from '../report.ts';

export type { ParsedNode };

export interface ParsedYaml {
  text: string;
  /** the first document, or null when the text holds no document at all */
  doc: Document.Parsed | null;
  /** the root node of the first document (null for an empty or comment-only document) */
  root: ParsedNode | null;
  /** syntax errors of the first document */
  errors: Diagnostic[];
  /** offset where a second document starts, if there is one (ct ignores it) */
  laterDocumentAt?: number;
  lines: LineIndex;
}

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineIndex(text);
  const parser = new Parser();
  const composer = new Composer({
    schema: 'failsafe',
    strict: true,
    uniqueKeys: false,
    merge: false,
    keepSourceTokens: false,
    prettyErrors: false,
    // Long configs legitimately have many aliases; expansion limits are enforced by our decoder.
    maxAliasCount: -1,
  } as never);
  let doc: Document.Parsed | null = null;
  let laterDocumentAt: number | undefined;
  const tokens = parser.parse(text);
  for (const d of composer.compose(tokens, true)) {
    if (!doc) {
      doc = d as Document.Parsed;
      continue;
    }
    laterDocumentAt = (d as Document.Parsed).range?.[0];
    break;
  }
  const errors: Diagnostic[] = [];
  if (doc) {
    for (const e of doc.errors) {
      const start = Math.min(e.pos[0], text.length);
      const end = Math.max(start, Math.min(e.pos[1], text.length));
      errors.push({ severity: 'error', message: yamlMessage(e.message), span: { start, end }, code: 'yaml-syntax' });
    }
  }
  const root = doc && isDocument(doc) ? ((doc.contents as ParsedNode | null) ?? null) : null;
  return { text, doc, root, errors, laterDocumentAt, lines };
}

function yamlMessage(m: string): string {
  // The yaml package appends a code frame to messages; keep the first line.
  let first = m.split('\n')[0];
  if (/Maximum call stack size exceeded/.test(first)) first = 'the document is nested too deeply to be read';
  return first.startsWith('yaml: ') ? first : `yaml: ${first}`;
}

/** Node start/end offsets (value range, without trailing comments). */
export function nodeSpan(n: YNode | null | undefined): { start: number; end: number } | undefined {
  const r = (n as { range?: [number, number, number] } | null | undefined)?.range;
  if (!r) return undefined;
  return { start: r[0], end: r[1] };
}

/**
 * Line/column lookups over one text. Columns count characters the way ct's YAML library
 * does (one per Unicode code point), both 1-based.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }
  /** 0-based line and UTF-16 character (LSP convention) */
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  /** 1-based line and code-point column, as ct prints them */
  lineCol(offset: number): { line: number; column: number } {
    const p = this.position(offset);
    const lineStart = this.starts[p.line];
    let col = 1;
    for (let i = lineStart; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00) i++;
      col++;
    }
    return { line: p.line + 1, column: col };
  }
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), end);
  }
  get lineCount(): number {
    return this.starts.length;
  }
}
