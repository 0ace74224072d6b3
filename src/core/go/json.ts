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
/** Appends the encoding of `v` to `out` (one array joined at the end: no nested string building). */
function write(out: string[], v: JsonValue | undefined, indent: string | null, prefix: string): void {
  if (v === null || v === undefined) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'number':
    case 'bigint':
      out.push(encodeNumber(v));
      return;
    case 'string':
      out.push(encodeString(v));
      return;
  }
  const inner = indent === null ? '' : prefix + indent;
  const open = indent === null ? '' : '\n' + inner;
  const sep = indent === null ? ',' : ',\n' + inner;
  const close = indent === null ? '' : '\n' + prefix;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[' + open);
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(sep);
      write(out, v[i], indent, inner);
    }
    out.push(close + ']');
    return;
  }
  if (typeof v === 'object') {
    // undefined members are skipped so optional TS properties behave like absent fields.
    const colon = indent === null ? ':' : ': ';
    let first = true;
    const member = (k: string, e: JsonValue | undefined) => {
      if (e === undefined) return;
      out.push((first ? '{' + open : sep) + encodeString(k) + colon);
      first = false;
      write(out, e, indent, inner);
    };
    if (v instanceof Map) for (const [k, e] of v) member(k, e);
    else for (const k in v) member(k, (v as { [key: string]: JsonValue | undefined })[k]);
    out.push(first ? '{}' : close + '}');
    return;
  }
  throw new TypeError(`json: unsupported value of type ${typeof v}`);
}

/** json.Marshal: compact output. */
export function marshal(value: JsonValue): string {
  const out: string[] = [];
  write(out, value, null, '');
  return out.join('');
}

/** json.MarshalIndent(v, "", indent), without a trailing newline; empty [] and {} stay inline. */
export function marshalIndent(value: JsonValue, indent = '  '): string {
  const out: string[] = [];
  write(out, value, indent, '');
  return out.join('');
}
