// Unit texts embedded in a config, with exact maps between an offset in the unit text (the
// decoded YAML scalar, as systemd will read the file) and an offset in the config document.
//
// Format-neutral: the caller (CLC today, Butane later) says which scalars hold unit texts. The
// map is rebuilt from the scalar's source (block `|`/`>` with chomping and indentation
// indicators, CRLF, single/double quoted with escapes and folding, plain) and checked against
// the value the YAML reader decoded: when the two disagree, the region has no exact map and
// callers report on the whole scalar instead of risking a wrong line.

import { Scalar } from 'yaml';
import type { Span } from '../report.ts';
import type { UnitFileType } from './names.ts';

export interface UnitPlace {
  /** the scalar holding the unit text */
  scalar: Scalar;
  fileType: UnitFileType | undefined;
  /** unit name (or the file path's basename) */
  name: string;
  dropin?: { unit: string; name: string };
  /** the node naming the unit (for problems about the unit as a whole) */
  nameSpan?: Span;
}

export interface UnitRegion {
  fileType: UnitFileType | undefined;
  name: string;
  dropin?: { unit: string; name: string };
  nameSpan?: Span;
  /** the unit text as systemd will read it */
  text: string;
  /** the YAML scalar in the document */
  valueSpan: Span;
  /** true when every offset maps exactly */
  readonly exact: boolean;
  /** unit-text offset -> document offset (undefined when there is no exact map) */
  toDocument(offset: number): number | undefined;
  /** document offset -> unit-text offset (undefined outside the scalar or without an exact map) */
  toUnit(docOffset: number): number | undefined;
}

export function unitRegions(docText: string, places: readonly UnitPlace[]): UnitRegion[] {
  const out: UnitRegion[] = [];
  for (const p of places) {
    const r = p.scalar.range;
    if (!r) continue;
    const value = typeof p.scalar.value === 'string' ? p.scalar.value : p.scalar.value == null ? '' : String(p.scalar.value);
    out.push(new LazyRegion(p, value, { start: r[0], end: r[1] }, docText, p.scalar));
  }
  return out;
}

/** The region whose scalar covers a document offset (end inclusive, for a cursor). */
export function regionAt(regions: readonly UnitRegion[], docOffset: number): UnitRegion | undefined {
  for (const r of regions) if (r.valueSpan.start <= docOffset && docOffset <= r.valueSpan.end) return r;
  return undefined;
}

/** A unit-text span in the document: exact when mapped, else the whole scalar. */
export function documentSpan(region: UnitRegion, span: Span): Span {
  const s = region.toDocument(span.start);
  const e = span.end > span.start ? region.toDocument(span.end - 1) : s;
  if (s === undefined || e === undefined) return region.valueSpan;
  return { start: s, end: span.end > span.start ? e + 1 : s };
}

/** A region whose offset map is built on first use (most units have nothing to place). */
class LazyRegion implements UnitRegion {
  readonly fileType: UnitFileType | undefined;
  readonly name: string;
  readonly dropin?: { unit: string; name: string };
  readonly nameSpan?: Span;
  private built = false;
  private map: number[] | undefined;

  constructor(
    p: UnitPlace,
    readonly text: string,
    readonly valueSpan: Span,
    private readonly docText: string,
    private readonly scalar: Scalar,
  ) {
    this.fileType = p.fileType;
    this.name = p.name;
    if (p.dropin) this.dropin = p.dropin;
    if (p.nameSpan) this.nameSpan = p.nameSpan;
  }

  private mapOf(): number[] | undefined {
    if (!this.built) {
      this.map = offsetMap(this.docText, this.scalar, this.text);
      this.built = true;
    }
    return this.map;
  }

  get exact(): boolean {
    return !!this.mapOf();
  }

  toDocument(offset: number): number | undefined {
    const map = this.mapOf();
    if (!map || offset < 0 || offset > this.text.length) return undefined;
    return map[offset];
  }

  toUnit(docOffset: number): number | undefined {
    const map = this.mapOf();
    if (!map || docOffset < this.valueSpan.start || docOffset > this.valueSpan.end) return undefined;
    if (docOffset < map[0]!) return 0;
    // the map only grows: the last unit offset at or before the document offset
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[mid]! <= docOffset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// Rebuilding the decoded value with the source offset of every character. Each builder returns
// the decoded text D and map M (M[i] = source offset of D[i], plus one entry for the end); the
// result is accepted only when the reader's value is D, or D minus line breaks the chomping or
// an end of file removed.

interface Decoded {
  chars: string[];
  at: number[];
}

function offsetMap(doc: string, scalar: Scalar, value: string): number[] | undefined {
  const r = scalar.range!;
  let d: Decoded | undefined;
  try {
    switch (scalar.type) {
      case Scalar.BLOCK_LITERAL:
      case Scalar.BLOCK_FOLDED:
        return blockMap(doc, r[0], r[1], scalar.type === Scalar.BLOCK_FOLDED, value);
      case Scalar.QUOTE_DOUBLE:
        d = flowDecode(doc, r[0] + 1, r[1] - 1, 'double');
        break;
      case Scalar.QUOTE_SINGLE:
        d = flowDecode(doc, r[0] + 1, r[1] - 1, 'single');
        break;
      case Scalar.PLAIN:
        d = flowDecode(doc, r[0], r[1], 'plain');
        break;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
  if (!d || d.chars.join('') !== value) return undefined;
  return [...d.at, r[1]];
}

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** Source lines of [from, to): start, content end (before the break), break end. */
function linesOf(doc: string, from: number, to: number): Array<{ start: number; end: number; next: number }> {
  const out: Array<{ start: number; end: number; next: number }> = [];
  let at = from;
  while (at < to) {
    let e = at;
    while (e < to && !isBreak(doc[e])) e++;
    const next = doc[e] === '\r' && doc[e + 1] === '\n' ? e + 2 : e + 1;
    out.push({ start: at, end: e, next: Math.min(next, Math.max(to, e)) });
    at = next;
  }
  return out;
}

function blockMap(doc: string, start: number, end: number, folded: boolean, value: string): number[] | undefined {
  // header: indicator, then chomping and indentation indicators in either order, then a comment
  let i = start + 1;
  let explicit = 0;
  while (i < end && /[0-9+-]/.test(doc[i]!)) {
    if (/[1-9]/.test(doc[i]!)) explicit = Number(doc[i]);
    i++;
  }
  while (i < end && !isBreak(doc[i])) i++;
  if (i >= end) return value === '' ? [end] : undefined;
  i = doc[i] === '\r' && doc[i + 1] === '\n' ? i + 2 : i + 1;
  const lines = linesOf(doc, i, end);
  const firstContent = lines.find((l) => doc.slice(l.start, l.end).trim() !== '');
  const autoIndent = firstContent ? leadingSpaces(doc, firstContent.start, firstContent.end) : 0;
  // an explicit indicator counts from the parent's indentation, which we do not know: try
  // each indentation up to the first content line's and keep the one that decodes to the value
  const candidates = explicit ? Array.from({ length: autoIndent + 1 }, (_, k) => autoIndent - k) : [autoIndent];
  for (const indent of candidates) {
    const d = folded ? foldedDecode(doc, lines, indent) : literalDecode(doc, lines, indent);
    if (!d) continue;
    const full = d.chars.join('');
    // the decoded text holds every trailing line break; chomping and an unterminated last
    // line only ever remove some of them
    if (full.startsWith(value) && /^\n*$/.test(full.slice(value.length))) {
      return [...d.at.slice(0, value.length), value.length < d.at.length ? d.at[value.length]! : end];
    }
  }
  return undefined;
}

function leadingSpaces(doc: string, from: number, to: number): number {
  let n = 0;
  while (from + n < to && doc[from + n] === ' ') n++;
  return n;
}

function literalDecode(doc: string, lines: ReturnType<typeof linesOf>, indent: number): Decoded | undefined {
  const chars: string[] = [];
  const at: number[] = [];
  for (const l of lines) {
    const sp = leadingSpaces(doc, l.start, l.end);
    if (sp < indent) {
      if (doc.slice(l.start, l.end).trim() !== '') return undefined;
    } else {
      for (let k = l.start + indent; k < l.end; k++) {
        chars.push(doc[k]!);
        at.push(k);
      }
    }
    chars.push('\n');
    at.push(l.end);
  }
  return { chars, at };
}

function foldedDecode(doc: string, lines: ReturnType<typeof linesOf>, indent: number): Decoded | undefined {
  const chars: string[] = [];
  const at: number[] = [];
  // each line: its content after the indentation, or null when empty
  const contents: Array<{ from: number; to: number; brk: number } | null> = [];
  for (const l of lines) {
    const sp = leadingSpaces(doc, l.start, l.end);
    if (sp < indent || (sp === l.end - l.start && sp <= indent)) {
      if (doc.slice(l.start, l.end).trim() !== '' && sp < indent) return undefined;
      contents.push(null);
      continue;
    }
    contents.push({ from: l.start + indent, to: l.end, brk: l.end });
  }
  const lineBreaks = lines.map((l) => l.end);
  let prev: { from: number; to: number; brk: number } | null = null;
  let emptiesSince = 0;
  let emptyBreaks: number[] = [];
  for (let k = 0; k < contents.length; k++) {
    const c = contents[k];
    if (!c) {
      emptiesSince++;
      emptyBreaks.push(lineBreaks[k]!);
      continue;
    }
    const moreIndented = doc[c.from] === ' ' || doc[c.from] === '\t';
    if (prev) {
      const prevMore = doc[prev.from] === ' ' || doc[prev.from] === '\t';
      if (!moreIndented && !prevMore) {
        if (emptiesSince === 0) {
          chars.push(' ');
          at.push(prev.brk);
        } else {
          for (const b of emptyBreaks) {
            chars.push('\n');
            at.push(b);
          }
        }
      } else {
        chars.push('\n');
        at.push(prev.brk);
        for (const b of emptyBreaks) {
          chars.push('\n');
          at.push(b);
        }
      }
    } else {
      for (const b of emptyBreaks) {
        chars.push('\n');
        at.push(b);
      }
    }
    for (let q = c.from; q < c.to; q++) {
      chars.push(doc[q]!);
      at.push(q);
    }
    prev = c;
    emptiesSince = 0;
    emptyBreaks = [];
  }
  if (prev) {
    chars.push('\n');
    at.push(prev.brk);
  }
  for (const b of emptyBreaks) {
    chars.push('\n');
    at.push(b);
  }
  return { chars, at };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** Flow scalar content [from, to): escapes (double quotes), `''` (single quotes), line folding. */
function flowDecode(doc: string, from: number, to: number, style: 'double' | 'single' | 'plain'): Decoded | undefined {
  const chars: string[] = [];
  const at: number[] = [];
  let i = from;
  while (i < to) {
    const c = doc[i]!;
    if (isBreak(c) || ((c === ' ' || c === '\t') && restOfLineBlank(doc, i, to))) {
      // fold: drop trailing blanks, count empty lines, drop the next line's leading blanks
      const breakAt = i;
      while (i < to && (doc[i] === ' ' || doc[i] === '\t')) i++;
      if (i >= to) break;
      let breaks = 0;
      const emptyAt: number[] = [];
      while (i < to && isBreak(doc[i])) {
        if (breaks > 0) emptyAt.push(i);
        i = doc[i] === '\r' && doc[i + 1] === '\n' ? i + 2 : i + 1;
        breaks++;
        while (i < to && (doc[i] === ' ' || doc[i] === '\t')) i++;
      }
      if (breaks === 1) {
        chars.push(' ');
        at.push(breakAt);
      } else {
        for (const b of emptyAt) {
          chars.push('\n');
          at.push(b);
        }
      }
      continue;
    }
    if (style === 'single' && c === "'" && doc[i + 1] === "'") {
      chars.push("'");
      at.push(i);
      i += 2;
      continue;
    }
    if (style === 'double' && c === '\\') {
      const e = doc[i + 1];
      if (e === undefined) return undefined;
      if (isBreak(e)) {
        // escaped line break: joined without a space, the next line's leading blanks dropped
        i = e === '\r' && doc[i + 2] === '\n' ? i + 3 : i + 2;
        while (i < to && (doc[i] === ' ' || doc[i] === '\t')) i++;
        continue;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        chars.push(simple);
        at.push(i);
        i += 2;
        continue;
      }
      const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (!width) return undefined;
      const hex = doc.slice(i + 2, i + 2 + width);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return undefined;
      const s = String.fromCodePoint(parseInt(hex, 16));
      for (const unit of s) {
        for (let k = 0; k < unit.length; k++) {
          chars.push(unit[k]!);
          at.push(i);
        }
      }
      i += 2 + width;
      continue;
    }
    chars.push(c);
    at.push(i);
    i++;
  }
  return { chars, at };
}

function restOfLineBlank(doc: string, i: number, to: number): boolean {
  let k = i;
  while (k < to && (doc[k] === ' ' || doc[k] === '\t')) k++;
  return k >= to ? false : isBreak(doc[k]);
}
