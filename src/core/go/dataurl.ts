// github.com/vincent-petithory/dataurl v1.0.0's Escape/EscapeString, and the `data:,` source
// URLs ct builds from inline and local file contents (and from update.conf contents).

const UTF8 = new TextEncoder();

// RFC 2396 "unreserved": alphanumerics and - _ . ! ~ * ' ( ). Everything else, including every
// non-ASCII byte, is written as %XX with upper-case hex.
function isUnreserved(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) ||
    b === 0x2d || b === 0x5f || b === 0x2e || b === 0x21 || b === 0x7e || b === 0x2a ||
    b === 0x27 || b === 0x28 || b === 0x29;
}

const UPPER_HEX = '0123456789ABCDEF';

/**
 * dataurl.Escape (bytes) / dataurl.EscapeString (string, taken as its UTF-8 bytes; a lone
 * surrogate encodes as U+FFFD's bytes, the only choice a JS string leaves).
 */
export function escapeDataUrl(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? UTF8.encode(data) : data;
  let out = '';
  for (const b of bytes) {
    out += isUnreserved(b) ? String.fromCharCode(b) : '%' + UPPER_HEX[b >> 4] + UPPER_HEX[b & 0xf];
  }
  return out;
}

/**
 * The source ct writes for inline or local contents: url.URL{Scheme: "data", Opaque: "," +
 * dataurl.Escape(contents)}.String(). With a non-empty Opaque, String() is just scheme ":" opaque.
 */
export function inlineDataUrl(contents: Uint8Array | string): string {
  return 'data:,' + escapeDataUrl(contents);
}
