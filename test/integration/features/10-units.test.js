// Completion and hover inside a unit's contents, through VS Code's own provider commands.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, closeAll, fixture, open, rangeOf, until } = require('./helpers');

async function complete(uri, line, character) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));
  const items = new Map();
  for (const it of list.items) items.set(typeof it.label === 'string' ? it.label : it.label.label, it);
  return items;
}

async function hoverAt(uri, line, character) {
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return hovers.map((h) => ({
    text: h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'),
    range: h.range && rangeOf(h.range),
  }));
}

const insertText = (item) => (item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText);
const replacing = (item) => (item.range && 'replacing' in item.range ? item.range.replacing : item.range);

suite('units: completion and hover inside contents', () => {
  let uri;
  let editor;
  suiteSetup(async () => {
    await activate();
    uri = fixture('units.yml', 'units.clc.yml');
    editor = await open(uri);
  });
  suiteTeardown(closeAll);

  test('a directive of [Service] completed, then its value', async () => {
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(14, 0), '        Remain\n')));
    await until('the edit to land', () => editor.document.lineAt(14).text === '        Remain');
    const items = await complete(uri, 14, 14);
    const item = items.get('RemainAfterExit');
    assert.ok(item, `RemainAfterExit offered; got ${[...items.keys()].slice(0, 20).join(', ')}`);
    assert.ok(!items.has('WantedBy'), 'WantedBy belongs to [Install]');
    assert.equal(insertText(item), 'RemainAfterExit=');
    assert.deepEqual(rangeOf(replacing(item)), [14, 8, 14, 14]);
    assert.ok(await editor.edit((b) => b.replace(replacing(item), insertText(item))));
    await until('the directive to be inserted', () => editor.document.lineAt(14).text === '        RemainAfterExit=');

    const values = await complete(uri, 14, 24);
    assert.deepEqual([...values.keys()], ['yes', 'no', 'true', 'false']);
    assert.ok(await editor.edit((b) => b.replace(replacing(values.get('yes')), 'yes')));
    await until('the value to be inserted', () => editor.document.lineAt(14).text === '        RemainAfterExit=yes');
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('undo');
    await until('the edits to be undone', () => !editor.document.isDirty);
  });

  test('an enumeration value replaces the one written', async () => {
    const items = await complete(uri, 13, 18); // after "Restart=no"
    assert.ok(items.has('on-failure'));
    assert.deepEqual(rangeOf(replacing(items.get('on-failure'))), [13, 16, 13, 18]);
  });

  test('hover on a directive: our description, value kind and the man page', async () => {
    const [h] = await hoverAt(uri, 12, 10); // ExecStart
    assert.deepEqual(h.range, [12, 8, 12, 17]);
    assert.match(h.text, /^\*\*ExecStart=\*\* in \[Service\]/);
    assert.match(h.text, /systemd\.service\.html#ExecStart=/);
  });

  test('hover on a section header', async () => {
    const [h] = await hoverAt(uri, 15, 10); // [Install]
    assert.deepEqual(h.range, [15, 8, 15, 17]);
    assert.match(h.text, /systemctl enable/);
  });
});
