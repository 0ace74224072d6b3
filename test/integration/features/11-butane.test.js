// Butane configs in VS Code: a .bu file gets the butane language, butane's warning shows on its
// line and an error on its line (Transpile then refuses), completion offers the keys of the declared version, hover explains a key, the outline
// lists the config's parts, the octal-mode quick fix is applied by the editor, Transpile to
// Ignition writes exactly what `node dist/butane.js --pretty` prints, and the preview follows an edit.
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { REPO_ROOT, activate, closeAll, file, open, quietUi, rangeOf, replaceOnLine, until } = require('./helpers');

const BUTANE = path.join(REPO_ROOT, 'dist', 'butane.js');

function butanePretty(text) {
  const r = spawnSync(process.execPath, [BUTANE, '--pretty'], { input: text, encoding: 'utf8' });
  assert.equal(r.status, 0, `butane.js failed: ${r.stderr}`);
  return r.stdout;
}

/** A fresh copy of web.bu under another name, so a test that edits it leaves web.bu as it is. */
function copyOfWeb(as) {
  const target = file(as);
  fs.copyFileSync(file('web.bu').fsPath, target.fsPath);
  return target;
}

const previewEditor = () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'clc-preview');
// the preview document object is replaced when its language is set: always look it up afresh
const previewText = () => previewEditor()?.document.getText() ?? '';
/** The preview below its three-line header: the Ignition JSON. */
const previewBody = () => previewText().split('\n').slice(3).join('\n');

suite('Butane configs', () => {
  let api;
  suiteSetup(async () => {
    api = await activate();
  });
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

  test('hover on a key says what it is and which Ignition field it becomes', async () => {
    const uri = file('web.bu');
    await open(uri);
    const hovers = await until('a hover on "enabled"', async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(11, 8));
      return h && h.length ? h : null;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*systemd\.units\[\]\.enabled\*\* · boolean/);
    assert.match(text, /Becomes Ignition `systemd\.units\[\]\.enabled`/);
    assert.deepEqual(rangeOf(hovers[0].range), [11, 6, 11, 13]);
  });

  test('the outline lists the sections, the file by its path and the unit by its name', async () => {
    const uri = file('web.bu');
    await open(uri);
    const symbols = await until('document symbols of web.bu', async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
      return Array.isArray(s) && s.length ? s : null;
    });
    const tree = (list) => list.map((s) => (s.children && s.children.length ? { [s.name]: tree(s.children) } : s.name));
    assert.deepEqual(tree(symbols), ['variant', 'version', { storage: ['/etc/motd'] }, { systemd: ['web.service'] }]);
    const unit = symbols.find((s) => s.name === 'systemd').children[0];
    assert.deepEqual(rangeOf(unit.selectionRange), [10, 12, 10, 23]);
  });

  test('the octal-mode quick fix, applied by the editor (Auto Fix), clears butane\'s warning', async () => {
    const uri = copyOfWeb('quickfix.bu');
    const ed = await open(uri);
    const octal = () => vscode.languages.getDiagnostics(uri).filter((d) => d.message.startsWith('unreasonable mode would be reasonable if specified in octal'));
    await until('the octal-mode warning', () => octal().length > 0);
    const offered = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(5, 12, 5, 15), vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(offered.map((a) => a.title), ['Write the mode as octal 0644']);
    ed.selection = new vscode.Selection(5, 13, 5, 13);
    await vscode.commands.executeCommand('editor.action.autoFix');
    await until('the fix to be applied', () => ed.document.lineAt(5).text === '      mode: 0644', { show: () => ed.document.lineAt(5).text });
    await until('the warning to go', () => octal().length === 0, { show: () => vscode.languages.getDiagnostics(uri).map((d) => d.message).join('; ') });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the preview shows butane\'s output and follows an edit', async () => {
    const uri = copyOfWeb('preview.bu');
    const src = await open(uri);
    await vscode.commands.executeCommand('clc.openPreviewToSide');
    await until('the preview to show butane\'s output', () => previewBody() === butanePretty(src.document.getText()), { show: previewText });
    assert.equal(previewEditor().viewColumn, vscode.ViewColumn.Two);
    assert.match(previewText(), /^\/\/ Ignition preview of preview\.bu \(Butane config\)\n/);
    await replaceOnLine(src, 7, 'hello from butane', 'hello again');
    const expected = butanePretty(src.document.getText());
    await until('the edit to reach the preview', () => previewBody() === expected, { show: previewText });
    assert.match(previewBody(), /"source": "data:,hello%20again"/);
    assert.doesNotMatch(previewBody(), /hello%20from%20butane/);
  });

  test('butane\'s error is shown on its line, and Transpile to Ignition refuses the config', async () => {
    const uri = copyOfWeb('broken.bu');
    const ed = await open(uri);
    await replaceOnLine(ed, 4, '/etc/motd', 'etc/motd');
    const errors = () => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const found = await until('butane\'s error', () => errors().find((d) => d.message === 'path not absolute'), {
      show: () => vscode.languages.getDiagnostics(uri).map((d) => d.message).join('; '),
    });
    assert.deepEqual(rangeOf(found.range), [4, 12, 4, 20]);
    // butane's closing line, as it prints it
    assert.ok(errors().some((d) => d.message === 'config generated was invalid'));
    await ed.document.save();
    const outcome = await api.transpileUri(uri, { ui: quietUi });
    assert.equal(outcome.kind, 'blocked', JSON.stringify(outcome));
    assert.ok(!fs.existsSync(file('broken.ign').fsPath), 'nothing written');
  });
});
