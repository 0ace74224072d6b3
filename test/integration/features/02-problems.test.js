// Problems: a broken config gets ct's problems (plus clc's hints) with exact ranges, they follow
// edits, and they clear once the config is fixed.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, clctProblems, closeAll, expectProblems, fixture, open, problems, replaceOnLine, setText, until } = require('./helpers');

// broken.clc.yml, line by line (0-based):
//  2     - path: etc/hostname        relative path: an error
//  4       mode: 644                 decimal mode: a warning (a hint) with a quick fix
// 11       contents: |               enabled unit without [Install]: a warning
// 17       homedir: /home/core       unknown key: a warning
const BROKEN = [
  { severity: 'error', code: 'path-relative', message: 'path not absolute', range: [2, 12, 2, 24] },
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
];

const shift = (list, lines) => list.map((p) => ({ ...p, range: [p.range[0] + lines, p.range[1], p.range[2] + lines, p.range[3]] }));

suite('problems', () => {
  suiteSetup(activate);
  suiteTeardown(closeAll);

  test('a broken config gets exactly its problems, with their ranges, as clct reports them', async () => {
    const uri = fixture('broken.clc.yml', 'problems-1.clc.yml');
    const ed = await open(uri);
    await expectProblems(uri, BROKEN);
    // the same as the command line says for the same text
    assert.deepEqual(problems(uri), clctProblems(ed.document.getText()));
    const raw = vscode.languages.getDiagnostics(uri);
    assert.ok(raw.every((d) => d.source === 'clc'));
    assert.equal(raw.find((d) => d.code === 'path-relative').severity, vscode.DiagnosticSeverity.Error);
  });

  test('problems move with the text and clear one by one as the config is fixed', async () => {
    const uri = fixture('broken.clc.yml', 'problems-2.clc.yml');
    const ed = await open(uri);
    await expectProblems(uri, BROKEN);

    // two lines above everything: every range moves down by two
    assert.ok(await ed.edit((b) => b.insert(new vscode.Position(0, 0), '# container-linux-config\n# a node\n')));
    await expectProblems(uri, shift(BROKEN, 2), 'the problems to move down two lines');

    // fix the path: only the error goes
    await replaceOnLine(ed, 4, 'etc/hostname', '/etc/hostname');
    await expectProblems(uri, shift(BROKEN.slice(1), 2), 'the path error to clear');

    // fix the rest: no problems at all
    await replaceOnLine(ed, 6, 'mode: 644', 'mode: 0644');
    await replaceOnLine(ed, 19, 'homedir', 'home_dir');
    await ed.edit((b) => b.insert(new vscode.Position(16, 0), '\n        [Install]\n        WantedBy=multi-user.target\n'));
    await expectProblems(uri, [], 'all problems to clear');
    assert.deepEqual(clctProblems(ed.document.getText()), []);

    // and they come back when the fix is undone
    await setText(ed, require('node:fs').readFileSync(uri.fsPath, 'utf8'));
    await expectProblems(uri, BROKEN, 'the problems to come back');
  });

  test('a YAML syntax error is reported where ct reports it, and nothing else', async () => {
    const uri = fixture('cl-config.yml', 'problems-3.clc.yml');
    const ed = await open(uri);
    await expectProblems(uri, [], 'a clean start');
    await replaceOnLine(ed, 43, 'group: stable', 'group: "stable'); // an unclosed quote on the last line
    const expected = [{ severity: 'error', code: 'yaml-syntax', message: 'yaml: Missing closing "quote', range: [44, 0, 44, 0] }];
    assert.deepEqual(clctProblems(ed.document.getText()), expected);
    await expectProblems(uri, expected, 'the syntax error');
    await vscode.commands.executeCommand('undo');
    await until('the document to be clean again', () => !ed.document.isDirty);
    await expectProblems(uri, [], 'the syntax error to clear after undo');
  });
});
