// Ignition's validateURL (config/v2_3/types/url.go), shared by the checks on config references,
// certificate authorities and file contents sources.

import { parseUrl, urlQuery } from '../go/url.ts';
import { decodeDataUrl } from '../go/dataurl-decode.ts';

export const ERR_INVALID_SCHEME = 'invalid url scheme';
export const ERR_INVALID_URL = 'unable to parse url';
export const ERR_INVALID_S3_VERSION_ID = 'invalid S3 object VersionId';

/**
 * `data:,` followed only by characters a URL may hold as they are, and `%`: the shape of every
 * data URL the converter writes for inline contents (thousands in a big config).
 */
const PLAIN_DATA_URL = /^data:,[A-Za-z0-9\-_.!~*'();/?:@&=+$,%]*$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/**
 * Such a URL is valid without the full parse: Go's url.Parse takes what follows `data:` as an
 * opaque part (no `#`, so no fragment), and the data URL decoder accepts every one of these
 * characters and every well-formed escape. The tests compare both ways on random URLs.
 */
export function isPlainDataUrl(s: string): boolean {
  if (s.startsWith('data:;base64,')) return CANONICAL_BASE64_DATA_URL.test(s);
  return PLAIN_DATA_URL.test(s) && !BAD_ESCAPE.test(s);
}

/**
 * `data:;base64,` and padded standard base64: the shape butane gives every file it embeds. Its
 * characters are all opaque-part characters to url.Parse, and the decoder takes such base64.
 */
const CANONICAL_BASE64_DATA_URL = /^data:;base64,(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The error message Ignition reports for a source URL, or null when it is acceptable. */
export function validateUrl(s: string, shortcut = true): string | null {
  // an empty source is valid: it means an empty file
  if (s === '') return null;
  if (shortcut && isPlainDataUrl(s)) return null;
  const u = parseUrl(s);
  if (!u.ok) return ERR_INVALID_URL;
  switch (u.scheme) {
    case 'http':
    case 'https':
    case 'oem':
    case 'tftp':
      return null;
    case 's3': {
      const v = urlQuery(u.rawQuery).get('versionId');
      if (v !== undefined && (v.length === 0 || v[0] === '')) return ERR_INVALID_S3_VERSION_ID;
      return null;
    }
    case 'data': {
      const d = decodeDataUrl(s);
      return d.ok ? null : d.error;
    }
    default:
      return ERR_INVALID_SCHEME;
  }
}
