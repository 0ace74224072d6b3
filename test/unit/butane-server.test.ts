// Butane configs through the bundled server (node dist/server.js --stdio): documents opened with
// language id "butane" get butane's reports with LSP ranges, quick fixes for unit problems, and
// clc/transpile answers with the Ignition 3 JSON dist/butane.js prints.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LspTestClient } from '../support/lsp-client.ts';
import { SERVER, ensureBuilt } from '../support/build.ts';

const BUTANE_CLI = path.resolve(__dirname, '..', '..', 'dist', 'butane.js');
let client: LspTestClient;
let n = 0;

before(async () => {
  ensureBuilt();
  client = await LspTestClient.start({ serverPath: SERVER, languageId: 'butane' });
});

after(async () => {
  await client?.stop();
});

const CONFIG = `variant: flatcar
version: 1.1.0
storage:
  files:
    - path: /etc/app.conf
      mode: 644
      contents:
        inline: hello
systemd:
  units:
    - name: web.service
      enabled: true
      contents: |
        [Unit]
        Descriptio=web
        [Service]
        ExecStart=/usr/bin/true
`;

function butaneCli(text: string, ...args: string[]): { stdout: string; status: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-bu-'));
  const file = path.join(dir, 'in.bu');
  fs.writeFileSync(file, text);
  try {
    return { stdout: execFileSync(process.execPath, [BUTANE_CLI, ...args, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), status: 0 };
  } catch (e: any) {
    return { stdout: e.stdout ?? '', status: e.status ?? 1 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function butaneCliStderr(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-bu-'));
  const file = path.join(dir, 'in.bu');
  fs.writeFileSync(file, text);
  try {
    return spawnSync(process.execPath, [BUTANE_CLI, '--raw-errors', '-c', file], { encoding: 'utf8' }).stderr;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Butane through the server', () => {
  test('butane warnings with exact LSP ranges, and unit checks on its units', async () => {
    const uri = `file:///virtual/web-${++n}.bu`;
    const p = await client.openAndWait(uri, CONFIG);
    const mode = p.diagnostics.filter((d) => d.message.startsWith('unreasonable mode'));
    assert.equal(mode.length, 1);
    assert.deepEqual(mode[0].range, { start: { line: 5, character: 12 }, end: { line: 5, character: 15 } });
    assert.equal(mode[0].severity, 2);
    const unit = p.diagnostics.find((d) => d.message.includes("'Descriptio'"));
    assert.ok(unit, JSON.stringify(p.diagnostics));
    assert.equal(unit.range.start.line, 14);
    // butane's reports are exactly the CLI's (no CLC report such as an unknown `variant` key)
    const cli = butaneCliStderr(CONFIG).split('\n').filter(Boolean).map((l) => l.replace(/^\w+ at [^:]*: /, ''));
    const unitOnes = new Set(['unit-unknown-key', 'unit-refused']);
    assert.deepEqual(p.diagnostics.filter((d) => !unitOnes.has(String(d.code))).map((d) => d.message), cli);
  });

  test('a fatal error is shown where it is, as you type', async () => {
    const uri = `file:///virtual/web-${++n}.bu`;
    await client.openAndWait(uri, CONFIG);
    const wait = client.waitForDiagnostics(uri, (q) => q.version === 2);
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 14 } }, text: '7.0.0' }]);
    const errors = (await wait).diagnostics.filter((d) => d.severity === 1);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, 'No translator exists for variant flatcar with version 7.0.0');
    assert.deepEqual(errors[0].range, { start: { line: 0, character: 9 }, end: { line: 0, character: 16 } });
  });

  test('quick fix for a unit key in a Butane unit', async () => {
    const uri = `file:///virtual/web-${++n}.bu`;
    const p = await client.openAndWait(uri, CONFIG);
    const unit = p.diagnostics.find((d) => d.message.includes("'Descriptio'"))!;
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: unit.range, context: { diagnostics: [unit] } });
    const fix = actions.find((a: any) => /Description/.test(a.title));
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.edit.changes[uri][0].newText, 'Description');
  });

  test('clc/transpile gives exactly what dist/butane.js prints (pretty and compact)', async () => {
    const uri = `file:///virtual/web-${++n}.bu`;
    await client.openAndWait(uri, CONFIG);
    const pretty = await client.request('clc/transpile', { uri, pretty: true });
    assert.equal(pretty.blocked, false);
    assert.equal(pretty.output, butaneCli(CONFIG, '--pretty').stdout);
    assert.match(pretty.output, /"version": "3\.4\.0"/);
    const compact = await client.request('clc/transpile', { uri, pretty: false });
    assert.equal(compact.output, butaneCli(CONFIG).stdout);
    // warnings do not block unless clc.strict
    assert.ok(pretty.problems.some((x: any) => x.message.startsWith('unreasonable mode')));
  });

  test('clc/transpile refuses a config butane refuses', async () => {
    const uri = `file:///virtual/web-${++n}.bu`;
    const bad = CONFIG.replace('/etc/app.conf', 'etc/app.conf');
    await client.openAndWait(uri, bad);
    const r = await client.request('clc/transpile', { uri });
    assert.equal(r.blocked, true);
    assert.equal(r.output, null);
    assert.equal(butaneCli(bad).status, 1);
    assert.ok(r.problems.some((x: any) => x.severity === 'error' && x.range));
  });

  test('completion, hover, symbols and definition for a Butane document', async () => {
    const uri = `file:///virtual/web-${++n}.bu`;
    const text = 'variant: flatcar\nversion: 1.0.0\nsystemd:\n  \n';
    await client.openAndWait(uri, text);
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 2 }, context: { triggerKind: 1 } });
    const items = Array.isArray(list) ? list : list.items;
    assert.ok(items.some((i: any) => i.label === 'units'));
    assert.ok(!items.some((i: any) => i.label === 'quadlets'), '1.0.0 has no quadlets');
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.match(h.contents.value, /Becomes Ignition `systemd`/);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
  });
});

interface LspTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** `text` with LSP text edits applied (from the last to the first, so positions stay valid). */
function applyTextEdits(text: string, edits: LspTextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

/** butane --strict on `text`: its exit status and every report it printed. */
function butaneStrict(text: string): { status: number; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-bu-'));
  const file = path.join(dir, 'in.bu');
  fs.writeFileSync(file, text);
  try {
    const r = spawnSync(process.execPath, [BUTANE_CLI, '--strict', '--raw-errors', file], { encoding: 'utf8' });
    return { status: r.status ?? 1, stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Butane quick fixes through the server, checked with butane', () => {
  /**
   * Opens `text`, finds the diagnostic `message` names, asks for code actions on it and applies
   * the one titled like `title`; returns the fixed text.
   */
  async function fix(text: string, message: string, title: RegExp): Promise<string> {
    const uri = `file:///virtual/fix-${++n}.bu`;
    const p = await client.openAndWait(uri, text);
    const d = p.diagnostics.find((x) => x.message.startsWith(message));
    assert.ok(d, `no "${message}" in ${JSON.stringify(p.diagnostics.map((x) => x.message))}`);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const action = actions.find((a: any) => title.test(a.title));
    assert.ok(action, `no action like ${title} in ${JSON.stringify(actions.map((a: any) => a.title))}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(Object.keys(action.edit.changes), [uri]);
    await client.close(uri);
    return applyTextEdits(text, action.edit.changes[uri]);
  }

  test('a mode written in decimal becomes octal', async () => {
    const text = 'variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: /etc/motd\n      mode: 644\n      contents:\n        inline: hello\n';
    assert.match(butaneStrict(text).stderr, /unreasonable mode would be reasonable if specified in octal/);
    const fixed = await fix(text, 'unreasonable mode', /octal 0644/);
    assert.equal(fixed, text.replace('mode: 644', 'mode: 0644'));
    assert.deepEqual(butaneStrict(fixed), { status: 0, stderr: '' });
  });

  test('an unused key spelled like a known one is renamed', async () => {
    const text = 'variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: /etc/motd\n      overwite: true\n      contents:\n        inline: hello\n';
    assert.match(butaneStrict(text).stderr, /unused key overwite/);
    const fixed = await fix(text, 'unused key overwite', /Rename overwite to overwrite/);
    assert.equal(fixed, text.replace('overwite:', 'overwrite:'));
    assert.deepEqual(butaneStrict(fixed), { status: 0, stderr: '' });
  });

  test('a key the declared version lacks raises the version', async () => {
    // luks `discard` is new in flatcar 1.1.0
    const text = 'variant: flatcar\nversion: 1.0.0\nstorage:\n  luks:\n    - name: data\n      device: /dev/sdb\n      discard: true\n';
    assert.match(butaneStrict(text).stderr, /unused key discard/);
    const fixed = await fix(text, 'unused key discard', /Raise version to 1\.1\.0/);
    assert.equal(fixed, text.replace('version: 1.0.0', 'version: 1.1.0'));
    assert.deepEqual(butaneStrict(fixed), { status: 0, stderr: '' });
  });
});
