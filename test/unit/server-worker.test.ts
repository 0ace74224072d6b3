// The validation worker: a hung or crashed run never takes the server with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WorkerThreadJobRunner as JobRunner, runNodeJob as runJob } from '../../server/worker.ts';
import type { Job } from '../../server/worker.ts';

const opts = { platform: '', strict: false, pretty: false };
const job = (text: string): Job => ({ kind: 'diagnose', text, options: opts });

/** A stand-in worker: answers like the real one, but hangs on "hang" and dies on "die". */
const FAKE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.job.text === 'hang') for (;;) {}
  if (m.job.text === 'die') process.exit(3);
  parentPort.postMessage({ id: m.id, ok: true, result: { kind: 'diagnose', diagnostics: [{ severity: 'info', message: 'echo ' + m.job.text }] } });
});
`;

function fakeWorker(): { script: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'clc-worker-'));
  const script = path.join(dir, 'fake-worker.js');
  writeFileSync(script, FAKE);
  return { script, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('jobs run in order and get their own answers', async () => {
  const f = fakeWorker();
  const r = new JobRunner(f.script, () => undefined, 5000);
  try {
    const [a, b] = await Promise.all([r.run(job('a')), r.run(job('b'))]);
    assert.deepEqual([a, b].map((x) => (x.kind === 'diagnose' ? x.diagnostics[0].message : '')), ['echo a', 'echo b']);
  } finally {
    r.dispose();
    f.cleanup();
  }
});

test('a run that hangs is stopped, and the next job gets a fresh worker', async () => {
  const f = fakeWorker();
  const logs: string[] = [];
  const r = new JobRunner(f.script, (m) => logs.push(m), 2000);
  try {
    await assert.rejects(r.run(job('hang')), /timed out/);
    const next = await r.run(job('after'));
    assert.equal(next.kind === 'diagnose' && next.diagnostics[0].message, 'echo after');
    assert.ok(logs.some((l) => l.includes('restarting the worker')));
  } finally {
    r.dispose();
    f.cleanup();
  }
});

test('a worker that dies fails its job only', async () => {
  const f = fakeWorker();
  const r = new JobRunner(f.script, () => undefined, 5000);
  try {
    await assert.rejects(r.run(job('die')));
    const next = await r.run(job('again'));
    assert.equal(next.kind === 'diagnose' && next.diagnostics[0].message, 'echo again');
  } finally {
    r.dispose();
    f.cleanup();
  }
});

test('without a worker script, jobs run in-process', async () => {
  const r = new JobRunner(null, () => undefined);
  const res = await r.run(job('passwd:\n  users:\n    - name: core\n      homedir: /h\n'));
  assert.equal(res.kind, 'diagnose');
  assert.deepEqual(res.kind === 'diagnose' && res.diagnostics.map((d) => d.message), ['Config has unrecognized key: homedir']);
});

test('runJob: unit checks follow clc.unitChecks', () => {
  const text = 'systemd:\n  units:\n    - name: a.service\n      contents: |\n        [Service]\n        ExecStar=/bin/true\n';
  const messages = (unitChecks?: boolean) => {
    const r = runJob({ kind: 'diagnose', text, options: { ...opts, ...(unitChecks === undefined ? {} : { unitChecks }) } });
    return r.kind === 'diagnose' ? r.diagnostics.map((d) => d.message) : [];
  };
  assert.ok(messages().some((m) => m.startsWith("Unknown key 'ExecStar'")));
  assert.ok(messages(true).some((m) => m.startsWith("Unknown key 'ExecStar'")));
  assert.ok(!messages(false).some((m) => m.includes('ExecStar')));
});

test('runJob: transpile and stats', () => {
  const t = runJob({ kind: 'transpile', text: 'passwd: {}\n', options: { ...opts, pretty: false } });
  assert.equal(t.kind, 'transpile');
  assert.ok(t.kind === 'transpile' && t.output?.startsWith('{"ignition"'));
  const s = runJob({ kind: 'stats' });
  assert.ok(s.kind === 'stats' && s.heap !== null && s.heap.heapUsedMiB > 0);
});
