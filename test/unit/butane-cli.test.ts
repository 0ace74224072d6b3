// dist/butane.js as a process (npm test builds it first): input from stdin, -o written whole,
// --files-dir confined (links leading outside are refused), --diagnostics json, usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';

const CLI = path.join(__dirname, '..', '..', 'dist', 'butane.js');
const run = (args: string[], opts: { input?: string; cwd?: string } = {}) => spawnSync(process.execPath, [CLI, ...args], { input: opts.input ?? '', cwd: opts.cwd, encoding: 'utf8' });
const MINIMAL = 'variant: flatcar\nversion: 1.0.0\n';

test('reads stdin and writes the config with a newline', () => {
  const r = run([], { input: MINIMAL });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '{"ignition":{"version":"3.3.0"}}\n');
  assert.equal(r.stderr, '');
});

test('-o writes the whole file and leaves no temporary file behind', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'butane-cli-'));
  try {
    const r = run(['-p', '-o', 'out.ign'], { input: MINIMAL, cwd: dir });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
    assert.equal(fs.readFileSync(path.join(dir, 'out.ign'), 'utf8'), '{\n  "ignition": {\n    "version": "3.3.0"\n  }\n}\n');
    assert.deepEqual(fs.readdirSync(dir), ['out.ign']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--files-dir refuses `..` and links that lead outside it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'butane-cli-'));
  try {
    fs.mkdirSync(path.join(dir, 'files'));
    fs.writeFileSync(path.join(dir, 'secret'), 'outside\n');
    fs.writeFileSync(path.join(dir, 'files', 'ok.txt'), 'inside\n');
    fs.symlinkSync(path.join(dir, 'secret'), path.join(dir, 'files', 'leak'));
    const cfg = (local: string) => `${MINIMAL}storage:\n  files:\n    - path: /etc/x\n      contents:\n        local: ${local}\n`;
    const ok = run(['--raw-errors', '-d', 'files'], { input: cfg('ok.txt'), cwd: dir });
    assert.equal(ok.status, 0);
    assert.match(ok.stdout, /"source":"data:,inside%0A"/);
    for (const local of ['leak', '../secret']) {
      const r = run(['--raw-errors', '-d', 'files'], { input: cfg(local), cwd: dir });
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'error at $.storage.files.0.contents.local, line 7 col 16: local file path traverses outside the files directory\nError translating config: source config is invalid\n');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--diagnostics json lists problems with their paths and places; -c prints no config', () => {
  const r = run(['--diagnostics', 'json', '-c'], { input: `${MINIMAL}storage:\n  files:\n    - path: /a\n      mode: 644\n` });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '');
  const list = JSON.parse(r.stderr);
  assert.equal(list.length, 2);
  assert.deepEqual({ ...list[0], range: undefined }, { severity: 'warning', message: 'unreasonable mode would be reasonable if specified in octal; remember to add a leading zero', path: '$.storage.files.0.mode', line: 6, column: 13, range: undefined });
});

test('usage errors exit 2, --strict fails on a warning', () => {
  const bad = run(['--bogus']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^unknown flag: --bogus\nUsage: /);
  const strict = run(['--raw-errors', '-s'], { input: `${MINIMAL}foo: 1\n` });
  assert.equal(strict.status, 1);
  assert.equal(strict.stderr, 'warning at $.foo, line 3 col 1: unused key foo\nConfig produced warnings and --strict was specified\n');
});
