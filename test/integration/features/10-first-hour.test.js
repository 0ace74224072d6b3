// What a new user met in the first hour, in the real editor: after `- name: core` and Enter the
// cursor sits under the dash, and the completion accepted there must add to that user instead of
// starting a second, nameless one. New clc files indent with two spaces.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { activate, closeAll, file, open, problems, sleep, until } = require('./helpers');

const USERS = 'passwd:\n  users:\n    - name: core\n';

async function openNew(name, text) {
  const uri = file(name);
  fs.writeFileSync(uri.fsPath, text);
  return open(uri);
}

suite('first hour', () => {
  suiteSetup(activate);
  suiteTeardown(closeAll);

  test('at the dash column, the suggestions continue the entry; a new entry only through its labelled item', async () => {
    const ed = await openNew('first-hour-1.clc.yml', `${USERS}    \n`);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', ed.document.uri, new vscode.Position(3, 4));
    const label = (i) => (typeof i.label === 'string' ? i.label : i.label.label);
    const text = (i) => (i.insertText instanceof vscode.SnippetString ? i.insertText.value : i.insertText);
    const keys = list.items.find((i) => label(i) === 'ssh_authorized_keys');
    assert.ok(keys, `offered: ${list.items.map(label).join(', ')}`);
    assert.equal(text(keys), '  ssh_authorized_keys:\n        - $0');
    assert.deepEqual(list.items.filter((i) => text(i).startsWith('-')).map(label), ['- (new users entry)']);
    assert.ok(!list.items.some((i) => label(i) === 'name'));
  });

  test('typing under the dash and accepting the first suggestion adds the key to core', async () => {
    const ed = await openNew('first-hour-2.clc.yml', `${USERS}    \n`);
    ed.selection = new vscode.Selection(3, 4, 3, 4);
    assert.ok(await ed.edit((b) => b.insert(new vscode.Position(3, 4), 'ssh')));
    ed.selection = new vscode.Selection(3, 7, 3, 7);
    // the suggest widget, as a user gets it: open it, give the server a moment, accept the selected item
    await until(
      'the suggestion to be accepted',
      async () => {
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        await sleep(500);
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        await sleep(100);
        return ed.document.lineAt(3).text !== '    ssh';
      },
      { show: () => ed.document.getText() },
    );
    assert.equal(ed.document.getText(), `${USERS}      ssh_authorized_keys:\n        - \n`);
    assert.ok(await ed.edit((b) => b.insert(new vscode.Position(4, 10), 'ssh-ed25519 AAAA core@host')));
    await until('no problems in the finished config', () => problems(ed.document.uri).length === 0, { show: () => JSON.stringify(problems(ed.document.uri)) });
  });

  test('a second entry without a name is a warning in the editor', async () => {
    const ed = await openNew('first-hour-3.clc.yml', `${USERS}    - ssh_authorized_keys:\n        - ssh-ed25519 AAAA\n`);
    await until('the warning', () => problems(ed.document.uri).some((p) => p.code === 'nameless-account'), { show: () => JSON.stringify(problems(ed.document.uri)) });
    const p = problems(ed.document.uri).find((x) => x.code === 'nameless-account');
    assert.equal(p.severity, 'warning');
    assert.match(p.message, /this user has no name/);
  });

  test('a clc file indents with two spaces', async () => {
    const ed = await openNew('first-hour-4.clc.yml', 'storage:\n');
    assert.equal(ed.document.languageId, 'clc');
    assert.equal(ed.options.tabSize, 2);
    assert.equal(ed.options.insertSpaces, true);
  });
});
