// The gzip encoder butane's output depends on (Go's compress/gzip at BestCompression, byte for
// byte). It comes from src/core/go/gzip.ts (branch go-gzip); until that lands this returns null
// and data URLs are chosen among the uncompressed encodings only, so outputs where butane picks
// gzip differ.

export function gzipBestCompression(_data: Uint8Array): Uint8Array | null {
  return null;
}
