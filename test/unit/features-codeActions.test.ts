import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions, suggestKey } from '../../src/core/features/codeActions.ts';
import { diagnose } from '../../src/core/features/diagnostics.ts';
import { ClcDocument } from '../../src/core/features/document.ts';
import { yaml } from '../support/caret.ts';

function fixes(text: string): Array<{ title: string; result: string }> {
  const doc = new ClcDocument(text);
  const { diagnostics } = diagnose(text);
  return codeActions(doc, diagnostics).map((a) => {
    let out = text;
    for (const e of [...a.edits].sort((x, y) => y.span.start - x.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    return { title: a.title, result: out };
  });
}

test('suggestKey: spelling variants and single typos, only when certain', () => {
  const user = ['name', 'password_hash', 'ssh_authorized_keys', 'home_dir', 'no_create_home', 'groups', 'shell', 'system', 'uid'];
  assert.equal(suggestKey('passwordHash', user), 'password_hash');
  assert.equal(suggestKey('homedir', user), 'home_dir');
  assert.equal(suggestKey('HomeDir', user), 'home_dir');
  assert.equal(suggestKey('ssh-authorized-keys', user), 'ssh_authorized_keys');
  assert.equal(suggestKey('shel', user), 'shell');
  assert.equal(suggestKey('gruops', user), 'groups');
  assert.equal(suggestKey('xyz', user), null);
  assert.equal(suggestKey('ui', user), null, 'too short to be sure');
  assert.equal(suggestKey('shelm', ['shell', 'shelf']), null, 'two keys as close');
});

test('rename an unknown key to the known one it resembles', () => {
  const text = yaml('passwd:', '  users:', '    - name: core', '      passwordHash: $6$x', '      homedir: /home/core');
  assert.deepEqual(
    fixes(text).map((f) => f.title),
    ['Rename passwordHash to password_hash', 'Rename homedir to home_dir'],
  );
  assert.equal(fixes(text)[0].result, yaml('passwd:', '  users:', '    - name: core', '      password_hash: $6$x', '      homedir: /home/core'));
});

test('no rename when the known key is already there', () => {
  assert.deepEqual(fixes(yaml('passwd:', '  users:', '    - name: core', '      homedir: /a', '      home_dir: /b')), []);
});

test('etcd keys in kebab-case become snake_case', () => {
  assert.equal(fixes(yaml('etcd:', '  data-dir: /var/lib/etcd'))[0].result, yaml('etcd:', '  data_dir: /var/lib/etcd'));
});

test('decimal-looking mode to octal', () => {
  const f = fixes(yaml('storage:', '  files:', '    - path: /a', '      mode: 644'));
  assert.equal(f.length, 1);
  assert.equal(f[0].result, yaml('storage:', '  files:', '    - path: /a', '      mode: 0644'));
});

test('deprecated enable: true becomes enabled: true', () => {
  const f = fixes(yaml('systemd:', '  units:', '    - name: a.service', '      enable: true'));
  assert.deepEqual(f.map((x) => x.result), [yaml('systemd:', '  units:', '    - name: a.service', '      enabled: true')]);
  // enable: false means "leave it alone", enabled: false means "disable": not the same
  assert.deepEqual(fixes(yaml('systemd:', '  units:', '    - name: a.service', '      enable: false')), []);
  assert.deepEqual(fixes(yaml('systemd:', '  units:', '    - name: a.service', '      enable: true', '      enabled: false')), []);
});

test('flow style keys', () => {
  assert.equal(fixes('passwd: {users: [{name: core, homeDir: /a}]}\n')[0].result, 'passwd: {users: [{name: core, home_dir: /a}]}\n');
});
