// The storage section (files, directories, links, disks, raid, filesystems): conversion, ct's
// own checks and Ignition's checks. Expectations follow ct v0.9.4's config/types/{files,disks,
// raid,filesystems}.go and Ignition's config/v2_3/types checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transpile } from '../../src/core/transpile.ts';
import type { TranspileOptions, TranspileResult } from '../../src/core/transpile.ts';
import type { FileReader } from '../../src/core/convert/context.ts';
import { localFileReader } from '../../src/cli/files.ts';
import { formatReport } from '../../src/core/format.ts';

function run(yaml: string, options: TranspileOptions = {}): TranspileResult {
  return transpile(yaml, options);
}

/** diagnostics as "severity@line:col message" (or "severity message" when ct prints no position) */
function diags(r: TranspileResult): string[] {
  const lines = r.parsed.yaml.lines;
  return r.diagnostics.map((d) => {
    // positions as clct prints them (ct's), which can differ from the editor's exact span
    const at = d.ctSpan ?? d.span;
    if (!at || d.unpositioned) return `${d.severity} ${d.message}`;
    const { line, column } = lines.lineCol(at.start);
    return `${d.severity}@${line}:${column} ${d.message}`;
  });
}

function storage(r: TranspileResult): any {
  assert.notEqual(r.output, null, `expected output, got ${JSON.stringify(diags(r))}`);
  return JSON.parse(r.output!).storage;
}

const fakeReader = (files: Record<string, string>, calls: string[] = []): FileReader => (p) => {
  calls.push(p);
  if (p in files) return { ok: true, data: new TextEncoder().encode(files[p]) };
  return { ok: false, error: `open files/${p}: no such file or directory` };
};

// --- files -------------------------------------------------------------------------------------

test('file defaults: root filesystem, mode 0644, empty data URL, empty verification', () => {
  const r = run('storage:\n  files:\n    - path: /etc/x\n');
  assert.deepEqual(diags(r), ['warning@3:7 mode unspecified for file, defaulting to 0644']);
  assert.deepEqual(storage(r).files, [
    { filesystem: 'root', path: '/etc/x', contents: { source: 'data:,', verification: {} }, mode: 420 },
  ]);
});

test('append without mode is only an info; directories default to 0755 with a warning; links have no mode', () => {
  const r = run(
    'storage:\n  files:\n    - path: /a\n      append: true\n  directories:\n    - path: /d\n  links:\n    - path: /l\n      target: /a\n',
  );
  assert.deepEqual(diags(r), [
    'info@3:7 mode unspecified for file, defaulting to 0644 if the file does not exist',
    'warning@6:7 mode unspecified for directory, defaulting to 0755',
  ]);
  const s = storage(r);
  assert.equal(s.directories[0].mode, 493);
  assert.deepEqual(s.links, [{ filesystem: 'root', path: '/l', target: '/a' }]);
  assert.equal(s.files[0].append, true);
});

test('owners become user/group objects; id and name together are refused', () => {
  const ok = run('storage:\n  files:\n    - path: /a\n      mode: 0600\n      user: {id: 0}\n      group: {name: wheel}\n');
  const f = storage(ok).files[0];
  assert.deepEqual(f.user, { id: 0 });
  assert.deepEqual(f.group, { name: 'wheel' });

  const bad = run('storage:\n  links:\n    - path: /a\n      target: /b\n      user: {id: 1, name: x}\n      group: {id: 1, name: x}\n');
  // Ignition's Node fields are checked in its field order: group before user
  assert.deepEqual(diags(bad), ['error@6:14 cannot set both id and name', 'error@5:13 cannot set both id and name']);
  assert.equal(bad.output, null);
});

test('more than one content source is a parse error at the contents', () => {
  const r = run('storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        inline: x\n        local: y\n');
  assert.deepEqual(diags(r), ['error@6:9 only one of the following can be set: local, inline, remote.url']);
  assert.equal(r.failedAt, 'parse');
});

test('inline contents become an RFC 2396 escaped data URL', () => {
  const r = run('storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        inline: "a b/ü\\n"\n');
  assert.equal(storage(r).files[0].contents.source, 'data:,a%20b%2F%C3%BC%0A');
});

test('remote contents: URL normalized, compression and verification hash carried over', () => {
  const sum = 'a'.repeat(128);
  const r = run(
    `storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        remote:\n          url: HTTPS://Example.COM/a b\n          compression: gzip\n          verification:\n            hash:\n              function: sha512\n              sum: ${sum}\n`,
  );
  assert.deepEqual(storage(r).files[0].contents, {
    compression: 'gzip',
    source: 'https://Example.COM/a%20b',
    verification: { hash: `sha512-${sum}` },
  });
});

test('a hash needs both function and sum', () => {
  const r = run('storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        remote:\n          url: http://x/\n          verification: {hash: {function: sha512}}\n');
  assert.deepEqual(storage(r).files[0].contents.verification, {});
});

test('an unparsable remote URL is reported at the url value and the run fails', () => {
  const r = run('storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        remote:\n          url: "http://a b/"\n');
  assert.deepEqual(diags(r), ['error@7:16 parse "http://a b/": invalid character " " in host name']);
  assert.equal(r.output, null);
});

test('Ignition findings on remote contents land in the remote block (ct rewires the tree)', () => {
  const r = run(
    'storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        remote:\n          url: ftp://x/y\n          compression: xz\n          verification: {hash: {function: md5, sum: x}}\n',
  );
  assert.deepEqual(diags(r), [
    'error@8:24 invalid compression method',
    'error@7:16 invalid url "ftp://x/y": invalid url scheme',
    'error@9:25 unrecognized hash function',
  ]);
});

test('without the rewiring (inline contents), the findings land on contents', () => {
  const r = run('storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        inline: x\n        remote: {compression: bz2}\n');
  assert.deepEqual(diags(r), ['error@6:9 invalid compression method']);
});

test('append together with overwrite is refused at the file', () => {
  const r = run('storage:\n  files:\n    - path: /a\n      mode: 0644\n      append: true\n      overwrite: true\n');
  assert.deepEqual(diags(r), ['error@3:7 cannot set both append and overwrite to true']);
});

test('illegal modes and relative paths', () => {
  const r = run('storage:\n  files:\n    - path: a\n      mode: 010000\n  directories:\n    - path: d\n      mode: -1\n      filesystem: ""\n');
  assert.deepEqual(diags(r), [
    'error@6:13 path not absolute',
    'error@7:13 illegal file mode',
    'error@3:13 path not absolute',
    'error@4:13 illegal file mode',
  ]);
});

// --- local contents and --files-dir --------------------------------------------------------------

const LOCAL = 'storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        local: LOCAL\n';

test('local contents need --files-dir (ct\'s message, at the local value)', () => {
  const r = run(LOCAL.replace('LOCAL', 'motd'));
  assert.deepEqual(diags(r), ['error@6:16 local files require setting the --files-dir flag to the directory that contains the file']);
  assert.equal(r.output, null);
});

test('local contents are read through the reader and embedded as a data URL', () => {
  const calls: string[] = [];
  const r = run(LOCAL.replace('LOCAL', 'etc//motd/'), { filesDir: 'files', readFile: fakeReader({ 'etc/motd': 'hi there\n' }, calls) });
  assert.deepEqual(calls, ['etc/motd']);
  assert.equal(storage(r).files[0].contents.source, 'data:,hi%20there%0A');
});

test('reader errors are reported verbatim at the local value', () => {
  const r = run(LOCAL.replace('LOCAL', 'missing'), { filesDir: 'files', readFile: fakeReader({}) });
  assert.deepEqual(diags(r), ['error@6:16 open files/missing: no such file or directory']);
  assert.equal(r.output, null);
});

test('a local path that climbs out of the files dir is refused before anything is read', () => {
  for (const p of ['../secret', 'a/../../secret', '..']) {
    const calls: string[] = [];
    const r = run(LOCAL.replace('LOCAL', JSON.stringify(p)), { filesDir: 'files', readFile: fakeReader({ '../secret': 'x' }, calls) });
    assert.deepEqual(diags(r), [`error@6:16 local file "${p}" is outside the files directory; only files inside --files-dir can be embedded`]);
    assert.deepEqual(calls, [], p);
    assert.equal(r.output, null);
  }
  // an absolute path is joined below the files dir, as ct does
  const r = run(LOCAL.replace('LOCAL', '/etc/motd'), { filesDir: 'files', readFile: fakeReader({ '/etc/motd': 'm' }) });
  assert.equal(storage(r).files[0].contents.source, 'data:,m');
});

test('a symbolic link out of the files dir is refused by the CLI reader', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-storage-'));
  try {
    const dir = path.join(tmp, 'files');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(tmp, 'secret'), 'top secret');
    fs.writeFileSync(path.join(dir, 'ok.txt'), 'fine');
    fs.symlinkSync('../secret', path.join(dir, 'link'));
    const reader = localFileReader(dir);

    const ok = run(LOCAL.replace('LOCAL', 'ok.txt'), { filesDir: dir, readFile: reader });
    assert.equal(storage(ok).files[0].contents.source, 'data:,fine');

    const bad = run(LOCAL.replace('LOCAL', 'link'), { filesDir: dir, readFile: reader });
    assert.deepEqual(diags(bad), ['error@6:16 local file "link" is outside the files directory; only files inside --files-dir can be embedded']);
    assert.equal(bad.output, null);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('binary local contents are escaped byte by byte', () => {
  const reader: FileReader = () => ({ ok: true, data: Uint8Array.of(0, 0xff, 0x41) });
  const r = run(LOCAL.replace('LOCAL', 'blob'), { filesDir: 'files', readFile: reader });
  assert.equal(storage(r).files[0].contents.source, 'data:,%00%FFA');
});

// --- disks -------------------------------------------------------------------------------------

test('partition sizes and starts become MiB; type_guid keywords become GUIDs', () => {
  const r = run(
    'storage:\n  disks:\n    - device: /dev/sda\n      wipe_table: true\n      partitions:\n        - {label: a, number: 1, start: 1MiB, size: 1.5GiB, type_guid: raid_partition}\n        - {size: 0, type_guid: swap_partition}\n    - device: /dev/sdb\n',
  );
  assert.deepEqual(storage(r).disks, [
    {
      device: '/dev/sda',
      partitions: [
        { label: 'a', number: 1, sizeMiB: 1536, startMiB: 1, typeGuid: 'a19d880f-05fc-4d3b-a006-743f0f84911e' },
        { sizeMiB: 0, typeGuid: '0657fd6d-a4ab-43c4-84e5-0933c84b4f4f' },
      ],
      wipeTable: true,
    },
    { device: '/dev/sdb' },
  ]);
  assert.deepEqual(diags(r), []);
  // keywords match exactly; anything else is passed through and then fails Ignition's GUID check
  const bad = run('storage:\n  disks:\n    - device: /dev/sda\n      partitions:\n        - {type_guid: Swap_Partition}\n');
  assert.deepEqual(diags(bad), ['error@5:23 doesn\'t match the form "01234567-89AB-CDEF-EDCB-A98765432101"']);
});

test('partition dimension errors are reported at the value; size is checked before start', () => {
  const r = run(
    'storage:\n  disks:\n    - device: /dev/sda\n      partitions:\n        - {size: -1MiB, start: x}\n        - {size: 1536KiB}\n        - {start: 10}\n        - {size: 8EiB}\n',
  );
  assert.deepEqual(diags(r), [
    'error@5:18 invalid dimension (negative): "-1MiB"',
    'error@6:18 invalid dimension (finest granularity is 1MiB)',
    'error@7:19 units: unknown unit  in 10',
    'error@8:18 invalid dimension (negative): "8EiB"',
  ]);
  assert.equal(r.output, null);
});

test('disk checks: device required and absolute, partition numbers, labels, GUIDs', () => {
  const r = run(
    'storage:\n  disks:\n    - wipe_table: true\n    - device: sdb\n    - device: /dev/sdc\n      partitions:\n        - {number: 1, label: "a:b"}\n        - {number: 1, label: "ääääääääääääääääää1", guid: xyz}\n',
  );
  assert.deepEqual(diags(r), [
    'error@3:7 disk device is required',
    'error@4:15 path not absolute',
    'error@7:9 partition numbers collide',
    'warning@7:30 partition label will be truncated to text before the colon',
    // Ignition's Partition field order: guid before label
    'error@8:59 doesn\'t match the form "01234567-89AB-CDEF-EDCB-A98765432101"',
    'error@8:30 partition labels may not exceed 36 characters',
  ]);
});

// --- raid ----------------------------------------------------------------------------------------

test('raid arrays: devices without items print as null, options are left out', () => {
  const r = run('storage:\n  raid:\n    - name: md0\n      level: raid1\n      options: []\n');
  assert.match(r.output!, /"raid":\[\{"devices":null,"level":"raid1","name":"md0"\}\]/);
});

test('raid checks: level, spares for striped levels, relative devices (one entry each)', () => {
  const r = run(
    'storage:\n  raid:\n    - {name: a, level: raid9, devices: [/dev/a]}\n    - {name: b, level: stripe, spares: 2, devices: [/dev/a]}\n    - {name: c, level: "10", devices: [a, b, /dev/c]}\n',
  );
  assert.deepEqual(diags(r), [
    'error@3:24 unrecognized raid level',
    'error@4:24 spares unsupported for arrays with a level greater than 0',
    'error@5:39 path not absolute',
    'error@5:39 path not absolute',
  ]);
});

// --- filesystems ---------------------------------------------------------------------------------

test('filesystems: mount fields, create object, path', () => {
  const r = run(
    'storage:\n  filesystems:\n    - name: data\n      mount:\n        device: /dev/sdb\n        format: xfs\n        wipe_filesystem: true\n        label: DATA\n        uuid: "1"\n        options: [-f]\n    - name: old\n      mount: {device: /dev/sdc, format: ext4, create: {force: true, options: [-E, x]}}\n    - name: oem\n      path: /usr/share/oem\n',
  );
  assert.deepEqual(diags(r), ['warning@11:7 the create object has been deprecated in favor of mount-level options']);
  assert.deepEqual(storage(r).filesystems, [
    { mount: { device: '/dev/sdb', format: 'xfs', label: 'DATA', options: ['-f'], uuid: '1', wipeFilesystem: true }, name: 'data' },
    { mount: { create: { force: true, options: ['-E', 'x'] }, device: '/dev/sdc', format: 'ext4' }, name: 'old' },
    { name: 'oem', path: '/usr/share/oem' },
  ]);
});

test('filesystem checks stop at a filesystem with structural errors', () => {
  const r = run(
    'storage:\n  filesystems:\n    - name: none\n    - name: both\n      path: rel\n      mount: {device: rel, format: ext4}\n    - name: fmt\n      mount: {device: rel, format: zfs}\n    - name: lbl\n      mount: {device: /dev/x, format: vfat, label: ABCDEFGHIJKL}\n    - name: p\n      path: rel\n',
  );
  assert.deepEqual(diags(r), [
    'error@3:7 filesystem is missing mount or path',
    'error@4:7 filesystem has both mount and path defined',
    'error@8:14 invalid filesystem format',
    'error@10:52 filesystem labels cannot be longer than 11 characters when using vfat',
    'error@12:13 filesystem "p": path not absolute',
  ]);
});

test('config-wide rules: missing filesystem references and shadowed filesystems (warnings at the root)', () => {
  const r = run(
    'storage:\n  filesystems:\n    - {name: root, path: /sysroot}\n    - {name: a, path: /a}\n    - {name: a, path: /b}\n  files:\n    - {path: /f, filesystem: x, mode: 0644}\n  directories:\n    - {path: /d, filesystem: y, mode: 0755}\n  links:\n    - {path: /l, filesystem: z, target: /f}\n    - {path: /m, filesystem: a, target: /f}\n',
  );
  assert.deepEqual(diags(r), [
    'warning@1:1 File "/f" references nonexistent filesystem "x". (This is ok if it is defined in a referenced config)',
    'warning@1:1 Link "/l" references nonexistent filesystem "z". (This is ok if it is defined in a referenced config)',
    'warning@1:1 Directory "/d" references nonexistent filesystem "y". (This is ok if it is defined in a referenced config)',
    'warning@1:1 Filesystem "root" shadows exising filesystem definition',
    'warning@1:1 Filesystem "a" shadows exising filesystem definition',
  ]);
  assert.notEqual(r.output, null);
});

// --- messages keep a '%' as written ---------------------------------------------------------------

test('the text report shows a % as written (ct mangles it through printf; we do not copy that defect)', () => {
  const r = run('storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        remote:\n          url: "data:,100%"\n');
  assert.equal(
    formatReport(r.diagnostics, r.parsed.yaml.lines),
    'error at line 7, column 16\ninvalid url "data:,100%": rfc2396: unexpected end of unescape sequence',
  );
});
