// Parses the text of a config into the `yaml` package's node tree, keeping source ranges,
// and only the first document (ct reads no further). Scalars are kept as written (failsafe
// schema): how a scalar is typed is decided later by resolve.ts, the way ct's YAML library does.

import { Composer, Document, LineCounter, Parser, Scalar, isAlias, isDocument, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YNode, ParsedNode } from 'yaml';
import type { Diagnostic } from '../report.ts';
import { readCommonYaml } from './fast-reader.ts';

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

/** The yaml package's composer options: what ct's reader needs, and nothing it does not. */
const COMPOSE_OPTIONS = {
  schema: 'failsafe',
  strict: true,
  uniqueKeys: false,
  merge: false,
  keepSourceTokens: false,
  prettyErrors: false,
  // !!binary, !!timestamp, !!set... stay text with their tag; the decoder handles them like ct
  resolveKnownTags: false,
  // Long configs legitimately have many aliases; expansion limits are enforced by our decoder.
  maxAliasCount: -1,
};

export interface ParseYamlOptions {
  /** read with the full parser even where the fast reader would do (tests compare the two) */
  fullParserOnly?: boolean;
}

export function parseYaml(text: string, options: ParseYamlOptions = {}): ParsedYaml {
  const lines = new LineIndex(text);
  const { doc, laterDocumentAt, emptyAfterIndicator } = readYamlDocument(text, options);
  const errors: Diagnostic[] = [];
  if (doc) {
    for (const e of doc.errors) {
      // ct's YAML library starts a comment at any '#' between tokens, space before it or not
      if (e.code === 'MISSING_CHAR' && e.message.startsWith('Comments must be separated')) continue;
      const start = Math.max(0, Math.min(e.pos[0], text.length));
      const end = Math.max(start, Math.min(e.pos[1], text.length));
      errors.push({ severity: 'error', message: yamlMessage(e.message), span: { start, end }, code: 'yaml-syntax' });
    }
  }
  const root = doc && isDocument(doc) ? ((doc.contents as ParsedNode | null) ?? null) : null;
  errors.push(...readerChecks(text));
  if (emptyAfterIndicator) {
    // the fast reader's tree needs nothing from treeChecks but these placements
    for (const [node, at] of emptyAfterIndicator) reportStarts.set(node, at);
  } else if (root) {
    errors.push(...treeChecks(text, root));
  }
  return { text, doc, root, errors, laterDocumentAt, lines };
}

/**
 * The first document as the yaml package composes it: from the fast reader when the text is in
 * its subset (the same tree, sooner), else from the package's own parser and composer.
 */
export function readYamlDocument(
  text: string,
  options: ParseYamlOptions = {},
): { doc: Document.Parsed | null; laterDocumentAt?: number; fast: boolean; emptyAfterIndicator?: Array<[Scalar, number]> } {
  const fast = options.fullParserOnly ? undefined : readCommonYaml(text, COMPOSE_OPTIONS);
  return fast ? { doc: fast.doc, fast: true, emptyAfterIndicator: fast.emptyAfterIndicator } : { ...readFullYaml(text), fast: false };
}

/** The yaml package's own parser and composer: every input, every error. */
function readFullYaml(text: string): { doc: Document.Parsed | null; laterDocumentAt?: number } {
  const parser = new Parser();
  const composer = new Composer(COMPOSE_OPTIONS as never);
  let doc: Document.Parsed | null = null;
  let laterDocumentAt: number | undefined;
  // ct's YAML reader also breaks lines at a lone CR and at NEL; both read exactly like LF, and
  // the replacement keeps every offset (same length)
  const tokens = parser.parse(/[\r\u0085]/.test(text) ? text.replace(/\r(?!\n)|\u0085/g, '\n') : text);
  for (const d of composer.compose(tokens, true)) {
    if (!doc) {
      doc = d as Document.Parsed;
      continue;
    }
    laterDocumentAt = (d as Document.Parsed).range?.[0];
    break;
  }
  if (doc && doc.errors.length) {
    const end = libyamlDocumentEnd(text, doc);
    if (end !== undefined) {
      // go-yaml (ct's and butane's) ends the first document there and never reads further
      const first = readFullYaml(text.slice(0, end)).doc;
      if (first && !first.errors.length) return { doc: first, laterDocumentAt: end };
    }
  }
  return { doc, laterDocumentAt };
}

/**
 * Where libyaml (behind go-yaml) ends the first document without a `---` or `...`: after the
 * top-level node is complete, whatever token comes next ends the document. That happens when a
 * flow collection or a quoted scalar at the top is followed by more text, or when a top-level
 * block collection is indented and a later line is indented less (the yaml package calls both
 * an error). Undefined when neither applies; the caller keeps the cut only if the text before
 * it reads without errors.
 */
function libyamlDocumentEnd(text: string, doc: Document.Parsed): number | undefined {
  const root = doc.contents as ParsedNode | null;
  const range = root?.range;
  if (!root || !range) return undefined;
  const flowOrQuoted = isScalar(root) ? root.type === Scalar.QUOTE_DOUBLE || root.type === Scalar.QUOTE_SINGLE : (root as { flow?: boolean }).flow === true;
  if (flowOrQuoted) return range[1] < text.length && /\S/.test(text.slice(range[1])) ? range[1] : undefined;
  if (!isMap(root) && !isSeq(root)) return undefined;
  const lineStart = Math.max(text.lastIndexOf('\n', range[0] - 1), text.lastIndexOf('\r', range[0] - 1)) + 1;
  const indent = range[0] - lineStart;
  if (indent === 0 || /\S/.test(text.slice(lineStart, range[0]))) return undefined;
  const line = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  line.lastIndex = range[0];
  for (let m = line.exec(text); m && m[0] !== ''; m = line.exec(text)) {
    const lead = /^ */.exec(m[0])![0].length;
    const rest = m[0].slice(lead);
    if (m.index > range[0] && lead < indent && /^[^\s#]/.test(rest)) return m.index;
  }
  return undefined;
}

// Characters ct's YAML reader refuses anywhere in the input (it allows tab, LF, CR, NEL and the
// printable ranges of Unicode).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** Problems ct finds while reading the stream, before or outside the node tree. */
function readerChecks(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const m = CONTROL.exec(text);
  // a reader error: ct prints it without a line
  if (m) out.push({ severity: 'error', message: 'yaml: control characters are not allowed', span: { start: m.index, end: m.index + 1 }, code: 'yaml-decode', unpositioned: true });
  // directives of the first document: only %YAML 1.1 and %TAG are accepted
  let at = 0;
  while (at < text.length) {
    const eol = text.indexOf('\n', at);
    const line = text.slice(at, eol < 0 ? text.length : eol).replace(/\r$/, '');
    if (line.startsWith('%')) {
      const name = /^%(\S*)/.exec(line)![1];
      const span = { start: at, end: at + line.length };
      if (name === 'YAML') {
        const v = /^%YAML[ \t]+(\d+)\.(\d+)(?=[ \t]|$)/.exec(line);
        if (v && (Number(v[1]) !== 1 || Number(v[2]) !== 1)) out.push({ severity: 'error', message: 'yaml: found incompatible YAML document', span, code: 'yaml-syntax' });
      } else if (name !== 'TAG') {
        out.push({ severity: 'error', message: 'yaml: found unknown directive name', span, code: 'yaml-syntax' });
      }
    } else if (!/^[ \t]*(#.*)?$/.test(line)) {
      break; // the document has started
    }
    if (eol < 0) break;
    at = eol + 1;
  }
  return out;
}

/**
 * Where ct places a node when the yaml package does not agree: at its anchor or tag when it
 * has one (the yaml package starts at the value), and an empty value right after its `:` or
 * `-` (the yaml package after the spaces that follow).
 */
const reportStarts = new WeakMap<object, number>();

/** The span ct reports for a node: like nodeSpan, but starting at the node's anchor or tag. */
export function reportSpan(n: YNode | null | undefined): { start: number; end: number } | undefined {
  const s = nodeSpan(n);
  if (!s) return s;
  const p = reportStarts.get(n as object);
  return p === undefined ? s : { start: p, end: s.end };
}

function propsStart(text: string, start: number): number {
  let s = start;
  for (let i = 0; i < 2; i++) {
    let j = s - 1;
    for (;;) {
      while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j--;
      // step over a comment ending this line (`&a # note` or a comment-only line)
      let ls = j;
      while (ls > 0 && ls > j - 1024 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
      const hash = j >= 0 ? /(^|[ \t])#/.exec(text.slice(ls, j + 1)) : null;
      if (!hash) break;
      j = ls + hash.index - 1 + hash[1].length;
    }
    if (j < 0) break;
    let k = j;
    while (k > 0 && !/[\s,[\]{}]/.test(text[k - 1])) k--;
    if (text[k] !== '&' && text[k] !== '!') break;
    s = k;
  }
  return s;
}

/**
 * One walk over the first document, in document order, for what ct's YAML library checks or
 * places differently than the yaml package: aliases must name an anchor defined before them,
 * \u escapes must not be surrogates, a block scalar ending the file without a line break has no
 * final newline, and nodes with an anchor or tag start at it.
 */
function treeChecks(text: string, root: ParsedNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  const anchors = new Set<string>();
  let unknownAlias = false;
  let badEscape = false;
  let lastContent = text.length - 1;
  while (lastContent >= 0 && (text[lastContent] === ' ' || text[lastContent] === '\t')) lastContent--;
  const endsWithBreak = lastContent >= 0 && '\n\r\u0085'.includes(text[lastContent]);
  const stack: YNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (!n) continue;
    const anchor = (n as { anchor?: string }).anchor;
    const range = (n as { range?: [number, number, number] }).range;
    if (range && (anchor || (n as { tag?: string }).tag)) {
      const p = propsStart(text, range[0]);
      if (p !== range[0]) reportStarts.set(n, p);
    }
    if (anchor) anchors.add(anchor);
    if (isAlias(n)) {
      if (!unknownAlias && !anchors.has(n.source)) {
        unknownAlias = true;
        out.push({ severity: 'error', message: `yaml: unknown anchor '${n.source}' referenced`, span: nodeSpan(n), code: 'yaml-decode', unpositioned: true });
      }
    } else if (isScalar(n)) {
      const sc = n as Scalar;
      if (sc.type === Scalar.QUOTE_DOUBLE && range && !badEscape) {
        const at = badEscapeAt(text, range[0], range[1]);
        if (at >= 0) {
          badEscape = true;
          out.push({ severity: 'error', message: 'yaml: found invalid Unicode character escape code', span: { start: at, end: at + 2 }, code: 'yaml-syntax' });
        }
      }
      if ((sc.type === Scalar.BLOCK_LITERAL || sc.type === Scalar.BLOCK_FOLDED) && range && lastContent >= range[0] && lastContent < range[1] && typeof sc.value === 'string') {
        // the scalar runs to the end of the file, whose last line has no line break: ct adds
        // no newline for it (the yaml package does when that line has content, or when a
        // keep-chomped scalar has only empty lines)
        const v = sc.value;
        if (!endsWithBreak && v.endsWith('\n')) sc.value = v.slice(0, -1);
        else if (v === '\n' && endsWithBreak && lastContent < text.length - 1 && KEEP_HEADER.test(text.slice(range[0], lastContent + 1))) sc.value = '';
      }
    } else if (isMap(n)) {
      const items = n.items;
      // a block mapping starts where its first key does, that key's anchor or tag included
      const firstKey = !n.flow && isPair(items[0]) ? (items[0].key as YNode | null) : null;
      const keyRange = (firstKey as { range?: [number, number, number] } | null)?.range;
      if (range && keyRange && keyRange[0] === range[0] && !reportStarts.has(n) && ((firstKey as { anchor?: string }).anchor || (firstKey as { tag?: string }).tag)) {
        const p = propsStart(text, keyRange[0]);
        if (p < range[0]) reportStarts.set(n, p);
      }
      for (let i = items.length - 1; i >= 0; i--) {
        const p = items[i];
        if (!isPair(p)) continue;
        if (!n.flow) {
          placeEmptyAfter(text, p.value as YNode | null, ':');
          // an empty explicit key (`? `) sits right after its `?`, as go-yaml places it
          placeEmptyAfter(text, p.key as YNode | null, '?');
        }
        if (p.value == null && n.flow && (p.key as YNode | null)?.range) {
          // `{key, ...}`: ct reads an empty value placed at the token after the key
          let at = (p.key as YNode).range![1];
          while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
          const empty = new Scalar('');
          empty.range = [at, at, at];
          p.value = empty;
        }
        stack.push(p.value as YNode, p.key as YNode);
      }
    } else if (isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) {
        if (!n.flow) placeEmptyAfter(text, n.items[i] as YNode | null, '-');
        stack.push(n.items[i] as YNode);
      }
    }
  }
  return out;
}

/** An empty block value (no anchor or tag) is placed right after its indicator, as ct does. */
function placeEmptyAfter(text: string, n: YNode | null, indicator: ':' | '-' | '?'): void {
  if (!n || !isScalar(n) || (n as { anchor?: string }).anchor || (n as { tag?: string }).tag) return;
  const r = (n as { range?: [number, number, number] }).range;
  if (!r || r[0] !== r[1] || ((n as Scalar).value !== '' && (n as Scalar).value != null)) return;
  let j = r[0] - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j >= 0 && text[j] === indicator && j + 1 < r[0]) reportStarts.set(n, j + 1);
}

/** A keep-chomped block scalar header line (no indentation indicator) and its line break. */
const KEEP_HEADER = /^[|>]\+[ \t]*(#[^\n\r]*)?[\n\r\u0085]$/;

/** Offset of the first \x, \u or \U escape naming a surrogate or a value past U+10FFFF, or -1. */
function badEscapeAt(text: string, start: number, end: number): number {
  for (let i = start + 1; i < end - 1; i++) {
    if (text[i] !== '\\') continue;
    const kind = text[i + 1];
    const width = kind === 'x' ? 2 : kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
    if (width) {
      const hex = text.slice(i + 2, i + 2 + width);
      if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
        const v = parseInt(hex, 16);
        if ((v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff) return i;
      }
      i += 1 + width;
    } else {
      i++;
    }
  }
  return -1;
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
  private lineStarts: number[] | null = null;
  private ctLineStarts: number[] | null = null;
  // built on first use: a run without problems to place never needs them
  constructor(private readonly text: string) {}

  private get starts(): number[] {
    return (this.lineStarts ??= lineStartsOf(this.text, false));
  }

  /** ct's YAML reader also ends lines at NEL, LS and PS (editors do not); same as starts when absent */
  private get ctStarts(): number[] {
    return (this.ctLineStarts ??= /[\u0085\u2028\u2029]/.test(this.text) ? lineStartsOf(this.text, true) : this.starts);
  }

  /** 0-based line and UTF-16 character (LSP convention) */
  position(offset: number): { line: number; character: number } {
    const starts = this.starts;
    const line = lineAt(starts, offset);
    return { line, character: offset - starts[line] };
  }
  /** 1-based line and code-point column, as ct prints them */
  lineCol(offset: number): { line: number; column: number } {
    const starts = this.ctStarts;
    const lo = lineAt(starts, offset);
    let col = 1;
    for (let i = starts[lo]; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00) i++;
      col++;
    }
    return { line: lo + 1, column: col };
  }
  offsetAt(line: number, character: number): number {
    const starts = this.starts;
    if (line < 0) return 0;
    if (line >= starts.length) return this.text.length;
    const end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    return Math.min(starts[line] + Math.max(0, character), end);
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

/** Offsets where lines start: after LF, a lone CR, and with `ctBreaks` also NEL, LS and PS. */
function lineStartsOf(text: string, ctBreaks: boolean): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10) || (ctBreaks && (c === 0x85 || c === 0x2028 || c === 0x2029))) starts.push(i + 1);
  }
  return starts;
}

/** The index of the line holding `offset`: the last start at or before it (binary search). */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
