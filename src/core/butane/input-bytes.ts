// The text of a Butane config file. What cannot be read is refused with butane's words: when
// the bytes are not valid UTF-8 (and no UTF-16 byte order mark announces another encoding), the
// error is the one go-yaml's reader stops at ("yaml: invalid leading UTF-8 octet"...).

import { decodeConfigBytes } from '../text.ts';
import type { DecodedText } from '../text.ts';
import { goYamlUtf8Error } from '../yaml/utf8-reader.ts';

export function decodeButaneBytes(bytes: Uint8Array): DecodedText {
  const decoded = decodeConfigBytes(bytes);
  if (decoded.ok) return decoded;
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const refused = utf16 ? null : goYamlUtf8Error(bytes);
  return refused ? { ok: false, error: `yaml: ${refused.message}` } : decoded;
}
