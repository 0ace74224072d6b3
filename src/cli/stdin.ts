// Standard input read whole and synchronously: both CLIs take their config from it when no file
// is named, and finish before any output is written.

import * as fs from 'node:fs';

export function readAllStdin(): Uint8Array {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n = 0;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e: any) {
      // a non-blocking stdin (a pipe set up by some shells) says "try again" instead of blocking
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}
