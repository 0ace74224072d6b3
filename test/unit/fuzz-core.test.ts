// Property-based fuzzing of the core and the editor features with a fixed seed and a bounded
// budget (the long version is `npm run fuzz`). Inputs: the conformance corpus, mutations of it,
// and configs generated from the model. See test/fuzz/properties.ts for what is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkCore, checkFeatures, inputArb, loadCorpus, loadFeatures, probeOffsets, Rng } from '../fuzz/properties.ts';
import type { FuzzInput, Violation } from '../fuzz/properties.ts';

const SEED = 20251125;
/** one stage of one input may take this long before it counts as a hang (generous: CI machines are slow) */
const SLOW_MS = 5_000;

const corpus = loadCorpus();

/** JSON with every non-ASCII character escaped, so invisible ones show */
const ascii = (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

function report(input: FuzzInput, violations: Violation[]): string {
  return `${input.origin} (${JSON.stringify({ ...input.options, readFile: undefined })})\n${violations.map((v) => `  ${v.kind}: ${v.detail}`).join('\n')}\n--- input (JSON) ---\n${ascii(input.text.slice(0, 4000))}`;
}

test('the corpus passes every core property', { timeout: 60_000 }, () => {
  for (const c of corpus) {
    const input: FuzzInput = { text: c.text, options: {}, origin: `corpus:${c.name}` };
    const { violations } = checkCore(input, SLOW_MS);
    assert.deepEqual(violations, [], report(input, violations));
  }
});

test('mutated and generated configs: parse, check and convert never throw, spans stay inside, runs repeat', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(inputArb(corpus), (input) => {
      const { violations } = checkCore(input, SLOW_MS);
      if (violations.length) throw new Error(report(input, violations));
    }),
    { seed: SEED, numRuns: 2500, endOnFailure: true },
  );
});

test('editor features at random offsets: no throw, ranges inside, quick fixes fix', { timeout: 60_000 }, async () => {
  const features = await loadFeatures();
  if (!features.ClcDocument) return; // nothing to fuzz yet
  let n = 0;
  for (const c of corpus.filter((_, i) => i % 3 === 0)) {
    const input: FuzzInput = { text: c.text, options: {}, origin: `corpus:${c.name}` };
    const violations = checkFeatures(features, input, probeOffsets(c.text, new Rng(SEED + n++), 6), SLOW_MS);
    assert.deepEqual(violations, [], report(input, violations));
  }
  fc.assert(
    fc.property(inputArb(corpus), fc.integer({ min: 1, max: 1 << 30 }), (input, seed) => {
      const violations = checkFeatures(features, input, probeOffsets(input.text, new Rng(seed), 8), SLOW_MS);
      if (violations.length) throw new Error(report(input, violations));
    }),
    { seed: SEED + 1, numRuns: 500, endOnFailure: true },
  );
});
