// go-yaml's reader on UTF-8 input (yaml.v3 readerc.go, the same in ct's yaml.v2): the first byte
// sequence it refuses and its message. Butane prints these as its YAML error when a config is
// not valid UTF-8; we cannot read such a file either, so only the wording is at stake.

export interface Utf8ReaderError {
  /** byte offset of the refused sequence */
  offset: number;
  message: string;
}

/** The error go-yaml's reader stops at, or null when every character is accepted. */
export function goYamlUtf8Error(bytes: Uint8Array): Utf8ReaderError | null {
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const width = (lead & 0x80) === 0 ? 1 : (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0;
    if (width === 0) return { offset: i, message: 'invalid leading UTF-8 octet' };
    if (width > bytes.length - i) return { offset: i, message: 'incomplete UTF-8 octet sequence' };
    let value = width === 1 ? lead & 0x7f : width === 2 ? lead & 0x1f : width === 3 ? lead & 0x0f : lead & 0x07;
    for (let k = 1; k < width; k++) {
      const b = bytes[i + k];
      if ((b & 0xc0) !== 0x80) return { offset: i + k, message: 'invalid trailing UTF-8 octet' };
      value = value * 64 + (b & 0x3f);
    }
    const minimum = [0, 0, 0x80, 0x800, 0x10000][width];
    if (value < minimum) return { offset: i, message: 'invalid length of a UTF-8 sequence' };
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return { offset: i, message: 'invalid Unicode character' };
    if (!allowed(value)) return { offset: i, message: 'control characters are not allowed' };
    i += width;
  }
  return null;
}

/** The characters the reader lets through (YAML 1.1's printable set, plus tab and line breaks). */
function allowed(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}
