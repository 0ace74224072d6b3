// butane's two renderings of a report: `--raw-errors` lines ("error at $.path, line L col C:
// message") and the default form, with a header, the file name, two lines of context each side
// and a caret underline up to the next white space (in color with --color).

import type { LineIndex } from '../yaml/parse.ts';
import { pathString } from './path.ts';
import type { PlacedEntry } from './transpile.ts';

const RED = '\x1b[1;31m';
const YELLOW = '\x1b[1;33m';
const CYAN = '\x1b[1;36m';
const BLUE = '\x1b[1;34m';
const RESET = '\x1b[0m';

function position(e: PlacedEntry, lines: LineIndex): { line: number; column: number } | null {
  return e.offset === undefined ? null : lines.lineCol(e.offset);
}

/** vcontext's Entry.String(). */
export function rawEntry(e: PlacedEntry, lines: LineIndex): string {
  const pos = position(e, lines);
  const path = e.path.length ? pathString(e.path) : '';
  let at = '';
  if (pos && path) at = ` at ${path}, line ${pos.line} col ${pos.column}`;
  else if (pos) at = ` at line ${pos.line} col ${pos.column}`;
  else if (path) at = ` at ${path}`;
  return `${e.kind}${at}: ${e.message}`;
}

export function renderRaw(entries: readonly PlacedEntry[], lines: LineIndex): string {
  return entries.map((e) => rawEntry(e, lines) + '\n').join('');
}

const color = (text: string, code: string, on: boolean): string => (on ? code + text + RESET : text);
const KIND_COLOR: Record<string, string> = { error: RED, warning: YELLOW, info: CYAN };

/**
 * The default rendering, as bytes: butane works on the source bytes split at '\n' (a CR stays at
 * the end of its line; a column past the line's bytes falls back to the raw form), and the
 * excerpt repeats those bytes as they are.
 */
export function renderPretty(entries: readonly PlacedEntry[], fileName: string, source: Uint8Array, lines: LineIndex, colorize: boolean): Buffer {
  const srcLines = splitLines(source);
  const parts: Buffer[] = [];
  entries.forEach((e, i) => {
    if (i > 0) parts.push(Buffer.from('\n'));
    prettyEntry(parts, e, fileName, srcLines, lines, colorize);
  });
  return Buffer.concat(parts);
}

function splitLines(source: Uint8Array): Buffer[] {
  const buf = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0x0a) {
      out.push(buf.subarray(start, i));
      start = i + 1;
    }
  }
  out.push(buf.subarray(start));
  return out;
}

/** Bytes up to the next white space (Go's unicode.IsSpace over the UTF-8 text). */
function wordLength(rest: Buffer): number {
  for (let i = 0; i < rest.length; i++) {
    const b = rest[i];
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) return i;
    if (b === 0xc2 && (rest[i + 1] === 0x85 || rest[i + 1] === 0xa0)) return i;
  }
  return rest.length;
}

function prettyEntry(parts: Buffer[], e: PlacedEntry, fileName: string, src: Buffer[], lines: LineIndex, colorize: boolean): void {
  const text = (s: string): void => {
    parts.push(Buffer.from(s, 'utf8'));
  };
  const pos = position(e, lines);
  if (!pos) {
    text(rawEntry(e, lines) + '\n');
    return;
  }
  const { line, column: col } = pos;
  if (line < 1 || line > src.length || col < 1 || col > src[line - 1].length) {
    text(rawEntry(e, lines) + '\n');
    return;
  }
  text(`${color(e.kind, KIND_COLOR[e.kind] ?? RESET, colorize)}${e.path.length ? '[' + pathString(e.path) + ']' : ''}:\n`);
  text(`  ${color('-->', BLUE, colorize)} ${fileName}:${line}:${col}\n`);
  const first = Math.max(1, line - 2);
  const last = Math.min(src.length, line + 2);
  const gutter = String(last).length;
  const blank = ' '.repeat(gutter);
  text(` ${blank} |\n`);
  for (let n = first; n <= last; n++) {
    const lineBytes = src[n - 1];
    text(` ${color(String(n).padStart(gutter), BLUE, colorize)} | `);
    parts.push(lineBytes);
    text('\n');
    if (n === line) {
      const len = wordLength(lineBytes.subarray(col - 1));
      text(` ${blank} | ${' '.repeat(col - 1)}${color('^'.repeat(len), BLUE, colorize)} ${e.message}\n`);
    }
  }
  text(` ${blank} |\n`);
}
