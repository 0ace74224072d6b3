// "Convert to Butane Config": on the example config it writes cl-config.bu beside it, opens it
// beside the config and reports "same machine state" (proved with clc's own Butane transpiler);
// it asks before replacing a file and never replaces one with unsaved changes.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { REPO_ROOT, activate, clct, closeAll, file, open, until } = require('./helpers');

suite('convert to Butane', () => {
  let api;
  suiteSetup(async () => {
    api = await activate();
  });
  suiteTeardown(closeAll);

  test('the example becomes cl-config.bu beside it, opened beside, with the same machine state', async () => {
    fs.mkdirSync(file('example').fsPath, { recursive: true });
    const uri = file('example', 'cl-config.yml');
    fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'cl-config.yml'), uri.fsPath);
    await open(uri);
    let proof;
    const outcome = await api.convertToButane(uri, { ui: { showProof: async (_t, p) => void (proof = p) } });
    assert.equal(outcome.kind, 'written', JSON.stringify(outcome));
    assert.equal(outcome.target.fsPath, file('example', 'cl-config.bu').fsPath);
    const written = fs.readFileSync(outcome.target.fsPath, 'utf8');
    assert.equal(written, clct(['--to-butane'], fs.readFileSync(uri.fsPath, 'utf8')).stdout);
    // the first-line marker of a Container Linux Config is not carried over
    assert.match(written, /^# An example Container Linux Config.*\n\nvariant: flatcar\nversion: 1\.1\.0\n/);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === outcome.target.fsPath), 'the Butane config is open');
    assert.deepEqual(proof, outcome.proof);
    assert.deepEqual(outcome.proof, { kind: 'same', transpiler: "clc's Butane transpiler" });
  });

  test('an existing cl-config.bu is replaced only after a yes, never while it has unsaved changes', async () => {
    const uri = file('example', 'cl-config.yml');
    const target = file('example', 'cl-config.bu');
    fs.writeFileSync(target.fsPath, '# mine\n');
    const no = await api.convertToButane(uri, { ui: { confirmReplace: async () => false, showProof: async () => {} } });
    assert.equal(no.kind, 'cancelled');
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), '# mine\n');

    const ed = await open(target, vscode.ViewColumn.Two);
    // the editor opened by the first conversion may still hold its text until VS Code notices the
    // file written behind its back; an edit made before that reload would be thrown away
    await until('the editor to show the file as it is on disk', () => ed.document.getText() === '# mine\n', { show: () => JSON.stringify(ed.document.getText()) });
    await until('an unsaved change in the editor', async () => ed.document.isDirty || ((await ed.edit((b) => b.insert(new vscode.Position(0, 0), '# unsaved\n'))) && ed.document.isDirty));
    let asked = false;
    const dirty = await api.convertToButane(uri, { ui: { confirmReplace: async () => (asked = true), showRefused: async () => {}, showProof: async () => {} } });
    assert.equal(dirty.kind, 'cancelled');
    assert.equal(asked, false, 'not even asked');
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), '# mine\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
