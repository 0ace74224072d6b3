// The ignition, systemd, networkd, passwd, docker, update and locksmith sections: converters,
// ct's own checks and Ignition's checks. Expected texts follow ct v0.9.4's config/types/*.go and
// the vendored Ignition v2_3 types and shared/errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transpile } from '../../src/core/transpile.ts';
import type { TranspileOptions } from '../../src/core/transpile.ts';
import { decodeDataUrl, goBase64Decode } from '../../src/core/go/dataurl-decode.ts';
import { parseDuration, parseHourMinute } from '../../src/core/go/time.ts';
import { goToLower } from '../../src/core/go/strings.ts';
import { isPlainDataUrl, validateUrl } from '../../src/core/ignition/validate-url.ts';
import { scanTwoWords } from '../../src/core/clc/checks/locksmith.ts';
import { Rng } from '../support/rng.ts';

function run(yaml: string, opts: TranspileOptions = {}) {
  const r = transpile(yaml, opts);
  const messages = r.diagnostics.map((d) => `${d.severity}: ${d.message}`);
  const at = r.diagnostics.map((d) => {
    // positions as clct prints them (ct's), which can differ from the editor's exact span
    const at = d.ctSpan ?? d.span;
    if (!at || d.unpositioned) return `${d.severity}: ${d.message}`;
    const p = r.parsed.yaml.lines.lineCol(at.start);
    return `${d.severity} ${p.line}:${p.column}: ${d.message}`;
  });
  const json = r.output ? (JSON.parse(r.output) as any) : null;
  return { ...r, messages, at, json };
}

// --- systemd ---------------------------------------------------------------------------------

test('systemd units and drop-ins are copied with Ignition field order', () => {
  const r = run(`systemd:
  units:
    - name: a.service
      enabled: false
      mask: true
    - name: b.service
      dropins:
        - name: 10-x.conf
          contents: "[Service]\\nNice=1\\n"
`);
  assert.deepEqual(r.messages, []);
  assert.deepEqual(r.json.systemd.units, [
    { enabled: false, mask: true, name: 'a.service' },
    { dropins: [{ contents: '[Service]\nNice=1\n', name: '10-x.conf' }], name: 'b.service' },
  ]);
  assert.ok(r.output!.includes('"dropins":[{"contents":"[Service]\\nNice=1\\n","name":"10-x.conf"}],"name":"b.service"'));
});

test('unit name and drop-in extensions, contents errors at their nodes', () => {
  const r = run(`systemd:
  units:
    - name: backup
      dropins:
        - name: override
          contents: "[Service"
    - name: x.service
      contents: "[Service]\\nExecStart /bin/true\\n"
`);
  assert.equal(r.output, null);
  // Ignition's Unit fields are walked in json order: contents, dropins, ..., name
  assert.deepEqual(r.at, [
    'error 5:11: invalid unit content: unable to find end of section',
    'error 5:11: invalid systemd drop-in extension',
    'error 3:13: invalid systemd unit extension',
    'error 8:17: invalid unit content: unexpected newline encountered while parsing option name',
  ]);
});

test('enabled units without [Install] warn; disabled, empty or option-less units do not', () => {
  const r = run(`systemd:
  units:
    - name: a.service
      enabled: true
      contents: "[Service]\\nExecStart=/bin/true\\n"
    - name: b.service
      enable: true
      contents: "[Service]\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n"
    - name: c.service
      enabled: false
      contents: "[Service]\\nExecStart=/bin/true\\n"
    - name: d.service
      enabled: true
    - name: e.service
      enable: true
      contents: "[Service]\\n"
`);
  assert.deepEqual(r.at, ['warning 5:17: unit "a.service" is enabled, but has no install section so enable does nothing']);
  assert.ok(r.output);
});

test('generated units shift the positions of user units (ct maps units to YAML by index)', () => {
  const r = run(`docker:
  flags: [--debug]
systemd:
  units:
    - name: first.service
      enabled: true
      contents: "[Service]\\nExecStart=/usr/bin/true"
    - name: second.service
      enabled: true
      contents: "[Service]\\nExecStart=/usr/bin/false"
`);
  assert.deepEqual(r.at, [
    'warning 10:17: unit "first.service" is enabled, but has no install section so enable does nothing',
    'warning 5:5: unit "second.service" is enabled, but has no install section so enable does nothing',
  ]);
  assert.equal(r.json.systemd.units[0].name, 'docker.service');
});

// --- docker / platforms ------------------------------------------------------------------------

test('docker flags become DOCKER_OPTS in an enabled docker.service', () => {
  const r = run('docker:\n  flags:\n    - --a=1\n    - --b 2\n');
  assert.deepEqual(r.json.systemd.units, [{
    dropins: [{ contents: '[Service]\nEnvironment="DOCKER_OPTS=--a=1 --b 2"', name: '20-clct-docker.conf' }],
    enable: true,
    name: 'docker.service',
  }]);
  assert.equal(run('docker: {}\n').json.systemd.units[0].dropins[0].contents, '[Service]\nEnvironment="DOCKER_OPTS="');
  assert.deepEqual(run('docker:\n').json.systemd, {});
});

test('openstack-metadata and cloudstack-configdrive get coreos-metadata provider overrides', () => {
  for (const p of ['openstack-metadata', 'cloudstack-configdrive']) {
    const r = run('systemd:\n  units:\n    - name: x.service\n', { platform: p });
    const contents = `[Service]\nEnvironment=COREOS_METADATA_OPT_PROVIDER=--provider=${p}`;
    assert.deepEqual(r.json.systemd.units, [
      { dropins: [{ contents, name: '20-clct-provider-override.conf' }], name: 'coreos-metadata.service' },
      { dropins: [{ contents, name: '20-clct-provider-override.conf' }], enabled: true, name: 'coreos-metadata-sshkeys@.service' },
      { name: 'x.service' },
    ]);
  }
  assert.deepEqual(run('', { platform: 'ec2' }).json.systemd, {});
});

// --- networkd ----------------------------------------------------------------------------------

test('networkd: a failing unit hides its drop-ins; drop-in checks otherwise', () => {
  const r = run(`networkd:
  units:
    - name: eth0.conf
      dropins:
        - name: bad.network
    - name: 10-ok.network
      contents: "[Match]\\nName=eth1\\n"
      dropins:
        - name: mtu.network
`);
  assert.deepEqual(r.at, [
    'error 3:7: invalid networkd unit extension',
    'error 9:11: invalid networkd drop-in extension',
  ]);
  const ok = run('networkd:\n  units:\n    - name: a.link\n      contents: "[Match]\\n"\n      dropins: []\n');
  assert.equal(ok.output!.includes('"networkd":{"units":[{"contents":"[Match]\\n","name":"a.link"}]}'), true);
});

// --- passwd ------------------------------------------------------------------------------------

test('passwd users and groups, empty lists left out', () => {
  const r = run(`passwd:
  users:
    - name: core
      ssh_authorized_keys: []
      groups: [wheel]
      uid: 1000
      password_hash: ""
  groups:
    - name: g
      gid: 500
      system: true
`);
  assert.deepEqual(r.messages, []);
  assert.deepEqual(r.json.passwd, {
    groups: [{ gid: 500, name: 'g', system: true }],
    users: [{ groups: ['wheel'], name: 'core', passwordHash: '', uid: 1000 }],
  });
});

test('passwd create is deprecated and conflicts with every user-level field', () => {
  const r = run(`passwd:
  users:
    - name: legacy
      create:
        uid: 1200
        groups: [a]
        home_dir: /h
`);
  assert.deepEqual(r.at, ['warning 3:7: the create object has been deprecated in favor of user-level options']);
  assert.deepEqual(r.json.passwd.users[0].create, { groups: ['a'], homeDir: '/h', uid: 1200 });

  const bad = run(`passwd:
  users:
    - name: x
      create: {}
      shell: /bin/sh
      uid: 5
      no_log_init: true
`);
  assert.equal(bad.output, null);
  assert.deepEqual(bad.messages, [
    'warning: the create object has been deprecated in favor of user-level options',
    'error: cannot use both the create object and the user-level noLogInit field',
    'error: cannot use both the create object and the user-level shell field',
    'error: cannot use both the create object and the user-level uid field',
  ]);
});

// --- ignition ------------------------------------------------------------------------------------

test('config references: hash string, empty verification, timeouts', () => {
  const r = run(`ignition:
  timeouts:
    http_total: 30
  config:
    append:
      - source: https://e.x/a.ign
        verification:
          hash:
            function: sha512
            sum: ${'a'.repeat(128)}
      - source: oem:///b.ign
        verification:
          hash:
            function: sha512
    replace:
      source: http://e.x/r.ign
`);
  assert.deepEqual(r.messages, []);
  assert.deepEqual(r.json.ignition.config, {
    append: [
      { source: 'https://e.x/a.ign', verification: { hash: `sha512-${'a'.repeat(128)}` } },
      { source: 'oem:///b.ign', verification: {} },
    ],
    replace: { source: 'http://e.x/r.ign', verification: {} },
  });
  assert.deepEqual(r.json.ignition.timeouts, { httpTotal: 30 });
});

test('a source url.Parse rejects fails the conversion at its position', () => {
  const r = run(`ignition:
  config:
    replace:
      source: "http://a b.com/"
`);
  assert.equal(r.output, null);
  assert.equal(r.failedAt, 'convert');
  assert.deepEqual(r.at, ['error 4:15: parse "http://a b.com/": invalid character " " in host name']);
});

test('Ignition checks on references, hashes and certificate authorities', () => {
  const r = run(`ignition:
  config:
    append:
      - source: ftp://x/y
      - source: https://x/y
        verification:
          hash:
            function: md5
            sum: abc
      - source: https://x/z
        verification:
          hash:
            function: sha512
            sum: abc
    replace:
      source: s3://b/k?versionId=
  security:
    tls:
      certificate_authorities:
        - source: "data:,a b"
`);
  assert.deepEqual(r.at, [
    'error 4:17: invalid url scheme',
    'error 7:11: unrecognized hash function',
    'error 12:11: incorrect size for hash sum',
    'error 16:15: invalid S3 object VersionId',
    'error 18:5: invalid data character',
  ]);
});

test('validateUrl follows Ignition', () => {
  assert.equal(validateUrl(''), null);
  assert.equal(validateUrl('https://x/y'), null);
  assert.equal(validateUrl('tftp://x/y'), null);
  assert.equal(validateUrl('s3://b/k'), null);
  assert.equal(validateUrl('s3://b/k?versionId=1'), null);
  assert.equal(validateUrl('s3://b/k?versionId'), 'invalid S3 object VersionId');
  assert.equal(validateUrl('gs://b/k'), 'invalid url scheme');
  assert.equal(validateUrl('/local/path'), 'invalid url scheme');
  assert.equal(validateUrl('http://[::1'), 'unable to parse url');
  assert.equal(validateUrl('data:,hello'), null);
  assert.equal(validateUrl('DATA:,hello'), 'missing data prefix');
  assert.equal(validateUrl('data:plain'), 'missing media type slash');
});

test('validateUrl: the shortcut for plain data URLs answers exactly as the full parse does', () => {
  // every character class the shortcut looks at, and the ones it must send to the full parse
  const alphabet = ['a', 'Z', '0', '-', '_', '.', '!', '~', '*', "'", '(', ')', ';', '/', '?', ':', '@', '&', '=', '+', '$', ',', '%', '%2', '%41', '%zz', '%e2%82%ac', '#', ' ', '"', '<', '\\', '^', '`', '{', '|', '[', ']', 'é', '\u0000', '\n'];
  const rng = new Rng(1);
  let shortcutTaken = 0;
  for (let i = 0; i < 20000; i++) {
    const n = rng.int(12);
    let data = '';
    for (let j = 0; j < n; j++) data += alphabet[rng.int(alphabet.length)];
    const prefix = rng.chance(0.9) ? 'data:,' : ['data:text/plain,', 'data:;base64,', 'data:', 'data:,,'][rng.int(4)];
    const url = prefix + data;
    const full = validateUrl(url, false);
    assert.equal(validateUrl(url), full, JSON.stringify(url));
    if (full === null && /^data:,[A-Za-z0-9\-_.!~*'();/?:@&=+$,%]*$/.test(url)) shortcutTaken++;
  }
  assert.ok(shortcutTaken > 1000, `only ${shortcutTaken} URLs took the shortcut`);
});

test('validateUrl: the shortcut for base64 data URLs answers exactly as the full parse does', () => {
  // canonical base64 of random bytes (the shortcut's case), then damaged copies of it
  const damage = ['=', '==', '===', 'A', 'AB', '-', '_', ' ', '%41', '\n', '#', '?', 'é', '/', '+'];
  const rng = new Rng(2);
  let shortcutTaken = 0;
  for (let i = 0; i < 20000; i++) {
    const bytes = Buffer.alloc(rng.int(40));
    for (let j = 0; j < bytes.length; j++) bytes[j] = rng.int(256);
    let data = bytes.toString('base64');
    if (rng.chance(0.5)) {
      const at = rng.int(data.length + 1);
      const cut = rng.chance(0.5) ? rng.int(3) : 0;
      data = data.slice(0, at) + damage[rng.int(damage.length)] + data.slice(at + cut);
    }
    const url = 'data:;base64,' + data;
    const full = validateUrl(url, false);
    assert.equal(validateUrl(url), full, JSON.stringify(url));
    if (full === null && isPlainDataUrl(url)) shortcutTaken++;
  }
  assert.ok(shortcutTaken > 5000, `only ${shortcutTaken} URLs took the shortcut`);
});

test('config version must be 0', () => {
  const r = run('version: 1\n');
  assert.equal(r.failedAt, 'parse');
  assert.deepEqual(r.at, ['error 1:10: Invalid version. Only version 0 is supported']);
  assert.deepEqual(run('version: 0\n').messages, []);
});

// --- update / locksmith ------------------------------------------------------------------------

function updateConf(yaml: string): string {
  const r = run(yaml);
  assert.ok(r.output, r.messages.join('; '));
  const f = r.json.storage.files.find((x: any) => x.path === '/etc/coreos/update.conf');
  assert.equal(f.filesystem, 'root');
  assert.equal(f.mode, 420);
  assert.ok(f.contents.source.startsWith('data:,'));
  return decodeURIComponent(f.contents.source.slice('data:,'.length));
}

test('update.conf from update and locksmith', () => {
  assert.equal(updateConf('update:\n  group: Beta\n  server: https://u/\n  machine_alias: m\n'), 'GROUP=beta\nSERVER=https://u/\nMACHINE_ALIAS=m');
  assert.equal(
    updateConf('update:\n  group: alpha\nlocksmith:\n  group: "a\\"b"\n  reboot_strategy: ""\n  etcd_keyfile: /k\n'),
    'GROUP=alpha\nREBOOT_STRATEGY=""\nLOCKSMITHD_GROUP="a\\"b"\nLOCKSMITHD_ETCD_KEYFILE="/k"',
  );
  assert.equal(updateConf('update:\n  server: https://u/\n'), '\nSERVER=https://u/');
  assert.deepEqual(run('update: {}\nlocksmith: {}\n').json.storage, {});
});

test('update group and server checks', () => {
  assert.deepEqual(run('update:\n  group: lts\n').at, ['warning 2:3: unknown update group']);
  assert.deepEqual(run('update:\n  group: lts\n  server: https://u/\n').messages, []);
  assert.deepEqual(run('update:\n  group: STABLE\n').messages, []);
  const bad = run('update:\n  group: beta\n  server: "http://h:x/"\n');
  assert.equal(bad.failedAt, 'parse');
  assert.deepEqual(bad.at, ['error 3:11: parse "http://h:x/": invalid port ":x" after host']);
});

test('locksmith checks', () => {
  const r = run('locksmith:\n  reboot_strategy: sometimes\n  window_start: Caturday 10:00\n  window_length: forever\n');
  assert.deepEqual(r.at, [
    'error 2:20: unknown reboot strategy',
    'error 3:17: unknown day in window start',
    'error 4:18: couldn\'t parse window length',
  ]);
  assert.deepEqual(run('locksmith:\n  window_length: 1h\n').at, ['error 2:3: window-start and window-length must both be specified']);
  assert.deepEqual(run('locksmith:\n  window_start: "Sun 1:00pm"\n  window_length: 1h\n').messages, ['error: couldn\'t parse window start']);
  assert.deepEqual(run('locksmith:\n  reboot_strategy: ETCD-LOCK\n  window_start: "9:05"\n  window_length: 90m\n').messages, []);
  assert.deepEqual(run('locksmith:\n  window_start: "not-present 9:05"\n  window_length: 1h\n').messages, []);
  // the missing-length check fails Locksmith itself, so its fields are not checked
  assert.deepEqual(run('locksmith:\n  reboot_strategy: bad\n  window_start: x\n').messages, ['error: window-start and window-length must both be specified']);
});

test('fmt.Sscanf("%s %s") as locksmith uses it', () => {
  assert.deepEqual(scanTwoWords('Thu 04:30'), ['Thu', '04:30']);
  assert.deepEqual(scanTwoWords('  Thu \t 04:30 extra'), ['Thu', '04:30']);
  assert.equal(scanTwoWords('22:00'), null);
  assert.equal(scanTwoWords('Thu '), null);
  assert.equal(scanTwoWords('Thu\n04:30'), null);
  assert.equal(scanTwoWords('Thu \r\n04:30'), null);
  assert.equal(scanTwoWords('\nThu 04:30'), null);
});

test('time.Parse("15:04") and time.ParseDuration', () => {
  assert.equal(parseHourMinute('04:30'), true);
  assert.equal(parseHourMinute('4:30'), true);
  assert.equal(parseHourMinute('23:59'), true);
  assert.equal(parseHourMinute('24:00'), false);
  assert.equal(parseHourMinute('12:60'), false);
  assert.equal(parseHourMinute('12:5'), false);
  assert.equal(parseHourMinute('1:00pm'), false);
  for (const ok of ['0', '1h30m', '-1.5h', '+2s', '1.h', '.5s', '300ms', '1\u00b5s', '1\u03bcs', '9223372036854775807ns', '-9223372036854775808ns', '2562047h']) {
    assert.equal(parseDuration(ok).ok, true, ok);
  }
  assert.deepEqual(parseDuration('forever'), { ok: false, error: 'time: invalid duration "forever"' });
  assert.deepEqual(parseDuration('10'), { ok: false, error: 'time: missing unit in duration "10"' });
  assert.deepEqual(parseDuration('1d'), { ok: false, error: 'time: unknown unit "d" in duration "1d"' });
  for (const bad of ['', '-', '.s', '1h 30m', '9223372036854775808ns', '2562048h']) assert.equal(parseDuration(bad).ok, false, bad);
  const d = parseDuration('1.5h');
  assert.ok(d.ok && d.nanoseconds === 5400000000000n);
});

test('strings.ToLower maps code points one by one', () => {
  assert.equal(goToLower('BETA'), 'beta');
  assert.equal(goToLower('\u0130'), 'i');
  assert.equal(goToLower('\u03a3\u03a3'), '\u03c3\u03c3');
});

// --- data URLs ---------------------------------------------------------------------------------

test('dataurl.DecodeString errors', () => {
  const err = (s: string) => {
    const r = decodeDataUrl(s);
    return r.ok ? null : r.error;
  };
  assert.equal(err('data:,hello%20world'), null);
  assert.equal(err('data:;charset=utf-8,x'), null);
  assert.equal(err('data:text/plain;a="q\\"x";base64,QUJD'), null);
  assert.equal(err('data:application/x-thing,'), null);
  assert.equal(err('data:x-foo/bar,'), null);
  assert.equal(err('http:'), 'missing data prefix');
  assert.equal(err('data:'), 'missing comma before data');
  assert.equal(err('data:plain'), 'missing media type slash');
  assert.equal(err('data:foo/bar,x'), 'invalid media type');
  assert.equal(err('data:text/plain'), 'incomplete media type');
  assert.equal(err('data:text/pl ain,'), 'invalid character for media subtype');
  assert.equal(err('data:,a b'), 'invalid data character');
  assert.equal(err('data:,a#b'), 'invalid data character');
  assert.equal(err('data:;foo,x'), 'expected base64, got foo');
  assert.equal(err('data:;=x,'), 'unterminated parameter sequence');
  assert.equal(err('data:;a="x'), 'unclosed quoted string');
  assert.equal(err('data:;a="x\\q",'), 'invalid syntax');
  assert.equal(err('data:,%zz'), 'rfc2396: invalid char 0x25 in unescape sequence');
  assert.equal(err('data:,%4'), 'rfc2396: unexpected end of unescape sequence');
  assert.equal(err('data:;a=%4,x'), 'rfc2396: unexpected end of unescape sequence');
  assert.equal(err('data:;base64,QQ'), 'illegal base64 data at input byte 0');
  assert.equal(err('data:;base64,a b'), 'invalid data character');
  const ok = decodeDataUrl('data:,%41%42');
  assert.ok(ok.ok && Buffer.from(ok.data).toString() === 'AB');
});

test('encoding/base64 StdEncoding errors and newline skipping', () => {
  const dec = (s: string) => {
    const r = goBase64Decode(s);
    return r.ok ? Buffer.from(r.data).toString('latin1') : r.error;
  };
  assert.equal(dec(''), '');
  assert.equal(dec('QUJD'), 'ABC');
  assert.equal(dec('QU\nJD\n'), 'ABC');
  assert.equal(dec('QQ=='), 'A');
  assert.equal(dec('QUI='), 'AB');
  assert.equal(dec('QQ'), 'illegal base64 data at input byte 0');
  assert.equal(dec('QUJDQQ'), 'illegal base64 data at input byte 4');
  assert.equal(dec('QQ='), 'illegal base64 data at input byte 3');
  assert.equal(dec('QQ=x'), 'illegal base64 data at input byte 2');
  assert.equal(dec('Q==='), 'illegal base64 data at input byte 1');
  assert.equal(dec('QQ==QQ=='), 'illegal base64 data at input byte 4');
  assert.equal(dec('QU*D'), 'illegal base64 data at input byte 2');
});
