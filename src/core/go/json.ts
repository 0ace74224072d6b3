// encoding/json output (json.Marshal and json.MarshalIndent(v, "", indent)) for a plain value
// model. Object keys are written in insertion order: the caller lays out Go struct field order.
// (JS puts integer-like keys such as "10" first in a plain object; use a Map for those.)
//
// String escaping follows Go 1.16-1.21 (ct v0.9.4 predates 1.22, which started writing \b and
// \f): \n \r \t short forms, every other byte below 0x20 as \u00xx, HTML-safe escaping of < > &,
// and U+2028/U+2029 escaped for JSONP safety. DEL (0x7f) is written raw.

export { quoteGoString } from './strconv.ts';

export type JsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | JsonValue[]
  | ReadonlyMap<string, JsonValue>
  | { [key: string]: JsonValue | undefined };

const HEX = '0123456789abcdef';

/**
 * What Go escapes: quote, backslash, bytes below 0x20, < > &, U+2028/U+2029, and surrogates
 * without their pair (invalid UTF-8 once encoded). A regular expression finds them natively;
 * long strings (whole file contents in data URLs) mostly have none.
 */
const NEEDS_ESCAPE = /["\\<>&\u0000-\u001f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x22 || c === 0x5c) return '\\' + ch;
  if (c === 0x0a) return '\\n';
  if (c === 0x0d) return '\\r';
  if (c === 0x09) return '\\t';
  if (c < 0x80) return '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
  if (c === 0x2028 || c === 0x2029) return '\\u202' + HEX[c & 0xf];
  return '\\ufffd'; // a lone surrogate: Go replaces invalid UTF-8 with an escaped U+FFFD
}

/** Object keys repeat (the same field names in every file): each is encoded once. */
const keyCache = new Map<string, string>();
function encodedKey(key: string): string {
  let e = keyCache.get(key);
  if (e === undefined) {
    e = encodeString(key);
    if (keyCache.size < 1000) keyCache.set(key, e);
  }
  return e;
}

/** A key as compact output writes it: `"key":` as the first member, `,"key":` after another. */
const compactKeyCache = new Map<string, { first: string; later: string }>();
function compactKey(key: string): { first: string; later: string } {
  let e = compactKeyCache.get(key);
  if (e === undefined) {
    const first = encodedKey(key) + ':';
    e = { first, later: ',' + first };
    if (compactKeyCache.size < 1000) compactKeyCache.set(key, e);
  }
  return e;
}

/** The quoted JSON form Go writes for a string (HTML escaping on, as Marshal does). */
export function encodeString(s: string): string {
  return '"' + s.replace(NEEDS_ESCAPE, escapeChar) + '"';
}

function encodeNumber(n: number | bigint): string {
  // The value model carries Go ints only (bigint past 2^53); anything else is a caller bug.
  if (typeof n === 'bigint') return n.toString();
  if (!Number.isSafeInteger(n)) throw new TypeError(`json: not an integer: ${n}`);
  return String(n === 0 ? 0 : n);
}

/**
 * Streams encoding/json output into one string. (Appending to a string lets V8 build a rope
 * that is flattened once; collecting ~100k small pieces and joining them was 4x slower on a
 * 300 KB config.) Containers
 * are opened, given members (next) and closed; indentation follows json.MarshalIndent with an
 * empty prefix, and an empty container stays `{}` / `[]` on one line, as Go writes it.
 */
export class JsonWriter {
  private out = '';
  /** for each open container: whether it has a member yet */
  private readonly filled: boolean[] = [];
  private prefix = '';

  constructor(private readonly indent: string | null) {}

  scalar(v: null | boolean | number | bigint | string): void {
    if (v === null) this.out += 'null';
    else if (typeof v === 'string') this.out += encodeString(v);
    else if (typeof v === 'boolean') this.out += v ? 'true' : 'false';
    else this.out += encodeNumber(v);
  }

  open(bracket: '{' | '['): void {
    this.out += bracket;
    this.filled.push(false);
    if (this.indent !== null) this.prefix += this.indent;
  }

  /** Starts the next member of the innermost container: with a key in an object. */
  next(key?: string): void {
    const last = this.filled.length - 1;
    if (this.indent === null && key !== undefined) {
      // compact output: one piece per member, from the cache
      const k = compactKey(key);
      this.out += this.filled[last] ? k.later : k.first;
      this.filled[last] = true;
      return;
    }
    let piece = this.filled[last] ? ',' : '';
    this.filled[last] = true;
    if (this.indent !== null) piece += '\n' + this.prefix;
    if (key !== undefined) piece += encodedKey(key) + (this.indent === null ? ':' : ': ');
    this.out += piece;
  }

  close(bracket: '}' | ']'): void {
    const filled = this.filled.pop();
    if (this.indent !== null) {
      this.prefix = this.prefix.slice(0, this.prefix.length - this.indent.length);
      if (filled) this.out += '\n' + this.prefix;
    }
    this.out += bracket;
  }

  text(): string {
    return this.out;
  }
}

function write(w: JsonWriter, v: JsonValue | undefined): void {
  if (v === null || v === undefined || typeof v !== 'object') {
    w.scalar(v ?? null);
    return;
  }
  if (Array.isArray(v)) {
    w.open('[');
    for (let i = 0; i < v.length; i++) {
      w.next();
      write(w, v[i]);
    }
    w.close(']');
    return;
  }
  // undefined members are skipped so optional TS properties behave like absent fields.
  w.open('{');
  if (v instanceof Map) {
    for (const [k, e] of v) {
      if (e === undefined) continue;
      w.next(k);
      write(w, e);
    }
  } else {
    for (const k in v) {
      const e = (v as { [key: string]: JsonValue | undefined })[k];
      if (e === undefined) continue;
      w.next(k);
      write(w, e);
    }
  }
  w.close('}');
}

/** json.Marshal: compact output. */
export function marshal(value: JsonValue): string {
  const w = new JsonWriter(null);
  write(w, value);
  return w.text();
}

/** json.MarshalIndent(v, "", indent), without a trailing newline; empty [] and {} stay inline. */
export function marshalIndent(value: JsonValue, indent = '  '): string {
  const w = new JsonWriter(indent);
  write(w, value);
  return w.text();
}
