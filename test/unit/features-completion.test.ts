import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../src/core/features/completion.ts';
import type { CompletionEntry } from '../../src/core/features/completion.ts';
import { at, yaml } from '../support/caret.ts';

function items(src: string, platform?: string): CompletionEntry[] {
  const { doc, offset } = at(src);
  return complete(doc, offset, { platform });
}
const labels = (src: string, platform?: string) => items(src, platform).map((i) => i.label);
const byLabel = (src: string, label: string, platform?: string) => items(src, platform).find((i) => i.label === label);
/** the text after applying a completion */
function apply(src: string, label: string, platform?: string): string {
  const { text } = at(src);
  const it = byLabel(src, label, platform);
  assert.ok(it, `no completion ${label}`);
  return text.slice(0, it.replace.start) + it.insertText + text.slice(it.replace.end);
}

test('root keys on an empty document', () => {
  const l = labels('‸');
  for (const k of ['version', 'ignition', 'storage', 'systemd', 'networkd', 'passwd', 'etcd', 'flannel', 'update', 'docker', 'locksmith']) assert.ok(l.includes(k), k);
});

test('root keys leave out present ones, in both directions of the cursor', () => {
  const l = labels(yaml('storage: {}', '‸', 'passwd: {}'));
  assert.ok(!l.includes('storage'));
  assert.ok(!l.includes('passwd'));
  assert.ok(l.includes('systemd'));
});

test('half-typed key in a sequence item of broken YAML', () => {
  const src = yaml('storage:', '  files:', '    - path: /etc/motd', '      mo‸');
  const it = byLabel(src, 'mode')!;
  assert.ok(it);
  assert.deepEqual(
    labels(src).filter((l) => ['path', 'filesystem'].includes(l)),
    ['filesystem'],
    'path is present, filesystem is not',
  );
  assert.equal(apply(src, 'mode'), yaml('storage:', '  files:', '    - path: /etc/motd', '      mode: '));
});

test('required keys sort first', () => {
  const list = items(yaml('systemd:', '  units:', '    - ‸'));
  const sorted = [...list].filter((i) => i.kind === 'property').sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.equal(sorted[0].label, 'name');
  assert.match(sorted[0].detail!, /required/);
});

test('deprecated keys are marked and sort last', () => {
  const list = items(yaml('systemd:', '  units:', '    - name: a.service', '      ‸'));
  const enable = list.find((i) => i.label === 'enable')!;
  assert.equal(enable.deprecated, true);
  const props = list.filter((i) => i.kind === 'property').sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.equal(props[props.length - 1].label, 'enable');
});

test('object and list keys insert their structure with indentation', () => {
  assert.equal(apply(yaml('storage:', '  ‸'), 'files'), yaml('storage:', '  files:', '    - $0'));
  assert.equal(apply(yaml('passwd:', '  users:', '    - name: core', '      ‸'), 'ssh_authorized_keys'), yaml('passwd:', '  users:', '    - name: core', '      ssh_authorized_keys:', '        - $0'));
});

test('keys under a list-valued key get a dash', () => {
  const src = yaml('storage:', '  files:', '    ‸');
  assert.equal(apply(src, 'path'), yaml('storage:', '  files:', '    - path: '));
});

test('compact sequence at the key column', () => {
  const src = yaml('storage:', '  files:', '  - path: /a', '    ‸');
  assert.ok(labels(src).includes('mode'));
  assert.ok(!labels(src).includes('path'));
});

test('flow style: keys inside a flow mapping', () => {
  const src = 'storage: {files: [{path: /a, mo‸}]}\n';
  const it = byLabel(src, 'mode')!;
  assert.equal(it.insertText, 'mode: ');
  assert.ok(!labels(src).includes('path'));
  assert.equal(apply('storage: {files: [{path: /a, ‸}]}\n', 'contents'), 'storage: {files: [{path: /a, contents: {$0}}]}\n');
});

test('flow style: unclosed collections of a line being typed', () => {
  assert.ok(labels('storage: {files: [{path: /a, ov‸\n').includes('overwrite'));
  assert.ok(labels('passwd: {users: [{na‸').includes('name'));
});

test('flow style: values', () => {
  assert.deepEqual(labels('storage: {filesystems: [{mount: {format: ‸}}]}\n'), ['ext4', 'btrfs', 'xfs', 'vfat', 'swap']);
});

test('key followed by its colon only replaces the name', () => {
  const src = yaml('storage:', '  files:', '    - pa‸th: /a');
  const it = byLabel(src, 'path')!;
  assert.equal(it.insertText, 'path');
  assert.equal(apply(src, 'path'), yaml('storage:', '  files:', '    - path: /a'));
});

test('enum values: filesystem formats, compression, hash function, partition types', () => {
  assert.deepEqual(labels(yaml('storage:', '  filesystems:', '    - mount:', '        format: ‸')), ['ext4', 'btrfs', 'xfs', 'vfat', 'swap']);
  assert.deepEqual(labels(yaml('storage:', '  files:', '    - contents:', '        remote:', '          compression: ‸')), ['gzip']);
  assert.deepEqual(labels(yaml('ignition:', '  config:', '    replace:', '      verification:', '        hash:', '          function: ‸')), ['sha512']);
  assert.deepEqual(labels(yaml('storage:', '  disks:', '    - partitions:', '        - type_guid: ‸')), ['linux_filesystem_data', 'raid_partition', 'swap_partition', 'raid_containing_root']);
});

test('values: reboot strategies, update groups, booleans', () => {
  assert.deepEqual(labels(yaml('locksmith:', '  reboot_strategy: ‸')), ['reboot', 'etcd-lock', 'off']);
  assert.deepEqual(labels(yaml('update:', '  group: ‸')), ['stable', 'beta', 'alpha', 'lts']);
  assert.deepEqual(labels(yaml('systemd:', '  units:', '    - name: a.service', '      enabled: ‸')), ['true', 'false']);
  assert.equal(byLabel(yaml('locksmith:', '  reboot_strategy: ‸'), 'off')!.insertText, '"off"', 'off would be a boolean');
  assert.equal(byLabel(yaml('systemd:', '  units:', '    - name: a.service', '      enabled: ‸'), 'true')!.insertText, 'true');
});

test('value after the colon replaces what was typed, quotes kept', () => {
  const src = yaml('storage:', '  filesystems:', '    - mount:', '        format: "x‸fs"');
  const it = byLabel(src, 'xfs')!;
  assert.equal(apply(src, 'xfs'), yaml('storage:', '  filesystems:', '    - mount:', '        format: "xfs"'));
  assert.equal(it.insertText, 'xfs');
});

test('modes are offered in octal', () => {
  const l = items(yaml('storage:', '  files:', '    - path: /a', '      mode: ‸'));
  assert.equal(l[0].label, '0644');
  assert.equal(l[0].insertText, '0644');
  assert.match(l[0].detail!, /rw-r--r--/);
  assert.equal(items(yaml('storage:', '  directories:', '    - path: /a', '      mode: ‸'))[0].label, '0755');
});

test('filesystem: declared filesystems plus root', () => {
  const src = yaml(
    'storage:',
    '  filesystems:',
    '    - name: data',
    '      mount: {device: /dev/sdb, format: ext4}',
    '    - name: "logs"',
    '      path: /var/log',
    '  files:',
    '    - path: /a',
    '      filesystem: ‸',
  );
  assert.deepEqual(labels(src), ['root', 'data', 'logs']);
});

test('etcd options follow the declared version', () => {
  const v30 = labels(yaml('etcd:', '  version: 3.0.17', '  ‸'));
  assert.ok(v30.includes('auto_compaction_retention'));
  assert.ok(!v30.includes('metrics'), 'metrics is 3.1+');
  const v35 = labels(yaml('etcd:', '  version: "3.5.0"', '  ‸'));
  assert.ok(v35.includes('metrics'));
  const v23 = labels(yaml('etcd:', '  ‸', '  version: 2.3.8'));
  assert.ok(!v23.includes('metrics'));
  assert.ok(!v23.includes('version'), 'version is present (after the cursor)');
  const dflt = labels(yaml('etcd:', '  ‸'));
  assert.ok(dflt.includes('version') && dflt.includes('metrics'), 'default option set is 3.5');
});

test('flannel options follow the declared version', () => {
  const v05 = labels(yaml('flannel:', '  version: 0.5.5', '  ‸'));
  assert.ok(!v05.includes('etcd_username'));
  assert.ok(v05.includes('etcd_endpoints'));
  assert.ok(v05.includes('network_config'));
  const v07 = labels(yaml('flannel:', '  version: 0.7.1', '  ‸'));
  assert.ok(v07.includes('kube_subnet_mgr'));
});

test('etcd versions', () => {
  assert.ok(labels(yaml('etcd:', '  version: ‸')).includes('3.5.0'));
});

test('dynamic data inside etcd/flannel values, for the chosen platform', () => {
  const src = yaml('etcd:', '  advertise_client_urls: "http://{PRI‸"');
  assert.deepEqual(labels(src, 'ec2'), ['{HOSTNAME}', '{PRIVATE_IPV4}', '{PUBLIC_IPV4}']);
  assert.equal(apply(src, '{PRIVATE_IPV4}', 'ec2'), yaml('etcd:', '  advertise_client_urls: "http://{PRIVATE_IPV4}"'));
  assert.deepEqual(labels(src, 'azure'), ['{PRIVATE_IPV4}', '{PUBLIC_IPV4}']);
  // no platform: every field, with a note
  const all = items(src);
  assert.ok(all.some((i) => i.label === '{PRIVATE_IPV6}'));
  assert.match(all[0].documentation!, /--platform/);
});

test('dynamic data where a plain value would start with a brace gets quotes', () => {
  const empty = yaml('etcd:', '  name: ‸');
  assert.equal(apply(empty, '{HOSTNAME}', 'ec2'), yaml('etcd:', '  name: "{HOSTNAME}"'));
  const brace = yaml('etcd:', '  name: {HOS‸');
  assert.equal(apply(brace, '{HOSTNAME}', 'ec2'), yaml('etcd:', '  name: "{HOSTNAME}"'));
  const flannel = yaml('flannel:', '  public_ip: ‸');
  assert.ok(labels(flannel, 'gce').includes('{PUBLIC_IPV4}'));
});

test('no dynamic data outside etcd and flannel', () => {
  assert.deepEqual(labels(yaml('passwd:', '  users:', '    - name: ‸'), 'ec2'), ['core']);
});

test('snippets: a user with an SSH key, a unit with a drop-in, a file with inline contents and mode', () => {
  const user = byLabel(yaml('passwd:', '  users:', '    - ‸'), 'user with SSH key')!;
  assert.equal(user.snippet, true);
  assert.equal(user.insertText, 'name: ${1:core}\n      ssh_authorized_keys:\n        - ${2:ssh-ed25519 AAAA... user@host}');
  const unit = apply(yaml('systemd:', '  units:', '    ‸'), 'unit with drop-in');
  assert.equal(
    unit,
    yaml('systemd:', '  units:', '    - name: ${1:containerd.service}', '      dropins:', '        - name: ${2:10-custom.conf}', '          contents: |', '            [Service]', '            ${3:Environment=KEY=value}'),
  );
  const file = apply(yaml('storage:', '  files:', '    - ‸'), 'file with inline contents');
  assert.match(file, /mode: \$\{2:0644\}/);
  assert.match(file, /contents:\n {8}inline: \|\n {10}\$\{3:key=value\}/);
});

test('snippets are not offered once their keys are present', () => {
  assert.ok(!labels(yaml('passwd:', '  users:', '    - name: core', '      ‸')).includes('user with SSH key'));
});

test('sequence of scalars: no key completion', () => {
  assert.deepEqual(labels(yaml('passwd:', '  users:', '    - name: core', '      ssh_authorized_keys:', '        - ‸')), []);
});

test('nothing inside block scalars (other than unit texts), comments or later documents', () => {
  assert.deepEqual(labels(yaml('storage:', '  files:', '    - path: /etc/motd', '      contents:', '        inline: |', '          Desc‸')), []);
  // a unit's text has its own completion (test/unit/units-completion.test.ts)
  assert.ok(labels(yaml('systemd:', '  units:', '    - name: a.service', '      contents: |', '        [Unit]', '        Desc‸')).includes('Description'));
  assert.deepEqual(labels(yaml('storage: # fi‸')), []);
  assert.deepEqual(labels(yaml('storage: {}', '---', 'sto‸')), []);
});

test('a key after a block scalar, on a blank line at the key column', () => {
  const l = labels(yaml('systemd:', '  units:', '    - name: a.service', '      contents: |', '        [Unit]', '      ‸'));
  assert.ok(l.includes('enabled'));
  assert.ok(!l.includes('contents'));
});

test('CRLF documents', () => {
  const src = 'storage:\r\n  files:\r\n    - path: /a\r\n      mo‸\r\n';
  assert.ok(labels(src).includes('mode'));
  assert.equal(apply(src, 'mode'), 'storage:\r\n  files:\r\n    - path: /a\r\n      mode: \r\n');
});

test('unknown parents give nothing', () => {
  assert.deepEqual(labels(yaml('nonsense:', '  ‸')), []);
});

test('a value right after the colon gets its space', () => {
  const src = yaml('systemd:', '  units:', '    - name: a.service', '      enabled:‸');
  assert.equal(apply(src, 'true'), yaml('systemd:', '  units:', '    - name: a.service', '      enabled: true'));
});

test('flow mapping inside a block document', () => {
  assert.deepEqual(labels(yaml('storage:', '  filesystems:', '    - name: x', '      mount: {device: /dev/sdb, format: ‸}')), ['ext4', 'btrfs', 'xfs', 'vfat', 'swap']);
  const keys = labels(yaml('storage:', '  filesystems:', '    - name: x', '      mount: {device: /dev/sdb, fo‸}'));
  assert.ok(keys.includes('format') && !keys.includes('device'));
});

test('enum values are listed once', () => {
  const l = labels(yaml('storage:', '  raid:', '    - level: ‸'));
  assert.equal(new Set(l).size, l.length);
  assert.ok(l.includes('raid1') && l.includes('0'));
});

test('keys come with ready-made values too: a whole section, a list with one item', () => {
  const root = items('‸').filter((i) => i.kind === 'snippet' && i.label.startsWith('flannel'));
  assert.ok(root.length >= 1);
  assert.match(root[0].insertText, /^flannel:\n {2}version: /);
  const units = items(yaml('systemd:', '  ‸')).find((i) => i.kind === 'snippet' && i.label === 'units: unit with drop-in')!;
  assert.equal(units.insertText, 'units:\n    - name: ${1:containerd.service}\n      dropins:\n        - name: ${2:10-custom.conf}\n          contents: |\n            [Service]\n            ${3:Environment=KEY=value}');
});

// --- what a new user tripped over (issue 11) ---------------------------------------------------

test('at a sequence dash column, keys continue the entry above instead of starting a nameless one', () => {
  const src = yaml('passwd:', '  users:', '    - name: core', '    ‸');
  const list = items(src);
  assert.ok(!list.some((i) => i.label === 'name'), 'name is already set in the entry above');
  assert.equal(apply(src, 'ssh_authorized_keys'), yaml('passwd:', '  users:', '    - name: core', '      ssh_authorized_keys:', '        - $0'));
  assert.ok(list.filter((i) => i.kind === 'property').every((i) => !i.insertText.trimStart().startsWith('-')), 'no key item starts a new entry');
  // a new entry stays possible, but only through an item that says so, listed last
  const fresh = list.filter((i) => i.insertText.startsWith('-'));
  assert.deepEqual(fresh.map((i) => i.label), ['- (new users entry)']);
  assert.equal([...list].sort((a, b) => a.sortText.localeCompare(b.sortText)).at(-1)!.label, '- (new users entry)');
});

test('at a dash column with a word typed, between two entries, and in a compact sequence', () => {
  const typed = yaml('passwd:', '  users:', '    - name: core', '    ss‸');
  assert.equal(apply(typed, 'ssh_authorized_keys'), yaml('passwd:', '  users:', '    - name: core', '      ssh_authorized_keys:', '        - $0'));
  assert.ok(!items(typed).some((i) => i.label.startsWith('- (new')), 'the new-entry item only shows before anything is typed');
  const between = yaml('systemd:', '  units:', '    - name: a.service', '      enabled: true', '    ‸', '    - name: b.service');
  const l = labels(between);
  assert.ok(l.includes('contents') && !l.includes('name') && !l.includes('enabled'), l.join());
  assert.equal(apply(between, 'mask'), yaml('systemd:', '  units:', '    - name: a.service', '      enabled: true', '      mask: ', '    - name: b.service'));
  // a compact sequence shares its column with the parent's keys: those stay what is offered there
  assert.ok(labels(yaml('passwd:', '  users:', '  - name: core', '  ‸')).includes('groups'));
  // right under the list key (no entry yet) the first entry still gets its dash
  assert.equal(apply(yaml('passwd:', '  users:', '    ‸'), 'name'), yaml('passwd:', '  users:', '    - name: '));
});

test('every suggestion in a list has its own label', () => {
  for (const src of ['‸', yaml('systemd:', '  ‸'), yaml('storage:', '  ‸'), yaml('passwd:', '  ‸'), yaml('networkd:', '  ‸')]) {
    const l = labels(src);
    assert.equal(new Set(l).size, l.length, `${JSON.stringify(src)}: ${l.join(', ')}`);
  }
  const units = labels(yaml('systemd:', '  ‸')).filter((l) => l.startsWith('units'));
  assert.ok(units.length >= 3, units.join());
});

test('a deprecated key never wins over its replacement, even typed exactly', () => {
  const list = items(yaml('systemd:', '  units:', '    - name: a.service', '      enable‸'));
  const enable = list.find((i) => i.label === 'enable')!;
  const enabled = list.find((i) => i.label === 'enabled')!;
  assert.ok(enabled.sortText < enable.sortText);
  // VS Code ranks an exact filter match first; the deprecated key is matched on a longer text
  assert.notEqual(enable.filterText ?? enable.label, 'enable');
  assert.ok((enable.filterText ?? '').startsWith('enable'));
});

test('root keys come by usefulness: version last', () => {
  const props = items('‸').filter((i) => i.kind === 'property').sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
  assert.deepEqual(props.slice(0, 3), ['storage', 'systemd', 'passwd']);
  assert.equal(props.at(-1), 'version');
});

test('unit, drop-in and inline file contents open a literal block', () => {
  assert.equal(apply(yaml('systemd:', '  units:', '    - name: a.service', '      con‸'), 'contents'), yaml('systemd:', '  units:', '    - name: a.service', '      contents: |', '        $0'));
  assert.equal(
    apply(yaml('systemd:', '  units:', '    - name: a.service', '      dropins:', '        - name: x.conf', '          ‸'), 'contents'),
    yaml('systemd:', '  units:', '    - name: a.service', '      dropins:', '        - name: x.conf', '          contents: |', '            $0'),
  );
  assert.equal(apply(yaml('storage:', '  files:', '    - path: /a', '      contents:', '        ‸'), 'inline'), yaml('storage:', '  files:', '    - path: /a', '      contents:', '        inline: |', '          $0'));
  // a file's contents is a mapping, not text
  assert.equal(apply(yaml('storage:', '  files:', '    - path: /a', '      ‸'), 'contents'), yaml('storage:', '  files:', '    - path: /a', '      contents:', '        $0'));
});
