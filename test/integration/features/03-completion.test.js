// Completion through VS Code's own provider command, at several kinds of positions.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, closeAll, expectProblems, fixture, open, rangeOf, until } = require('./helpers');

/** The items VS Code would show at a position, keyed by label. */
async function complete(uri, line, character, kind = undefined) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));
  const items = new Map();
  for (const it of list.items) if (kind === undefined || it.kind === kind) items.set(typeof it.label === 'string' ? it.label : it.label.label, it);
  return items;
}

const insertText = (item) => (item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText);
const replaceRange = (item) => rangeOf(item.range && 'replacing' in item.range ? item.range.replacing : item.range);

suite('completion', () => {
  let uri;
  let editor;
  suiteSetup(async () => {
    await activate();
    uri = fixture('cl-config.yml', 'completion.clc.yml');
    editor = await open(uri);
    await expectProblems(uri, [], 'a clean start');
  });
  suiteTeardown(closeAll);

  test('on an empty line at the top level: the sections not used yet', async () => {
    const keys = await complete(uri, 41, 0, vscode.CompletionItemKind.Property);
    // most useful first: version, which ct does not document, last
    const bySortText = [...keys.values()].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.deepEqual(bySortText, ['networkd', 'locksmith', 'docker', 'etcd', 'flannel', 'ignition', 'version']);
    assert.equal(insertText(keys.get('locksmith')), 'locksmith:\n  $0');
    assert.deepEqual(replaceRange(keys.get('locksmith')), [41, 0, 41, 0]);
    // and ready-made snippets for whole sections
    const snippets = await complete(uri, 41, 0, vscode.CompletionItemKind.Snippet);
    assert.ok(snippets.has('flannel (vxlan via etcd)'), `snippets: ${[...snippets.keys()].join(', ')}`);
    assert.match(insertText(snippets.get('flannel (vxlan via etcd)')), /^flannel:\n  version: /);
  });

  test('the value of filesystem: names the filesystems this config defines', async () => {
    const items = await complete(uri, 22, 18);
    const refs = [...items.values()].filter((i) => i.kind === vscode.CompletionItemKind.Reference).map((i) => i.label);
    assert.deepEqual(refs, ['root', 'data']);
    assert.deepEqual(replaceRange(items.get('data')), [22, 18, 22, 22]);
  });

  test('an enumerated value: the filesystem formats Ignition 2.3 accepts', async () => {
    const items = await complete(uri, 13, 16);
    const enums = [...items.values()].filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map((i) => i.label);
    assert.deepEqual(enums, ['ext4', 'btrfs', 'xfs', 'vfat', 'swap']);
  });

  test('the update group: the Flatcar channels', async () => {
    const items = await complete(uri, 43, 9);
    for (const ch of ['stable', 'beta', 'alpha', 'lts']) assert.ok(items.has(ch), `${ch} offered`);
    assert.deepEqual(replaceRange(items.get('beta')), [43, 9, 43, 15]);
  });

  test('a new key in a storage.files entry: only keys the entry does not have yet, filtered by what is typed', async () => {
    // a new line after "mode: 0644" of the first file, with the start of a key typed
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(19, 0), '      ov\n')));
    await until('the edit to land', () => editor.document.lineAt(19).text === '      ov');
    const items = await complete(uri, 19, 8);
    for (const k of ['overwrite', 'append', 'user', 'group']) assert.ok(items.has(k), `${k} offered; got ${[...items.keys()].join(', ')}`);
    for (const present of ['path', 'filesystem', 'mode', 'contents']) assert.ok(!items.has(present), `${present} is already in the entry`);
    assert.deepEqual(replaceRange(items.get('overwrite')), [19, 6, 19, 8], 'the typed prefix is replaced');

    // accepting it the way the editor does gives a config without problems
    const ow = items.get('overwrite');
    assert.ok(await editor.edit((b) => b.replace(ow.range.replacing ?? ow.range, insertText(ow) + 'true')));
    assert.equal(editor.document.lineAt(19).text, '      overwrite: true');
    await expectProblems(uri, [], 'no problems after accepting the completion');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await until('the edits to be undone', () => !editor.document.isDirty);
  });
});
