// What the cursor is on, read from the text by indentation (block style) and by brackets
// (flow style): the path of the mapping or sequence it is in, whether a key, a value or a
// sequence item is being typed, the part already typed and the keys already present.
// Works on any text, valid YAML or not.

import type { Span } from '../report.ts';
import { applyLine, framesBefore, framesPath, keysAfter, keysBefore, lineAt } from './scan.ts';
import type { Frame, Scan, ScanLine } from './scan.ts';
import { isArray, isObject, isScalar, schemaAt } from './schema.ts';
import type { PathSeg } from './schema.ts';

export interface CursorContext {
  /** key: a key of the mapping at `path`; value: the value of `key` in the mapping at `path`; item: an item of the sequence at `path` */
  kind: 'key' | 'value' | 'item';
  path: PathSeg[];
  key?: string;
  /** the text typed so far (without quotes) */
  prefix: string;
  /** what a chosen completion replaces */
  replace: Span;
  /** keys the mapping already has (with their inline values), the one being typed left out */
  present: Map<string, string | undefined>;
  style: 'block' | 'flow';
  /** block: the column of the keys of this mapping */
  column: number;
  /** block key position right under a list-valued key: an item needs `- ` first */
  needsDash?: boolean;
  /**
   * block key position at the column of a sequence's dash, below an item that is a mapping: the
   * key continues that item (whose keys sit `indentBy` columns further right) rather than
   * starting a new one; `column` is the item's key column. `newItemPath` is the sequence.
   */
  indentBy?: number;
  newItemPath?: PathSeg[];
  /** the key being completed is already followed by its `:` */
  hasColon?: boolean;
  /** value typed inside quotes of this kind */
  quote?: '"' | "'";
  /** value position where a `{` opened a flow mapping instead of a string (`name: {HOS`) */
  braceValue?: boolean;
  /** value position right after the colon: a value needs a space before it */
  spaceBefore?: boolean;
}

const WORD_END = /[\s:,{}[\]#]/;

function wordEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !WORD_END.test(text[i])) i++;
  return i;
}

export function contextAt(scan: Scan, offset: number): CursorContext | null {
  const text = scan.text;
  const li = lineAt(scan, Math.max(0, Math.min(offset, text.length)));
  const line = scan.lines[li];
  offset = Math.min(Math.max(offset, line.start), line.end);
  if (line.kind === 'ignored' || line.kind === 'marker') return null;
  if (line.commentAt !== undefined && offset > line.commentAt) return null;
  const before = text.slice(line.start, offset);

  if (line.kind === 'scalar') {
    // a blank line after a block scalar, with the cursor not indented past its owner, starts a new entry
    const blankSoFar = /^[ \t]*$/.test(before) && text.slice(offset, line.end).trim() === '';
    if (!(blankSoFar && line.owner !== undefined && offset - line.start <= line.owner)) return null;
  }
  if (line.kind === 'flow') return flowContext(scan, line.flowLine!, offset);
  if (line.kind === 'content' && line.flowOpen !== undefined && offset > line.flowOpen) return flowContext(scan, li, offset);

  const frames = framesBefore(scan, li);

  // value position: after `key:` on this line
  if (line.kind === 'content' && line.key !== undefined && line.colon !== undefined && offset > line.colon) {
    applyLine(frames, line, li);
    if (line.valueKind === 'block' || line.valueKind === 'alias') return null;
    const present = keysBefore(scan, frames[frames.length - 1], li);
    for (const [k, v] of keysAfter(scan, li, line.keyCol!)) present.set(k, v);
    present.delete(line.key);
    return valueContext(text, line, offset, framesPath(frames, false), line.key, present);
  }

  const m = /^([ \t]*)((?:-[ \t]+)*)([\s\S]*)$/.exec(before)!;
  const restStart = line.start + m[1].length + m[2].length;
  const rest = m[3];
  if (rest.startsWith('- ') || rest === '-') return null;
  // the cursor in front of an existing `- ` item: nothing sensible to insert there
  if (!rest.length && /^[ \t]*-(?:[ \t]|$)/.test(text.slice(offset, line.end))) return null;
  const dashCols: number[] = [];
  {
    let col = m[1].length;
    const dashText = m[2];
    let i = 0;
    while (i < dashText.length) {
      if (dashText[i] === '-') dashCols.push(col + i);
      i++;
    }
  }
  const kc = rest.length ? restStart - line.start : offset - line.start;
  if (!dashCols.length) {
    const continued = continueItem(scan, frames, li, line, kc, lineKeyAt(line, offset));
    if (continued) {
      const quote0 = rest[0] === '"' || rest[0] === "'";
      const pStart = quote0 ? restStart + 1 : restStart;
      const e = wordEnd(text, offset, line.end);
      const hasColon0 = lineKeyAt(line, offset) || /^[ \t]*:/.test(text.slice(e, line.end));
      const rep = { start: quote0 ? restStart : pStart, end: lineKeyAt(line, offset) ? line.keyEnd! : e };
      return { ...continued, prefix: text.slice(pStart, offset), replace: rep, style: 'block', hasColon: hasColon0 };
    }
  }
  const synthetic: ScanLine = { start: line.start, end: line.end, indent: dashCols.length ? dashCols[0] : kc, kind: 'content', dashes: dashCols, valueKind: 'none' };
  applyLine(frames, synthetic, li);

  const quote = rest[0] === '"' || rest[0] === "'" ? (rest[0] as '"' | "'") : undefined;
  const prefixStart = quote ? restStart + 1 : restStart;
  const end = wordEnd(text, offset, line.end);
  const replace = { start: quote ? restStart : prefixStart, end };
  const prefix = text.slice(prefixStart, offset);
  const lineKeyHere = line.kind === 'content' && line.key !== undefined && line.keyStart !== undefined && line.keyStart <= offset && offset <= line.keyEnd!;
  const hasColon = lineKeyHere || /^[ \t]*:/.test(text.slice(end, line.end));
  if (lineKeyHere) replace.end = line.keyEnd!;
  const top = frames[frames.length - 1];
  const base = { prefix, replace, style: 'block' as const, column: kc, hasColon };
  if (!top) {
    return { ...base, kind: 'key', path: [], present: withoutCurrent(keysAfter(scan, li, kc), line, lineKeyHere) };
  }
  if (top.kind === 'map' && top.col === kc) {
    const present = keysBefore(scan, top, li);
    for (const [k, v] of keysAfter(scan, li, kc)) present.set(k, v);
    return { ...base, kind: 'key', path: framesPath(frames, false), present: withoutCurrent(present, line, lineKeyHere) };
  }
  if (top.kind === 'map' && top.col < kc) {
    if (top.keyHasValue) return null;
    const path = framesPath(frames, true);
    const s = schemaAt(path);
    if (isArray(s)) {
      const item = schemaAt([...path, 0]);
      if (isObject(item)) return { ...base, kind: 'key', path: [...path, 0], present: new Map(), needsDash: true };
      return { ...base, kind: 'item', path, present: new Map(), needsDash: true };
    }
    if (isScalar(s)) {
      return { ...base, kind: 'value', path: framesPath(frames, false), key: top.key, present: keysBefore(scan, top, li) };
    }
    return { ...base, kind: 'key', path, present: withoutCurrent(keysAfter(scan, li, kc), line, lineKeyHere) };
  }
  if (top.kind === 'seq' && top.col < kc) {
    const path = framesPath(frames, false);
    const item = schemaAt(path);
    if (isScalar(item) && item !== undefined) {
      const seqPath = path.slice(0, -1);
      return { ...base, kind: 'item', path: seqPath, present: new Map() };
    }
    return { ...base, kind: 'key', path, present: withoutCurrent(keysAfter(scan, li, kc), line, lineKeyHere) };
  }
  return null;
}

function lineKeyAt(line: ScanLine, offset: number): boolean {
  return line.kind === 'content' && line.key !== undefined && line.keyStart !== undefined && line.keyStart <= offset && offset <= line.keyEnd!;
}

/**
 * The cursor at the column of a block sequence's dash (`- name: core` then Enter leaves it
 * there): a key typed here belongs to the item above, indented to its keys, since a new `- `
 * entry would silently start another (nameless) user, file or unit. Compact sequences, whose
 * dash shares the column of the parent's keys, are left to the parent mapping.
 */
function continueItem(
  scan: Scan,
  frames: readonly Frame[],
  li: number,
  line: ScanLine,
  kc: number,
  keyHere: boolean,
): Pick<CursorContext, 'kind' | 'path' | 'present' | 'column' | 'indentBy' | 'newItemPath'> | null {
  const si = frames.findIndex((f) => f.kind === 'seq' && f.col === kc);
  if (si < 1) return null;
  const parent = frames[si - 1];
  const item = frames[si + 1];
  if (parent.kind !== 'map' || parent.col >= kc || !item || item.kind !== 'map' || item.col <= kc) return null;
  const path = framesPath(frames.slice(0, si + 2), false);
  if (!isObject(schemaAt(path))) return null;
  const present = keysBefore(scan, item, li);
  for (const [k, v] of keysAfter(scan, li, item.col)) present.set(k, v);
  if (keyHere && line.key !== undefined) present.delete(line.key);
  return { kind: 'key', path, present, column: item.col, indentBy: item.col - kc, newItemPath: path.slice(0, -1) };
}

function withoutCurrent(present: Map<string, string | undefined>, line: ScanLine, lineKeyHere: boolean): Map<string, string | undefined> {
  if (lineKeyHere && line.key !== undefined) present.delete(line.key);
  return present;
}

function valueContext(text: string, line: ScanLine, offset: number, path: PathSeg[], key: string, present: Map<string, string | undefined>): CursorContext {
  let vs = line.colon! + 1;
  while (vs < line.end && (text[vs] === ' ' || text[vs] === '\t')) vs++;
  let ve = line.valueEnd !== undefined && line.valueEnd >= offset ? line.valueEnd : Math.max(offset, vs);
  if (vs > offset) vs = offset;
  let quote: '"' | "'" | undefined;
  if (vs < offset && (text[vs] === '"' || text[vs] === "'")) {
    quote = text[vs] as '"' | "'";
    vs++;
    if (ve > vs && text[ve - 1] === quote && ve - 1 >= offset) ve--;
  }
  const spaceBefore = offset === line.colon! + 1 && !/[ \t]/.test(text[offset] ?? '');
  return {
    kind: 'value',
    path,
    key,
    spaceBefore: spaceBefore || undefined,
    prefix: text.slice(vs, offset),
    replace: { start: vs, end: ve },
    present,
    style: 'block',
    column: line.keyCol ?? 0,
    quote,
  };
}

// --- flow collections ----------------------------------------------------------------------------

interface FlowFrame {
  kind: 'map' | 'seq';
  key: string | null;
  text: string;
  textStart: number;
  keys: Map<string, string | undefined>;
  index: number;
  quoted: boolean;
}

function flowContext(scan: Scan, flowLine: number, offset: number): CursorContext | null {
  const text = scan.text;
  const fl = scan.lines[flowLine];
  if (fl.flowOpen === undefined) return null;
  const frames = framesBefore(scan, flowLine);
  applyLine(frames, fl, flowLine);
  const basePath = fl.key !== undefined ? framesPath(frames, true) : framesPath(frames, false);

  const stack: FlowFrame[] = [];
  let quote: '"' | "'" | undefined;
  let i = fl.flowOpen;
  while (i < offset) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if ((c === '"' || c === "'") && top && top.text.trim() === '') {
      const e = quoteEnd(text, i + 1, c);
      if (e === null || e >= offset) {
        quote = c;
        top.text = text.slice(i + 1, offset);
        top.textStart = i + 1;
        i = offset;
        break;
      }
      top.text = text.slice(i + 1, e);
      top.quoted = true;
      i = e + 1;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < offset && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'map' : 'seq', key: null, text: '', textStart: i + 1, keys: new Map(), index: 0, quoted: false });
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      if (!stack.length) return null;
      i++;
      continue;
    }
    if (!top) return null;
    if (c === ',') {
      if (top.kind === 'map') {
        const k = top.key ?? top.text.trim();
        if (k) top.keys.set(k, top.key !== null ? top.text.trim() : undefined);
        top.key = null;
      } else top.index++;
      top.text = '';
      top.quoted = false;
      top.textStart = i + 1;
      i++;
      continue;
    }
    if (c === ':' && top.kind === 'map' && top.key === null && (top.quoted || /[\s,{}[\]]/.test(text[i + 1] ?? ' '))) {
      top.key = top.text.trim();
      top.text = '';
      top.quoted = false;
      top.textStart = i + 1;
      i++;
      continue;
    }
    if (/\s/.test(c) && top.text === '') {
      top.textStart = i + 1;
    } else {
      top.text += c === '\n' || c === '\r' ? ' ' : c;
    }
    i++;
  }
  const top = stack[stack.length - 1];
  if (!top) return null;

  const path: PathSeg[] = [...basePath];
  for (let k = 0; k < stack.length - 1; k++) {
    const f = stack[k];
    if (f.kind === 'seq') path.push(f.index);
    else if (f.key !== null) path.push(f.key);
    else return null;
  }
  // what was typed on the cursor's line (a scalar may have started on an earlier one)
  const prefixStart = Math.max(quote ? top.textStart : offset - top.text.length, scan.lines[lineAt(scan, offset)].start);
  const end = quote ? offset + (text.slice(offset).search(new RegExp(`[${quote}\\n\\r]`)) + 1 || 1) - 1 : wordEnd(text, offset, text.length);
  const replace = { start: prefixStart, end: Math.max(end, offset) };
  const prefix = text.slice(prefixStart, offset);

  // `name: {HOS` where a string was expected: the user is typing dynamic data, not a mapping
  if (stack.length === 1 && top.kind === 'map' && top.key === null && fl.key !== undefined && isScalar(schemaAt(basePath))) {
    return {
      kind: 'value',
      path: basePath.slice(0, -1),
      key: fl.key,
      prefix: text.slice(fl.flowOpen, offset),
      replace: { start: fl.flowOpen, end: Math.max(offset, wordEnd(text, offset, text.length)) },
      present: new Map(),
      style: 'flow',
      column: fl.keyCol ?? 0,
      braceValue: true,
    };
  }

  if (top.kind === 'map') {
    if (top.key === null) {
      const present = new Map(top.keys);
      for (const [k, v] of flowKeysAfter(text, offset)) present.set(k, v);
      const hasColon = /^[^\S\r\n]*:/.test(text.slice(replace.end));
      return { kind: 'key', path, prefix, replace, present, style: 'flow', column: 0, hasColon, quote };
    }
    return { kind: 'value', path, key: top.key, prefix, replace, present: new Map(top.keys), style: 'flow', column: 0, quote };
  }
  return { kind: 'item', path, prefix, replace, present: new Map(), style: 'flow', column: 0, quote };
}

function quoteEnd(text: string, from: number, q: string): number | null {
  for (let i = from; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return null;
}

/** Keys of the flow mapping the cursor is in that come after the cursor. */
function flowKeysAfter(text: string, offset: number): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  let depth = 0;
  let token = '';
  let skipFirst = true; // the word under the cursor is the one being typed
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const e = quoteEnd(text, i + 1, c);
      if (e === null) break;
      if (depth === 0) token += text.slice(i + 1, e);
      i = e;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && c === ',') {
      token = '';
      skipFirst = false;
    } else if (depth === 0 && c === ':' && /[\s,{}[\]]/.test(text[i + 1] ?? ' ')) {
      if (!skipFirst && token.trim()) out.set(token.trim(), undefined);
      token = '';
    } else if (depth === 0) token += c;
  }
  return out;
}
