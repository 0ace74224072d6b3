// Completion and hover inside unit texts through the bundled server (node dist/server.js
// --stdio) and a real JSON-RPC client: ranges in LSP positions, trigger characters, hover markdown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../support/lsp-client.ts';
import { SERVER, ensureBuilt } from '../support/build.ts';
import { CARET, yaml } from '../support/caret.ts';

let client: LspTestClient;
let docCounter = 0;

before(async () => {
  ensureBuilt();
  client = await LspTestClient.start({ serverPath: SERVER });
});

after(async () => {
  await client?.stop();
});

async function openWithCaret(src: string): Promise<{ uri: string; position: { line: number; character: number } }> {
  const offset = src.indexOf(CARET);
  const text = src.slice(0, offset) + src.slice(offset + CARET.length);
  const uri = `file:///virtual/units-${++docCounter}.yml`;
  await client.openAndWait(uri, text);
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { uri, position: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}

const unit = (...contents: string[]) =>
  yaml('systemd:', '  units:', '    - name: app.service', '      contents: |', ...contents.map((l) => '        ' + l));

async function completion(src: string, triggerCharacter?: string): Promise<any[]> {
  const { uri, position } = await openWithCaret(src);
  const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
  const r = await client.request('textDocument/completion', { textDocument: { uri }, position, context });
  return Array.isArray(r) ? r : r.items;
}

describe('units through the server', () => {
  test('a directive completed: bare label, Name= inserted over the typed word, suggest reopened', async () => {
    const list = await completion(unit('[Service]', `Ty${CARET}`));
    const type = list.find((i) => i.label === 'Type');
    assert.ok(type);
    assert.equal(type.textEdit.newText, 'Type=');
    assert.deepEqual(type.textEdit.range, { start: { line: 5, character: 8 }, end: { line: 5, character: 10 } });
    assert.equal(type.command?.command, 'editor.action.triggerSuggest');
    assert.match(type.documentation.value, /systemd\.service\.html#Type=/);
  });

  test('a value completed after typing =', async () => {
    const list = await completion(unit('[Service]', `Type=${CARET}`), '=');
    assert.deepEqual(
      list.map((i) => i.label),
      ['simple', 'forking', 'oneshot', 'dbus', 'notify', 'notify-reload', 'idle', 'exec'],
    );
    assert.deepEqual(list[0].textEdit.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 13 } });
  });

  test('section headers after typing [', async () => {
    const list = await completion(unit(`[${CARET}`), '[');
    assert.deepEqual(
      list.map((i) => i.label),
      ['[Unit]', '[Service]', '[Install]'],
    );
  });

  test('= and [ start nothing outside unit texts', async () => {
    assert.deepEqual(await completion(yaml('storage:', '  files:', `    - path: /a=${CARET}`), '='), []);
    assert.deepEqual(await completion(yaml(`storage: [${CARET}`), '['), []);
  });

  test('hover on a directive', async () => {
    const { uri, position } = await openWithCaret(unit('[Service]', `Rest${CARET}art=on-failure`));
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /\*\*Restart=\*\*/);
    assert.match(h.contents.value, /`on-abnormal`/);
    assert.deepEqual(h.range, { start: { line: 5, character: 8 }, end: { line: 5, character: 15 } });
  });
});
