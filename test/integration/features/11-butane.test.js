// Butane configs in VS Code: a .bu file gets the butane language, butane's warning shows on its
// line, completion offers the keys of the declared version, and Transpile to Ignition writes
// exactly what `node dist/butane.js --pretty` prints.
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { REPO_ROOT, activate, closeAll, file, open, until } = require('./helpers');

const BUTANE = path.join(REPO_ROOT, 'dist', 'butane.js');

function butanePretty(text) {
  const r = spawnSync(process.execPath, [BUTANE, '--pretty'], { input: text, encoding: 'utf8' });
  assert.equal(r.status, 0, `butane.js failed: ${r.stderr}`);
  return r.stdout;
}

suite('Butane configs', () => {
  suiteSetup(activate);
  suiteTeardown(closeAll);

  test('web.bu is a Butane config, with butane\'s warning on its line', async () => {
    const uri = file('web.bu');
    const ed = await open(uri);
    assert.equal(ed.document.languageId, 'butane');
    const diags = await until('butane\'s diagnostics of web.bu', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.message.startsWith('unreasonable mode'));
      return d.length ? d : null;
    });
    assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([diags[0].range.start.line, diags[0].range.start.character, diags[0].range.end.character], [5, 12, 15]);
  });

  test('completion offers the keys of the declared version', async () => {
    const uri = file('web.bu');
    await open(uri);
    const list = await until('completion in web.bu', async () => {
      const l = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(9, 2));
      return l && l.items.length ? l : null;
    });
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('units'), labels.join(', '));
    assert.ok(!labels.includes('quadlets'), 'flatcar 1.1.0 has no quadlets');
  });

  test('Transpile to Ignition writes web.ign, exactly what dist/butane.js --pretty prints', async () => {
    const uri = file('web.bu');
    await open(uri);
    const outcome = await vscode.commands.executeCommand('clc.transpile', uri);
    assert.equal(outcome.kind, 'written', JSON.stringify(outcome));
    assert.equal(outcome.target.fsPath, file('web.ign').fsPath);
    const written = fs.readFileSync(outcome.target.fsPath, 'utf8');
    assert.equal(written, butanePretty(fs.readFileSync(uri.fsPath, 'utf8')));
    assert.match(written, /"version": "3\.4\.0"/);
  });
});
