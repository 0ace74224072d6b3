// Hover docs through VS Code's provider command.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, closeAll, fixture, open, rangeOf } = require('./helpers');

async function hoverAt(uri, line, character) {
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return hovers.map((h) => ({
    text: h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'),
    range: h.range && rangeOf(h.range),
  }));
}

suite('hover', () => {
  let uri;
  suiteSetup(async () => {
    await activate();
    uri = fixture('cl-config.yml', 'hover.clc.yml');
    await open(uri);
  });
  suiteTeardown(closeAll);

  test('a nested key: its path, type and documentation, over the key', async () => {
    const [h, ...more] = await hoverAt(uri, 13, 10); // "format" in storage.filesystems[0].mount
    assert.equal(more.length, 0);
    assert.deepEqual(h.range, [13, 8, 13, 14]);
    assert.match(h.text, /^\*\*storage\.filesystems\[\]\.mount\.format\*\* · string\n\n/);
    assert.match(h.text, /`ext4`, `btrfs`, `xfs`, `vfat` and `swap`/);
  });

  test('a key with a default value says so', async () => {
    const [h] = await hoverAt(uri, 18, 8); // "mode" of the first file
    assert.deepEqual(h.range, [18, 6, 18, 10]);
    assert.match(h.text, /^\*\*storage\.files\[\]\.mode\*\* · integer/);
    assert.match(h.text, /Default: `0644`$/);
  });

  test('a top-level section', async () => {
    const [h] = await hoverAt(uri, 42, 3); // "update"
    assert.deepEqual(h.range, [42, 0, 42, 6]);
    assert.match(h.text, /^\*\*update\*\* · Update\n\n/);
    assert.match(h.text, /\/etc\/coreos\/update\.conf/);
  });

  test('nothing on a comment or a blank line', async () => {
    assert.deepEqual(await hoverAt(uri, 1, 5), []);
    assert.deepEqual(await hoverAt(uri, 7, 0), []);
  });
});
