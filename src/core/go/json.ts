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


// Writes one value; `indent` null means compact. `prefix` is the current line's indentation.
function write(v: JsonValue | undefined, indent: string | null, prefix: string): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean': return v ? 'true' : 'false';
    case 'number': return encodeNumber(v);
    case 'bigint': return encodeNumber(v);
    case 'string': return encodeString(v);
  }
  const inner = indent === null ? '' : prefix + indent;
  const open = indent === null ? '' : '\n' + inner;
  const sep = indent === null ? ',' : ',\n' + inner;
  const close = indent === null ? '' : '\n' + prefix;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + open + v.map((e) => write(e, indent, inner)).join(sep) + close + ']';
  }
  if (typeof v === 'object') {
    // undefined members are skipped so optional TS properties behave like absent fields.
    const parts: string[] = [];
    const colon = indent === null ? ':' : ': ';
    const entries = v instanceof Map ? v.entries() : Object.entries(v);
    for (const [k, e] of entries as Iterable<[string, JsonValue | undefined]>) {
      if (e === undefined) continue;
      parts.push(encodeString(k) + colon + write(e, indent, inner));
    }
    if (parts.length === 0) return '{}';
    return '{' + open + parts.join(sep) + close + '}';
  }
  throw new TypeError(`json: unsupported value of type ${typeof v}`);
}

/** json.Marshal: compact output. */
export function marshal(value: JsonValue): string {
  return write(value, null, '');
}

/** json.MarshalIndent(v, "", indent), without a trailing newline; empty [] and {} stay inline. */
export function marshalIndent(value: JsonValue, indent = '  '): string {
  return write(value, indent, '');
}
