// Mistakes ct accepts that fail (or surprise) at boot: nameless users and groups, two entries on
// one path, an entry below a file or a link, decimal-looking modes; with their quick fixes and
// those for relative paths and unit names without a suffix. Checked quiet on real configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeHints } from '../../src/core/features/hints.ts';
import { codeActions } from '../../src/core/features/codeActions.ts';
import { diagnose } from '../../src/core/features/diagnostics.ts';
import { ClcDocument } from '../../src/core/features/document.ts';
import { parseConfig, transpile } from '../../src/core/transpile.ts';
import { CLCT, ROOT, ensureBuilt } from '../support/build.ts';
import { yaml } from '../support/caret.ts';

const NEW_CODES = ['nameless-account', 'same-path', 'parent-not-directory'];

function found(text: string, codes = NEW_CODES): Array<{ code: string; severity: string; at: string; message: string }> {
  return computeHints(parseConfig(text))
    .filter((h) => codes.includes(h.code!))
    .map((h) => ({ code: h.code!, severity: h.severity, at: text.slice(h.span!.start, h.span!.end), message: h.message }));
}

function fixes(text: string): Array<{ title: string; result: string; preferred?: boolean }> {
  const doc = new ClcDocument(text);
  return codeActions(doc, diagnose(text).diagnostics).map((a) => {
    let out = text;
    for (const e of [...a.edits].sort((x, y) => y.span.start - x.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    return { title: a.title, result: out, preferred: a.isPreferred };
  });
}

test('a user or group with an empty or missing name is a warning', () => {
  // what a completion used to produce: a second entry holding only the keys
  const text = yaml('passwd:', '  users:', '    - name: core', '    - ssh_authorized_keys:', '        - ssh-ed25519 AAAA', '    - name: ""', '  groups:', '    - name:', '    - gid: 500');
  const h = found(text);
  assert.deepEqual(
    h.map((x) => [x.code, x.severity, x.at]),
    [
      ['nameless-account', 'warning', 'ssh_authorized_keys'],
      ['nameless-account', 'warning', '""'],
      ['nameless-account', 'warning', 'name'],
      ['nameless-account', 'warning', 'gid'],
    ],
  );
  assert.match(h[0].message, /user has no name.*Ignition fails at boot/);
  assert.match(h[3].message, /group has no name/);
  // ct itself says nothing: the problem only shows as a hint
  assert.deepEqual(transpile(text).diagnostics, []);
  assert.ok(transpile(text, { hints: true }).diagnostics.every((d) => d.hint));
  assert.deepEqual(found(yaml('passwd:', '  users:', '    - name: core', '  groups:', '    - name: docker')), []);
});

test('two entries on one path: which one Ignition 2.3 lets win', () => {
  const files = yaml('storage:', '  files:', '    - path: /etc/motd', '      contents: {inline: a}', '    - path: /etc//motd', '      contents: {inline: b}');
  const h = found(files);
  assert.equal(h.length, 1);
  assert.equal(h[0].at, '/etc//motd');
  assert.match(h[0].message, /\/etc\/motd is also a file \(storage\.files, line 3\) on filesystem root.*files in order, and this file replaces the earlier file/);

  // a link listed first is still created after the file: the link finds the path taken
  const link = yaml('storage:', '  links:', '    - path: /etc/x', '      target: /a', '  files:', '    - path: /etc/x');
  const l = found(link);
  assert.deepEqual(l.map((x) => [x.at, x.code]), [['/etc/x', 'same-path']]);
  assert.equal(link.indexOf('/etc/x'), link.indexOf(l[0].at), 'shown on the link, the later of the two');
  assert.match(l[0].message, /files before links, and this link fails at boot.*overwrite: true would replace it/);
  const linkOverwrite = link.replace('target: /a', 'target: /a\n      overwrite: true');
  assert.match(found(linkOverwrite)[0].message, /this link \(overwrite: true\) replaces the earlier file/);

  // directories come first (shallow before deep), a file then replaces one
  const dir = yaml('storage:', '  files:', '    - path: /opt/a', '  directories:', '    - path: /opt/a');
  assert.match(found(dir)[0].message, /directories before files, and this file replaces the earlier directory/);
  const twoDirs = yaml('storage:', '  directories:', '    - path: /d', '      mode: 0700', '    - path: /d', '      mode: 0755');
  assert.match(found(twoDirs)[0].message, /made once and this entry's mode and owner win/);
  const keep = yaml('storage:', '  files:', '    - path: /a', '    - path: /a', '      overwrite: false');
  assert.match(found(keep)[0].message, /overwrite: false this file fails at boot/);
});

test('same path on different filesystems, and appending to a file, are fine', () => {
  assert.deepEqual(found(yaml('storage:', '  files:', '    - path: /a', '    - path: /a', '      filesystem: data')), []);
  assert.deepEqual(found(yaml('storage:', '  files:', '    - path: /etc/a', '    - path: /etc/a', '      append: true')), []);
});

test('the root filesystem is the default: an explicit root meets an entry without filesystem', () => {
  assert.equal(found(yaml('storage:', '  files:', '    - path: /a', '      filesystem: root', '    - path: /a')).length, 1);
});

test('an entry below a file or a link', () => {
  const underFile = yaml('storage:', '  files:', '    - path: /etc/app', '    - path: /etc/app/conf');
  const h = found(underFile);
  assert.deepEqual(h.map((x) => [x.code, x.at]), [['parent-not-directory', '/etc/app/conf']]);
  assert.match(h[0].message, /lies below \/etc\/app, which is a file \(storage\.files, line 3\).*cannot create \/etc\/app\/conf inside it/);
  const underLink = yaml('storage:', '  links:', '    - path: /opt/bin', '      target: /usr/bin', '  files:', '    - path: /opt/bin/tool');
  assert.match(found(underLink)[0].message, /which is a link.*creates links last and finds a directory there/);
  // a directory as the parent is what is meant
  assert.deepEqual(found(yaml('storage:', '  directories:', '    - path: /etc/app', '  files:', '    - path: /etc/app/conf')), []);
});

test('decimal-looking mode is a warning with its fix', () => {
  const text = yaml('storage:', '  files:', '    - path: /a', '      mode: 644');
  const h = computeHints(parseConfig(text)).filter((x) => x.code === 'decimal-mode');
  assert.equal(h.length, 1);
  assert.equal(h[0].severity, 'warning');
  assert.deepEqual(fixes(text).map((f) => f.title), ['Write the mode as octal 0644']);
});

test('quick fix: make a relative path absolute, in the quotes it was written in', () => {
  const text = yaml('storage:', '  files:', '    - path: etc/hostname', '  directories:', '    - path: "./opt/x"', '  links:', "    - path: 'x/y'", '      target: /a');
  const f = fixes(text);
  assert.deepEqual(f.map((x) => x.title).sort(), ['Make absolute: /etc/hostname', 'Make absolute: /opt/x', 'Make absolute: /x/y']);
  assert.equal(f.find((x) => x.title.endsWith('/etc/hostname'))!.result, text.replace('path: etc/hostname', 'path: /etc/hostname'));
  assert.equal(f.find((x) => x.title.endsWith('/opt/x'))!.result, text.replace('"./opt/x"', '"/opt/x"'));
  assert.equal(f.find((x) => x.title.endsWith('/x/y'))!.result, text.replace("'x/y'", "'/x/y'"));
});

test('quick fix: a unit name gets the suffix its contents call for', () => {
  const noContents = yaml('systemd:', '  units:', '    - name: app', '      enabled: true');
  assert.deepEqual(fixes(noContents).map((f) => [f.title, f.preferred]), [['Rename to app.service', true]]);
  assert.equal(fixes(noContents)[0].result, noContents.replace('name: app', 'name: app.service'));
  const timer = yaml('systemd:', '  units:', '    - name: backup', '      contents: |', '        [Unit]', '        Description=x', '        [Timer]', '        OnCalendar=daily');
  assert.deepEqual(fixes(timer).map((f) => f.title), ['Rename to backup.timer']);
  const mount = yaml('systemd:', '  units:', '    - name: var-lib-data', '      contents: "[Mount]\\nWhat=/dev/sdb\\nWhere=/var/lib/data\\n"');
  assert.deepEqual(fixes(mount).map((f) => f.title), ['Rename to var-lib-data.mount']);
  const target = yaml('systemd:', '  units:', '    - name: stack', '      contents: "[Unit]\\nDescription=x\\n"');
  assert.deepEqual(fixes(target).map((f) => f.title), ['Rename to stack.target', 'Rename to stack.service']);
  const typo = yaml('systemd:', '  units:', '    - name: app.servic');
  assert.deepEqual(fixes(typo).map((f) => f.title), ['Rename to app.service']);
  const net = yaml('networkd:', '  units:', '    - name: 10-eth0', '      contents: "[Match]\\nName=eth0\\n[Network]\\nDHCP=yes\\n"');
  assert.deepEqual(fixes(net).map((f) => f.title), ['Rename to 10-eth0.network']);
  assert.equal(fixes(net)[0].result, net.replace('name: 10-eth0', 'name: 10-eth0.network'));
  // a drop-in takes .conf, whatever its contents (a drop-in named like a unit keeps that name in front)
  const dropin = yaml('networkd:', '  units:', '    - name: 10-ok.network', '      dropins:', '        - name: mtu.network', '          contents: "[Link]\\nMTUBytes=1400\\n"');
  assert.deepEqual(fixes(dropin).map((f) => f.title), ['Rename to mtu.network.conf']);
  const sysDropin = yaml('systemd:', '  units:', '    - name: a.service', '      dropins:', '        - name: 10-env.cnf', '          contents: "[Service]\\nEnvironment=A=1\\n"');
  assert.deepEqual(fixes(sysDropin).map((f) => f.title), ['Rename to 10-env.conf']);
});

/** ct's conformance inputs (the shared corpus when present, the repository's copy always), the examples and the test workspaces' configs. */
function realConfigs(): string[] {
  const out: string[] = [];
  for (const cases of ['/work/shared/conformance/cases', path.join(ROOT, 'test/conformance/cases')]) {
    if (existsSync(cases)) for (const c of readdirSync(cases)) if (existsSync(path.join(cases, c, 'input.yml'))) out.push(path.join(cases, c, 'input.yml'));
  }
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      // broken.clc.yml holds its mistakes on purpose
      else if (/\.ya?ml$/.test(e.name) && !e.name.startsWith('broken')) out.push(p);
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test/integration'));
  return out;
}

test('quiet on the conformance corpus, the examples and the test workspaces', () => {
  const files = realConfigs();
  assert.ok(files.length >= 113, `${files.length} configs`);
  const noisy = files.flatMap((f) => found(readFileSync(f, 'utf8'), [...NEW_CODES, 'decimal-mode']).map((h) => `${f}: ${h.code} ${h.message}`));
  assert.deepEqual(noisy, []);
});

test('clct prints these only with --hints, and still succeeds', () => {
  ensureBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), 'clc-boot-'));
  const file = path.join(dir, 'c.yml');
  writeFileSync(file, yaml('passwd:', '  users:', '    - name: core', '    - ssh_authorized_keys: [a]'));
  const plain = spawnSync(process.execPath, [CLCT, '--in-file', file], { encoding: 'utf8' });
  const hinted = spawnSync(process.execPath, [CLCT, '--hints', '--in-file', file], { encoding: 'utf8' });
  assert.equal(plain.status, 0);
  assert.equal(plain.stderr, '');
  assert.equal(hinted.status, 0);
  assert.equal(hinted.stdout, plain.stdout);
  assert.match(hinted.stderr, /^warning at line 4, column 7\nthis user has no name/);
});
