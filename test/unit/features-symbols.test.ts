import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols } from '../../src/core/features/symbols.ts';
import type { SymbolEntry } from '../../src/core/features/symbols.ts';
import { ClcDocument } from '../../src/core/features/document.ts';
import { yaml } from '../support/caret.ts';

const CONFIG = yaml(
  'passwd:',
  '  users:',
  '    - name: core',
  '      ssh_authorized_keys: [ssh-ed25519 AAAA]',
  '    - name: "ops"',
  '  groups:',
  '    - name: admins',
  'systemd:',
  '  units:',
  '    - name: a.service',
  '      enabled: true',
  '      contents: |',
  '        [Service]',
  '        ExecStart=/bin/true',
  '    - name: containerd.service',
  '      dropins:',
  '        - name: 10-limits.conf',
  '          contents: "[Service]\\nLimitNOFILE=1"',
  'networkd:',
  '  units:',
  '    - name: 00-eth0.network',
  'storage:',
  '  disks:',
  '    - device: /dev/sda',
  '      partitions:',
  '        - label: ROOT',
  '          size: 8GiB',
  '        - number: 2',
  '  raid:',
  '    - name: md0',
  '      level: raid1',
  '  filesystems:',
  '    - name: data',
  '      mount: {device: /dev/sdb, format: ext4}',
  '  files:',
  '    - path: /etc/motd',
  '      filesystem: data',
  '  directories:',
  '    - path: /srv',
  '  links:',
  '    - path: /etc/localtime',
  '      target: /usr/share/zoneinfo/UTC',
  'locksmith:',
  '  reboot_strategy: "off"',
);

function outline(list: SymbolEntry[], depth = 0): string[] {
  return list.flatMap((s) => [`${'  '.repeat(depth)}${s.kind} ${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...outline(s.children, depth + 1)]);
}

const EXPECTED = [
  'section passwd',
  '  user core',
  '  user ops',
  '  group admins',
  'section systemd',
  '  unit a.service (enabled)',
  '  unit containerd.service',
  '    dropin 10-limits.conf',
  'section networkd',
  '  unit 00-eth0.network',
  'section storage',
  '  disk /dev/sda',
  '    partition ROOT (8GiB)',
  '    partition #2',
  '  raid md0 (raid1)',
  '  filesystem data',
  '  file /etc/motd (on data)',
  '  directory /srv',
  '  link /etc/localtime (→ /usr/share/zoneinfo/UTC)',
  'section locksmith',
];

test('outline of a block-style config', () => {
  assert.deepEqual(outline(documentSymbols(new ClcDocument(CONFIG))), EXPECTED);
});

test('ranges: an item spans its lines, the selection is its name', () => {
  const doc = new ClcDocument(CONFIG);
  const unit = documentSymbols(doc)[1].children[0];
  assert.equal(CONFIG.slice(unit.selection.start, unit.selection.end), 'a.service');
  assert.equal(CONFIG.slice(unit.span.start, unit.span.end), '- name: a.service\n      enabled: true\n      contents: |\n        [Service]\n        ExecStart=/bin/true');
  const section = documentSymbols(doc)[0];
  assert.equal(CONFIG.slice(section.selection.start, section.selection.end), 'passwd');
  const quoted = documentSymbols(doc)[0].children[1];
  assert.equal(CONFIG.slice(quoted.selection.start, quoted.selection.end), '"ops"');
});

test('the same outline from a flow-style config', () => {
  const flow = '{passwd: {users: [{name: core}, {name: ops}], groups: [{name: admins}]}, storage: {files: [{path: /etc/motd, filesystem: data}]}}\n';
  assert.deepEqual(outline(documentSymbols(new ClcDocument(flow))), ['section passwd', '  user core', '  user ops', '  group admins', 'section storage', '  file /etc/motd (on data)']);
});

test('broken YAML still has an outline', () => {
  const broken = yaml('passwd:', '  users:', '    - name: core', '      gro', 'systemd:', '  units:', '    - name: x.service', '      contents: [unclosed');
  assert.deepEqual(outline(documentSymbols(new ClcDocument(broken))), ['section passwd', '  user core', 'section systemd', '  unit x.service']);
});

test('items without a name get a placeholder', () => {
  assert.deepEqual(outline(documentSymbols(new ClcDocument(yaml('storage:', '  files:', '    - mode: 0644')))), ['section storage', '  file (file 1)']);
});

test('a section written twice keeps its own items, every selection inside its symbol', () => {
  const text = yaml('storage:', '  files:', '    - path: /a', 'passwd: {}', 'storage:', '  files:', '    - path: /b');
  const syms = documentSymbols(new ClcDocument(text));
  assert.deepEqual(outline(syms), ['section storage', '  file /a', 'section passwd', 'section storage', '  file /b']);
  const check = (list: SymbolEntry[]) => {
    for (const s of list) {
      assert.ok(s.span.start <= s.selection.start && s.selection.end <= s.span.end, s.name);
      check(s.children);
    }
  };
  check(syms);
});
