// Reads the structure of a YAML text line by line, by indentation, the way a person would.
// Unlike a YAML parser it never gives up: half-typed lines, unclosed brackets and wrong
// indentation still leave every other line readable. Completion relies on it (a document being
// typed is rarely valid YAML), and so do folding and go-to-definition.
//
// Limits (on purpose): anchors, aliases and merge keys are not followed, explicit `? ` keys and
// multi-line keys are not understood, tabs count as one column.

import type { Span } from '../report.ts';
import type { PathSeg } from './schema.ts';

export type LineKind =
  /** empty or only spaces */
  | 'blank'
  /** only a comment */
  | 'comment'
  /** a line with structure: `- `, `key:`, a value */
  | 'content'
  /** inside a block scalar, a multi-line quoted or plain scalar */
  | 'scalar'
  /** inside a flow collection that started on an earlier line */
  | 'flow'
  /** `---`, `...` or a `%` directive */
  | 'marker'
  /** part of a later YAML document (ct reads only the first) */
  | 'ignored';

export type ValueKind = 'none' | 'plain' | 'quoted' | 'block' | 'flow' | 'alias';

export interface ScanLine {
  /** offset of the first character */
  start: number;
  /** offset of the line break (or the end of the text) */
  end: number;
  /** column of the first non-space character (the line length for blank lines) */
  indent: number;
  kind: LineKind;
  /** columns of the leading `- ` markers */
  dashes: number[];
  key?: string;
  keyCol?: number;
  keyStart?: number;
  keyEnd?: number;
  /** offset of the `:` after the key */
  colon?: number;
  /** the inline value (after `key:` or after the dashes): offsets and text, comment stripped */
  valueStart?: number;
  valueEnd?: number;
  value?: string;
  valueKind: ValueKind;
  /** for 'scalar' lines of a block scalar: a line must be indented past this column to stay inside */
  owner?: number;
  /** the line of a flow collection's opening bracket, for 'flow' lines */
  flowLine?: number;
  /** offset of the opening bracket when the value is a flow collection */
  flowOpen?: number;
  /** offset where a comment starts on this line */
  commentAt?: number;
}

export interface Scan {
  text: string;
  lines: ScanLine[];
  /** index of the first line of a second YAML document, if any */
  laterDocumentLine?: number;
}

const SPACE = (c: string | undefined) => c === ' ' || c === '\t';
const ENDS_PLAIN_KEY = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** Splits a text into lines at \n, \r\n and lone \r (as the core's LineIndex does). */
function lineBounds(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      out.push([s, i > s && text.charCodeAt(i - 1) === 13 ? i - 1 : i]);
      s = i + 1;
    } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
      out.push([s, i]);
      s = i + 1;
    }
  }
  out.push([s, text.length]);
  return out;
}

interface FlowState {
  depth: number;
  quote: '"' | "'" | null;
  line: number;
}

/** Advances a bracket scanner over text[from, to); returns the offset just past the closing bracket if depth reaches 0. */
function scanFlow(text: string, from: number, to: number, st: FlowState): number | null {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (st.quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') st.quote = null;
      continue;
    }
    if (st.quote === "'") {
      if (c === "'") {
        if (text[i + 1] === "'") i++;
        else st.quote = null;
      }
      continue;
    }
    if (c === '#' && (i === from || SPACE(text[i - 1]))) return null;
    if (c === '"' || c === "'") st.quote = c;
    else if (c === '{' || c === '[') st.depth++;
    else if (c === '}' || c === ']') {
      st.depth--;
      if (st.depth <= 0) return i + 1;
    }
  }
  return null;
}

/** Where a comment starts on a structural line (a `#` after a space, outside quotes). */
function commentStart(text: string, from: number, to: number): number {
  let quote: string | null = null;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = null;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = null;
      continue;
    }
    if (c === '#' && (i === from || SPACE(text[i - 1]))) return i;
    // quotes only open a quoted scalar at the start of a token
    if ((c === '"' || c === "'") && (i === from || /[\s:,[{\-?]/.test(text[i - 1]))) quote = c;
  }
  return to;
}

/** Finds `key:` at `p`; returns the key's end and the colon offset. */
function findKey(text: string, p: number, end: number): { keyEnd: number; colon: number; key: string } | null {
  const c = text[p];
  if (c === undefined || p >= end) return null;
  if (c === '"' || c === "'") {
    let i = p + 1;
    for (; i < end; i++) {
      if (c === '"' && text[i] === '\\') {
        i++;
        continue;
      }
      if (text[i] === c) {
        if (c === "'" && text[i + 1] === "'") {
          i++;
          continue;
        }
        break;
      }
    }
    if (i >= end) return null;
    let j = i + 1;
    while (j < end && SPACE(text[j])) j++;
    if (text[j] !== ':' || !ENDS_PLAIN_KEY(j + 1 < end ? text[j + 1] : undefined)) return null;
    const raw = text.slice(p + 1, i);
    const key = c === '"' ? unescapeDouble(raw) : raw.replace(/''/g, "'");
    return { keyEnd: i + 1, colon: j, key };
  }
  if ('{[|>&*!%@`#,]}'.includes(c)) return null;
  if (c === '?' && SPACE(text[p + 1])) return null;
  for (let i = p; i < end; i++) {
    if (text[i] === '#' && SPACE(text[i - 1])) return null;
    if (text[i] === ':' && ENDS_PLAIN_KEY(i + 1 < end ? text[i + 1] : undefined)) {
      let ke = i;
      while (ke > p && SPACE(text[ke - 1])) ke--;
      return { keyEnd: ke, colon: i, key: text.slice(p, ke) };
    }
  }
  return null;
}

function unescapeDouble(s: string): string {
  try {
    return JSON.parse('"' + s.replace(/\\'/g, "'") + '"');
  } catch {
    return s;
  }
}

/** Skips `&anchor` and `!tag` properties before a value; returns the offset of the value proper. */
function skipProperties(text: string, p: number, end: number): number {
  for (;;) {
    if ((text[p] === '&' || text[p] === '!') && p < end) {
      let i = p;
      while (i < end && !SPACE(text[i])) i++;
      while (i < end && SPACE(text[i])) i++;
      p = i;
      continue;
    }
    return p;
  }
}

type Pending =
  | { mode: 'none' }
  | { mode: 'block'; owner: number; explicit: number | null }
  | { mode: 'plain'; owner: number }
  | { mode: 'flow'; st: FlowState }
  | { mode: 'quote'; quote: '"' | "'" };

export function scanText(text: string): Scan {
  const bounds = lineBounds(text);
  const lines: ScanLine[] = [];
  let pending: Pending = { mode: 'none' };
  let contentSeen = false;
  let laterDocumentLine: number | undefined;

  for (let li = 0; li < bounds.length; li++) {
    const [start, end] = bounds[li];
    let p = start;
    while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
    const blank = p >= end;
    const line: ScanLine = { start, end, indent: p - start, kind: 'blank', dashes: [], valueKind: 'none' };
    lines.push(line);

    if (laterDocumentLine !== undefined) {
      line.kind = 'ignored';
      continue;
    }

    if (pending.mode === 'block') {
      const inside = blank || (pending.explicit !== null ? line.indent >= pending.explicit : line.indent > pending.owner);
      if (inside) {
        line.kind = 'scalar';
        line.owner = pending.owner;
        if (!blank && pending.explicit === null) pending.explicit = line.indent;
        continue;
      }
      pending = { mode: 'none' };
    } else if (pending.mode === 'plain') {
      if (!blank && line.indent > pending.owner && text[p] !== '#') {
        line.kind = 'scalar';
        line.owner = pending.owner;
        continue;
      }
      if (!blank) pending = { mode: 'none' };
    } else if (pending.mode === 'quote') {
      line.kind = 'scalar';
      const close = findQuoteEnd(text, start, end, pending.quote);
      if (close !== null) pending = { mode: 'none' };
      continue;
    } else if (pending.mode === 'flow') {
      line.kind = 'flow';
      line.flowLine = pending.st.line;
      if (scanFlow(text, start, end, pending.st) !== null) pending = { mode: 'none' };
      continue;
    }

    if (blank) continue;
    if (text[p] === '#') {
      line.kind = 'comment';
      line.commentAt = p;
      continue;
    }
    if (line.indent === 0 && (text.startsWith('---', p) || text.startsWith('...', p)) && ENDS_PLAIN_KEY(p + 3 < end ? text[p + 3] : undefined)) {
      line.kind = 'marker';
      if (contentSeen) {
        laterDocumentLine = li;
        line.kind = 'ignored';
      }
      continue;
    }
    if (line.indent === 0 && text[p] === '%' && !contentSeen) {
      line.kind = 'marker';
      continue;
    }

    contentSeen = true;
    line.kind = 'content';
    while (p < end && text[p] === '-' && (p + 1 >= end || SPACE(text[p + 1]))) {
      line.dashes.push(p - start);
      p++;
      while (p < end && SPACE(text[p])) p++;
    }
    const cEnd = commentStart(text, p, end);
    if (cEnd < end) line.commentAt = cEnd;
    let vEnd = cEnd;
    while (vEnd > p && SPACE(text[vEnd - 1])) vEnd--;

    const k = findKey(text, p, vEnd);
    let v = p;
    if (k) {
      line.key = k.key;
      line.keyCol = p - start;
      line.keyStart = p;
      line.keyEnd = k.keyEnd;
      line.colon = k.colon;
      v = k.colon + 1;
      while (v < vEnd && SPACE(text[v])) v++;
    }
    if (v < vEnd) {
      line.valueStart = v;
      line.valueEnd = vEnd;
      line.value = text.slice(v, vEnd);
      const q = skipProperties(text, v, vEnd);
      const c = text[q];
      const owner = line.keyCol ?? (line.dashes.length ? line.dashes[line.dashes.length - 1] : -1);
      if (q >= vEnd) line.valueKind = 'none';
      else if (c === '|' || c === '>') {
        line.valueKind = 'block';
        const m = /^[|>]([1-9])?[+-]?([1-9])?/.exec(text.slice(q, vEnd));
        const explicitIndent = m && (m[1] || m[2]) ? Number(m[1] || m[2]) : null;
        pending = { mode: 'block', owner, explicit: explicitIndent !== null ? Math.max(owner, 0) + explicitIndent : null };
      } else if (c === '{' || c === '[') {
        line.valueKind = 'flow';
        line.flowOpen = q;
        const st: FlowState = { depth: 0, quote: null, line: li };
        if (scanFlow(text, q, end, st) === null && st.depth > 0) pending = { mode: 'flow', st };
      } else if (c === '"' || c === "'") {
        line.valueKind = 'quoted';
        if (findQuoteEnd(text, q + 1, end, c) === null) pending = { mode: 'quote', quote: c };
      } else if (c === '*') line.valueKind = 'alias';
      else {
        line.valueKind = 'plain';
        pending = { mode: 'plain', owner: k || line.dashes.length ? owner : line.indent };
      }
    }
  }
  return { text, lines, laterDocumentLine };
}

function findQuoteEnd(text: string, from: number, end: number, quote: '"' | "'"): number | null {
  for (let i = from; i < end; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return null;
}

// --- the block structure: a stack of open mappings and sequences ----------------------------

export interface Frame {
  kind: 'map' | 'seq';
  col: number;
  /** maps: the key whose value comes next (the last key seen) */
  key?: string;
  /** maps: whether that key has an inline value (a scalar, a flow collection, a block scalar) */
  keyHasValue?: boolean;
  /** seqs: index of the current item */
  index: number;
  /** the line the frame was opened on */
  line: number;
}

/** The path of keys and indices that leads to the deepest frame's current entry. */
export function framesPath(frames: readonly Frame[], includeLastKey: boolean): PathSeg[] {
  const out: PathSeg[] = [];
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    const last = i === frames.length - 1;
    if (f.kind === 'seq') out.push(f.index);
    else if (!last || includeLastKey) {
      if (f.key !== undefined) out.push(f.key);
    }
  }
  return out;
}

/** Pops frames closed by a structural line starting at column `c` (`dash` if it starts with `- `). */
function popFor(frames: Frame[], c: number, dash: boolean): void {
  while (frames.length) {
    const top = frames[frames.length - 1];
    if (top.col > c || (top.kind === 'seq' && top.col === c && !dash)) frames.pop();
    else break;
  }
}

/** Applies one content line to the frame stack. */
export function applyLine(frames: Frame[], line: ScanLine, li: number): void {
  const first = line.dashes.length ? line.dashes[0] : line.keyCol ?? line.indent;
  popFor(frames, first, line.dashes.length > 0);
  for (const d of line.dashes) {
    const top = frames[frames.length - 1];
    if (top && top.kind === 'seq' && top.col === d) {
      top.index++;
    } else {
      frames.push({ kind: 'seq', col: d, index: 0, line: li });
    }
  }
  const hasValue = line.valueKind !== 'none';
  if (line.key !== undefined && line.keyCol !== undefined) {
    const top = frames[frames.length - 1];
    if (top && top.kind === 'map' && top.col === line.keyCol) {
      top.key = line.key;
      top.keyHasValue = hasValue;
    } else {
      frames.push({ kind: 'map', col: line.keyCol, key: line.key, keyHasValue: hasValue, index: 0, line: li });
    }
  } else if (!line.dashes.length && line.valueKind === 'plain') {
    // a bare word on its own line (a key being typed): keep it as a key without a value
    const top = frames[frames.length - 1];
    const word = line.value ?? '';
    if (top && top.kind === 'map' && top.col === line.indent) {
      top.key = word;
      top.keyHasValue = false;
    } else if (!top || top.col < line.indent) {
      frames.push({ kind: 'map', col: line.indent, key: word, keyHasValue: false, index: 0, line: li });
    }
  }
}

const CHECKPOINT_EVERY = 256;
const checkpoints = new WeakMap<Scan, Frame[][]>();

/** Frame stacks before every CHECKPOINT_EVERY-th line, built once per scan. */
function checkpointsOf(scan: Scan): Frame[][] {
  let cps = checkpoints.get(scan);
  if (cps) return cps;
  cps = [];
  const frames: Frame[] = [];
  for (let li = 0; li < scan.lines.length; li++) {
    if (li % CHECKPOINT_EVERY === 0) cps.push(frames.map((f) => ({ ...f })));
    const line = scan.lines[li];
    if (line.kind === 'content') applyLine(frames, line, li);
  }
  checkpoints.set(scan, cps);
  return cps;
}

/** The frame stack after the structural lines before line `upTo`. */
export function framesBefore(scan: Scan, upTo: number): Frame[] {
  const n = Math.max(0, Math.min(upTo, scan.lines.length));
  let frames: Frame[] = [];
  let from = 0;
  if (n >= CHECKPOINT_EVERY) {
    const cps = checkpointsOf(scan);
    const k = Math.min(Math.floor(n / CHECKPOINT_EVERY), cps.length - 1);
    frames = cps[k].map((f) => ({ ...f }));
    from = k * CHECKPOINT_EVERY;
  }
  for (let li = from; li < n; li++) {
    const line = scan.lines[li];
    if (line.kind === 'content') applyLine(frames, line, li);
  }
  return frames;
}

/** Keys of the block mapping a frame stands for, from its first line up to (not including) line `upTo`. */
export function keysBefore(scan: Scan, frame: Frame | undefined, upTo: number): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  if (!frame || frame.kind !== 'map') return out;
  for (let li = frame.line; li < upTo && li < scan.lines.length; li++) {
    const line = scan.lines[li];
    // no line in between starts left of the mapping (it would have closed it), so every key at its column is its own
    if (line.kind === 'content' && line.keyCol === frame.col && line.key !== undefined) out.set(line.key, line.value);
  }
  return out;
}

export interface KeyOccurrence {
  /** path of the mapping holding the key */
  path: PathSeg[];
  key: string;
  line: number;
  keySpan: Span;
  valueSpan?: Span;
  value?: string;
}

/** Every key of the document with the path of its mapping (block style only), in text order. */
export function allKeys(scan: Scan): KeyOccurrence[] {
  const frames: Frame[] = [];
  const out: KeyOccurrence[] = [];
  for (let li = 0; li < scan.lines.length; li++) {
    const line = scan.lines[li];
    if (line.kind !== 'content') continue;
    applyLine(frames, line, li);
    if (line.key === undefined) continue;
    out.push({
      path: framesPath(frames, false),
      key: line.key,
      line: li,
      keySpan: { start: line.keyStart!, end: line.keyEnd! },
      valueSpan: line.valueStart !== undefined ? { start: line.valueStart, end: line.valueEnd! } : undefined,
      value: line.value,
    });
  }
  return out;
}

/** Index of the line holding an offset. */
export function lineAt(scan: Scan, offset: number): number {
  const lines = scan.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Keys of the block mapping at column `col` that continue after line `from` (until the mapping ends). */
export function keysAfter(scan: Scan, from: number, col: number): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (let li = from + 1; li < scan.lines.length; li++) {
    const line = scan.lines[li];
    if (line.kind !== 'content') continue;
    const first = line.dashes.length ? line.dashes[0] : line.keyCol ?? line.indent;
    if (first < col) break;
    if (first === col && line.dashes.length) continue; // a compact sequence under one of our keys
    if (first === col && line.key !== undefined) out.set(line.key, line.value);
  }
  return out;
}

// --- blocks: the extent of every mapping entry and sequence item ---------------------------------

export interface Block {
  kind: 'key' | 'item';
  /** key blocks: the path of the mapping plus the key; item blocks: the path of the item */
  path: PathSeg[];
  key?: string;
  /** inline value of a key (comment stripped) */
  value?: string;
  valueSpan?: Span;
  startLine: number;
  /** last line that is not blank or a comment */
  endLine: number;
  /** offset of the key or of the `-` */
  start: number;
  /** end of the text on endLine */
  end: number;
  /** the key's own span (key blocks) */
  keySpan?: Span;
}

interface OpenBlock {
  block: Block;
  col: number;
  /** a key without an inline value: a `- ` at its own column still belongs to it */
  compact: boolean;
}

/** Every block-style mapping entry and sequence item with its first and last line, in text order. */
export function blocks(scan: Scan): Block[] {
  const out: Block[] = [];
  const open: OpenBlock[] = [];
  const frames: Frame[] = [];
  const lines = scan.lines;
  const closeTo = (first: number, dash: boolean) => {
    while (open.length) {
      const top = open[open.length - 1];
      const stays = top.col < first || (top.col === first && top.compact && dash && top.block.kind === 'key');
      if (stays) break;
      open.pop();
    }
  };
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li];
    if (l.kind === 'ignored' || l.kind === 'marker') {
      open.length = 0;
      frames.length = 0;
      continue;
    }
    if (l.kind === 'blank' || l.kind === 'comment' || l.start + l.indent >= l.end) continue;
    if (l.kind === 'content') {
      const first = l.dashes.length ? l.dashes[0] : l.keyCol ?? l.indent;
      closeTo(first, l.dashes.length > 0);
      applyLine(frames, l, li);
      for (const d of l.dashes) {
        const fi = frames.findIndex((f) => f.kind === 'seq' && f.col === d);
        const path = fi >= 0 ? framesPath(frames.slice(0, fi + 1), false) : [];
        const b: Block = { kind: 'item', path, startLine: li, endLine: li, start: l.start + d, end: l.end };
        out.push(b);
        open.push({ block: b, col: d, compact: false });
      }
      if (l.key !== undefined && l.keyCol !== undefined) {
        const b: Block = {
          kind: 'key',
          path: framesPath(frames, true),
          key: l.key,
          value: l.value,
          valueSpan: l.valueStart !== undefined ? { start: l.valueStart, end: l.valueEnd! } : undefined,
          startLine: li,
          endLine: li,
          start: l.keyStart!,
          end: l.end,
          keySpan: { start: l.keyStart!, end: l.keyEnd! },
        };
        out.push(b);
        open.push({ block: b, col: l.keyCol, compact: l.valueKind === 'none' });
      }
    }
    // this line belongs to every block still open
    let e = l.end;
    if (l.commentAt !== undefined && l.kind === 'content') {
      e = l.commentAt;
      while (e > l.start && (scan.text[e - 1] === ' ' || scan.text[e - 1] === '\t')) e--;
    }
    for (const o of open) {
      o.block.endLine = li;
      o.block.end = e;
    }
  }
  return out;
}
