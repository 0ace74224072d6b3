// Writes the Butane config as YAML text a person would write: two-space indentation, comments
// on their own lines (or after a value), multi-line text as literal blocks, modes in octal, and
// strings quoted only where a YAML reader (go-yaml v3, as butane uses, or a YAML 1.1 reader)
// could take them for something else.

export type BValue = BMap | BSeq | BScalar;

export interface BMap {
  kind: 'map';
  entries: BEntry[];
}
export interface BEntry {
  key: string;
  value: BValue;
  /** comment lines written above the entry (without the leading '#') */
  before?: string[];
  /** a comment after a scalar value on the same line */
  trailing?: string;
}
export interface BSeq {
  kind: 'seq';
  items: BItem[];
}
export interface BItem {
  value: BValue;
  before?: string[];
  trailing?: string;
}
export interface BScalar {
  kind: 'scalar';
  value: string | number | boolean;
  /** write an integer in octal (file modes) */
  octal?: boolean;
}

export const map = (entries: BEntry[]): BMap => ({ kind: 'map', entries });
export const seq = (items: BItem[]): BSeq => ({ kind: 'seq', items });
export const scalar = (value: string | number | boolean, octal = false): BScalar => ({ kind: 'scalar', value, octal });

/** The document: a map at the top, with comment lines before it and after it. */
export function emitDocument(root: BMap, header: string[] = [], footer: string[] = []): string {
  const out: string[] = [];
  for (const c of header) out.push(commentLine(c, ''));
  emitMapEntries(root, '', out);
  for (const c of footer) out.push(commentLine(c, ''));
  return out.join('\n') + '\n';
}

function commentLine(text: string, indent: string): string {
  // a comment keeps its own text; an empty line of a comment block stays a blank line
  if (text === '') return '';
  return `${indent}#${text.startsWith(' ') || text === '' ? '' : ' '}${text}`;
}

function emitMapEntries(m: BMap, indent: string, out: string[], firstPrefix?: string): void {
  m.entries.forEach((e, i) => {
    const pre = i === 0 && firstPrefix !== undefined ? firstPrefix : indent;
    if (e.before?.length) {
      // comments before the first entry of a list item go above the item's dash (done by the caller)
      for (const c of e.before) out.push(commentLine(c, indent));
    }
    emitKeyValue(`${pre}${plainKey(e.key)}:`, e.value, indent, out, e.trailing);
  });
}

function emitKeyValue(head: string, v: BValue, indent: string, out: string[], trailing?: string): void {
  const tail = trailing ? `  #${trailing.startsWith(' ') ? '' : ' '}${trailing}` : '';
  if (v.kind === 'scalar') {
    const block = literalBlock(v, indent + '  ');
    if (block) {
      out.push(`${head} ${block.header}${tail}`);
      out.push(...block.lines);
    } else out.push(`${head} ${scalarText(v)}${tail}`);
    return;
  }
  if (v.kind === 'map') {
    if (!v.entries.length) {
      out.push(`${head} {}${tail}`);
      return;
    }
    out.push(head + tail);
    emitMapEntries(v, indent + '  ', out);
    return;
  }
  if (!v.items.length) {
    out.push(`${head} []${tail}`);
    return;
  }
  out.push(head + tail);
  emitSeqItems(v, indent + '  ', out);
}

function emitSeqItems(s: BSeq, indent: string, out: string[]): void {
  for (const item of s.items) {
    for (const c of item.before ?? []) out.push(commentLine(c, indent));
    const v = item.value;
    const tail = item.trailing ? `  #${item.trailing.startsWith(' ') ? '' : ' '}${item.trailing}` : '';
    if (v.kind === 'map' && v.entries.length) {
      // the first entry's own comments move above the dash
      const [first, ...rest] = v.entries;
      for (const c of first.before ?? []) out.push(commentLine(c, indent));
      const start = out.length;
      emitMapEntries(map([{ ...first, before: undefined }, ...rest]), indent + '  ', out, `${indent}- `);
      if (tail) out[start] += tail;
    } else if (v.kind === 'scalar') {
      const block = literalBlock(v, indent + '  ');
      if (block) {
        out.push(`${indent}- ${block.header}${tail}`);
        out.push(...block.lines);
      } else out.push(`${indent}- ${scalarText(v)}${tail}`);
    } else if (v.kind === 'seq' && v.items.length) {
      out.push(`${indent}-${tail}`);
      emitSeqItems(v, indent + '  ', out);
    } else out.push(`${indent}- ${v.kind === 'map' ? '{}' : '[]'}${tail}`);
  }
}

function plainKey(k: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(k) ? k : doubleQuoted(k);
}

export function scalarText(v: BScalar): string {
  if (typeof v.value === 'boolean') return v.value ? 'true' : 'false';
  if (typeof v.value === 'number') return v.octal && v.value > 0 ? '0' + v.value.toString(8) : String(v.value);
  return stringText(v.value);
}

/** A one-line string: plain where no YAML reader can misread it, double-quoted otherwise. */
export function stringText(s: string): string {
  return isSafePlain(s) ? s : doubleQuoted(s);
}

// words YAML 1.1 or 1.2 readers turn into booleans or null
const SPECIAL_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
// numbers of either version: integers (with _ or base prefixes, sexagesimal), floats,
// infinities and not-a-number, and anything that starts like a date
const NUMBER_LIKE =
  /^[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF|nan|NaN|NAN))$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;

const SPEC_VERSION = /^[0-9]+\.[0-9]+\.[0-9]+(?:-[a-z]+)?$/;

function isSafePlain(s: string): boolean {
  // a version such as 1.1.0 is a string to every reader (two dots make no number)
  if (SPEC_VERSION.test(s)) return true;
  if (s === '' || SPECIAL_WORDS.test(s) || NUMBER_LIKE.test(s)) return false;
  // printable ASCII only, no indicator first (a dash only when text follows it), no ": " or
  // " #", no space at either end; the document has no flow collections, so commas and
  // brackets inside a value are plain text
  if (!/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(s)) return false;
  if (/^[?:,\[\]{}#&*!|>'"%@`]/.test(s) || /^-(?:$|[\s0-9.])/.test(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  return true;
}

/** YAML double-quoted form with escapes for everything outside printable, break-free text. */
export function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (!isPrintable(cp) || cp === 0x85 || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff) {
      out += cp > 0xffff ? '\\U' + cp.toString(16).padStart(8, '0') : '\\u' + cp.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

function isPrintable(cp: number): boolean {
  return (
    cp === 0x09 ||
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * A literal block (`|`, `|-`, `|+`) for text with line breaks, when the text can be one: only
 * printable characters that are not line breaks of their own (NEL, LS, PS, CR), and no line of
 * only spaces before the first line with text.
 */
function literalBlock(v: BScalar, indent: string): { header: string; lines: string[] } | null {
  if (typeof v.value !== 'string' || !v.value.includes('\n')) return null;
  const s = v.value;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (!isPrintable(cp) || cp === 0x85 || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || cp === 0x0d) return null;
  }
  const body = s.replace(/\n+$/, '');
  const trailingBreaks = s.length - body.length;
  if (body === '') return null;
  const lines = body.split('\n');
  const firstText = lines.findIndex((l) => l.trim() !== '');
  if (firstText < 0) return null;
  if (lines.slice(0, firstText).some((l) => l !== '')) return null;
  // a text line must not look like the end of the block: every line is indented, so only
  // the indentation indicator matters when the text itself starts with a space
  const indicator = /^[ ]/.test(lines[firstText]) ? '2' : '';
  const chomp = trailingBreaks === 0 ? '-' : trailingBreaks === 1 ? '' : '+';
  return { header: `|${indicator}${chomp}`, lines: [...lines, ...Array(Math.max(0, trailingBreaks - 1)).fill('')].map((l) => (l === '' ? '' : indent + l)) };
}
