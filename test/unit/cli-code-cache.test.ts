// The clct launcher and its V8 code cache (src/cli/code-cache.ts): the build's cache is taken
// by this Node, and the launcher prints exactly what the program prints when run directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachePathFor, compileMain } from '../../src/cli/code-cache.ts';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'clct-main.js');
const LAUNCHER = path.join(ROOT, 'dist', 'clct.js');

test('the build made a code cache that this Node accepts', () => {
  assert.ok(fs.existsSync(cachePathFor(MAIN)), 'run npm run build first');
  assert.equal(compileMain(MAIN, true).usedCache, true);
  // without the cache nothing is taken, and a foreign cache is refused, not trusted
  assert.equal(compileMain(MAIN, false).usedCache, false);
});

test('the launcher prints what the program prints, with and without a usable cache', () => {
  const example = path.join(ROOT, 'examples', 'cl-config.yml');
  const run = (file: string, args: string[]) => spawnSync(process.execPath, [file, ...args], { encoding: 'utf8' });
  for (const args of [['--pretty', '--in-file', example], ['--platform', 'ec2', '--in-file', example], ['--version'], ['--no-such-flag']]) {
    const direct = run(MAIN, args);
    const launched = run(LAUNCHER, args);
    assert.deepEqual([launched.status, launched.stdout, launched.stderr], [direct.status, direct.stdout, direct.stderr], args.join(' '));
  }
  // a damaged cache is refused by V8 and the program still runs
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'clct-cache-'));
  try {
    fs.copyFileSync(MAIN, path.join(scratch, 'clct-main.js'));
    fs.copyFileSync(LAUNCHER, path.join(scratch, 'clct.js'));
    fs.writeFileSync(path.join(scratch, 'clct-main.cache'), Buffer.from('not a cache'));
    const r = run(path.join(scratch, 'clct.js'), ['--pretty', '--in-file', example]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, run(MAIN, ['--pretty', '--in-file', example]).stdout);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});

test('dist/butane.js is the same launcher, starting butane-main.js from its own cache', () => {
  const main = path.join(ROOT, 'dist', 'butane-main.js');
  assert.equal(compileMain(main, true).usedCache, true);
  const input = path.join(ROOT, 'test', 'butane-conformance', 'cases', 'files-mode-decimal-warnings', 'input.yml');
  const run = (file: string, args: string[]) => spawnSync(process.execPath, [file, ...args], { encoding: 'utf8' });
  for (const args of [[input], ['--pretty', input], ['--raw-errors', input], ['--version'], ['--no-such-flag']]) {
    const direct = run(main, args);
    const launched = run(path.join(ROOT, 'dist', 'butane.js'), args);
    // the usage text names the program as started (process.argv[1]): the launcher, when launched
    const stderr = direct.stderr.replaceAll('butane-main.js', 'butane.js');
    assert.deepEqual([launched.status, launched.stdout, launched.stderr], [direct.status, direct.stdout, stderr], args.join(' '));
  }
});
