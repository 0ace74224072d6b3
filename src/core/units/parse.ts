// Reads the text of a systemd unit file (or drop-in, or networkd file) the way systemd's own
// config parser does, keeping positions: sections, assignments with the spans of their key and
// value, comments, continued lines, and the syntax problems systemd reports per line.
//
// This is systemd's reading, not go-systemd's (src/core/ignition/unit-file.ts models the
// latter, which is what ct and Ignition validate with). The two differ: systemd skips comment
// lines inside a continued value, ends lines at a lone CR, and reports problems by line.
//
// Facts followed (systemd's conf-parser): lines end at LF, CR or CRLF; a line whose first
// non-blank character is `#` or `;` is a comment, even in the middle of a continued value; a
// line ending in an unescaped backslash continues on the next line, the backslash read as a
// space; blank lines and whitespace around keys and values are dropped; `[Name]` starts a
// section (the whole stripped line must end in `]`); everything else needs a `=`.

import type { Span } from '../report.ts';

export interface UnitSection {
  name: string;
  /** the `[Name]` header (stripped line) */
  headerSpan: Span;
  /** the name between the brackets */
  nameSpan: Span;
  /** 0-based line of the header */
  line: number;
  /** where the section's body ends (start of the next header, or end of text) */
  end: number;
  assignments: UnitAssignment[];
}

export interface UnitAssignment {
  key: string;
  value: string;
  keySpan: Span;
  /** the value as written, from its first to its last character (over continued lines) */
  valueSpan: Span;
  /** the whole assignment (key to end of value) */
  span: Span;
  /** 0-based first and last physical line; systemd reports problems on the last one */
  line: number;
  lastLine: number;
  /** the section it is in (a line before any section is a problem, not an assignment) */
  section: UnitSection;
}

export type UnitSyntaxKind =
  | 'invalid-section-header' // the stripped line starts with `[` but does not end with `]` (systemd stops reading)
  | 'bad-section-characters' // quotes, backslashes or control characters in a section name (systemd stops reading)
  | 'assignment-outside-section'
  | 'missing-equals'
  | 'missing-key';

export interface UnitSyntaxProblem {
  kind: UnitSyntaxKind;
  /** the stripped line (over continuations) */
  span: Span;
  line: number;
  lastLine: number;
  /** systemd refuses the whole file (load error) rather than ignoring the line */
  fatal: boolean;
  /** the stripped text of the line, as systemd quotes it */
  text: string;
}

export interface ParsedUnitText {
  text: string;
  sections: UnitSection[];
  /** every assignment, in order */
  assignments: UnitAssignment[];
  problems: UnitSyntaxProblem[];
  comments: Span[];
  /** offsets where physical lines start */
  lineStarts: number[];
  /** offset where a fatal problem stopped systemd's reading (what follows is never read) */
  stoppedAt?: number;
}

const BOM = '\ufeff';

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

interface PhysLine {
  start: number;
  end: number; // before the line break
}

function physicalLines(text: string): PhysLine[] {
  const out: PhysLine[] = [];
  let at = 0;
  const n = text.length;
  while (at <= n) {
    let i = at;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
    out.push({ start: at, end: i });
    if (i >= n) break;
    at = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    if (at >= n) break; // a final line break opens no further line
  }
  return out;
}

/** Whether a line (as accumulated) ends in a backslash that is not itself escaped. */
function endsEscaped(s: string): boolean {
  let escaped = false;
  for (let i = 0; i < s.length; i++) {
    if (escaped) escaped = false;
    else if (s[i] === '\\') escaped = true;
  }
  return escaped;
}

/** systemd's string_is_safe: no control characters, quotes or backslashes. */
function isSafeName(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x5c || c === 0x22 || c === 0x27) return false;
  }
  return true;
}

/**
 * One logical line: the pieces of physical lines that make it up. `chars` is the line as
 * systemd sees it; piece k covers chars[pieces[k].from, next piece's from) and starts at text
 * offset pieces[k].at.
 */
interface Logical {
  chars: string;
  pieces: Array<{ from: number; at: number }>;
  line: number;
  lastLine: number;
}

/** The text span of chars[x, y) of a logical line. */
function spanIn(l: Logical, x: number, y: number): Span {
  if (l.pieces.length === 1) {
    const at = l.pieces[0]!.at;
    return { start: at + x, end: at + y };
  }
  return { start: offsetIn(l, x), end: offsetIn(l, y - 1) + 1 };
}

/** The text offset of chars[i] of a logical line. */
function offsetIn(l: Logical, i: number): number {
  const ps = l.pieces;
  let k = ps.length - 1;
  while (k > 0 && ps[k]!.from > i) k--;
  return ps[k]!.at + (i - ps[k]!.from);
}

export function parseUnitText(text: string): ParsedUnitText {
  const lines = physicalLines(text);
  const result: ParsedUnitText = { text, sections: [], assignments: [], problems: [], comments: [], lineStarts: lines.map((l) => l.start) };
  let current: UnitSection | undefined;
  let bomSeen = false;
  let pending: Logical | undefined;

  for (let ln = 0; ln < lines.length; ln++) {
    const { start, end } = lines[ln]!;
    let s = start;
    while (s < end && isWs(text[s])) s++;
    if (s < end && (text[s] === '#' || text[s] === ';')) {
      result.comments.push({ start: s, end });
      continue;
    }
    let from = start;
    if (!bomSeen && text.startsWith(BOM, start)) {
      from = start + 1;
      bomSeen = true;
    }
    const logical: Logical = pending ?? { chars: '', pieces: [], line: ln, lastLine: ln };
    logical.pieces.push({ from: logical.chars.length, at: from });
    logical.chars += text.slice(from, end);
    logical.lastLine = ln;
    if (text.charCodeAt(end - 1) === 0x5c && endsEscaped(logical.chars)) {
      // the backslash becomes a space and the value goes on
      logical.chars = logical.chars.slice(0, -1) + ' ';
      pending = logical;
      continue;
    }
    pending = undefined;
    const stop = readLogical(logical);
    if (stop) break;
  }
  // a value still continued at the end is read as if on one more line (systemd counts it so)
  if (pending) readLogical({ ...pending, lastLine: lines.length });
  if (current) current.end = text.length;
  return result;

  /** parse_line on one logical line; true when systemd would stop reading the file. */
  function readLogical(l: Logical): boolean {
    let a = 0;
    let b = l.chars.length;
    while (a < b && isWs(l.chars[a])) a++;
    while (b > a && isWs(l.chars[b - 1])) b--;
    if (a === b) return false;
    const stripped = l.chars.slice(a, b);
    const problem = (kind: UnitSyntaxKind, fatal: boolean): void => {
      result.problems.push({ kind, span: spanIn(l, a, b), line: l.line, lastLine: l.lastLine, fatal, text: stripped });
    };
    if (stripped[0] === '[') {
      if (stripped.length < 2 || stripped[stripped.length - 1] !== ']') {
        problem('invalid-section-header', true);
        result.stoppedAt = offsetIn(l, a);
        return true;
      }
      const name = stripped.slice(1, -1);
      if (!isSafeName(name)) {
        problem('bad-section-characters', true);
        result.stoppedAt = offsetIn(l, a);
        return true;
      }
      if (current) current.end = offsetIn(l, a);
      const headerSpan = spanIn(l, a, b);
      current = {
        name,
        headerSpan,
        nameSpan: name.length ? spanIn(l, a + 1, b - 1) : { start: headerSpan.start + 1, end: headerSpan.start + 1 },
        line: l.line,
        end: text.length,
        assignments: [],
      };
      result.sections.push(current);
      return false;
    }
    if (!current) {
      problem('assignment-outside-section', false);
      return false;
    }
    const eq = stripped.indexOf('=');
    if (eq < 0) {
      problem('missing-equals', false);
      return false;
    }
    if (eq === 0) {
      problem('missing-key', false);
      return false;
    }
    let kb = a + eq;
    while (kb > a && isWs(l.chars[kb - 1])) kb--;
    let va = a + eq + 1;
    while (va < b && isWs(l.chars[va])) va++;
    const key = l.chars.slice(a, kb);
    const value = l.chars.slice(va, b);
    const eqAt = offsetIn(l, a + eq);
    const valueSpan = va < b ? spanIn(l, va, b) : { start: eqAt + 1, end: eqAt + 1 };
    const assignment: UnitAssignment = {
      key,
      value,
      keySpan: spanIn(l, a, kb),
      valueSpan,
      span: { start: offsetIn(l, a), end: Math.max(valueSpan.end, eqAt + 1) },
      line: l.line,
      lastLine: l.lastLine,
      section: current,
    };
    current.assignments.push(assignment);
    result.assignments.push(assignment);
    return false;
  }
}

/** The 0-based line holding an offset of the unit text. */
export function unitLineAt(parsed: ParsedUnitText, offset: number): number {
  const starts = parsed.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The section whose body holds an offset (for completion and hover): the last header before it. */
export function sectionAt(parsed: ParsedUnitText, offset: number): UnitSection | undefined {
  let hit: UnitSection | undefined;
  for (const s of parsed.sections) {
    if (s.headerSpan.start <= offset) hit = s;
    else break;
  }
  return hit;
}

/** The assignment whose key or value covers an offset (end inclusive, for a cursor). */
export function assignmentAt(parsed: ParsedUnitText, offset: number): UnitAssignment | undefined {
  for (const a of parsed.assignments) {
    if (a.span.start <= offset && offset <= a.span.end) return a;
  }
  return undefined;
}
