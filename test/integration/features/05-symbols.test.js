// Document symbols (outline, breadcrumbs, Go to Symbol) through VS Code's provider command.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, closeAll, fixture, open, rangeOf, until } = require('./helpers');

const KIND = Object.fromEntries(Object.entries(vscode.SymbolKind).map(([k, v]) => [v, k]));

function tree(symbols) {
  return symbols.map((s) => ({
    name: s.name,
    kind: KIND[s.kind],
    ...(s.detail ? { detail: s.detail } : {}),
    range: rangeOf(s.range),
    selection: rangeOf(s.selectionRange),
    ...(s.children.length ? { children: tree(s.children) } : {}),
  }));
}

async function symbolsOf(uri) {
  return until('document symbols', async () => {
    const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    return Array.isArray(s) && s.length > 0 && s;
  });
}

suite('document symbols', () => {
  suiteSetup(activate);
  suiteTeardown(closeAll);

  test('sections with their users, filesystems, files and units, with exact ranges', async () => {
    const uri = fixture('cl-config.yml', 'symbols.clc.yml');
    await open(uri);
    const symbols = await symbolsOf(uri);
    assert.ok(Array.isArray(symbols[0].children), 'hierarchical symbols');
    assert.deepEqual(tree(symbols), [
      {
        name: 'passwd', kind: 'Module', range: [2, 0, 6, 108], selection: [2, 0, 2, 6],
        children: [{ name: 'core', kind: 'Object', range: [4, 4, 6, 108], selection: [4, 12, 4, 16] }],
      },
      {
        name: 'storage', kind: 'Module', range: [8, 0, 25, 40], selection: [8, 0, 8, 7],
        children: [
          { name: 'data', kind: 'Namespace', range: [10, 4, 14, 19], selection: [10, 12, 10, 16] },
          { name: '/etc/hostname', kind: 'File', range: [16, 4, 20, 23], selection: [16, 12, 16, 25] },
          { name: '/srv/motd', kind: 'File', detail: 'on data', range: [21, 4, 25, 40], selection: [21, 12, 21, 21] },
        ],
      },
      {
        name: 'systemd', kind: 'Module', range: [27, 0, 40, 34], selection: [27, 0, 27, 7],
        children: [{ name: 'hello.service', kind: 'Class', detail: 'enabled', range: [29, 4, 40, 34], selection: [29, 12, 29, 25] }],
      },
      { name: 'update', kind: 'Module', range: [42, 0, 43, 15], selection: [42, 0, 42, 6] },
    ]);
  });

  test('the outline follows edits', async () => {
    const uri = fixture('cl-config.yml', 'symbols-2.clc.yml');
    const ed = await open(uri);
    const line = 21; // "    - path: /srv/motd"
    const at = ed.document.lineAt(line).text.indexOf('/srv/motd');
    assert.ok(await ed.edit((b) => b.replace(new vscode.Range(line, at, line, at + '/srv/motd'.length), '/srv/banner.txt')));
    const names = await until('the renamed file in the outline', async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
      const files = s.find((x) => x.name === 'storage').children.map((c) => c.name);
      return files.includes('/srv/banner.txt') && files;
    });
    assert.deepEqual(names, ['data', '/etc/hostname', '/srv/banner.txt']);
  });

  // Regression: with a top-level key written twice, the outline used to mix the two sections and give
  // a symbol a selection range outside its range, which VS Code rejects ("selectionRange must be
  // contained in fullRange"), leaving the outline and breadcrumbs empty.
  test('a duplicated section keeps a valid outline, each copy with its own entries', async () => {
    const uri = fixture('cl-config.yml', 'symbols-dup.clc.yml');
    const ed = await open(uri);
    assert.ok(await ed.edit((b) => b.insert(new vscode.Position(ed.document.lineCount, 0), 'storage:\n  files:\n    - path: /b\n')));
    // VS Code throws away the server's whole answer when a selection range lies outside its range
    const symbols = await until('an outline for the edited text', async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
      return Array.isArray(s) && s;
    }, { timeoutMs: 5000 }).catch(() => []);
    assert.ok(symbols.length > 0, 'the outline is not empty');
    const check = (list) => {
      for (const s of list) {
        assert.ok(s.range.contains(s.selectionRange), `${s.name}: selection ${JSON.stringify(rangeOf(s.selectionRange))} inside ${JSON.stringify(rangeOf(s.range))}`);
        check(s.children);
      }
    };
    check(symbols);
    const storages = symbols.filter((s) => s.name === 'storage');
    assert.equal(storages.length, 2);
    assert.deepEqual(storages[1].children.map((c) => c.name), ['/b']);
  });
});
