// Ignition's validateURL (config/v2_3/types/url.go), shared by the checks on config references,
// certificate authorities and file contents sources.

import { parseUrl, urlQuery } from '../go/url.ts';
import { decodeDataUrl } from '../go/dataurl-decode.ts';

export const ERR_INVALID_SCHEME = 'invalid url scheme';
export const ERR_INVALID_URL = 'unable to parse url';
export const ERR_INVALID_S3_VERSION_ID = 'invalid S3 object VersionId';

/** The error message Ignition reports for a source URL, or null when it is acceptable. */
export function validateUrl(s: string): string | null {
  // an empty source is valid: it means an empty file
  if (s === '') return null;
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
