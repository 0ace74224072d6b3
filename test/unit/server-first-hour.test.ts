// What a new user tripped over in the first hour, over the protocol: the built server driven by a
// JSON-RPC client. Completion at a sequence's dash column continues the entry, labels are unique,
// deprecated keys lose, unit contents open a block; boot-time mistakes arrive as warnings; the new
// quick fixes come back as workspace edits.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspTestClient } from '../support/lsp-client.ts';
import { SERVER, ensureBuilt } from '../support/build.ts';
import { CARET, yaml } from '../support/caret.ts';

let client: LspTestClient;
let counter = 0;

before(async () => {
  ensureBuilt();
  client = await LspTestClient.start({ serverPath: SERVER });
});

after(async () => {
  await client?.stop();
});

async function openWithCaret(src: string): Promise<{ uri: string; text: string; position: { line: number; character: number }; diagnostics: PublishDiagnosticsParams }> {
  const offset = src.indexOf(CARET);
  const text = offset >= 0 ? src.slice(0, offset) + src.slice(offset + CARET.length) : src;
  const uri = `file:///virtual/first-hour-${++counter}.clc.yml`;
  const diagnostics = await client.openAndWait(uri, text);
  const lines = text.slice(0, Math.max(0, offset)).split('\n');
  return { uri, text, position: { line: lines.length - 1, character: lines[lines.length - 1].length }, diagnostics };
}

async function completion(src: string): Promise<any[]> {
  const { uri, position } = await openWithCaret(src);
  const r = await client.request('textDocument/completion', { textDocument: { uri }, position });
  return Array.isArray(r) ? r : r.items;
}

/** The text after applying an LSP text edit (single line ranges are all these tests use). */
function applyEdit(text: string, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }): string {
  const lines = text.split('\n');
  const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offsetOf(edit.range.start)) + edit.newText + text.slice(offsetOf(edit.range.end));
}

describe('completion', () => {
  test('at the dash column after `- name: core`, keys continue that user', async () => {
    const src = yaml('passwd:', '  users:', '    - name: core', `    ${CARET}`);
    const list = await completion(src);
    const keys = list.find((i) => i.label === 'ssh_authorized_keys');
    assert.ok(keys);
    const text = src.replace(CARET, '');
    assert.equal(applyEdit(text, keys.textEdit), yaml('passwd:', '  users:', '    - name: core', '      ssh_authorized_keys:', '        - $0'));
    assert.ok(!list.some((i) => i.label === 'name'), 'the entry has its name');
    const starting = list.filter((i) => i.textEdit.newText.startsWith('-'));
    assert.deepEqual(starting.map((i) => i.label), ['- (new users entry)'], 'only the labelled item starts a new entry');
    assert.ok(list.every((i) => i.sortText <= starting[0].sortText), 'and it comes last');
  });

  test('labels are unique, and the deprecated enable cannot win on an exact match', async () => {
    const systemd = await completion(yaml('systemd:', `  ${CARET}`));
    const labels = systemd.map((i) => i.label);
    assert.equal(new Set(labels).size, labels.length, labels.join(', '));
    const units = await completion(yaml('systemd:', '  units:', '    - name: a.service', `      enable${CARET}`));
    const enable = units.find((i) => i.label === 'enable');
    const enabled = units.find((i) => i.label === 'enabled');
    assert.deepEqual(enable.tags, [1]);
    assert.ok(enabled.sortText < enable.sortText);
    assert.notEqual(enable.filterText ?? enable.label, 'enable');
  });

  test('root keys by usefulness, and unit contents as a literal block', async () => {
    const root = (await completion(CARET)).filter((i) => i.kind === 10).sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(root.slice(0, 3).map((i) => i.label), ['storage', 'systemd', 'passwd']);
    assert.equal(root.at(-1).label, 'version');
    const contents = (await completion(yaml('systemd:', '  units:', '    - name: a.service', `      con${CARET}`))).find((i) => i.label === 'contents');
    assert.equal(contents.textEdit.newText, 'contents: |\n        $0');
    assert.equal(contents.insertTextFormat, 2);
  });
});

describe('boot-time mistakes and their fixes', () => {
  test('published as warnings with their own codes', async () => {
    const { diagnostics } = await openWithCaret(
      yaml('passwd:', '  users:', '    - name: core', '    - ssh_authorized_keys: [a]', 'storage:', '  files:', '    - path: /etc/app', '      mode: 644', '    - path: /etc/app', '    - path: /etc/app/x.conf'),
    );
    const codes = new Set(['nameless-account', 'decimal-mode', 'same-path', 'parent-not-directory']);
    const brief = diagnostics.diagnostics.filter((d) => codes.has(String(d.code))).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}`);
    // severity 2 is Warning
    assert.deepEqual(brief, ['3:6 2 nameless-account', '7:12 2 decimal-mode', '8:12 2 same-path', '9:12 2 parent-not-directory']);
  });

  test('Make absolute and Rename to <unit>.<suffix>', async () => {
    const { uri, text, diagnostics } = await openWithCaret(
      yaml('storage:', '  files:', '    - path: etc/hostname', '      mode: 0644', 'systemd:', '  units:', '    - name: backup', '      contents: |', '        [Timer]', '        OnCalendar=daily'),
    );
    const ask = async (line: number) =>
      client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line, character: 14 }, end: { line, character: 14 } },
        context: { diagnostics: diagnostics.diagnostics.filter((d) => d.range.start.line === line) },
      });
    const abs = await ask(2);
    assert.deepEqual(abs.map((a: any) => a.title), ['Make absolute: /etc/hostname']);
    assert.equal(applyEdit(text, abs[0].edit.changes[uri][0]), text.replace('path: etc/hostname', 'path: /etc/hostname'));
    const unit = await ask(6);
    assert.deepEqual(unit.map((a: any) => a.title), ['Rename to backup.timer']);
    assert.equal(applyEdit(text, unit[0].edit.changes[uri][0]), text.replace('name: backup', 'name: backup.timer'));
  });
});
