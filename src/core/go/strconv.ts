// Go strconv behaviours that surface in ct's messages: Quote (also what fmt's %q prints for a
// string) and ParseInt's NumError text.
//
// Toolchain assumption: ct v0.9.4 (tagged Sep 2022) as built by its release Docker image, i.e.
// Go 1.19. The one Quote difference from Go <= 1.18 is DEL, which 1.19+ writes as \x7f
// (older releases wrote \u007f).

const LOWER_HEX = '0123456789abcdef';

// unicode.IsPrint is "categories L, M, N, P, S, plus U+0020". JS property escapes give us the
// same categories, from Node's ICU tables (Unicode 15) rather than Go 1.19's (Unicode 13): only
// code points assigned in Unicode 14/15 can be judged differently.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint (see the Unicode-version note on PRINTABLE). */
export function isGoPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  let out = '';
  for (let shift = (width - 1) * 4; shift >= 0; shift -= 4) out += LOWER_HEX[(n >>> shift) & 0xf];
  return out;
}

// Escapes one valid rune the way strconv's quoteWith does for a double-quoted literal.
function quoteRune(cp: number): string {
  if (cp === 0x22) return '\\"';
  if (cp === 0x5c) return '\\\\';
  if (isGoPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/**
 * Decodes one rune at `i` with utf8.DecodeRune's rules (no overlongs, no surrogates, nothing
 * above U+10FFFF). Returns the code point and width, or null for an invalid byte (width 1).
 */
export function decodeUtf8Rune(b: Uint8Array, i: number): { cp: number; width: number } | null {
  const c0 = b[i]!;
  if (c0 < 0x80) return { cp: c0, width: 1 };
  let need: number;
  let cp: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c0 >= 0xc2 && c0 <= 0xdf) { need = 1; cp = c0 & 0x1f; }
  else if (c0 >= 0xe0 && c0 <= 0xef) {
    need = 2; cp = c0 & 0x0f;
    if (c0 === 0xe0) lo = 0xa0;
    if (c0 === 0xed) hi = 0x9f;
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    need = 3; cp = c0 & 0x07;
    if (c0 === 0xf0) lo = 0x90;
    if (c0 === 0xf4) hi = 0x8f;
  } else return null;
  if (i + need >= b.length) return null; // truncated sequence: the lead byte is invalid alone
  for (let k = 1; k <= need; k++) {
    const c = b[i + k]!;
    const min = k === 1 ? lo : 0x80;
    const max = k === 1 ? hi : 0xbf;
    if (c < min || c > max) return null;
    cp = (cp << 6) | (c & 0x3f);
  }
  return { cp, width: need + 1 };
}

/** strconv.Quote over raw bytes: invalid UTF-8 bytes become \xNN. */
export function quoteGoBytes(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length;) {
    const r = decodeUtf8Rune(bytes, i);
    if (r === null) {
      out += '\\x' + hex(bytes[i]!, 2);
      i += 1;
    } else {
      out += quoteRune(r.cp);
      i += r.width;
    }
  }
  return out + '"';
}

/**
 * strconv.Quote / fmt's %q for a string. A JS string stands for its UTF-8 bytes; a lone
 * surrogate stands for its 3-byte (invalid in Go) encoding, so it prints as three \x escapes,
 * as Go would print such bytes.
 */
export function quoteGoString(s: string | Uint8Array): string {
  if (typeof s !== 'string') return quoteGoBytes(s);
  let out = '"';
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += '\\x' + hex(0xe0 | (cp >> 12), 2) + '\\x' + hex(0x80 | ((cp >> 6) & 0x3f), 2) +
        '\\x' + hex(0x80 | (cp & 0x3f), 2);
    } else {
      out += quoteRune(cp);
    }
    i += width;
  }
  return out + '"';
}

export type ParseIntResult = { ok: true; value: bigint } | { ok: false; error: string };

const INT64_CUTOFF = 1n << 63n;
const UINT64_MAX = (1n << 64n) - 1n;

function numError(num: string, reason: 'invalid syntax' | 'value out of range'): ParseIntResult {
  return { ok: false, error: `strconv.ParseInt: parsing ${quoteGoString(num)}: ${reason}` };
}

/**
 * strconv.ParseInt(s, 10, 64). Errors are NumError texts; as in Go, the first bad digit or the
 * first overflow met left to right decides which one.
 */
export function parseInt64(s: string): ParseIntResult {
  if (s === '') return numError(s, 'invalid syntax');
  let neg = false;
  let digits = s;
  if (s[0] === '+') digits = s.slice(1);
  else if (s[0] === '-') { neg = true; digits = s.slice(1); }
  if (digits === '') return numError(s, 'invalid syntax');
  const cutoff = UINT64_MAX / 10n + 1n;
  let n = 0n;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return numError(s, 'invalid syntax');
    if (n >= cutoff) return numError(s, 'value out of range');
    const n1 = n * 10n + BigInt(c - 0x30);
    if (n1 > UINT64_MAX) return numError(s, 'value out of range');
    n = n1;
  }
  if (!neg && n >= INT64_CUTOFF) return numError(s, 'value out of range');
  if (neg && n > INT64_CUTOFF) return numError(s, 'value out of range');
  return { ok: true, value: neg ? -n : n };
}
