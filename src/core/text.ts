// Turns the bytes of a config file into text the way ct's YAML reader accepts them:
// UTF-8 (a BOM is skipped) or UTF-16 announced by a BOM. Anything else is an error.

export type DecodedText = { ok: true; text: string } | { ok: false; error: string };

export function decodeConfigBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    return { ok: false, error: 'yaml: invalid UTF-8 in input (the file must be UTF-8, or UTF-16 with a byte order mark)' };
  }
}

function utf16(body: Uint8Array, enc: 'utf-16le' | 'utf-16be'): DecodedText {
  if (body.length % 2) return { ok: false, error: 'yaml: incomplete UTF-16 character sequence' };
  try {
    return { ok: true, text: new TextDecoder(enc, { fatal: true }).decode(body) };
  } catch {
    return { ok: false, error: 'yaml: invalid UTF-16 in input' };
  }
}
