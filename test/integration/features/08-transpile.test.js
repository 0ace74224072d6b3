// "Transpile to Ignition": writes exactly what `clct --pretty` writes, refuses configs with errors,
// and never replaces an output that is open with unsaved changes without asking.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { activate, clctOutput, closeAll, expectProblems, file, fixture, open, quietUi, replaceOnLine, until } = require('./helpers');

const read = (uri) => fs.readFileSync(uri.fsPath, 'utf8');

suite('transpile to Ignition', () => {
  let api;
  suiteSetup(async () => {
    api = await activate();
  });
  suiteTeardown(closeAll);

  test('the command writes <name>.ign beside the config, byte for byte what clct writes', async () => {
    const uri = fixture('cl-config.yml', 'transpile-1.clc.yml');
    await open(uri);
    const outcome = await vscode.commands.executeCommand('clc.transpile'); // the active editor's config
    assert.equal(outcome.kind, 'written', JSON.stringify(outcome));
    assert.equal(outcome.target.fsPath, file('transpile-1.ign').fsPath);
    assert.equal(outcome.warnings, 0);
    assert.equal(read(outcome.target), clctOutput(read(uri)));
    assert.match(read(outcome.target), /"source": "data:,hello%20from%20the%20data%20disk"/);
    // written atomically: no temporary file left beside it
    assert.deepEqual(fs.readdirSync(path.dirname(uri.fsPath)).filter((f) => /tmp|~$/.test(f)), []);
  });

  test('it transpiles the text in the editor, unsaved edits included', async () => {
    const uri = fixture('cl-config.yml', 'transpile-2.clc.yml');
    const ed = await open(uri);
    await replaceOnLine(ed, 20, 'node-01', 'node-02');
    assert.ok(ed.document.isDirty);
    const outcome = await vscode.commands.executeCommand('clc.transpile', uri);
    assert.equal(outcome.kind, 'written', JSON.stringify(outcome));
    const written = read(outcome.target);
    assert.equal(written, clctOutput(ed.document.getText()));
    assert.match(written, /"source": "data:,node-02"/);
    assert.match(read(uri), /node-01/, 'the config on disk is untouched');
  });

  test('a config with errors is refused and an earlier output is left alone', async () => {
    const uri = fixture('broken.clc.yml', 'transpile-3.clc.yml');
    await open(uri);
    await until('the problems', () => vscode.languages.getDiagnostics(uri).length > 0);
    const target = api.outputTarget(uri);
    assert.ok(target.ok);
    assert.equal(target.uri.fsPath, file('transpile-3.ign').fsPath);

    const blocked = await vscode.commands.executeCommand('clc.transpile', uri);
    assert.equal(blocked.kind, 'blocked');
    assert.equal(blocked.message, 'Not transpiled: transpile-3.clc.yml has 1 error. First: path not absolute (line 3)');
    assert.ok(!fs.existsSync(target.uri.fsPath), 'nothing written');

    fs.writeFileSync(target.uri.fsPath, '{"earlier": true}\n');
    const again = await api.transpileUri(uri, { ui: quietUi });
    assert.equal(again.kind, 'blocked');
    assert.equal(read(target.uri), '{"earlier": true}\n');
  });

  test('an output open with unsaved changes is never replaced without a yes', async () => {
    const uri = fixture('cl-config.yml', 'transpile-4.clc.yml');
    const target = file('transpile-4.ign');
    fs.writeFileSync(target.fsPath, '{"earlier": true}\n');
    const out = await open(target, vscode.ViewColumn.Two);
    assert.ok(await out.edit((b) => b.insert(new vscode.Position(0, 1), '"mine": 1, ')));
    const unsaved = out.document.getText();
    assert.ok(out.document.isDirty);
    await open(uri);

    const asked = [];
    const no = await api.transpileUri(uri, { ui: { ...quietUi, confirmOverwriteDirty: async (t) => (asked.push(t.fsPath), false) } });
    assert.equal(no.kind, 'cancelled');
    assert.deepEqual(asked, [target.fsPath]);
    assert.equal(read(target), '{"earlier": true}\n', 'the file on disk is untouched');
    assert.ok(out.document.isDirty, 'the unsaved edit is still there');
    assert.equal(out.document.getText(), unsaved);

    const yes = await api.transpileUri(uri, { ui: { ...quietUi, confirmOverwriteDirty: async () => true } });
    assert.equal(yes.kind, 'written');
    const expected = clctOutput(read(uri));
    assert.equal(read(target), expected);
    await until('the output editor to show the new file', () => !out.document.isDirty && out.document.getText() === expected);
  });

  test('a config with only warnings is written, and the warnings are counted', async () => {
    const uri = fixture('broken.clc.yml', 'transpile-5.clc.yml');
    const ed = await open(uri);
    await replaceOnLine(ed, 2, 'etc/hostname', '/etc/hostname'); // the only error
    await expectProblems(uri, [
      {
        severity: 'warning',
        code: 'decimal-mode',
        message: 'mode 644 is the decimal number 644 (octal 01204, -w----r-T); write 0644 (rw-r--r--) if that was meant',
        range: [4, 12, 4, 15],
      },
      {
        severity: 'warning',
        code: 'unit-no-install',
        message: 'unit "hello.service" is enabled, but has no install section so enable does nothing',
        range: [11, 16, 14, 0],
      },
      { severity: 'warning', code: 'unknown-key', message: 'Config has unrecognized key: homedir', range: [17, 6, 17, 13] },
    ]);
    const outcome = await api.transpileUri(uri, { ui: quietUi });
    assert.equal(outcome.kind, 'written', JSON.stringify(outcome));
    assert.equal(outcome.warnings, 2);
    assert.equal(read(outcome.target), clctOutput(ed.document.getText()));
  });
});
