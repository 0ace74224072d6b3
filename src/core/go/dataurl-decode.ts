// github.com/vincent-petithory/dataurl v1.0.0's DecodeString, reduced to what Ignition needs:
// whether a `data:` URL decodes, and if not, the exact error text. The library lexes the URL
// into items (media type, parameters, encoding, data) and a parser consumes them in order, so
// the first problem met left to right decides the message, whether the lexer or the parser
// found it. Also encoding/base64's StdEncoding.DecodeString errors, which surface for
// `;base64,` data.

import { isHex, unhex } from './url.ts';

export type DataUrlResult = { ok: true; data: Uint8Array; mediaType: string; params: Map<string, string> } | { ok: false; error: string };

const EOF = -1;

function isAsciiControl(r: number): boolean {
  return (r >= 0 && r <= 0x1f) || r === 0x7f;
}

function isAsciiSpace(r: number): boolean {
  return r === 0x20 || (r >= 0x09 && r <= 0x0d);
}

const TSPECIALS = new Set([...'()<>@,;:\\"/[]?='].map((c) => c.charCodeAt(0)));

function isTokenRune(r: number): boolean {
  return r >= 0 && r <= 0x7f && !isAsciiControl(r) && !isAsciiSpace(r) && !TSPECIALS.has(r);
}

const URL_EXCLUDED = new Set([...' <>#"{}|\\^[]`'].map((c) => c.charCodeAt(0)));

function isUrlCharRune(r: number): boolean {
  return r >= 0 && r <= 0x7f && !isAsciiControl(r) && !URL_EXCLUDED.has(r);
}

function isBase64Rune(r: number): boolean {
  return (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || (r >= 0x30 && r <= 0x39) ||
    r === 0x2b || r === 0x2f || r === 0x3d || r === 0x0a;
}

function isDiscreteType(s: string): boolean {
  return ['text', 'image', 'audio', 'video', 'application'].some((p) => s.startsWith(p));
}

function isCompositeType(s: string): boolean {
  return s.startsWith('message') || s.startsWith('multipart');
}

type ItemType =
  | 'error' | 'eof' | 'dataPrefix' | 'mediaType' | 'mediaSep' | 'mediaSubType' | 'paramSemicolon'
  | 'paramAttr' | 'paramEqual' | 'leftQuote' | 'rightQuote' | 'paramVal' | 'base64Enc' | 'dataComma' | 'data';

interface Item {
  t: ItemType;
  val: string;
}

type State = ((l: Lexer) => State) | null;

class Lexer {
  start = 0;
  pos = 0;
  width = 0;
  seenBase64 = false;
  readonly items: Item[] = [];

  constructor(readonly input: string) {}

  run(): void {
    let state: State = lexBeforeDataPrefix;
    while (state) state = state(this);
  }

  emit(t: ItemType): void {
    this.items.push({ t, val: this.input.slice(this.start, this.pos) });
    this.start = this.pos;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    let r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd; // not valid UTF-8 in Go either
    this.pos += this.width;
    return r;
  }

  backup(): void {
    this.pos -= this.width;
  }

  errorf(msg: string): State {
    this.items.push({ t: 'error', val: msg });
    return null;
  }
}

const SEMI = 0x3b;
const COMMA = 0x2c;
const SLASH = 0x2f;
const EQUAL = 0x3d;

function lexBeforeDataPrefix(l: Lexer): State {
  if (l.input.startsWith('data:', l.pos)) return lexDataPrefix;
  return l.errorf('missing data prefix');
}

function lexDataPrefix(l: Lexer): State {
  l.pos += 'data:'.length;
  l.emit('dataPrefix');
  return lexAfterDataPrefix;
}

function lexAfterDataPrefix(l: Lexer): State {
  const r = l.next();
  if (r === SEMI) {
    l.backup();
    return lexParamSemicolon;
  }
  if (r === COMMA) {
    l.backup();
    return lexDataComma;
  }
  if (r === EOF) return l.errorf('missing comma before data');
  if (r === 0x78 || r === 0x58) {
    if (l.next() === 0x2d) return lexXTokenMediaType;
    return lexInDiscreteMediaType;
  }
  if (isTokenRune(r)) return lexInDiscreteMediaType;
  return l.errorf('invalid character after data prefix');
}

function lexXTokenMediaType(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === SLASH) {
      l.backup();
      return lexMediaType;
    }
    if (r === EOF) return l.errorf('missing media type slash');
    if (!isTokenRune(r)) return l.errorf('invalid character for media type');
  }
}

function lexInDiscreteMediaType(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === SLASH) {
      l.backup();
      const t = l.input.slice(l.start, l.pos);
      if (!isDiscreteType(t) && !isCompositeType(t)) return l.errorf('invalid media type');
      return lexMediaType;
    }
    if (r === EOF) return l.errorf('missing media type slash');
    if (!isTokenRune(r)) return l.errorf('invalid character for media type');
  }
}

function lexMediaType(l: Lexer): State {
  if (l.pos > l.start) l.emit('mediaType');
  return lexMediaSep;
}

function lexMediaSep(l: Lexer): State {
  l.next();
  l.emit('mediaSep');
  return lexAfterMediaSep;
}

function lexAfterMediaSep(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === SEMI || r === COMMA) {
      l.backup();
      return lexMediaSubType;
    }
    if (r === EOF) return l.errorf('incomplete media type');
    if (!isTokenRune(r)) return l.errorf('invalid character for media subtype');
  }
}

function lexMediaSubType(l: Lexer): State {
  if (l.pos > l.start) l.emit('mediaSubType');
  return lexAfterMediaSubType;
}

function lexAfterMediaSubType(l: Lexer): State {
  return lexSemicolonOrComma(l);
}

/** After the media type or a parameter value: another parameter, or the data. */
function lexSemicolonOrComma(l: Lexer): State {
  const r = l.next();
  if (r === SEMI) {
    l.backup();
    return lexParamSemicolon;
  }
  if (r === COMMA) {
    l.backup();
    return lexDataComma;
  }
  if (r === EOF) return l.errorf('missing comma before data');
  return l.errorf('expected semicolon or comma');
}

function lexParamSemicolon(l: Lexer): State {
  l.next();
  l.emit('paramSemicolon');
  return lexAfterParamSemicolon;
}

function lexAfterParamSemicolon(l: Lexer): State {
  const r = l.next();
  if (r === EOF || r === EQUAL || r === COMMA) return l.errorf('unterminated parameter sequence');
  if (isTokenRune(r)) {
    l.backup();
    return lexInParamAttr;
  }
  return l.errorf('invalid character for parameter attribute');
}

function lexBase64Enc(l: Lexer): State {
  if (l.pos > l.start) {
    const v = l.input.slice(l.start, l.pos);
    if (v !== 'base64') return l.errorf(`expected base64, got ${v}`);
    l.seenBase64 = true;
    l.emit('base64Enc');
  }
  return lexDataComma;
}

function lexInParamAttr(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === EQUAL) {
      l.backup();
      return lexParamAttr;
    }
    if (r === COMMA) {
      l.backup();
      return lexBase64Enc;
    }
    if (r === EOF) return l.errorf('unterminated parameter sequence');
    if (!isTokenRune(r)) return l.errorf('invalid character for parameter attribute');
  }
}

function lexParamAttr(l: Lexer): State {
  if (l.pos > l.start) l.emit('paramAttr');
  return lexParamEqual;
}

function lexParamEqual(l: Lexer): State {
  l.next();
  l.emit('paramEqual');
  return lexAfterParamEqual;
}

function lexAfterParamEqual(l: Lexer): State {
  const r = l.next();
  if (r === 0x22) {
    l.emit('leftQuote');
    return lexInQuotedStringParamVal;
  }
  if (r === EOF) return l.errorf('missing comma before data');
  if (isTokenRune(r)) return lexInParamVal;
  return l.errorf('invalid character for parameter value');
}

function lexInQuotedStringParamVal(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unclosed quoted string');
    if (r === 0x5c) return lexEscapedChar;
    if (r === 0x22) {
      l.backup();
      return lexQuotedStringParamVal;
    }
    if (r > 0x7f) return l.errorf('invalid character for parameter value');
  }
}

function lexEscapedChar(l: Lexer): State {
  const r = l.next();
  // EOF (-1) is below MaxASCII too, so it goes back to the string loop, which reports it
  if (r <= 0x7f) return lexInQuotedStringParamVal;
  return l.errorf('invalid escaped character');
}

function lexInParamVal(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === SEMI || r === COMMA) {
      l.backup();
      return lexParamVal;
    }
    if (r === EOF) return l.errorf('missing comma before data');
    if (!isTokenRune(r)) return l.errorf('invalid character for parameter value');
  }
}

function lexQuotedStringParamVal(l: Lexer): State {
  if (l.pos > l.start) l.emit('paramVal');
  l.next();
  l.emit('rightQuote');
  return lexAfterParamVal;
}

function lexParamVal(l: Lexer): State {
  if (l.pos > l.start) l.emit('paramVal');
  return lexAfterParamVal;
}

function lexAfterParamVal(l: Lexer): State {
  return lexSemicolonOrComma(l);
}

function lexDataComma(l: Lexer): State {
  l.next();
  l.emit('dataComma');
  return l.seenBase64 ? lexBase64Data : lexData;
}

function lexData(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === EOF) break;
    if (!isUrlCharRune(r)) return l.errorf('invalid data character');
  }
  if (l.pos > l.start) l.emit('data');
  l.emit('eof');
  return null;
}

function lexBase64Data(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === EOF) break;
    if (!isBase64Rune(r)) return l.errorf('invalid data character');
  }
  if (l.pos > l.start) l.emit('data');
  l.emit('eof');
  return null;
}

// --- the parser side ----------------------------------------------------------------------------

class DecodeError extends Error {}


/** dataurl.Unescape (RFC 2396 %XX). Inputs reaching it are ASCII, as the lexer ensures. */
function unescape2396(s: string): Uint8Array {
  // a typed buffer sized for the worst case: megabytes of contents must not become a number[]
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) throw new DecodeError('rfc2396: non-ASCII char detected');
    if (c !== 0x25) {
      out[n++] = c;
      continue;
    }
    // the reported char is always the '%' itself (0x25), as in the library
    for (let k = 1; k <= 2; k++) {
      if (i + k >= s.length) throw new DecodeError('rfc2396: unexpected end of unescape sequence');
      if (!isHex(s.charCodeAt(i + k))) throw new DecodeError('rfc2396: invalid char 0x25 in unescape sequence');
    }
    out[n++] = unhex(s.charCodeAt(i + 1)) * 16 + unhex(s.charCodeAt(i + 2));
    i += 2;
  }
  return out.subarray(0, n);
}

/** Whether strconv.Unquote accepts `"` + s + `"` (s is ASCII here). */
function goUnquotable(s: string): boolean {
  if (!s.includes('\\') && !s.includes('\n')) return true;
  for (let i = 0; i < s.length;) {
    const c = s[i]!;
    if (c === '\n') return false;
    if (c !== '\\') {
      i++;
      continue;
    }
    const e = s[i + 1];
    if (e === undefined) return false;
    i += 2;
    if ('abfnrtv\\"'.includes(e)) continue;
    if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = s.slice(i, i + n);
      if (digits.length < n || ![...digits].every((d) => isHex(d.charCodeAt(0)))) return false;
      const v = parseInt(digits, 16);
      if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) return false;
      i += n;
      continue;
    }
    if (e >= '0' && e <= '7') {
      const digits = s.slice(i - 1, i + 2);
      if (digits.length < 3 || !/^[0-7]{3}$/.test(digits)) return false;
      if (parseInt(digits, 8) > 255) return false;
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_MAP = new Map([...B64].map((c, i) => [c.charCodeAt(0), i]));

/**
 * encoding/base64 StdEncoding.DecodeString: newlines (\r, \n) are skipped, padding is required,
 * and errors name the offending input offset as Go computes it.
 */
export function goBase64Decode(s: string): { ok: true; data: Uint8Array } | { ok: false; error: string } {
  const src = s;
  const out: number[] = [];
  const corrupt = (at: number) => ({ ok: false as const, error: `illegal base64 data at input byte ${at}` });
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: number | null = null;
    let done = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, data: Uint8Array.from(out) };
        return corrupt(si - j);
      }
      const inc = src.charCodeAt(si);
      si++;
      const v = B64_MAP.get(inc);
      if (v !== undefined) {
        dbuf[j] = v;
        continue;
      }
      if (inc === 0x0a || inc === 0x0d) {
        j--;
        continue;
      }
      if (inc !== 0x3d) return corrupt(si - 1);
      // padding: the end of the data
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && (src.charCodeAt(si) === 0x0a || src.charCodeAt(si) === 0x0d)) si++;
        if (si === src.length) return corrupt(src.length);
        if (src.charCodeAt(si) !== 0x3d) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && (src.charCodeAt(si) === 0x0a || src.charCodeAt(si) === 0x0d)) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      done = true;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]!);
    if (trailing !== null) return corrupt(trailing);
    if (done) break;
  }
  return { ok: true, data: Uint8Array.from(out) };
}

/** dataurl.DecodeString(s): the decoded data, or the library's error text. */
export function decodeDataUrl(s: string): DataUrlResult {
  const l = new Lexer(s);
  l.run();
  let mediaType = 'text/plain';
  let type = 'text';
  let subtype = 'plain';
  const params = new Map<string, string>([['charset', 'US-ASCII']]);
  let attr = '';
  let unquoteNext = false;
  let base64 = false;
  let data: Uint8Array | null = null;
  try {
    for (const it of l.items) {
      switch (it.t) {
        case 'error':
          return { ok: false, error: it.val };
        case 'mediaType':
          type = it.val;
          params.delete('charset');
          break;
        case 'mediaSubType':
          subtype = it.val;
          break;
        case 'paramAttr':
          attr = it.val;
          break;
        case 'leftQuote':
          unquoteNext = true;
          break;
        case 'paramVal': {
          let val = it.val;
          if (unquoteNext) {
            unquoteNext = false;
            // only validity matters to Ignition; the value is kept as written
            if (!goUnquotable(val)) throw new DecodeError('invalid syntax');
          } else {
            val = new TextDecoder().decode(unescape2396(val));
          }
          params.set(attr, val);
          break;
        }
        case 'base64Enc':
          base64 = true;
          break;
        case 'data':
          if (base64) {
            const d = goBase64Decode(it.val);
            if (!d.ok) throw new DecodeError(d.error);
            data = d.data;
          } else {
            data = unescape2396(it.val);
          }
          break;
        case 'eof':
          mediaType = `${type}/${subtype}`;
          return { ok: true, data: data ?? new Uint8Array(0), mediaType, params };
        default:
          break;
      }
    }
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: false, error: 'EOF not found' };
}
