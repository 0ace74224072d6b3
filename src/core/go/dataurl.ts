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
  // encodeURIComponent keeps exactly the RFC 2396 unreserved set and writes UTF-8 bytes as
  // upper-case %XX, so for well-formed text it is the same function, and much faster on
  // megabytes of contents. Bytes that are not UTF-8 (and lone surrogates) take the byte loop.
  if (typeof data === 'string') {
    try {
      return encodeURIComponent(data);
    } catch {
      return escapeBytes(UTF8.encode(data));
    }
  }
  try {
    return encodeURIComponent(UTF8_STRICT.decode(data));
  } catch {
    return escapeBytes(data);
  }
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ESCAPED: string[] = Array.from({ length: 256 }, (_, b) => (isUnreserved(b) ? String.fromCharCode(b) : '%' + UPPER_HEX[b >> 4] + UPPER_HEX[b & 0xf]));

/** escapeDataUrl(bytes).length, without building the string. */
export function escapedDataUrlLength(bytes: Uint8Array): number {
  let n = bytes.length;
  for (let i = 0; i < bytes.length; i++) if (!UNRESERVED[bytes[i]]) n += 2;
  return n;
}
const UNRESERVED = Uint8Array.from({ length: 256 }, (_, b) => (isUnreserved(b) ? 1 : 0));

function escapeBytes(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    let out = '';
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) out += ESCAPED[bytes[j]];
    parts.push(out);
  }
  return parts.join('');
}

/**
 * The source ct writes for inline or local contents: url.URL{Scheme: "data", Opaque: "," +
 * dataurl.Escape(contents)}.String(). With a non-empty Opaque, String() is just scheme ":" opaque.
 */
export function inlineDataUrl(contents: Uint8Array | string): string {
  return 'data:,' + escapeDataUrl(contents);
}
