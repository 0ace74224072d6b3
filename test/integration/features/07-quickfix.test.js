// Quick fixes: offered for the problems they fix, and applied they make the problem go away.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, closeAll, fixture, open, problems, rangeOf, until } = require('./helpers');

async function quickFixes(uri, range) {
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
}

const codes = (uri) => problems(uri).map((p) => p.code);

suite('quick fixes', () => {
  suiteSetup(activate);
  suiteTeardown(closeAll);

  test('an unknown key spelled differently: "Rename homedir to home_dir", applied through the workspace edit', async () => {
    const uri = fixture('broken.clc.yml', 'quickfix-1.clc.yml');
    const ed = await open(uri);
    await until('the unknown-key warning', () => codes(uri).includes('unknown-key'));
    const fixes = await quickFixes(uri, new vscode.Range(17, 6, 17, 13));
    assert.deepEqual(fixes.map((f) => f.title), ['Rename homedir to home_dir']);
    const [fix] = fixes;
    assert.equal(fix.isPreferred, true);
    // (vscode.executeCodeActionProvider drops the actions' diagnostics, so they cannot be checked here)
    const edits = fix.edit.get(uri);
    assert.deepEqual(edits.map((e) => [rangeOf(e.range), e.newText]), [[[17, 6, 17, 13], 'home_dir']]);

    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(ed.document.lineAt(17).text, '      home_dir: /home/core');
    await until('the warning to go', () => !codes(uri).includes('unknown-key'), { show: () => codes(uri).join(', ') });
    assert.deepEqual(codes(uri), ['path-relative', 'decimal-mode', 'unit-no-install']);
  });

  test('a decimal mode: the preferred fix applied by the editor (Auto Fix) writes it in octal', async () => {
    const uri = fixture('broken.clc.yml', 'quickfix-2.clc.yml');
    const ed = await open(uri);
    await until('the decimal-mode hint', () => codes(uri).includes('decimal-mode'));
    ed.selection = new vscode.Selection(4, 13, 4, 13);
    const offered = await quickFixes(uri, new vscode.Range(4, 13, 4, 13));
    assert.deepEqual(offered.map((f) => f.title), ['Write the mode as octal 0644']);
    await vscode.commands.executeCommand('editor.action.autoFix');
    await until('the fix to be applied', () => ed.document.lineAt(4).text === '      mode: 0644', { show: () => ed.document.lineAt(4).text });
    await until('the hint to go', () => !codes(uri).includes('decimal-mode'), { show: () => codes(uri).join(', ') });
  });

  test('a relative path: "Make absolute: /etc/hostname" clears the error', async () => {
    const uri = fixture('broken.clc.yml', 'quickfix-3.clc.yml');
    const ed = await open(uri);
    await until('the path error', () => codes(uri).includes('path-relative'));
    const fixes = await quickFixes(uri, new vscode.Range(2, 12, 2, 24)); // "etc/hostname" is not absolute
    assert.deepEqual(fixes.map((f) => f.title), ['Make absolute: /etc/hostname']);
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit));
    assert.equal(ed.document.lineAt(2).text, '    - path: /etc/hostname');
    await until('the error to go', () => !codes(uri).includes('path-relative'), { show: () => codes(uri).join(', ') });
  });

  test('no fix where none is certain', async () => {
    const uri = fixture('broken.clc.yml', 'quickfix-4.clc.yml');
    await open(uri);
    await until('the unit warning', () => codes(uri).includes('unit-no-install'));
    // over the whole file: hello.service lacking [Install] gets no fix, the three certain ones are there
    const titles = (await quickFixes(uri, new vscode.Range(0, 0, 18, 0))).map((f) => f.title).sort();
    assert.deepEqual(titles, ['Make absolute: /etc/hostname', 'Rename homedir to home_dir', 'Write the mode as octal 0644']);
  });
});
