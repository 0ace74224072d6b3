// The jobs seam: what a config with `local:` files gets where no files directory can be read
// (a browser, a virtual workspace), and where clc.filesDir is on a local disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InProcessJobRunner, runJob } from '../../server/jobs.ts';
import type { JobEnvironment } from '../../server/jobs.ts';
import { locateOnDisk } from '../../server/nodeHost.ts';

const CONFIG = 'storage:\n  files:\n    - path: /etc/motd\n      filesystem: root\n      contents:\n        local: motd.txt\n';
const noDisk: JobEnvironment = {
  localFiles: () => () => assert.fail('no reader may be asked for when the files are unavailable'),
  butaneFiles: () => assert.fail('no reader may be asked for when the files are unavailable'),
  heap: () => null,
};

test('local: files where none can be read: a positioned error that says why, and no output', () => {
  const options = { platform: '', strict: false, pretty: false, filesDir: 'files', filesUnavailable: 'the workspace is not on a local disk' };
  const d = runJob({ kind: 'diagnose', text: CONFIG, options }, noDisk);
  assert.equal(d.kind, 'diagnose');
  const problems = d.kind === 'diagnose' ? d.diagnostics.filter((x) => x.severity === 'error') : [];
  assert.equal(problems.length, 1);
  assert.equal(problems[0].message, 'local file "motd.txt" cannot be embedded: the workspace is not on a local disk');
  assert.equal(CONFIG.slice(problems[0].span!.start, problems[0].span!.end), 'motd.txt');
  const t = runJob({ kind: 'transpile', text: CONFIG, options }, noDisk);
  assert.ok(t.kind === 'transpile' && t.output === null);
});

test('local: files where none can be read and no clc.filesDir: the reason, not a request to set it', () => {
  const r = runJob({ kind: 'diagnose', text: CONFIG, options: { platform: '', strict: false, pretty: false, filesUnavailable: 'not here' } }, noDisk);
  assert.ok(r.kind === 'diagnose' && r.diagnostics.some((x) => x.message === 'local file "motd.txt" cannot be embedded: not here'));
});

test('in-process runner: the reader comes from its environment', async () => {
  const asked: string[] = [];
  const env: JobEnvironment = {
    localFiles: (dir, shown) => (rel) => {
      asked.push(`${dir}|${shown}|${rel}`);
      return { ok: true, data: new TextEncoder().encode('hi\n') };
    },
    butaneFiles: () => assert.fail('a CLC config asks for no Butane files'),
    heap: () => null,
  };
  const r = await new InProcessJobRunner(env).run({ kind: 'transpile', text: CONFIG, options: { platform: '', strict: false, pretty: false, filesDir: 'files', filesDirPath: '/ws/files' } });
  assert.deepEqual(asked, ['/ws/files|files|motd.txt']);
  assert.ok(r.kind === 'transpile' && r.output?.includes('data:,hi%0A'));
});

test('clc.filesDir on a local disk: relative to the workspace folder, else the config folder; a virtual workspace has none', () => {
  const ws = path.resolve('/tmp/ws');
  const doc = pathToFileURL(path.join(ws, 'sub', 'cl.yml')).href;
  assert.deepEqual(locateOnDisk(doc, 'files', [pathToFileURL(ws).href]), { path: path.join(ws, 'files') });
  assert.deepEqual(locateOnDisk(doc, 'files', []), { path: path.join(ws, 'sub', 'files') });
  assert.deepEqual(locateOnDisk(doc, '/abs/files', []), { path: '/abs/files' });
  const virtual = locateOnDisk('vscode-vfs://github/o/r/cl.yml', 'files', ['vscode-vfs://github/o/r']);
  assert.ok(virtual && 'unavailable' in virtual && /not on a local disk/.test(virtual.unavailable));
});

test('a Butane config where no local disk can be read: the reason on its local: file, and no output', () => {
  const text = 'variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd.txt\n';
  const options = { platform: '', strict: false, pretty: false, filesDir: 'files', filesUnavailable: 'the workspace is not on a local disk' };
  const d = runJob({ kind: 'diagnose', text, options, format: 'butane' }, noDisk);
  assert.ok(d.kind === 'diagnose');
  const errors = d.diagnostics.filter((x) => x.severity === 'error');
  assert.ok(errors.some((x) => x.message.includes('local file "motd.txt" cannot be embedded: the workspace is not on a local disk')), JSON.stringify(errors));
  const t = runJob({ kind: 'transpile', text, options, format: 'butane' }, noDisk);
  assert.ok(t.kind === 'transpile' && t.output === null);
});
