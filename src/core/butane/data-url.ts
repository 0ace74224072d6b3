// butane's MakeDataURL: of the URL-escaped, base64 and gzip+base64 encodings of some contents,
// the shortest becomes a `data:` URL (gzip only when the config did not set a compression, and
// counting the "gzip" it adds to the compression field).

import { escapeDataUrl } from '../go/dataurl.ts';
import { gzipBestCompression } from '../go/gzip.ts';

export interface DataUrl {
  url: string;
  /** the compression to set: "" or "gzip" when the config had none, null to leave it alone */
  compression: string | null;
}

export function makeDataUrl(contents: Uint8Array, currentCompression: string | null | undefined, allowCompression: boolean): DataUrl {
  const userCompressed = currentCompression != null && currentCompression !== '';
  let compression: string | null = userCompressed ? null : '';
  let opaque = ',' + escapeDataUrl(contents);
  const b64 = ';base64,' + Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength).toString('base64');
  if (b64.length < opaque.length) opaque = b64;
  if (!userCompressed && allowCompression) {
    const gz = gzipBestCompression(contents);
    {
      const gzUrl = ';base64,' + Buffer.from(gz.buffer, gz.byteOffset, gz.byteLength).toString('base64');
      if (gzUrl.length + 4 < opaque.length) {
        opaque = gzUrl;
        compression = 'gzip';
      }
    }
  }
  return { url: 'data:' + opaque, compression };
}
