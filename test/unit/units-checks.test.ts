// Unit checks as the editor and clct show them: the message, and the exact place inside the
// YAML (for every kind of scalar), units judged with their drop-ins, networkd and storage files,
// the setting that turns them off, and the quick fixes.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../../src/core/features/diagnostics.ts';
import { codeActions } from '../../src/core/features/codeActions.ts';
import { ClcDocument } from '../../src/core/features/document.ts';
import { transpile } from '../../src/core/transpile.ts';
import { isUnitCode } from '../../src/core/units/diagnostics.ts';
import { suggestName } from '../../src/core/units/checks.ts';
import type { Diagnostic } from '../../src/core/report.ts';

function unitProblems(text: string, options: { unitChecks?: boolean } = {}): Diagnostic[] {
  return diagnose(text, options).diagnostics.filter((d) => isUnitCode(d.code));
}

/** "line:col text-under-range message" for each unit problem (1-based line and column) */
function placed(text: string): string[] {
  const doc = new ClcDocument(text);
  return unitProblems(text).map((d) => {
    const p = doc.lines.position(d.span!.start);
    return `${p.line + 1}:${p.character + 1} ${JSON.stringify(text.slice(d.span!.start, d.span!.end))} ${d.message}`;
  });
}

const unit = (name: string, contents: string[], header = '|') => ['systemd:', '  units:', `    - name: ${name}`, `      contents: ${header}`, ...contents.map((l) => (l ? '        ' + l : l))].join('\n') + '\n';

describe('unit checks in the config', () => {
  it("the issue's example: every problem on its line, worded like systemd", () => {
    const text = unit('app.service', ['[Unit]', 'Description=x', 'Type=oneshot', '[Service]', 'ExecStar=/usr/bin/sleep infinity', 'ExecStart=/bin/true', 'ExecStart=/bin/true', 'Restart=sometimes', 'RestartSec=5x', 'WantedBy=multi-user.target']);
    assert.deepEqual(placed(text), [
      '7:9 "Type" Unknown key \'Type\' in section [Unit], ignoring. `Type` belongs in [Service].',
      "9:9 \"ExecStar\" Unknown key 'ExecStar' in section [Service], ignoring. Did you mean `ExecStart`?",
      '11:9 "ExecStart" app.service: Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing. No valid Type= is set in [Service], so the type is simple.',
      '12:17 "sometimes" Failed to parse Restart= value, ignoring: sometimes. Restart= takes `no`, `on-success`, `on-failure`, `on-abnormal`, `on-watchdog`, `on-abort` or `always`.',
      '13:20 "5x" Failed to parse sec value, ignoring: 5x',
      "14:9 \"WantedBy\" Unknown key 'WantedBy' in section [Service], ignoring. `WantedBy` belongs in [Install].",
    ]);
  });

  it('places problems exactly for |-, |+, >, indentation indicators, CRLF and quoted scalars', () => {
    const body = ['[Service]', 'ExecStart=/bin/true', 'ExecStar=/bin/x'];
    for (const header of ['|-', '|+', '|2', '>', '>-']) {
      const text = unit('a.service', header === '>' || header === '>-' ? ['[Service]', '', 'ExecStart=/bin/true', '', 'ExecStar=/bin/x'] : body, header);
      const got = placed(text);
      assert.equal(got.length, 1, header);
      assert.match(got[0]!, header.startsWith('>') ? /^9:9 "ExecStar"/ : /^7:9 "ExecStar"/, header);
    }
    const crlf = unit('a.service', body).replace(/\n/g, '\r\n');
    assert.match(placed(crlf)[0]!, /^7:9 "ExecStar"/);
    const quoted = 'systemd:\n  units:\n    - name: a.service\n      contents: "[Service]\\nExecStart=/bin/true\\n\\\n        ExecStar=/bin/x\\n"\n';
    assert.match(placed(quoted)[0]!, /^5:9 "ExecStar"/);
    const single = "systemd:\n  units:\n    - name: a.service\n      contents: '[Service]\n\n        ExecStart=/bin/true\n\n        ExecStar=/bin/x'\n";
    assert.match(placed(single)[0]!, /^8:9 "ExecStar"/);
  });

  it('never flags comments, continuations, specifiers, exec prefixes, list resets, X- names, templates', () => {
    const text = unit('web@.service', ['# comment', '; also a comment', '[Unit]', 'Description=%n on %i', 'X-Custom=1', '[X-Notes]', 'anything goes', '[Service]', 'Type=oneshot', 'ExecStart=', 'ExecStart=-/bin/echo %i \\', '  # comment in a continued value', '  --more', 'ExecStart=@/bin/sh sh -c "x"', 'ExecStart=+/bin/true', 'ExecStart=!/bin/true', 'ExecStart=:/bin/true', 'Environment="A=1" B=%H', 'MemoryMax=50%', 'RestartSec=1min 30s', 'TimeoutStartSec=infinity', '[Install]', 'WantedBy=multi-user.target']);
    assert.deepEqual(placed(text), []);
  });

  it('judges a service with its drop-ins, from systemd.units and from storage.files', () => {
    const text = [
      'systemd:',
      '  units:',
      '    - name: app.service',
      '      contents: |',
      '        [Service]',
      '        ExecStart=/bin/true',
      '      dropins:',
      '        - name: 10-more.conf',
      '          contents: |',
      '            [Service]',
      '            ExecStart=/bin/false',
      '    - name: docker.service',
      '      dropins:',
      '        - name: 20-env.conf',
      '          contents: |',
      '            [Service]',
      '            Environment=A=1',
      'storage:',
      '  files:',
      '    - path: /etc/systemd/system/app.service.d/30-reset.conf',
      '      filesystem: root',
      '      contents:',
      '        inline: |',
      '          [Service]',
      '          ExecStart=',
      '          ExecStart=/bin/one',
      '          Restrat=always',
    ].join('\n');
    // the storage drop-in resets ExecStart= last: one command, not refused; its typo is found
    assert.deepEqual(placed(text), ["27:11 \"Restrat\" Unknown key 'Restrat' in section [Service], ignoring. Did you mean `Restart`?"]);
    const refused = placed(text.split('\n').slice(0, 11).join('\n') + '\n');
    assert.deepEqual(refused, ['11:13 "ExecStart" app.service: Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing. No valid Type= is set in [Service], so the type is simple.']);
    // a drop-in alone (its unit comes from the OS) is never judged as a whole service
    assert.deepEqual(placed(['systemd:', '  units:', '    - name: docker.service', '      dropins:', '        - name: a.conf', '          contents: |', '            [Service]', '            ExecStart=', ''].join('\n')), []);
  });

  it('networkd units and unit files written to /etc/systemd', () => {
    const text = [
      'networkd:',
      '  units:',
      '    - name: 10-eth.network',
      '      contents: |',
      '        [Match]',
      '        Name=eth0',
      '        [Network]',
      '        DHCP=yes',
      '        Adress=10.0.0.2/24',
      'storage:',
      '  files:',
      '    - path: /etc/systemd/system/backup.timer',
      '      filesystem: root',
      '      contents:',
      '        inline: |',
      '          [Timer]',
      '          OnCalendar=daily',
      '          Persistant=true',
      '    - path: /etc/systemd/network/20-br.netdev',
      '      filesystem: root',
      '      contents:',
      '        inline: |',
      '          [NetDev]',
      '          Name=br0',
      '          Kind=bridge',
      '          [Bridge]',
      '          STP=maybe',
    ].join('\n');
    assert.deepEqual(placed(text), [
      "9:9 \"Adress\" Unknown key 'Adress' in section [Network], ignoring. Did you mean `Address`?",
      "18:11 \"Persistant\" Unknown key 'Persistant' in section [Timer], ignoring. Did you mean `Persistent`?",
      '27:15 "maybe" Failed to parse boolean value, ignoring: maybe',
    ]);
  });

  it('broken lines are flagged on their line, not over the whole block', () => {
    const text = unit('a.service', ['[Service]', 'ExecStart=/bin/true', 'just words', '[Install', 'WantedBy=x']);
    assert.deepEqual(placed(text), [
      "7:9 \"just words\" Missing '=', ignoring line.",
      "8:9 \"[Install\" Invalid section header '[Install': systemd stops reading the file here and refuses to load it",
    ]);
  });

  it("ct's unreadable unit error is shown on the line at fault; clct keeps ct's place", () => {
    const text = unit('a.service', ['[Service]', 'ExecStart=/bin/true', '[Install', 'WantedBy=x']);
    const err = transpile(text).diagnostics.find((d) => d.code === 'unit-contents')!;
    assert.equal(err.message, 'invalid unit content: unable to find end of section');
    assert.equal(text.slice(err.span!.start, err.span!.end), '[Install');
    assert.equal(err.ctSpan!.start, text.indexOf('|'), 'clct still points at the contents, as ct does');
    assert.ok(err.ctSpan!.end >= text.indexOf('WantedBy=x'));
    assert.deepEqual(diagnose(text).diagnostics.find((d) => d.code === 'unit-contents')!.span, err.span);
  });

  it('clc.unitChecks off turns them off; clct shows them only with --hints', () => {
    const text = unit('a.service', ['[Service]', 'ExecStar=/bin/true']);
    assert.ok(unitProblems(text).length > 0);
    assert.deepEqual(unitProblems(text, { unitChecks: false }), []);
    assert.deepEqual(transpile(text).diagnostics.filter((d) => isUnitCode(d.code)), []);
    assert.ok(transpile(text, { hints: true }).diagnostics.some((d) => isUnitCode(d.code) && d.hint));
  });

  it('suggestions: letter case first, then the single closest name', () => {
    const known = ['ExecStart', 'ExecStop', 'ExecReload', 'Restart', 'RestartSec', 'WantedBy'];
    assert.equal(suggestName('execstart', known), 'ExecStart');
    assert.equal(suggestName('ExecStar', known), 'ExecStart');
    assert.equal(suggestName('Restrat', known), 'Restart');
    assert.equal(suggestName('ExecStpo', known), 'ExecStop');
    assert.equal(suggestName('Foo', known), undefined);
    assert.equal(suggestName('ExecSta', ['ExecStat', 'ExecStar']), undefined, 'two names as close');
  });
});

function applyFix(text: string, title: RegExp): string {
  const doc = new ClcDocument(text);
  const action = codeActions(doc, diagnose(text).diagnostics).find((a) => title.test(a.title));
  assert.ok(action, `no action ${title}`);
  let out = text;
  for (const e of [...action!.edits].sort((x, y) => y.span.start - x.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('unit quick fixes', () => {
  it('renames a misspelled directive or section to the suggestion', () => {
    const text = unit('a.service', ['[Servce]', 'ExecStart=/bin/true']);
    assert.equal(applyFix(text, /Rename Servce to Service/), unit('a.service', ['[Service]', 'ExecStart=/bin/true']));
    const typo = unit('a.service', ['[Service]', 'ExecStar=/bin/true']);
    assert.equal(applyFix(typo, /Rename ExecStar to ExecStart/), unit('a.service', ['[Service]', 'ExecStart=/bin/true']));
  });

  it('moves a directive to the section it belongs in, creating the section when missing', () => {
    const text = unit('a.service', ['[Unit]', 'Description=x', 'Type=oneshot', '[Service]', 'ExecStart=/bin/true', 'WantedBy=multi-user.target']);
    const moved = applyFix(text, /Move Type= to \[Service\]/);
    assert.equal(moved, unit('a.service', ['[Unit]', 'Description=x', '[Service]', 'ExecStart=/bin/true', 'Type=oneshot', 'WantedBy=multi-user.target']));
    const created = applyFix(moved, /Move WantedBy= to \[Install\]/);
    assert.equal(created, unit('a.service', ['[Unit]', 'Description=x', '[Service]', 'ExecStart=/bin/true', 'Type=oneshot', '', '[Install]', 'WantedBy=multi-user.target']));
    assert.deepEqual(placed(created), []);
    // CRLF documents keep their line breaks
    const crlf = text.replace(/\n/g, '\r\n');
    assert.equal(applyFix(crlf, /Move Type= to \[Service\]/), moved.replace(/\n/g, '\r\n'));
  });
});
