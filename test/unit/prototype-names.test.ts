// Words that name members of Object.prototype (`toString`, `constructor`, `__proto__`...) are
// ordinary text to ct and butane. Any table lookup keyed by the user's text on a plain object
// would treat them differently: this test puts them where keys and values stand in the corpus
// configs and expects exactly what a neutral word of the same shape gives, with the word swapped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transpile } from '../../src/core/transpile.ts';
import { transpileButane } from '../../src/core/butane/transpile.ts';
import { loadCorpus } from '../fuzz/properties.ts';

const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'toLocaleString', 'isPrototypeOf', '__defineGetter__'];

/** The same shape (length, case, first character, underscores), letters no lookup table knows. */
function neutral(word: string): string {
  return word.replace(/[a-z]/g, 'q').replace(/[A-Z]/g, 'Q').replace(/^q/, word[0]).replace(/^Q/, word[0]);
}

// keys whose values are contents: a swapped word there changes bytes (base64, gzip) not text
const CONTENT_KEYS = /^(inline|source|contents|data|ca|cert|key|hash|verification)$/;
const LINE = /^(\s*(?:- )?)([a-z_]+): ([A-Za-z0-9/._-]+)\s*$/;

/** Variants of `text` with `word` as the value, then as the key, of some plain `key: value` lines. */
function* placements(text: string, word: string): Generator<string> {
  const lines = text.split('\n');
  let taken = 0;
  for (let i = 0; i < lines.length && taken < 4; i++) {
    const m = LINE.exec(lines[i]);
    if (!m || CONTENT_KEYS.test(m[2])) continue;
    taken++;
    for (const line of [`${m[1]}${m[2]}: ${word}`, `${m[1]}${word}: ${m[3]}`]) {
      const copy = lines.slice();
      copy[i] = line;
      yield copy.join('\n');
    }
  }
}

function check(label: string, run: (text: string) => unknown, cases: Array<{ name: string; text: string }>): number {
  let compared = 0;
  for (const c of cases) {
    for (const word of NAMES) {
      const plain = neutral(word);
      const withWord = [...placements(c.text, word)];
      const withPlain = [...placements(c.text, plain)];
      for (let k = 0; k < withWord.length; k++) {
        // (go-yaml shortens long values in its messages: `constru...`; ct lowercases some values)
        const got = JSON.stringify(run(withWord[k]))
          .split(word).join(plain)
          .split(word.toLowerCase()).join(plain.toLowerCase())
          .split(word.slice(0, 7) + '...').join(plain.slice(0, 7) + '...');
        const want = JSON.stringify(run(withPlain[k]));
        assert.equal(got, want, `${label} ${c.name}: "${word}" is not ordinary text\n${withWord[k]}`);
        compared++;
      }
    }
  }
  return compared;
}

test('names of Object.prototype members are ordinary words to the Container Linux Config transpiler', () => {
  const cases = loadCorpus('conformance');
  const n = check('clc', (text) => {
    const r = transpile(text, { hints: true });
    return [r.output, r.diagnostics.map((d) => [d.severity, d.message, d.span?.start])];
  }, cases);
  assert.ok(n > 1000, `only ${n} comparisons`);
});

test('names of Object.prototype members are ordinary words to the Butane transpiler', () => {
  const cases = loadCorpus('butane-conformance');
  const n = check('butane', (text) => {
    const r = transpileButane(text);
    return [r.output, r.error, r.entries.map((e) => [e.kind, e.message, e.offset])];
  }, cases);
  assert.ok(n > 1000, `only ${n} comparisons`);
});

