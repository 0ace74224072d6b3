// The Go-compatible gzip encoder (butane compresses every embedded file with it) on 8 MiB
// inputs of several kinds, with Node's zlib at level 9 on the same bytes for scale (zlib's
// output differs from Go's; only the time is compared).

import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { gzipBestCompression } from '../src/core/go/gzip.ts';
import { gzipInput, type InputKind } from '../test/support/gzip-inputs.ts';
import { median } from './core.ts';

const SIZE = 8 << 20;

function time(runs: number, fn: () => void): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return median(t);
}

export function benchGzip(): Array<Record<string, string | number>> {
  const kinds: Array<[InputKind, string]> = [['config', 'unit-file-like text'], ['text', 'prose'], ['mixed', 'mixed segments'], ['random', 'random bytes']];
  gzipBestCompression(gzipInput('mixed', 1 << 20, 1)); // warm-up
  return kinds.map(([kind, label]) => {
    const input = gzipInput(kind, SIZE, 3);
    let outLength = 0;
    const ours = time(3, () => {
      outLength = gzipBestCompression(input).length;
    });
    const zlib = time(3, () => gzipSync(input, { level: 9 }));
    return {
      benchmark: `gzip 8 MiB ${label}`,
      'ms': +ours.toFixed(0),
      'zlib -9 ms (reference)': +zlib.toFixed(0),
      ratio: +(outLength / SIZE).toFixed(3),
    };
  });
}
