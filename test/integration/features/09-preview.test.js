// The Ignition preview: opens beside the config with clct's output, and its text follows edits.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, clctOutput, closeAll, fixture, open, replaceOnLine, until } = require('./helpers');

const previewEditor = () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'clc-preview');
// the preview document object is replaced when its language is set: always look it up afresh
const previewText = () => previewEditor()?.document.getText() ?? '';
const lines = () => previewText().split('\n');

suite('Ignition preview', () => {
  let uri;
  suiteSetup(async () => {
    await activate();
    uri = fixture('cl-config.yml', 'preview.clc.yml');
  });
  suiteTeardown(closeAll);

  test('opens beside the config with exactly clct\'s output under a three-line header', async () => {
    const src = await open(uri);
    await vscode.commands.executeCommand('clc.openPreviewToSide');
    const ed = await until('the preview editor', previewEditor);
    assert.equal(ed.viewColumn, vscode.ViewColumn.Two);
    assert.equal(ed.document.languageId, 'jsonc');
    assert.equal(vscode.window.activeTextEditor.document.uri.toString(), uri.toString(), 'the config keeps the focus');
    const expected = `// Ignition preview of preview.clc.yml, platform: none\n// ✓ Up to date.\n//\n${clctOutput(src.document.getText())}`;
    await until('the preview to show the output', () => previewText() === expected, { show: previewText });
  });

  test('an edit changes the preview\'s text to the new output', async () => {
    const src = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    assert.ok(src && previewEditor(), 'the config and its preview are open');
    const before = previewText();
    await replaceOnLine(src, 25, 'hello from the data disk', 'hello again');
    const expected = `// Ignition preview of preview.clc.yml, platform: none\n// ✓ Up to date.\n//\n${clctOutput(src.document.getText())}`;
    await until('the edit to reach the preview', () => previewText() === expected, { show: previewText });
    assert.notEqual(previewText(), before);
    assert.match(previewText(), /"source": "data:,hello%20again"/);
    assert.doesNotMatch(previewText(), /hello%20from%20the%20data%20disk/);
  });

  test('an error keeps the last good output and names the problem in the header', async () => {
    const src = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const good = lines().slice(3).join('\n');
    await replaceOnLine(src, 21, '/srv/motd', 'srv/motd');
    await until('the error in the header', () => lines()[1].startsWith('// ✖'), { show: previewText });
    // short enough for a side-by-side split; the problem itself on a line of its own
    assert.match(lines()[1], /^\/\/ ✖ 1 error; last good output from \d\d:\d\d:\d\d\.$/);
    assert.equal(lines()[2], '// First: line 22, column 13: path not absolute');
    assert.equal(lines().slice(3).join('\n'), good, 'the last good output stays');
    await replaceOnLine(src, 21, 'srv/motd', '/srv/motd');
    await until('the preview to recover', () => lines()[1] === '// ✓ Up to date.', { show: previewText });
  });
});
