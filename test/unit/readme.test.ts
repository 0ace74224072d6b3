// The README's promises a new user acts on: the two commands first, then how to install the
// extension before anything else, and only npm scripts that exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/build.ts';
import { npmScriptsIn } from '../support/npm-scripts.ts';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('the README opens with the two commands, then installing the extension', () => {
  const lines = readme.split('\n');
  assert.match(lines[0], /^# /);
  const fence = lines.findIndex((l) => l.startsWith('```'));
  assert.equal(lines.slice(1, fence).join('').trim(), '', 'nothing between the title and the commands');
  assert.match(lines[fence + 1], /^npm ci && npm start\b/);
  assert.match(lines[fence + 2], /^npm test\b/);
  const firstSection = lines.find((l) => /^##? /.test(l) && l !== lines[0]);
  assert.equal(firstSection, '## Install the extension');
  const install = readme.slice(readme.indexOf('## Install the extension'), readme.indexOf('## Running from the sources'));
  for (const s of ['npm run package', 'code --install-extension clc-', 'Install from VSIX...', 'dist/clct.js', 'npm install -g .']) assert.ok(install.includes(s), s);
  assert.ok(install.includes(`clc-dev.clc-${pkg.version}`), 'the installed folder name matches publisher, name and version');
});

test('every npm script the README names exists', () => {
  for (const s of npmScriptsIn(readme)) assert.ok(pkg.scripts[s], `npm run ${s}`);
});
