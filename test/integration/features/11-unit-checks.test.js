// systemd's verdict on a unit inside the config: warnings on their line, the same as
// `clct --hints`, quick fixes that make them go away, and the setting that turns them off.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activate, clctProblems, closeAll, fixture, open, problems, rangeOf, until } = require('./helpers');

async function quickFixes(uri, range) {
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
}

const unitProblems = (uri) => problems(uri).filter((p) => String(p.code).startsWith('unit-') && p.code !== 'unit-no-install');

suite('units: systemd checks inside contents', () => {
  suiteSetup(activate);
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('clc').update('unitChecks', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  test('a typo, a bad value and a misplaced directive, each on its line, as clct --hints reports them', async () => {
    const uri = fixture('unit-checks.yml', 'unit-checks-1.clc.yml');
    const ed = await open(uri);
    await until('the unit warnings', () => unitProblems(uri).length === 3, { show: () => JSON.stringify(problems(uri)) });
    assert.deepEqual(unitProblems(uri), [
      { severity: 'warning', code: 'unit-unknown-key', message: "Unknown key 'ExecStar' in section [Service], ignoring. Did you mean `ExecStart`?", range: [10, 8, 10, 16] },
      { severity: 'warning', code: 'unit-bad-value', message: 'Failed to parse sec value, ignoring: 5x', range: [12, 19, 12, 21] },
      { severity: 'warning', code: 'unit-unknown-key', message: "Unknown key 'WantedBy' in section [Service], ignoring. `WantedBy` belongs in [Install].", range: [13, 8, 13, 16] },
    ]);
    assert.deepEqual(problems(uri), clctProblems(ed.document.getText()));
  });

  test('"Rename ExecStar to ExecStart" and "Move WantedBy= to [Install]" applied make their warnings go', async () => {
    const uri = fixture('unit-checks.yml', 'unit-checks-2.clc.yml');
    const ed = await open(uri);
    await until('the unit warnings', () => unitProblems(uri).length === 3);
    const rename = await quickFixes(uri, new vscode.Range(10, 8, 10, 16));
    assert.deepEqual(rename.map((f) => f.title), ['Rename ExecStar to ExecStart']);
    assert.deepEqual(rename[0].edit.get(uri).map((e) => [rangeOf(e.range), e.newText]), [[[10, 8, 10, 16], 'ExecStart']]);
    assert.ok(await vscode.workspace.applyEdit(rename[0].edit));
    assert.equal(ed.document.lineAt(10).text, '        ExecStart=/usr/bin/true');
    // two ExecStart= in a oneshot service are fine; the typo warning goes
    await until('the typo warning to go', () => unitProblems(uri).length === 2, { show: () => JSON.stringify(unitProblems(uri)) });

    const move = await quickFixes(uri, new vscode.Range(13, 8, 13, 16));
    assert.deepEqual(move.map((f) => f.title), ['Move WantedBy= to [Install]']);
    assert.ok(await vscode.workspace.applyEdit(move[0].edit));
    assert.deepEqual(ed.document.getText().split('\n').slice(12, 16), ['        RestartSec=5x', '', '        [Install]', '        WantedBy=multi-user.target']);
    await until('the misplaced warning to go', () => unitProblems(uri).length === 1, { show: () => JSON.stringify(unitProblems(uri)) });
    assert.equal(unitProblems(uri)[0].code, 'unit-bad-value');
  });

  test('clc.unitChecks off: no unit warnings', async () => {
    const uri = fixture('unit-checks.yml', 'unit-checks-3.clc.yml');
    await open(uri);
    await until('the unit warnings', () => unitProblems(uri).length === 3);
    await vscode.workspace.getConfiguration('clc').update('unitChecks', false, vscode.ConfigurationTarget.Workspace);
    await until('the unit warnings to go', () => unitProblems(uri).length === 0, { show: () => JSON.stringify(unitProblems(uri)) });
    await vscode.workspace.getConfiguration('clc').update('unitChecks', undefined, vscode.ConfigurationTarget.Workspace);
    await until('the unit warnings to come back', () => unitProblems(uri).length === 3);
  });
});
