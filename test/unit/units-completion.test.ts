// Completion inside unit texts embedded in a config, with the cursor written into the document.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../src/core/features/completion.ts';
import type { CompletionEntry } from '../../src/core/features/completion.ts';
import { at, yaml } from '../support/caret.ts';

function items(src: string): CompletionEntry[] {
  const { doc, offset } = at(src);
  return complete(doc, offset);
}
const labels = (src: string) => items(src).map((i) => i.label);
function apply(src: string, label: string): string {
  const { text } = at(src);
  const it = items(src).find((i) => i.label === label);
  assert.ok(it, `no completion ${label}; got ${labels(src).slice(0, 10).join(' ')}`);
  return text.slice(0, it.replace.start) + it.insertText + text.slice(it.replace.end);
}
/** a service unit in a config, its contents given line by line */
const unit = (name: string, ...contents: string[]) =>
  yaml('systemd:', '  units:', `    - name: ${name}`, '      contents: |', ...contents.map((l) => (l ? '        ' + l : '')));

describe('unit completion: section headers', () => {
  it('offers the sections of the unit type after [', () => {
    assert.deepEqual(labels(unit('app.service', '[‸')), ['[Unit]', '[Service]', '[Install]']);
    assert.deepEqual(labels(unit('app.timer', '[‸')), ['[Unit]', '[Timer]', '[Install]']);
    assert.ok(labels(unit('10-eth.network', '[‸')).includes('[DHCPv4]'));
  });

  it('replaces the half-typed header, closing bracket included', () => {
    assert.equal(apply(unit('app.service', '[Ser‸'), '[Service]'), unit('app.service', '[Service]'));
    assert.equal(apply(unit('app.service', '[Ser‸]'), '[Service]'), unit('app.service', '[Service]'));
  });

  it('offers headers in an empty unit text', () => {
    const l = labels(yaml('systemd:', '  units:', '    - name: app.service', '      contents: |', '        ‸'));
    assert.deepEqual(l, ['[Unit]', '[Service]', '[Install]']);
  });
});

describe('unit completion: directives', () => {
  it('offers the directives of the current section and unit type', () => {
    const service = labels(unit('app.service', '[Service]', 'Exec‸'));
    for (const k of ['ExecStart', 'ExecStartPre', 'User', 'KillMode', 'MemoryMax', 'Restart']) assert.ok(service.includes(k), k);
    for (const k of ['WantedBy', 'Description', 'OnCalendar', 'ListenStream']) assert.ok(!service.includes(k), k);
    const install = labels(unit('app.service', '[Install]', '‸'));
    assert.ok(install.includes('WantedBy'));
    assert.ok(!install.includes('ExecStart'));
    const timer = labels(unit('app.timer', '[Timer]', 'On‸'));
    assert.ok(timer.includes('OnCalendar'));
    assert.ok(!timer.includes('User'), 'a timer runs nothing itself');
  });

  it('labels the bare name and inserts Name=', () => {
    const src = unit('app.service', '[Service]', 'ExecSta‸');
    const it = items(src).find((i) => i.label === 'ExecStart')!;
    assert.equal(it.insertText, 'ExecStart=');
    assert.equal(apply(src, 'ExecStart'), unit('app.service', '[Service]', 'ExecStart='));
  });

  it('inserts only the name when the = is already there', () => {
    assert.equal(apply(unit('app.service', '[Service]', 'Ty‸=simple'), 'Type'), unit('app.service', '[Service]', 'Type=simple'));
  });

  it('reopens completion after a directive with choices', () => {
    const it = (label: string) => items(unit('app.service', '[Service]', '‸')).find((i) => i.label === label)!;
    assert.equal(it('Type').retrigger, true);
    assert.equal(it('RemainAfterExit').retrigger, true);
    assert.equal(it('ExecStart').retrigger, undefined);
  });

  it('offers directives and the other headers on a new blank line after the last one', () => {
    const src = yaml('systemd:', '  units:', '    - name: app.service', '      contents: |', '        [Service]', '        Type=oneshot', '        ‸', '    - name: b.service');
    const l = labels(src);
    assert.ok(l.includes('ExecStart'));
    assert.ok(l.includes('[Install]'));
    assert.equal(
      apply(src, 'ExecStart'),
      yaml('systemd:', '  units:', '    - name: app.service', '      contents: |', '        [Service]', '        Type=oneshot', '        ExecStart=', '    - name: b.service'),
    );
  });

  it('uses the type of the unit for its drop-ins', () => {
    const src = yaml('systemd:', '  units:', '    - name: docker.service', '      dropins:', '        - name: 10-env.conf', '          contents: |', '            [Service]', '            Environ‸');
    assert.ok(labels(src).includes('Environment'));
  });

  it('knows networkd and udev files', () => {
    const net = yaml('networkd:', '  units:', '    - name: 10-eth.network', '      contents: |', '        [Match]', '        Na‸');
    assert.ok(labels(net).includes('Name'));
    assert.ok(!labels(net).includes('ExecStart'));
    const netdev = yaml('networkd:', '  units:', '    - name: 20-br.netdev', '      contents: |', '        [NetDev]', '        ‸');
    assert.ok(labels(netdev).includes('Kind'));
  });

  it('works for unit files written with storage.files', () => {
    const src = yaml(
      'storage:',
      '  files:',
      '    - path: /etc/systemd/system/app.service',
      '      filesystem: root',
      '      contents:',
      '        inline: |',
      '          [Service]',
      '          Restart=‸',
    );
    assert.ok(labels(src).includes('on-failure'));
  });

  it('works for drop-ins written with storage.files, with the unit type of their directory', () => {
    const src = yaml(
      'storage:',
      '  files:',
      '    - path: /etc/systemd/system/docker.service.d/10-proxy.conf',
      '      filesystem: root',
      '      contents:',
      '        inline: |',
      '          [Service]',
      '          Environ‸',
    );
    assert.ok(labels(src).includes('Environment'));
    const network = yaml('storage:', '  files:', '    - path: /etc/systemd/network/10-eth.network', '      contents:', '        inline: |', '          [Match]', '          ‸');
    assert.ok(labels(network).includes('Name'));
  });

  it('offers unit files written with storage.files as unit names', () => {
    const src = yaml(
      'storage:',
      '  files:',
      '    - path: /etc/systemd/system/backup.timer',
      '      contents: {inline: "[Timer]\\nOnCalendar=daily\\n"}',
      '    - path: /etc/systemd/network/10-eth.network',
      '      contents: {inline: "[Match]\\nName=eth0\\n"}',
      'systemd:',
      '  units:',
      '    - name: app.service',
      '      contents: |',
      '        [Unit]',
      '        Before=‸',
    );
    const l = labels(src);
    assert.ok(l.includes('backup.timer'));
    assert.ok(!l.includes('10-eth.network'), 'a networkd file is no unit');
  });

  it('works inside a double-quoted scalar', () => {
    const src = yaml('systemd:', '  units:', '    - name: app.service', '      contents: "[Service]\\nTy‸"');
    assert.equal(apply(src, 'Type'), yaml('systemd:', '  units:', '    - name: app.service', '      contents: "[Service]\\nType="'));
  });

  it('works with CRLF line ends', () => {
    const src = unit('app.service', '[Service]', 'Remain‸').replace(/\n/g, '\r\n');
    assert.equal(apply(src, 'RemainAfterExit'), unit('app.service', '[Service]', 'RemainAfterExit=').replace(/\n/g, '\r\n'));
  });

  it('offers headers only before the first section', () => {
    assert.deepEqual(labels(unit('app.service', '‸', '[Service]')), ['[Unit]', '[Service]', '[Install]']);
  });
});

describe('unit completion: values', () => {
  it('offers the values of an enumeration after =', () => {
    assert.deepEqual(labels(unit('app.service', '[Service]', 'Type=‸')), [
      'simple', 'forking', 'oneshot', 'dbus', 'notify', 'notify-reload', 'idle', 'exec',
    ]);
    assert.equal(apply(unit('app.service', '[Service]', 'Type=one‸'), 'oneshot'), unit('app.service', '[Service]', 'Type=oneshot'));
    assert.equal(apply(unit('app.service', '[Service]', 'Type=one‸shot'), 'simple'), unit('app.service', '[Service]', 'Type=simple'));
    assert.ok(labels(unit('app.service', '[Service]', 'Restart=‸')).includes('on-failure'));
    assert.ok(labels(unit('10-eth.link', '[Link]', 'MACAddressPolicy=‸')).includes('persistent'));
  });

  it('offers booleans, and booleans besides an enumeration that takes them', () => {
    assert.deepEqual(labels(unit('app.service', '[Service]', 'RemainAfterExit=‸')), ['yes', 'no', 'true', 'false']);
    const protect = labels(unit('app.service', '[Service]', 'ProtectSystem=‸'));
    for (const v of ['strict', 'full', 'yes', 'no', 'true']) assert.ok(protect.includes(v), v);
  });

  it('offers nothing for free values', () => {
    assert.deepEqual(labels(unit('app.service', '[Service]', 'ExecStart=/usr/bin/‸')), []);
    assert.deepEqual(labels(unit('app.service', '[Service]', 'Description=‸')), []);
    assert.deepEqual(labels(unit('app.service', '[Service]', 'NoSuchThing=‸')), []);
  });

  it('offers the config units and standard targets after dependency directives', () => {
    const cfg = (line: string) =>
      yaml(
        'systemd:',
        '  units:',
        '    - name: db.service',
        '      enabled: true',
        '    - name: app.service',
        '      contents: |',
        '        [Unit]',
        `        ${line}`,
      );
    const after = labels(cfg('After=‸'));
    assert.ok(after.includes('db.service'));
    assert.ok(after.includes('network-online.target'));
    assert.ok(after.includes('docker.service'));
    assert.ok(!after.includes('app.service'), 'not the unit itself');
    // the word under the cursor of a space-separated list
    assert.equal(apply(cfg('After=db.service net‸'), 'network-online.target'), cfg('After=db.service network-online.target'));
    assert.ok(!labels(cfg('After=db.service ‸')).includes('db.service'), 'already listed');
    for (const key of ['Before', 'Requires', 'Wants', 'BindsTo']) assert.ok(labels(cfg(`${key}=‸`)).includes('db.service'), key);
  });

  it('puts targets first after WantedBy= and RequiredBy=', () => {
    const src = unit('app.service', '[Install]', 'WantedBy=‸');
    const sorted = items(src).sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.ok(sorted[0]!.endsWith('.target'));
    assert.ok(sorted.includes('multi-user.target'));
    assert.ok(labels(unit('app.service', '[Install]', 'RequiredBy=‸')).includes('multi-user.target'));
  });
});

describe('unit completion: where it stays quiet', () => {
  it('offers nothing in comments and continued values', () => {
    assert.deepEqual(labels(unit('app.service', '[Service]', '# Ty‸')), []);
    assert.deepEqual(labels(unit('app.service', '[Service]', 'ExecStart=/bin/sh -c \\', '  ec‸')), []);
  });

  it('offers nothing for a unit of unknown type', () => {
    assert.deepEqual(labels(unit('app', '[Service]', 'Ty‸')), []);
  });

  it('keeps YAML completion outside the unit text', () => {
    const l = labels(yaml('systemd:', '  units:', '    - name: app.service', '      ‸', '      contents: |', '        [Service]'));
    assert.ok(l.includes('enabled'));
    assert.ok(!l.includes('ExecStart'));
    assert.deepEqual(labels(yaml('systemd:', '  units:', '    - name: app.service', '      enabled: ‸')), ['true', 'false']);
  });
});
