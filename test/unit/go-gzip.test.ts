// gzipBestCompression against outputs recorded with Go 1.23.5's compress/gzip at
// BestCompression (one Write of the whole input, then Close, as butane does). Inputs are
// regenerated from (kind, size, seed) by test/support/gzip-inputs.ts; the fixture keeps Go's
// output hash and length, and the whole output when it is small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { gzipBestCompression } from '../../src/core/go/gzip.ts';
import { crc32 } from '../../src/core/go/crc32.ts';
import { gzipInput, gzipVectorCases, type InputKind } from '../support/gzip-inputs.ts';
import { Rng } from '../support/rng.ts';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'go-gzip');

interface Vector {
  name: string;
  kind: InputKind;
  size: number;
  seed: number;
  gzipLength: number;
  sha256: string;
  gzipBase64?: string;
}

const { vectors } = JSON.parse(readFileSync(path.join(FIXTURES, 'vectors.json'), 'utf8')) as { vectors: Vector[] };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

test('the fixture covers every generated case, each kind from 0-1 bytes to 1 MiB', () => {
  assert.deepEqual(
    vectors.map((v) => `${v.name}/${v.kind}/${v.size}/${v.seed}`),
    gzipVectorCases().map((c) => `${c.name}/${c.kind}/${c.size}/${c.seed}`),
  );
  const kinds = new Set(vectors.map((v) => v.kind));
  assert.equal(kinds.size, 8);
  for (const kind of kinds) {
    const sizes = vectors.filter((v) => v.kind === kind).map((v) => v.size);
    assert.ok(sizes.includes(1) && sizes.includes(65535) && sizes.includes(65537) && sizes.includes(1 << 20));
  }
});

for (const kind of new Set(vectors.map((v) => v.kind))) {
  test(`Go's bytes for ${kind} inputs`, () => {
    for (const v of vectors.filter((x) => x.kind === kind)) {
      const input = gzipInput(v.kind, v.size, v.seed);
      const out = gzipBestCompression(input);
      if (v.gzipBase64 !== undefined) {
        assert.equal(Buffer.from(out).toString('base64'), v.gzipBase64, v.name);
      }
      assert.equal(out.length, v.gzipLength, `${v.name}: length`);
      assert.equal(sha256(out), v.sha256, `${v.name}: sha256`);
      assert.ok(Buffer.from(gunzipSync(out)).equals(Buffer.from(input)), `${v.name}: zlib inflates it back`);
    }
  });
}

test('the payloads butane v0.29.0 embedded in the corpus are reproduced from their contents', () => {
  const { payloads } = JSON.parse(readFileSync(path.join(FIXTURES, 'butane-payloads.json'), 'utf8')) as {
    payloads: { case: string; path: string; base64: string }[];
  };
  assert.ok(payloads.length >= 6);
  for (const p of payloads) {
    const recorded = Buffer.from(p.base64, 'base64');
    const original = gunzipSync(recorded);
    const ours = gzipBestCompression(new Uint8Array(original));
    assert.equal(Buffer.from(ours).toString('base64'), p.base64, `${p.case} ${p.path}`);
  }
});

test('header and trailer: no name, zero mtime, XFL 2, OS 255; CRC-32 and size', () => {
  const input = new TextEncoder().encode('hello, gzip');
  const out = gzipBestCompression(input);
  assert.deepEqual([...out.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
  const trailer = Buffer.from(out.subarray(out.length - 8));
  assert.equal(trailer.readUInt32LE(0), crc32(input));
  assert.equal(trailer.readUInt32LE(4), input.length);
  // The stream always ends with Go's empty final stored block (its LEN/NLEN just before the trailer).
  assert.deepEqual([...out.subarray(out.length - 12, out.length - 8)], [0, 0, 0xff, 0xff]);
});

test('crc32: the IEEE check value', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
});

test('random inputs of every shape inflate back (seeded)', () => {
  const rng = new Rng(20261207);
  const kinds: InputKind[] = ['text', 'repeated', 'random', 'binary', 'mixed', 'runs', 'config', 'dna'];
  for (let i = 0; i < 60; i++) {
    const seed = rng.int(1 << 30);
    const size = rng.chance(0.5) ? rng.int(600) : rng.int(150000);
    const kind = rng.pick(kinds);
    const input = gzipInput(kind, size, seed);
    const out = gzipBestCompression(input);
    assert.ok(Buffer.from(gunzipSync(out)).equals(Buffer.from(input)), `${kind} size ${size} seed ${seed}`);
  }
});

test('calls are independent: the shared tables carry nothing from one input to the next', () => {
  const small = gzipInput('config', 3000, 11);
  const first = gzipBestCompression(small);
  gzipBestCompression(gzipInput('text', 200000, 12)); // fills the hash tables with other positions
  assert.deepEqual(gzipBestCompression(small), first);
  assert.deepEqual(gzipBestCompression(small), first);
});
