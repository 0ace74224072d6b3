// clct --to-butane: the built CLI prints the Butane config, takes --fs-path and
// --butane-version, and refuses with a positioned error and exit 1 what Ignition 3 cannot say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..', '..');
const CLCT = path.join(ROOT, 'dist', 'clct.js');

function clct(args: string[], input: string) {
  assert.ok(fs.existsSync(CLCT), 'dist/clct.js is missing: run npm run build first');
  return spawnSync(process.execPath, [CLCT, ...args], { input, encoding: 'utf8' });
}

const CONFIG = `storage:
  filesystems:
    - name: data
      mount:
        device: /dev/sdb1
        format: ext4
  directories:
    - filesystem: data
      path: /www
      mode: 0755
`;

test('--to-butane prints Butane; a filesystem without a mount path is an error at its name', () => {
  const refused = clct(['--to-butane'], CONFIG);
  assert.equal(refused.status, 1);
  assert.equal(refused.stdout, '');
  assert.match(refused.stderr, /^error at line 3, column 13\nfilesystem "data" has no mount path/);
  const ok = clct(['--to-butane', '--fs-path', 'data=/srv/data', '--butane-version=1.0.0'], CONFIG);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^variant: flatcar\nversion: 1\.0\.0\nstorage:\n/);
  assert.match(ok.stdout, /- path: \/srv\/data\/www\n/);
});

test('--to-butane --out-file writes the file; bad flag values are usage errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clct-bu-'));
  try {
    const out = path.join(dir, 'c.bu');
    const r = clct(['--to-butane', '--out-file', out], 'passwd:\n  users:\n    - name: core\n');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(out, 'utf8'), 'variant: flatcar\nversion: 1.1.0\npasswd:\n  users:\n    - name: core\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(clct(['--to-butane', '--butane-version', '2.0.0'], '').status, 2);
  assert.equal(clct(['--to-butane', '--fs-path', 'data'], '').status, 2);
  assert.equal(clct(['--to-butane', '--fs-path', 'data=rel'], '').status, 2);
});
