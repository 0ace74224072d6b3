import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/core/features/hover.ts';
import { at, yaml } from '../support/caret.ts';

function h(src: string, platform?: string) {
  const { doc, offset } = at(src);
  return hover(doc, offset, { platform });
}
function md(src: string, platform?: string): string {
  const r = h(src, platform);
  assert.ok(r, 'expected a hover');
  return r.contents;
}

test('every key of the format has a hover with its description', () => {
  const m = md(yaml('passwd:', '  users:', '    - name: core', '      ssh_auth‸orized_keys: []'));
  assert.match(m, /passwd\.users\[\]\.ssh_authorized_keys/);
  assert.match(m, /list of string/);
});

test('key hover: type, default and the range of the key', () => {
  const src = yaml('storage:', '  files:', '    - path: /a', '      mo‸de: 0644');
  const r = h(src)!;
  assert.match(r.contents, /integer/);
  assert.match(r.contents, /Default: `0644`/);
  const { text } = at(src);
  assert.equal(text.slice(r.span.start, r.span.end), 'mode');
});

test('deprecated keys say so', () => {
  assert.match(md(yaml('systemd:', '  units:', '    - name: a.service', '      ena‸ble: true')), /Deprecated/);
});

test('unknown keys: ct ignores them, and a likely intended key is named', () => {
  const m = md(yaml('passwd:', '  users:', '    - name: core', '      passwordH‸ash: x'));
  assert.match(m, /unrecognized key: passwordHash/);
  assert.match(m, /password_hash/);
});

test('mode value: octal, rwx and decimal', () => {
  const m = md(yaml('storage:', '  files:', '    - path: /a', '      mode: 06‸44'));
  assert.match(m, /`0644`/);
  assert.match(m, /rw-r--r--/);
  assert.match(m, /decimal 420/);
});

test('decimal-looking mode: 0644 was probably meant', () => {
  const m = md(yaml('storage:', '  files:', '    - path: /a', '      mode: 64‸4'));
  assert.match(m, /`01204`/);
  assert.match(m, /`0644`.*probably meant/);
  // 420 is 0644 written in decimal: nothing to warn about
  assert.doesNotMatch(md(yaml('storage:', '  files:', '    - path: /a', '      mode: 42‸0')), /probably/);
});

test('etcd option value: the flag it becomes', () => {
  assert.match(md(yaml('etcd:', '  version: 3.5.0', '  data_dir: /var/li‸b/etcd')), /`--data-dir="\/var\/lib\/etcd"`/);
  assert.match(md(yaml('etcd:', '  snapshot_count: 50‸00')), /`--snapshot-count=5000`/);
  assert.match(md(yaml('flannel:', '  version: 0.7.1', '  kube_subnet_mgr: tr‸ue')), /`--kube-subnet-mgr=true`/);
  assert.match(md(yaml('flannel:', '  ip_masq: tr‸ue')), /`--ip-masq="true"`/, 'a string option keeps the text');
  assert.match(md(yaml('etcd:', '  name: 06‸44')), /`--name="0644"`/);
});

test('etcd option key: flag, and a warning when the declared version lacks it', () => {
  const m = md(yaml('etcd:', '  version: 3.0.17', '  metr‸ics: basic'));
  assert.match(m, /--metrics/);
  assert.match(m, /not an option of etcd 3\.0/);
  assert.doesNotMatch(md(yaml('etcd:', '  version: 3.5.0', '  metr‸ics: basic')), /not an option/);
});

test('dynamic-data field: the variable on each platform', () => {
  const m = md(yaml('etcd:', '  advertise_client_urls: "http://{PRIVATE_‸IPV4}:2379"'), 'ec2');
  assert.match(m, /COREOS_EC2_IPV4_LOCAL/);
  assert.match(m, /\*\*ec2\*\*/);
  assert.match(m, /COREOS_AZURE_IPV4_DYNAMIC/);
  const noPlatform = md(yaml('etcd:', '  name: "{HOST‸NAME}"'));
  assert.match(noPlatform, /platform must be specified/);
});

test('templated option value shows the argument per platform', () => {
  const m = md(yaml('etcd:', '  name: "{HOSTNAME}-‸x"'), 'gce');
  assert.match(m, /--name="\$\{COREOS_GCE_HOSTNAME\}-x"/);
});

test('partition type keyword shows its GUID', () => {
  assert.match(md(yaml('storage:', '  disks:', '    - device: /dev/sda', '      partitions:', '        - type_guid: raid_part‸ition')), /A19D880F-05FC-4D3B-A006-743F0F84911E/);
});

test('filesystem reference describes the filesystem', () => {
  const src = yaml('storage:', '  filesystems:', '    - name: data', '      mount:', '        device: /dev/sdb', '        format: xfs', '  files:', '    - path: /a', '      filesystem: da‸ta');
  assert.match(md(src), /\/dev\/sdb.*xfs/);
});

test('hover works on broken YAML and in flow style', () => {
  assert.match(md(yaml('storage:', '  files:', '    - path: /a', '      mo‸de: 0755', '      garbage', '   - [')), /Permission bits/);
  assert.match(md('storage: {files: [{path: /a, mo‸de: 0644}]}\n'), /Permission bits/);
  assert.match(md('storage: {files: [{path: /a, mode: 06‸44}]}\n'), /rw-r--r--/);
});

test('no hover on plain text and comments', () => {
  assert.equal(h(yaml('# a comm‸ent')), null);
  assert.equal(h(yaml('systemd:', '  units:', '    - contents: |', '        [Un‸it]')), null);
});

test('every key reachable in the schema has a hover that documents it', async () => {
  const { rootSchema, propertiesOf, resolve, isArray, isObject } = await import('../../src/core/features/schema.ts');
  const { ClcDocument } = await import('../../src/core/features/document.ts');
  type Seg = string | number;
  const paths: Seg[][] = [];
  const walk = (s: any, path: Seg[], depth: number) => {
    if (depth > 8) return;
    for (const [k, p] of propertiesOf(s)) {
      paths.push([...path, k]);
      const r = resolve(p);
      if (isArray(r) && isObject(resolve(r!.items))) walk(resolve(r!.items), [...path, k, 0], depth + 1);
      else if (isObject(r)) walk(r, [...path, k], depth + 1);
    }
  };
  walk(rootSchema, [], 0);
  assert.ok(paths.length > 150);
  for (const p of paths) {
    // write the path as block YAML, the last key with a value
    const lines: string[] = [];
    let indent = 0;
    let dash = false;
    p.forEach((seg, i) => {
      if (typeof seg === 'number') {
        dash = true;
        return;
      }
      const last = i === p.length - 1;
      lines.push(' '.repeat(indent) + (dash ? '- ' : '') + seg + ':' + (last ? ' x' : ''));
      indent += dash ? 4 : 2;
      dash = false;
    });
    const text = lines.join('\n') + '\n';
    const lastLine = lines[lines.length - 1];
    const offset = text.length - 1 - lastLine.length + lastLine.search(/[a-z_]/) + 1;
    const r = hover(new ClcDocument(text), offset, {});
    assert.ok(r, `no hover for ${p.join('.')}`);
    assert.ok(r.contents.length > 40, `thin hover for ${p.join('.')}`);
  }
});
