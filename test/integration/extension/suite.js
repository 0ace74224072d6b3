// The extension's features, driven through the VS Code API and the object activate() returns.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXT_ID = 'clc-dev.clc';
const root = () => vscode.workspace.workspaceFolders[0].uri.fsPath;
const file = (...p) => vscode.Uri.file(path.join(root(), ...p));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, fn, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) {
      const p = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'clc-preview');
      throw new Error(`timed out waiting for ${what}${p ? `\npreview:\n${p.document.getText().slice(0, 400)}` : ''}`);
    }
    await sleep(100);
  }
}
async function open(uri) {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}
const docOf = (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
const quiet = { showBlocked: async () => {}, showFailed: async () => {}, showWritten: async () => {} };

let api;

suite('clc extension', () => {
  suiteSetup(async () => {
    await open(file('cl-config.yml'));
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, 'the extension is installed');
    api = await until('activation', async () => ext.isActive && ext.exports);
  });

  test('cl-config.yml is a Container Linux Config and activation is quick', async () => {
    assert.equal(vscode.window.activeTextEditor.document.languageId, 'clc');
    console.log(`activate() took ${api.activationMs} ms`);
    assert.ok(api.activationMs < 150, `activate() took ${api.activationMs} ms`);
  });

  test('a .yml file with the first-line marker becomes clc, plain YAML stays YAML until asked', async () => {
    await open(file('nodes', 'web.yml'));
    await until('web.yml to become clc', () => docOf(file('nodes', 'web.yml'))?.languageId === 'clc');
    await open(file('nodes', 'plain.yml'));
    await sleep(500);
    assert.equal(docOf(file('nodes', 'plain.yml')).languageId, 'yaml');
    await vscode.commands.executeCommand('clc.changeLanguage');
    await until('plain.yml to become clc', () => docOf(file('nodes', 'plain.yml'))?.languageId === 'clc');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('every contributed command is registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of vscode.extensions.getExtension(EXT_ID).packageJSON.contributes.commands) assert.ok(all.has(c.command), c.command);
  });

  test('.ign files open as JSON', async () => {
    const doc = await vscode.workspace.openTextDocument(file('nodes', 'existing.ign'));
    assert.equal(doc.languageId, 'json');
  });

  test('the language server reports problems', async () => {
    await open(file('nodes', 'broken.clc.yml'));
    const diags = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(file('nodes', 'broken.clc.yml'));
      return d.length > 0 && d;
    });
    assert.ok(diags.some((d) => d.severity === vscode.DiagnosticSeverity.Error), JSON.stringify(diags.map((d) => d.message)));
  });

  test('transpile writes <name>.ign beside the config', async () => {
    const out = await api.transpileUri(file('cl-config.yml'), { ui: quiet });
    assert.equal(out.kind, 'written', JSON.stringify(out));
    assert.equal(out.target.fsPath, file('cl-config.ign').fsPath);
    const json = JSON.parse(fs.readFileSync(out.target.fsPath, 'utf8'));
    assert.equal(json.ignition.version, '2.3.0');
    assert.deepEqual(fs.readdirSync(root()).filter((f) => f.endsWith('.tmp')), []);
  });

  test('transpile refuses a config with errors and writes nothing', async () => {
    const out = await api.transpileUri(file('nodes', 'broken.clc.yml'), { ui: quiet });
    assert.equal(out.kind, 'blocked');
    assert.match(out.message, /error/);
    assert.ok(!fs.existsSync(file('nodes', 'broken.ign').fsPath));
    // the refusal's button opens the Problems view with this command
    assert.ok((await vscode.commands.getCommands()).includes('workbench.actions.view.problems'));
  });

  test('an output open with unsaved changes is only replaced after a yes', async () => {
    const target = file('nodes', 'web.ign');
    fs.writeFileSync(target.fsPath, '{}\n');
    const ed = await open(target);
    await ed.edit((b) => b.insert(new vscode.Position(0, 0), ' '));
    assert.ok(ed.document.isDirty);
    let asked = 0;
    const no = await api.transpileUri(file('nodes', 'web.yml'), { ui: { ...quiet, confirmOverwriteDirty: async () => (asked++, false) } });
    assert.equal(no.kind, 'cancelled');
    assert.equal(asked, 1);
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), '{}\n');
    assert.ok(docOf(target).isDirty, 'the unsaved edit is still there');
    const yes = await api.transpileUri(file('nodes', 'web.yml'), { ui: { ...quiet, confirmOverwriteDirty: async () => true } });
    assert.equal(yes.kind, 'written');
    const written = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(written, /hello%20from%20web/);
    await until('the editor to show the new file', () => !docOf(target).isDirty && docOf(target).getText() === written);
  });

  test('transpile follows clc.transpile.output', async () => {
    const cfg = vscode.workspace.getConfiguration('clc');
    await cfg.update('transpile.output', 'out/${name}.json', vscode.ConfigurationTarget.Workspace);
    try {
      const out = await api.transpileUri(file('nodes', 'web.yml'), { ui: quiet });
      assert.equal(out.kind, 'written');
      assert.equal(out.target.fsPath, file('out', 'web.json').fsPath);
    } finally {
      await cfg.update('transpile.output', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('the preview opens beside, follows typing, keeps the last good output and follows the active config', async () => {
    const preview = api.previewProvider;
    const src = await open(file('cl-config.yml'));
    await vscode.commands.executeCommand('clc.openPreviewToSide');
    const ped = () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'clc-preview');
    await until('the preview editor', () => ped());
    // the document object changes when its language is set: always look it up afresh
    const pdoc = { getText: () => ped().document.getText(), get languageId() { return ped().document.languageId; } };
    assert.equal(pdoc.languageId, 'jsonc');
    assert.ok(preview.isLive);
    await until('preview content', () => /"version": "2\.3\.0"/.test(pdoc.getText()) && pdoc.getText());
    assert.match(pdoc.getText().split('\n')[0], /cl-config\.yml/);
    assert.match(pdoc.getText().split('\n')[1], /Up to date/);

    // break the config: the preview keeps the last good output and says what is wrong
    await vscode.window.showTextDocument(src.document, vscode.ViewColumn.One);
    const pos = new vscode.Position(src.document.lineCount, 0);
    await src.edit((b) => b.insert(pos, 'storage:\n  files:\n    - path: relative\n'));
    await until('the error note', () => /✖/.test(pdoc.getText().split('\n')[1]));
    assert.match(pdoc.getText(), /"version": "2\.3\.0"/);
    await vscode.commands.executeCommand('undo');
    await until('recovery', () => /Up to date/.test(pdoc.getText().split('\n')[1]));

    // the scroll position survives updates
    ped().revealRange(new vscode.Range(20, 0, 20, 0), vscode.TextEditorRevealType.AtTop);
    const top = await until('the preview to scroll', () => ped().visibleRanges[0].start.line > 0 && ped().visibleRanges[0].start.line);
    await vscode.window.showTextDocument(src.document, vscode.ViewColumn.One);
    const line = src.document.getText().split('\n').findIndex((l) => l.includes('inline: web-01'));
    await src.edit((b) => b.replace(new vscode.Range(line, 0, line, src.document.lineAt(line).text.length), '        inline: web-02'));
    await until('the edit to reach the preview', () => /web-02/.test(pdoc.getText()));
    await sleep(300);
    assert.equal(ped().visibleRanges[0].start.line, top, 'scroll position kept');

    // platform picker: the header names the platform and where it comes from
    assert.match(pdoc.getText().split('\n')[0], /platform: none$/);
    await preview.setPlatform('ec2');
    await until('the platform in the header', () => /platform: ec2 \(picked for this preview\)/.test(pdoc.getText().split('\n')[0]));
    await preview.setPlatform(undefined);

    // follows the active config
    await open(file('nodes', 'web.yml'));
    await until('the preview to follow web.yml', () => /web\.yml/.test(pdoc.getText().split('\n')[0]) && /hello%20from%20web/.test(pdoc.getText()));

    // closing the preview drops its listeners
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'clc-preview');
    await vscode.window.tabGroups.close(tab);
    await until('the preview to go dormant', () => !preview.isLive);
  });

  test('Transpile As writes where the dialog says', async () => {
    const target = file('picked', 'chosen.ign');
    const out = await api.transpileUri(file('nodes', 'web.yml'), { saveAs: true, ui: { ...quiet, pickTarget: async (def) => (assert.equal(def.fsPath, file('nodes', 'web.ign').fsPath), target) } });
    assert.equal(out.kind, 'written');
    assert.match(fs.readFileSync(target.fsPath, 'utf8'), /hello%20from%20web/);
    const cancelled = await api.transpileUri(file('nodes', 'web.yml'), { saveAs: true, ui: { ...quiet, pickTarget: async () => undefined } });
    assert.equal(cancelled.kind, 'cancelled');
  });

  test('warnings block transpiling under clc.strict', async () => {
    const uri = file('nodes', 'warn.clc.yml');
    fs.writeFileSync(uri.fsPath, 'foo: bar\n');
    await open(uri);
    const relaxed = await api.transpileUri(uri, { ui: quiet });
    assert.equal(relaxed.kind, 'written');
    assert.equal(relaxed.warnings, 1);
    const cfg = vscode.workspace.getConfiguration('clc');
    await cfg.update('strict', true, vscode.ConfigurationTarget.Workspace);
    try {
      const strict = await until('strict to apply', async () => {
        const r = await api.transpileUri(uri, { ui: quiet });
        return r.kind === 'blocked' && r;
      });
      assert.match(strict.message, /warning.*clc\.strict/);
    } finally {
      await cfg.update('strict', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a setting change re-validates open configs', async () => {
    const uri = file('nodes', 'web.yml');
    await open(uri);
    const before = vscode.languages.getDiagnostics(uri).length;
    const cfg = vscode.workspace.getConfiguration('clc');
    // {PRIVATE_IPV4} in an etcd option needs a platform
    const ed = vscode.window.activeTextEditor;
    await ed.edit((b) => b.insert(new vscode.Position(ed.document.lineCount, 0), 'etcd:\n  advertise_client_urls: http://{PRIVATE_IPV4}:2379\n'));
    await until('a platform error', () => vscode.languages.getDiagnostics(uri).length > before);
    await cfg.update('platform', 'ec2', vscode.ConfigurationTarget.Workspace);
    try {
      await until('the error to go once clc.platform is set', () => vscode.languages.getDiagnostics(uri).length === before);
    } finally {
      await cfg.update('platform', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
