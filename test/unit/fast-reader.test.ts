// The fast reader must build exactly the tree the yaml package's parser builds, or decline.
// Compared on the conformance corpus, the examples, hand-picked edge cases and generated
// documents (test/support/yaml-gen.ts; `npm run fuzz` runs the same comparison for longer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYaml, readYamlDocument } from '../../src/core/yaml/parse.ts';
import { generateYaml } from '../support/yaml-gen.ts';
import { describeParsed } from '../support/yaml-tree.ts';
import { generateConfig } from '../../bench/generate.ts';

/** Reads with both readers; returns whether the fast one took the text, after checking they agree. */
function agree(text: string, origin: string): boolean {
  if (!readYamlDocument(text).fast) return false;
  const fastParsed = parseYaml(text);
  const fullParsed = parseYaml(text, { fullParserOnly: true });
  const where = `${origin}\n--- input (JSON) ---\n${JSON.stringify(text)}`;
  assert.equal(describeParsed(fastParsed), describeParsed(fullParsed), where);
  // the package's own operations work on the fast reader's nodes as on its parser's
  assert.deepEqual(fastParsed.doc!.toJS(), fullParsed.doc!.toJS(), where);
  return true;
}

const root = path.resolve(__dirname, '..', '..');

test('corpus and examples: wherever the fast reader reads, the trees are identical', () => {
  const dir = path.join(root, 'test/conformance/cases');
  const files = fs.readdirSync(dir).map((c) => path.join(dir, c, 'input.yml')).filter((f) => fs.existsSync(f));
  files.push(...fs.readdirSync(path.join(root, 'examples')).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(root, 'examples', f)));
  let read = 0;
  for (const f of files) if (agree(fs.readFileSync(f, 'utf8'), f)) read++;
  // most real configs are in the subset; a drop here means the fast path silently stopped working
  assert.ok(read >= files.length * 0.7, `fast reader took only ${read} of ${files.length} files`);
});

test('generated configs of every size are in the subset (the benchmark measures the fast path)', () => {
  for (const lines of [50, 300, 2000]) assert.ok(agree(generateConfig(lines), `generateConfig(${lines})`), `${lines} lines`);
});

test('edge cases: same tree, or declined', () => {
  const accepted = [
    'a: 1\n',
    'a:\n  b: 1\n  # kept by the inner map\nc: 2\n',
    'a:\n  b: 1\n    # owned by the value\n\n      # this one too\n\n  # mid\n# top\nc: 2',
    'a:\n- x\n- y\nb: 1\n',
    '- a: 1\n  b: [x, "y", {k: v}]\n- |\n  text\n\n- >-\n  folded\n  lines\n\n   more\n  end\n',
    'k: "esc \\u00e9 \\x41 \\U0001F600 \\" \\\\"\nq: \'it\'\'s\'\n',
    'a: b#c\nd: e # comment\nf: http://h:1/p\n',
    'keep: |+\n  y\n\n\nnext: 1\n',
    'e:\n\nf: 1\n',
    'spaced:   \nlist:\n  -   \n  - x\n',
  ];
  for (const text of accepted) assert.ok(agree(text, 'accepted case'), `should be read fast: ${JSON.stringify(text)}`);
  const declined = [
    '', '# only a comment\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', '---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a: 1\r\n',
    'a:\n\tb: 1\n', 'a: b\n  c\n', 'a: [1,\n  2]\n', '? a\n: b\n', 'a: |2\n   x\n', 'a: # note\nb: 1\n', 'a:\n# note\nb: 1\n',
    '\ufeffa: 1\n', 'a: 1\n b: 2\n', '- x\n# c\n-\n', '"quoted key": 1\n', 'a: b: c\n', '[a, b]\n', 'plain\n',
  ];
  for (const text of declined) {
    assert.equal(readYamlDocument(text).fast, false, `should be left to the full parser: ${JSON.stringify(text)}`);
  }
});

test('generated and mutated documents: the fast reader agrees with the full parser or declines', { timeout: 120_000 }, () => {
  let read = 0;
  const runs = 6000;
  for (let seed = 1; seed <= runs; seed++) if (agree(generateYaml(seed), `generateYaml(${seed})`)) read++;
  // enough of them must be read fast for the comparison to mean something
  assert.ok(read > runs * 0.3, `fast reader took only ${read} of ${runs}`);
});
