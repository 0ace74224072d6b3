// gzip (RFC 1952) as Go's compress/gzip writes it at BestCompression with an empty Header —
// what butane embeds as `compression: gzip` contents, so the bytes must match Go's exactly.

import { BitSink } from './deflate-block.ts';
import { deflateBestCompression } from './deflate.ts';
import { crc32 } from './crc32.ts';

/** gzip.NewWriterLevel(w, gzip.BestCompression), one Write of `data`, Close: the same bytes. */
export function gzipBestCompression(data: Uint8Array): Uint8Array {
  const sink = new BitSink(data.length + (data.length >>> 10) + 64);
  // Header: magic, method deflate, no flags (no name/comment/extra), mtime 0,
  // XFL 2 (Go's mark for its best-compression level), OS 255 (unknown).
  const header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255];
  for (const b of header) sink.bits(b, 8);
  deflateBestCompression(data, sink);
  sink.align();
  const crc = crc32(data);
  const size = data.length >>> 0; // ISIZE is the length modulo 2^32
  sink.bits(crc & 0xffff, 16);
  sink.bits(crc >>> 16, 16);
  sink.bits(size & 0xffff, 16);
  sink.bits(size >>> 16, 16);
  return sink.result();
}
