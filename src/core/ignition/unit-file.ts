// Parsing and validation of systemd unit file contents, matching what ct v0.9.4 does through
// Ignition's unit validation (go-systemd's unit deserializer).
//
// The Go lexer reads its input through a 4096-byte buffered reader and, before every lexing
// step, rejects the input when at least 2048 bytes are buffered and none of the next 2048 bytes
// is a line break. Whether that check fires therefore depends on how full the buffer happens to
// be, so this module models the buffered reader's bookkeeping exactly (refill points, buffer
// sliding, end-of-input handling) on the UTF-8 bytes of the contents.

import { quoteGoString } from '../go/strconv.ts';

export interface UnitOption {
  section: string;
  name: string;
  value: string;
}

/**
 * Which go-systemd the reading follows: ct v0.9.4 vendors an old one; butane v0.29.0 (Ignition
 * 3.x) vendors v22.7.0, which quotes the text after a section name in its error (%q, not a
 * byte list). Everything else reads the same.
 */
export type UnitParserDialect = 'ct' | 'v22';

export type UnitParseResult =
  | { ok: true; options: UnitOption[] }
  | { ok: false; error: string; at?: number };

/** systemd's line length limit as enforced by go-systemd */
export const UNIT_LINE_MAX = 2048;
const READER_SIZE = 4096;
const UTF_MAX = 4;
const RUNE_ERROR = 0xfffd;

const MSG_LINE_TOO_LONG = `line too long (max ${UNIT_LINE_MAX} bytes)`;
const MSG_NO_SECTION_END = 'unable to find end of section';
const MSG_NEWLINE_IN_NAME = 'unexpected newline encountered while parsing option name';
const MSG_EOF = 'EOF';

const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
const EQUALS = 0x3d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

// ---------------------------------------------------------------------------------------------
// UTF-8 helpers with Go's semantics (invalid sequences decode as U+FFFD of width 1)

/** Go's unicode.IsSpace */
export function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) {
    return (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0x85 || cp === 0xa0;
  }
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Expected sequence length for a leading byte, and the allowed range of the second byte. */
function leadInfo(b: number): { size: number; lo: number; hi: number } {
  if (b < 0x80) return { size: 1, lo: 0, hi: 0 };
  if (b < 0xc2) return { size: 1, lo: 0, hi: 0 }; // continuation byte or overlong lead: invalid
  if (b < 0xe0) return { size: 2, lo: 0x80, hi: 0xbf };
  if (b === 0xe0) return { size: 3, lo: 0xa0, hi: 0xbf };
  if (b === 0xed) return { size: 3, lo: 0x80, hi: 0x9f };
  if (b < 0xf0) return { size: 3, lo: 0x80, hi: 0xbf };
  if (b === 0xf0) return { size: 4, lo: 0x90, hi: 0xbf };
  if (b < 0xf4) return { size: 4, lo: 0x80, hi: 0xbf };
  if (b === 0xf4) return { size: 4, lo: 0x80, hi: 0x8f };
  return { size: 1, lo: 0, hi: 0 }; // 0xf5..0xff: invalid
}

/** Whether bytes[from, to) begin with a complete (or definitely invalid) encoding: utf8.FullRune. */
function fullRune(bytes: Uint8Array, from: number, to: number): boolean {
  const n = to - from;
  if (n <= 0) return false;
  const info = leadInfo(bytes[from]!);
  if (n >= info.size) return true;
  if (n > 1) {
    const b1 = bytes[from + 1]!;
    if (b1 < info.lo || b1 > info.hi) return true;
  }
  if (n > 2) {
    const b2 = bytes[from + 2]!;
    if (b2 < 0x80 || b2 > 0xbf) return true;
  }
  return false;
}

/** Decodes the rune at bytes[from] without looking at or past `to`: utf8.DecodeRune. */
function decodeRune(bytes: Uint8Array, from: number, to: number): { cp: number; size: number } {
  if (from >= to) return { cp: RUNE_ERROR, size: 0 };
  const b0 = bytes[from]!;
  if (b0 < 0x80) return { cp: b0, size: 1 };
  const info = leadInfo(b0);
  if (info.size === 1 || to - from < info.size) return { cp: RUNE_ERROR, size: 1 };
  const b1 = bytes[from + 1]!;
  if (b1 < info.lo || b1 > info.hi) return { cp: RUNE_ERROR, size: 1 };
  if (info.size === 2) return { cp: ((b0 & 0x1f) << 6) | (b1 & 0x3f), size: 2 };
  const b2 = bytes[from + 2]!;
  if (b2 < 0x80 || b2 > 0xbf) return { cp: RUNE_ERROR, size: 1 };
  if (info.size === 3) return { cp: ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f), size: 3 };
  const b3 = bytes[from + 3]!;
  if (b3 < 0x80 || b3 > 0xbf) return { cp: RUNE_ERROR, size: 1 };
  return {
    cp: ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f),
    size: 4,
  };
}

/** Decodes the rune that ends at bytes[to - 1], not looking before `from`: utf8.DecodeLastRune. */
function decodeLastRune(bytes: Uint8Array, from: number, to: number): { cp: number; size: number } {
  if (to <= from) return { cp: RUNE_ERROR, size: 0 };
  const last = bytes[to - 1]!;
  if (last < 0x80) return { cp: last, size: 1 };
  const limit = Math.max(from, to - UTF_MAX);
  let start = to - 2;
  while (start >= limit && (bytes[start]! & 0xc0) === 0x80) start--;
  if (start < from) start = from;
  const r = decodeRune(bytes, start, to);
  if (start + r.size !== to) return { cp: RUNE_ERROR, size: 1 };
  return r;
}

/** bytes.TrimSpace on bytes[from, to): returns the trimmed bounds. */
function trimSpaceBounds(bytes: Uint8Array, from: number, to: number): [number, number] {
  let start = from;
  while (start < to) {
    const r = decodeRune(bytes, start, to);
    if (!isGoSpace(r.cp)) break;
    start += r.size;
  }
  let end = to;
  while (end > start) {
    const r = decodeLastRune(bytes, start, end);
    if (!isGoSpace(r.cp)) break;
    end -= r.size;
  }
  return [start, end];
}

/** strings.TrimSpace on a JS string (Go's notion of white space, not JavaScript's). */
function goTrimSpace(s: string): string {
  const cps = Array.from(s);
  let start = 0;
  let end = cps.length;
  while (start < end && isGoSpace(cps[start]!.codePointAt(0)!)) start++;
  while (end > start && isGoSpace(cps[end - 1]!.codePointAt(0)!)) end--;
  return cps.slice(start, end).join('');
}

// keep a leading U+FEFF: Go strings do not drop byte order marks
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

function bytesToString(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

// ---------------------------------------------------------------------------------------------
// A model of Go's bufio.Reader (default size) reading from a strings.Reader.
//
// All positions are absolute offsets into the source. `readPos`/`writePos` correspond to the
// reader's r/w indices shifted by `bufStart`, the source offset currently held at buf[0]. The
// strings.Reader hands out every byte it has on each Read, and reports end of input only on a
// Read made once it is exhausted.

type ReadError = 'EOF' | null;

class BufferedSource {
  private bufStart = 0;
  private readPos = 0;
  private writePos = 0;
  private pendingErr: ReadError = null;
  private lastRuneSize = -1;

  constructor(private readonly src: Uint8Array) {}

  buffered(): number {
    return this.writePos - this.readPos;
  }

  /** offset of the next byte to read */
  position(): number {
    return this.readPos;
  }

  /** The next `n` buffered bytes (callers ensure at least `n` are buffered). */
  window(n: number): Uint8Array {
    return this.src.subarray(this.readPos, this.readPos + n);
  }

  private fill(): void {
    if (this.readPos > this.bufStart) this.bufStart = this.readPos;
    const room = READER_SIZE - (this.writePos - this.bufStart);
    if (room <= 0) throw new Error('buffered reader: fill of a full buffer');
    if (this.writePos >= this.src.length) {
      this.pendingErr = 'EOF';
      return;
    }
    this.writePos += Math.min(room, this.src.length - this.writePos);
  }

  private takeErr(): ReadError {
    const e = this.pendingErr;
    this.pendingErr = null;
    return e;
  }

  /** ReadRune: the code point (U+FFFD for invalid bytes), or null at end of input. */
  readRune(): number | null {
    while (
      this.readPos + UTF_MAX > this.writePos &&
      !fullRune(this.src, this.readPos, this.writePos) &&
      this.pendingErr === null &&
      this.writePos - this.readPos < READER_SIZE
    ) {
      this.fill();
    }
    this.lastRuneSize = -1;
    if (this.readPos === this.writePos) {
      this.takeErr();
      return null;
    }
    const r = decodeRune(this.src, this.readPos, this.writePos);
    this.readPos += r.size;
    this.lastRuneSize = r.size;
    return r.cp;
  }

  unreadRune(): void {
    if (this.lastRuneSize < 0 || this.readPos - this.bufStart < this.lastRuneSize) return;
    this.readPos -= this.lastRuneSize;
    this.lastRuneSize = -1;
  }

  /** ReadSlice: bounds of the fragment read and why it stopped. */
  private readSlice(delim: number): { start: number; end: number; stop: 'found' | 'full' | 'eof' } {
    const start = this.readPos;
    let searchFrom = this.readPos;
    for (;;) {
      const idx = this.src.subarray(searchFrom, this.writePos).indexOf(delim);
      if (idx >= 0) {
        this.readPos = searchFrom + idx + 1;
        this.lastRuneSize = -1;
        return { start, end: this.readPos, stop: 'found' };
      }
      if (this.pendingErr !== null) {
        this.readPos = this.writePos;
        this.takeErr();
        if (this.readPos > start) this.lastRuneSize = -1;
        return { start, end: this.readPos, stop: 'eof' };
      }
      if (this.writePos - this.readPos >= READER_SIZE) {
        this.readPos = this.writePos;
        this.lastRuneSize = -1;
        return { start, end: this.readPos, stop: 'full' };
      }
      searchFrom = this.writePos;
      this.fill();
    }
  }

  /** ReadBytes: everything up to and including `delim`, and whether input ended first. */
  readBytes(delim: number): { bytes: Uint8Array; eof: boolean } {
    const first = this.readPos;
    for (;;) {
      const frag = this.readSlice(delim);
      if (frag.stop === 'full') continue;
      return { bytes: this.src.subarray(first, frag.end), eof: frag.stop === 'eof' };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The lexer: a state machine whose states are the Go lexer's steps. The line length check runs
// before every step, exactly where the Go lexer runs it.

type Step =
  | { kind: 'outside' } // before the first section: skip until '[' (or a comment)
  | { kind: 'sectionName'; at: number }
  | { kind: 'sectionEnd'; section: string; at: number }
  | { kind: 'comment'; then: Step }
  | { kind: 'body'; section: string } // inside a section: whitespace, '[', comment or option
  | { kind: 'optionName'; section: string; at: number }
  | { kind: 'optionValue'; section: string; name: string; value: Uint8Array[] };

class UnitLexError extends Error {
  /** byte offset of what the error is about (the section's `[`, the option's name, the long line) */
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

function isCommentStart(cp: number): boolean {
  return cp === 0x23 /* # */ || cp === 0x3b /* ; */;
}

function endsWith(bytes: Uint8Array, b: number): boolean {
  return bytes.length > 0 && bytes[bytes.length - 1] === b;
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const NEWLINE_CHUNK = Uint8Array.of(NL);

class UnitLexer {
  readonly options: UnitOption[] = [];
  private readonly in: BufferedSource;

  constructor(
    bytes: Uint8Array,
    private readonly dialect: UnitParserDialect,
  ) {
    this.in = new BufferedSource(bytes);
  }

  run(): void {
    let step: Step | null = { kind: 'outside' };
    while (step !== null) {
      if (this.in.buffered() >= UNIT_LINE_MAX) {
        const ahead = this.in.window(UNIT_LINE_MAX);
        if (ahead.indexOf(NL) < 0 && ahead.indexOf(CR) < 0) throw new UnitLexError(MSG_LINE_TOO_LONG, this.in.position());
      }
      step = this.advance(step);
    }
  }

  /** Reads the rest of the line without its line ending ("\n", or "\r\n" only at end of input). */
  private restOfLine(): { line: Uint8Array; eof: boolean } {
    const { bytes, eof } = this.in.readBytes(NL);
    let line = bytes;
    if (endsWith(line, CR)) line = line.subarray(0, line.length - 1);
    if (endsWith(line, NL)) line = line.subarray(0, line.length - 1);
    return { line, eof };
  }

  private advance(step: Step): Step | null {
    switch (step.kind) {
      case 'outside': {
        const cp = this.in.readRune();
        if (cp === null) return null;
        if (cp === OPEN_BRACKET) return { kind: 'sectionName', at: this.in.position() - 1 };
        if (isCommentStart(cp)) return { kind: 'comment', then: step };
        return step;
      }

      case 'sectionName': {
        const { bytes, eof } = this.in.readBytes(CLOSE_BRACKET);
        if (eof) throw new UnitLexError(MSG_NO_SECTION_END, step.at);
        return { kind: 'sectionEnd', section: bytesToString(bytes.subarray(0, bytes.length - 1)), at: step.at };
      }

      case 'sectionEnd': {
        const { line } = this.restOfLine();
        const [from, to] = trimSpaceBounds(line, 0, line.length);
        if (to > from) {
          // go-systemd never records the section here, so the name in this message is always empty
          const garbage = line.subarray(from, to);
          if (this.dialect === 'v22') throw new UnitLexError(`found garbage after section name : ${quoteGoString(garbage)}`, step.at);
          throw new UnitLexError(`found garbage after section name : [${Array.from(garbage).join(' ')}]`, step.at);
        }
        return { kind: 'body', section: step.section };
      }

      case 'comment': {
        for (;;) {
          let { line } = this.restOfLine();
          if (endsWith(line, SPACE)) line = line.subarray(0, line.length - 1);
          if (!endsWith(line, BACKSLASH)) break;
        }
        return step.then;
      }

      case 'body': {
        const cp = this.in.readRune();
        if (cp === null) return null;
        if (isGoSpace(cp)) return step;
        if (cp === OPEN_BRACKET) return { kind: 'sectionName', at: this.in.position() - 1 };
        if (isCommentStart(cp)) return { kind: 'comment', then: step };
        this.in.unreadRune();
        return { kind: 'optionName', section: step.section, at: this.in.position() };
      }

      case 'optionName': {
        let name = '';
        for (;;) {
          const cp = this.in.readRune();
          if (cp === null) throw new UnitLexError(MSG_EOF, step.at);
          if (cp === NL || cp === CR) throw new UnitLexError(MSG_NEWLINE_IN_NAME, step.at);
          if (cp === EQUALS) break;
          name += String.fromCodePoint(cp);
        }
        return { kind: 'optionValue', section: step.section, name: goTrimSpace(name), value: [] };
      }

      case 'optionValue': {
        const { line, eof } = this.restOfLine();
        const [from, to] = trimSpaceBounds(line, 0, line.length);
        if (to > from) {
          const value = [...step.value, line];
          if (line.lastIndexOf(BACKSLASH) === line.length - 1) {
            // continued on the next line (a step of its own)
            if (!eof) value.push(NEWLINE_CHUNK);
            return { ...step, value };
          }
          this.emit(step.section, step.name, value);
          return { kind: 'body', section: step.section };
        }
        this.emit(step.section, step.name, step.value);
        return { kind: 'body', section: step.section };
      }
    }
  }

  private emit(section: string, name: string, chunks: readonly Uint8Array[]): void {
    const raw = concatBytes(chunks);
    const [from, to] = trimSpaceBounds(raw, 0, raw.length);
    let value = bytesToString(raw.subarray(from, to));
    // a value that was continued right before its end keeps that line break
    if (endsWith(raw, NL)) value += '\n';
    this.options.push({ section, name, value });
  }
}

/** go-systemd's Deserialize on the UTF-8 bytes of a unit file. */
export function parseUnitBytes(bytes: Uint8Array, dialect: UnitParserDialect = 'ct'): UnitParseResult {
  const lexer = new UnitLexer(bytes, dialect);
  try {
    lexer.run();
  } catch (e) {
    if (e instanceof UnitLexError) return { ok: false, error: e.message, at: e.at };
    throw e;
  }
  return { ok: true, options: lexer.options };
}

/** go-systemd's Deserialize on unit file contents. */
export function parseUnitFile(contents: string, dialect: UnitParserDialect = 'ct'): UnitParseResult {
  const simple = parseSimpleUnit(contents);
  return simple ? { ok: true, options: simple.options } : parseUnitBytes(encoder.encode(contents), dialect);
}

/**
 * Where the byte-level lexer's finer points cannot arise: ASCII only (a byte is a character),
 * no carriage return, no backslash (no continued lines or comments), and no line long enough
 * for the line length check to fire.
 */
const NOT_SIMPLE = /[^\x00-\x7f]|[\r\\]/;
const LONG_LINE = 2000;

/** ASCII white space as Go's unicode.IsSpace has it (tab, LF, VT, FF, CR, space). */
function isAsciiSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === SPACE;
}

function trimAscii(s: string, from: number, to: number): string {
  while (from < to && isAsciiSpace(s.charCodeAt(from))) from++;
  while (to > from && isAsciiSpace(s.charCodeAt(to - 1))) to--;
  return s.slice(from, to);
}

/**
 * The same reading as the lexer above for the unit files nearly everyone writes, done on the
 * string line by line (the lexer decodes and buffers byte by byte). Returns undefined for
 * anything else, errors included, so the lexer gives the exact answer; the tests compare both.
 */
function parseSimpleUnit(s: string, collect = true): { options: UnitOption[]; install: boolean } | undefined {
  if (NOT_SIMPLE.test(s)) return undefined;
  const len = s.length;
  for (let at = 0; at < len; ) {
    const e = s.indexOf('\n', at);
    if ((e < 0 ? len : e) - at >= LONG_LINE) return undefined;
    if (e < 0) break;
    at = e + 1;
  }
  const options: UnitOption[] = [];
  let install = false; // an option in [Install]
  const lineEnd = (at: number): number => {
    const e = s.indexOf('\n', at);
    return e < 0 ? len : e;
  };
  let i = 0;
  // before the first section: everything is skipped, comments to their line's end
  for (;;) {
    if (i >= len) return { options, install };
    const c = s.charCodeAt(i);
    if (c === OPEN_BRACKET) break;
    i = c === 0x23 || c === 0x3b ? lineEnd(i) + 1 : i + 1;
  }
  let section = '';
  for (;;) {
    const c = i < len ? s.charCodeAt(i) : -1;
    if (c === -1) return { options, install };
    if (c === OPEN_BRACKET) {
      const close = s.indexOf(']', i + 1);
      const eol = lineEnd(i + 1);
      if (close < 0 || close > eol) return undefined;
      section = s.slice(i + 1, close);
      if (trimAscii(s, close + 1, eol) !== '') return undefined;
      i = eol + 1;
    } else if (isAsciiSpace(c)) {
      i++;
    } else if (c === 0x23 || c === 0x3b) {
      i = lineEnd(i) + 1;
    } else {
      const eq = s.indexOf('=', i);
      const eol = lineEnd(i);
      if (eq < 0 || eq > eol) return undefined;
      if (collect) options.push({ section, name: trimAscii(s, i, eq), value: trimAscii(s, eq + 1, eol) });
      if (section === 'Install') install = true;
      i = eol + 1;
    }
  }
}

/**
 * What Ignition 3's unit checks need of the contents: whether they parse, and whether an option
 * sits in [Install]. The same reading as parseUnitFile without building the option list.
 */
export function unitInstallSummary(contents: string, dialect: UnitParserDialect): { ok: true; hasInstallOption: boolean } | { ok: false; error: string } {
  const simple = parseSimpleUnit(contents, false);
  if (simple) return { ok: true, hasInstallOption: simple.install };
  const full = parseUnitBytes(encoder.encode(contents), dialect);
  return full.ok ? { ok: true, hasInstallOption: full.options.some((o) => o.section === 'Install') } : full;
}

/** Ignition's unit content check: the error message it reports, or null when the contents parse. */
export function validateUnitContents(contents: string): string | null {
  const result = parseUnitFile(contents);
  return result.ok ? null : `invalid unit content: ${result.error}`;
}

/**
 * Ignition's ValidateInstallSection: the warning for an enabled unit without an [Install]
 * section, or null. `options` is what parsing the contents produced; pass null when parsing
 * failed (Ignition passes no options then). An empty list counts the same as none, because
 * go-systemd returns a nil list when a file has no options.
 */
export function installSectionWarning(
  name: string,
  isEnabled: boolean,
  contentsEmpty: boolean,
  options: readonly UnitOption[] | null | undefined,
): string | null {
  if (!isEnabled || contentsEmpty) return null;
  if (!options || options.length === 0) return null;
  if (options.some((o) => o.section === 'Install')) return null;
  return `unit ${quoteGoString(name)} is enabled, but has no install section so enable does nothing`;
}

// ---------------------------------------------------------------------------------------------

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

