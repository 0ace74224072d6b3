// Go to definition: from a file's `filesystem:` to the storage.filesystems entry of that name.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, closeAll, fixture, open, rangeOf, until } = require('./helpers');

async function definitionsAt(uri, line, character) {
  return vscode.commands.executeCommand('vscode.executeDefinitionProvider', uri, new vscode.Position(line, character));
}

suite('go to definition', () => {
  let uri;
  let editor;
  suiteSetup(async () => {
    await activate();
    uri = fixture('cl-config.yml', 'definition.clc.yml');
    editor = await open(uri);
  });
  suiteTeardown(closeAll);

  test('filesystem: data leads to the filesystem named data, as a link with exact ranges', async () => {
    const defs = await definitionsAt(uri, 22, 20);
    assert.equal(defs.length, 1);
    const [d] = defs;
    assert.ok('targetUri' in d, 'a LocationLink');
    assert.equal(d.targetUri.toString(), uri.toString());
    assert.deepEqual(rangeOf(d.originSelectionRange), [22, 18, 22, 22], 'the reference');
    assert.deepEqual(rangeOf(d.targetRange), [10, 4, 14, 19], 'the whole filesystem entry');
    assert.deepEqual(rangeOf(d.targetSelectionRange), [10, 12, 10, 16], 'its name');
  });

  test('the built-in root filesystem and other keys have no definition', async () => {
    assert.deepEqual(await definitionsAt(uri, 17, 20), []); // filesystem: root
    assert.deepEqual(await definitionsAt(uri, 16, 14), []); // path: /etc/hostname
  });

  test('the Go to Definition command moves the cursor to the name of the filesystem', async () => {
    editor.selection = new vscode.Selection(22, 19, 22, 19);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const at = await until('the cursor to move', () => {
      const ed = vscode.window.activeTextEditor;
      return ed && ed.document.uri.toString() === uri.toString() && ed.selection.start.line !== 22 && ed.selection;
    });
    assert.deepEqual(rangeOf(at), [10, 12, 10, 12], 'the cursor is at the start of the name');
  });
});
