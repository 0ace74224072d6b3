// Property-based fuzzing of the Butane core and the editor features for Butane configs, with a
// fixed seed and a bounded budget (the long version is `npm run fuzz`; the comparison with the
// real butane is test/fuzz/butane-differential.ts). See test/fuzz/butane-properties.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { butaneInputArb, checkButaneCore, checkButaneFeatures, fakeButaneFiles, generateButane, loadButaneCorpus } from '../fuzz/butane-properties.ts';
import type { ButaneInput } from '../fuzz/butane-properties.ts';
import { probeOffsets, Rng } from '../fuzz/properties.ts';
import type { Violation } from '../fuzz/properties.ts';
import { transpileButane } from '../../src/core/butane/transpile.ts';

const SEED = 20261207;
/** one stage of one input may take this long before it counts as a hang (generous: CI machines are slow) */
const SLOW_MS = 5_000;

const corpus = loadButaneCorpus();

const ascii = (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

function report(input: ButaneInput, violations: Violation[]): string {
  return `${input.origin} (files: ${input.files})\n${violations.map((v) => `  ${v.kind}: ${v.detail}`).join('\n')}\n--- input (JSON) ---\n${ascii(input.text.slice(0, 4000))}`;
}

test('butane corpus: every core property holds, with and without a files directory', { timeout: 60_000 }, () => {
  for (const c of corpus) {
    for (const files of [false, true]) {
      const input: ButaneInput = { text: c.text, files, origin: `corpus:${c.name}` };
      const { violations } = checkButaneCore(input, SLOW_MS);
      assert.deepEqual(violations, [], report(input, violations));
    }
  }
});

test('the schema generator mostly makes configs butane accepts (so the success path is fuzzed)', () => {
  let ok = 0;
  for (let s = 1; s <= 200; s++) if (transpileButane(generateButane(s), { files: fakeButaneFiles }).output !== null) ok++;
  assert.ok(ok >= 60, `${ok} of 200 generated configs transpile`);
});

test('mutated and generated Butane configs: no throw, reports placed inside, outputs valid Ignition, pretty = compact, runs repeat', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(butaneInputArb(corpus), (input) => {
      const { violations } = checkButaneCore(input, SLOW_MS);
      if (violations.length) throw new Error(report(input, violations));
    }),
    { seed: SEED, numRuns: 1000, endOnFailure: true },
  );
});

test('Butane editor features at random offsets: diagnostics, completion, hover, definition, symbols, folding, quick fixes never throw, ranges inside', { timeout: 60_000 }, () => {
  let n = 0;
  for (const c of corpus.filter((_, i) => i % 3 === 0)) {
    const input: ButaneInput = { text: c.text, files: false, origin: `corpus:${c.name}` };
    const violations = checkButaneFeatures(input, probeOffsets(c.text, new Rng(SEED + n++), 6), SLOW_MS);
    assert.deepEqual(violations, [], report(input, violations));
  }
  fc.assert(
    fc.property(butaneInputArb(corpus), fc.integer({ min: 1, max: 1 << 30 }), (input, seed) => {
      const violations = checkButaneFeatures(input, probeOffsets(input.text, new Rng(seed), 8), SLOW_MS);
      if (violations.length) throw new Error(report(input, violations));
    }),
    { seed: SEED + 1, numRuns: 250, endOnFailure: true },
  );
});
