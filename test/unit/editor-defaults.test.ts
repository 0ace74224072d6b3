// Settings the extension gives Container Linux Config files by default: the two-space indentation
// its completions insert (a new file otherwise showed "Spaces: 4"), and no word-based suggestions,
// which only offered words from open files where the server knows better.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/build.ts';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('clc files default to two spaces and no word-based suggestions', () => {
  const clc = manifest.contributes.configurationDefaults['[clc]'];
  assert.deepEqual(
    {
      tabSize: clc['editor.tabSize'],
      insertSpaces: clc['editor.insertSpaces'],
      detectIndentation: clc['editor.detectIndentation'],
      wordBased: clc['editor.wordBasedSuggestions'],
    },
    { tabSize: 2, insertSpaces: true, detectIndentation: false, wordBased: 'off' },
  );
  assert.ok(manifest.contributes.languages.some((l: { id: string }) => l.id === 'clc'), 'the language the defaults are for');
});

test('the installed extension carries clct (dist/clct.js and the program it starts)', () => {
  const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  for (const f of ['dist/clct.js', 'dist/clct-main.js']) assert.ok(ignore.includes(`!${f}`), `${f} is packaged`);
  assert.equal(manifest.bin.clct, './dist/clct.js');
});
