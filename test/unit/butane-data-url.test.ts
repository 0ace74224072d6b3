// butane's MakeDataURL picks the shortest of three encodings. makeDataUrl compares their lengths
// before building only the chosen one; this test builds all three the plain way and checks that
// the same URL and compression come out, over contents of many sizes and kinds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDataUrl } from '../../src/core/butane/data-url.ts';
import { escapeDataUrl, escapedDataUrlLength } from '../../src/core/go/dataurl.ts';
import { gzipBestCompression } from '../../src/core/go/gzip.ts';
import { Rng } from '../support/rng.ts';

function reference(contents: Uint8Array, compression: string | null, allow: boolean): { url: string; compression: string | null } {
  const userCompressed = compression != null && compression !== '';
  let out: string | null = userCompressed ? null : '';
  let opaque = ',' + escapeDataUrl(contents);
  const b64 = ';base64,' + Buffer.from(contents).toString('base64');
  if (b64.length < opaque.length) opaque = b64;
  if (!userCompressed && allow) {
    const gz = ';base64,' + Buffer.from(gzipBestCompression(contents)).toString('base64');
    if (gz.length + 4 < opaque.length) {
      opaque = gz;
      out = 'gzip';
    }
  }
  return { url: 'data:' + opaque, compression: out };
}

function contents(rng: Rng): Uint8Array {
  const n = rng.chance(0.8) ? rng.int(200) : rng.int(20000);
  const kind = rng.int(5);
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    b[i] =
      kind === 0 ? 97 + rng.int(26) // letters: escaped form wins
      : kind === 1 ? rng.int(256) // random bytes: base64 wins
      : kind === 2 ? 97 + (i % 7) // repetitive: gzip wins
      : kind === 3 ? ' /%\n=é'.charCodeAt(rng.int(6)) & 0xff // much to escape
      : [0xe2, 0x82, 0xac, 0x41, 0xc3][rng.int(5)]; // valid and invalid UTF-8
  }
  return b;
}

test('makeDataUrl gives what building all three encodings gives', () => {
  const rng = new Rng(11);
  const won = new Set<string>();
  for (let i = 0; i < 3000; i++) {
    const data = contents(rng);
    assert.equal(escapedDataUrlLength(data), escapeDataUrl(data).length);
    const compression = [null, '', 'gzip'][rng.int(3)];
    const allow = rng.chance(0.9);
    const got = makeDataUrl(data, compression, allow);
    assert.deepEqual(got, reference(data, compression, allow), `case ${i}`);
    won.add(got.compression === 'gzip' ? 'gzip' : got.url.startsWith('data:;base64,') ? 'base64' : 'escaped');
  }
  assert.deepEqual([...won].sort(), ['base64', 'escaped', 'gzip']);
});
