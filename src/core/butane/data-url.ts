// butane's MakeDataURL: of the URL-escaped, base64 and gzip+base64 encodings of some contents,
// the shortest becomes a `data:` URL (gzip only when the config did not set a compression, and
// counting the "gzip" it adds to the compression field).

import { escapeDataUrl, escapedDataUrlLength } from '../go/dataurl.ts';
import { gzipBestCompression } from '../go/gzip.ts';

export interface DataUrl {
  url: string;
  /** the compression to set: "" or "gzip" when the config had none, null to leave it alone */
  compression: string | null;
}

export function makeDataUrl(contents: Uint8Array, currentCompression: string | null | undefined, allowCompression: boolean): DataUrl {
  const userCompressed = currentCompression != null && currentCompression !== '';
  // the three candidates are compared by length; only the one chosen is built
  const escapedLength = 1 + escapedDataUrlLength(contents); // ",..."
  const base64Length = BASE64_MARK.length + 4 * Math.ceil(contents.length / 3);
  let chosen: 'escaped' | 'base64' | 'gzip' = base64Length < escapedLength ? 'base64' : 'escaped';
  let gz: Uint8Array | null = null;
  if (!userCompressed && allowCompression) {
    gz = gzipBestCompression(contents);
    // the "gzip" the compression field gains counts against it
    if (BASE64_MARK.length + 4 * Math.ceil(gz.length / 3) + 4 < Math.min(escapedLength, base64Length)) chosen = 'gzip';
  }
  const compression = userCompressed ? null : chosen === 'gzip' ? 'gzip' : '';
  if (chosen === 'escaped') return { url: 'data:,' + escapeDataUrl(contents), compression };
  const bytes = chosen === 'gzip' ? gz! : contents;
  return { url: 'data:' + BASE64_MARK + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), compression };
}

const BASE64_MARK = ';base64,';
