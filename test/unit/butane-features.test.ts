// Completion, hover, symbols and go to definition for Butane configs (caret-marked documents):
// the schema is generated per variant and version from the Butane input types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../src/core/features/completion.ts';
import { hover } from '../../src/core/features/hover.ts';
import { documentSymbols } from '../../src/core/features/symbols.ts';
import { definitionFor, featuresFor } from '../../src/core/features/formats.ts';
import { ClcDocument } from '../../src/core/features/document.ts';
import { ignitionKey } from '../../src/core/butane/editor-schema.ts';
import { at, yaml } from '../support/caret.ts';

function labels(src: string): string[] {
  const { doc, offset } = at(src);
  return complete(doc, offset, featuresFor('butane', doc))
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0))
    .map((c) => c.label);
}

function hoverText(src: string): string {
  const { doc, offset } = at(src);
  return hover(doc, offset, featuresFor('butane', doc))?.contents ?? '';
}

test('top-level keys of a Butane config, variant/version first and no CLC-only section', () => {
  const l = labels(yaml('‸'));
  assert.deepEqual(l.slice(0, 2), ['variant', 'version']);
  for (const k of ['storage', 'systemd', 'passwd', 'ignition', 'kernel_arguments']) assert.ok(l.includes(k), k);
  for (const k of ['networkd', 'etcd', 'flannel', 'docker', 'update', 'locksmith']) assert.ok(!l.includes(k), k);
});

test('variant and version values', () => {
  assert.deepEqual(labels(yaml('variant: ‸')), ['flatcar']);
  assert.deepEqual(labels(yaml('variant: flatcar', 'version: ‸')), ['1.0.0', '1.1.0', '1.2.0-experimental']);
});

test('version-aware: a field only newer versions have is offered only there', () => {
  // systemd.quadlets came with flatcar 1.2.0-experimental
  const old = labels(yaml('variant: flatcar', 'version: 1.0.0', 'systemd:', '  ‸'));
  const exp = labels(yaml('variant: flatcar', 'version: 1.2.0-experimental', 'systemd:', '  ‸'));
  assert.ok(!old.includes('quadlets'));
  assert.ok(exp.includes('quadlets'));
  assert.ok(old.includes('units'));
});

test('Butane-only keys in Resource (inline, local) and enum values', () => {
  const l = labels(yaml('variant: flatcar', 'version: 1.1.0', 'storage:', '  files:', '    - path: /a', '      contents:', '        ‸'));
  for (const k of ['inline', 'local', 'source', 'compression', 'verification']) assert.ok(l.includes(k), k);
  const f = labels(yaml('variant: flatcar', 'version: 1.1.0', 'storage:', '  filesystems:', '    - device: /dev/sda', '      format: ‸'));
  assert.ok(f.includes('ext4') && f.includes('btrfs'));
});

test('hover: our description and the Ignition field the key becomes', () => {
  const h = hoverText(yaml('variant: flatcar', 'version: 1.1.0', 'storage:', '  files:', '    - path: /a', '      mo‸de: 0644'));
  assert.match(h, /storage\.files\[\]\.mode/);
  assert.match(h, /Becomes Ignition `storage\.files\[\]\.mode`/);
  // in Butane a mode is written in octal: the hover says so, not Ignition's decimal form
  assert.match(h, /leading zero \(`0644`\)/);
  assert.doesNotMatch(h, /as a decimal number/);
  const dir = hoverText(yaml('variant: flatcar', 'version: 1.1.0', 'storage:', '  directories:', '    - path: /d', '      mo‸de: 0755'));
  assert.match(dir, /leading zero \(`0755`\)/);
  assert.match(dir, /Becomes Ignition `storage\.directories\[\]\.mode`/);
  const inline = hoverText(yaml('variant: flatcar', 'version: 1.1.0', 'storage:', '  files:', '    - path: /a', '      contents:', '        inl‸ine: x'));
  assert.match(inline, /data URL/);
  const size = hoverText(yaml('variant: flatcar', 'version: 1.1.0', 'storage:', '  disks:', '    - device: /dev/sda', '      partitions:', '        - size_m‸ib: 10'));
  assert.match(size, /sizeMiB/);
  const unknown = hoverText(yaml('variant: flatcar', 'version: 1.1.0', 'storag‸: {}'));
  assert.match(unknown, /butane warns `unused key storag`/);
  assert.match(unknown, /Did you mean `storage`/);
});

test('ignitionKey: snake_case to Ignition camelCase', () => {
  assert.equal(ignitionKey('size_mib'), 'sizeMiB');
  assert.equal(ignitionKey('type_guid'), 'typeGuid');
  assert.equal(ignitionKey('ssh_authorized_keys'), 'sshAuthorizedKeys');
  assert.equal(ignitionKey('path'), 'path');
});

const LAYOUT = yaml(
  'variant: flatcar',
  'version: 1.1.0',
  'storage:',
  '  disks:',
  '    - device: /dev/vdb',
  '      partitions:',
  '        - label: data',
  '  filesystems:',
  '    - device: /dev/disk/by-partlabel/data',
  '      path: /var/data',
  '      format: ext4',
  '      with_mount_unit: true',
  'systemd:',
  '  units:',
  '    - name: web.service',
  '      enabled: true',
);

test('symbols: disks, filesystems and units of a Butane config', () => {
  const doc = new ClcDocument(LAYOUT);
  const names = JSON.stringify(documentSymbols(doc));
  assert.match(names, /web\.service/);
  assert.match(names, /\/dev\/vdb/);
});

test('go to definition: a filesystem device by partition label to its partition', () => {
  const text = LAYOUT;
  const doc = new ClcDocument(text);
  const targets = definitionFor('butane', doc, text.indexOf('by-partlabel/data') + 14);
  assert.equal(targets.length, 1);
  assert.equal(text.slice(targets[0].selection.start, targets[0].selection.end), 'data');
  assert.equal(text.slice(targets[0].origin.start, targets[0].origin.end), '/dev/disk/by-partlabel/data');
  // a disk by its device path; nothing for a device nothing in the config makes
  const raw = LAYOUT.replace('/dev/disk/by-partlabel/data', '/dev/vdb');
  const d = definitionFor('butane', new ClcDocument(raw), raw.lastIndexOf('/dev/vdb') + 2);
  assert.equal(d.length, 1);
  assert.equal(raw.slice(d[0].selection.start, d[0].selection.end), '/dev/vdb');
  const none = LAYOUT.replace('/dev/disk/by-partlabel/data', '/dev/sdz');
  assert.deepEqual(definitionFor('butane', new ClcDocument(none), none.lastIndexOf('/dev/sdz') + 2), []);
});

test('quick fixes: octal mode, a misspelt key, a key a newer version has', async () => {
  const { diagnoseButane } = await import('../../src/core/butane/diagnostics.ts');
  const { codeActionsFor } = await import('../../src/core/features/formats.ts');
  const fix = (text: string) => {
    const doc = new ClcDocument(text);
    return codeActionsFor('butane', doc, diagnoseButane(text).diagnostics).map((a) => ({ title: a.title, edits: a.edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText]) }));
  };
  const mode = fix(yaml('variant: flatcar', 'version: 1.1.0', 'storage:', '  files:', '    - path: /a', '      mode: 644'));
  assert.deepEqual(mode.find((a) => a.title.includes('octal'))?.edits, [['644', '0644']]);
  const typo = fix(yaml('variant: flatcar', 'version: 1.1.0', 'storage:', '  files:', '    - path: /a', '      overwrit: true'));
  assert.deepEqual(typo.find((a) => a.title.startsWith('Rename'))?.edits, [['overwrit', 'overwrite']]);
  const newer = fix(yaml('variant: flatcar', 'version: 1.0.0', 'systemd:', '  quadlets:', '    - name: web.container'));
  assert.deepEqual(newer.find((a) => a.title.startsWith('Raise version'))?.edits, [['1.0.0', '1.2.0-experimental']]);
});
