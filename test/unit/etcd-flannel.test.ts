// The etcd and flannel sections: option flags, version selection, templating and ct's checks.
// Expected texts follow config/types/{etcd,flannel,common}.go and config/templating of ct v0.9.4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transpile } from '../../src/core/transpile.ts';
import type { TranspileOptions } from '../../src/core/transpile.ts';
import { etcdOptions, flannelOptions, pickOptionVersion, etcdStructs } from '../../src/core/clc/model.ts';
import { parseSemver } from '../../src/core/go/semver.ts';
import type { SemverVersion } from '../../src/core/go/semver.ts';
import { unitString, assembleUnit } from '../../src/core/convert/options-unit.ts';
import { unmarshalsIntoJsonMap } from '../../src/core/clc/checks/flannel.ts';

const ETCD_EXEC = 'ExecStart=/usr/lib/coreos/etcd-wrapper $ETCD_OPTS';
const FLANNEL_EXEC = 'ExecStart=/usr/lib/coreos/flannel-wrapper $FLANNEL_OPTS';

function run(yaml: string, opts: TranspileOptions = {}) {
  const r = transpile(yaml, opts);
  const messages = r.diagnostics.map((d) => `${d.severity}: ${d.message}`);
  return { ...r, messages };
}

/** the drop-in text of one unit of the output */
function dropin(yaml: string, unit: string, opts: TranspileOptions = {}): string {
  const r = run(yaml, opts);
  assert.ok(r.output, `no output: ${r.messages.join('; ')}`);
  const units = JSON.parse(r.output).systemd.units as Array<{ name: string; enable?: boolean; dropins: Array<{ name: string; contents: string }> }>;
  const u = units.find((x) => x.name === unit);
  assert.ok(u, `no unit ${unit}`);
  assert.equal(u.enable, true);
  assert.equal(u.dropins.length, 1);
  return u.dropins[0]!.contents;
}

function args(lines: string[]): string {
  return lines.map((l) => ` \\\n  ${l}`).join('');
}

function ver(s: string): SemverVersion {
  const r = parseSemver(s);
  if (!r.ok) throw new Error(r.error);
  return r.version;
}

test('flags: %q strings, %v ints and bools, in struct field order', () => {
  const text = dropin(
    'etcd:\n  version: 3.5.0\n  enable_pprof: false\n  snapshot_count: -12\n  name: "a\\"b\\tc é\\u0007"\n  data_dir: ""\n',
    'etcd-member.service',
  );
  assert.equal(
    text,
    '[Service]\nEnvironment="ETCD_IMAGE_TAG=v3.5.0"\nExecStart=\n' +
      ETCD_EXEC +
      args(['--name="a\\"b\\tc é\\a"', '--data-dir=""', '--snapshot-count=-12', '--enable-pprof=false']),
  );
});

test('no version: default option set and no image tag line', () => {
  assert.equal(dropin('etcd:\n  v2_deprecation: not-yet\n', 'etcd-member.service'), '[Service]\nExecStart=\n' + ETCD_EXEC + args(['--v2-deprecation="not-yet"']));
  assert.equal(dropin('flannel:\n  etcd_prefix: /p\n', 'flanneld.service'), '[Service]\nExecStart=\n' + FLANNEL_EXEC + args(['--etcd-prefix="/p"']));
  assert.equal(dropin('etcd: {}\n', 'etcd-member.service'), '[Service]\nExecStart=\n' + ETCD_EXEC);
});

test('image tag uses the semver String()', () => {
  const text = dropin('etcd:\n  version: "03.04.010-rc.1+b.2"\n', 'etcd-member.service');
  assert.ok(text.includes('Environment="ETCD_IMAGE_TAG=v3.4.10-rc.1+b.2"'), text);
});

test('auto_compaction_retention is an int before 3.3 and a string after', () => {
  assert.ok(dropin('etcd:\n  version: 3.2.0\n  auto_compaction_retention: 3\n', 'etcd-member.service').endsWith('--auto-compaction-retention=3'));
  assert.ok(dropin('etcd:\n  version: 3.3.0\n  auto_compaction_retention: 3\n', 'etcd-member.service').endsWith('--auto-compaction-retention="3"'));
  const r = run('etcd:\n  version: 3.0.0\n  auto_compaction_retention: 1h\n');
  assert.equal(r.output, null);
  assert.deepEqual(r.messages, ['error: line 3: cannot unmarshal !!str `1h` into int']);
});

test('etcd 2.3 options are in their own order', () => {
  const text = dropin('etcd:\n  version: 2.3.7\n  name: n\n  data_dir: /d\n  debug: true\n', 'etcd-member.service');
  assert.ok(text.endsWith(args(['--data-dir="/d"', '--debug=true', '--name="n"'])), text);
});

test('version selection mirrors Etcd/Flannel UnmarshalYAML', () => {
  const pick = (t: typeof etcdOptions, v: string | null) => pickOptionVersion(t, v === null ? null : ver(v));
  assert.equal(pick(etcdOptions, null), '3.5');
  assert.equal(pick(etcdOptions, '2.3.0'), '2.3');
  assert.equal(pick(etcdOptions, '2.9.1'), '2.3');
  assert.equal(pick(etcdOptions, '2.2.9'), null);
  assert.equal(pick(etcdOptions, '3.0.0'), '3.0');
  assert.equal(pick(etcdOptions, '3.4.99'), '3.4');
  assert.equal(pick(etcdOptions, '3.5.0'), '3.5');
  assert.equal(pick(etcdOptions, '3.12.0'), '3.5');
  assert.equal(pick(etcdOptions, '1.9.0'), null);
  assert.equal(pick(etcdOptions, '4.0.0'), null);
  assert.equal(pick(flannelOptions, null), '0.6');
  assert.equal(pick(flannelOptions, '0.4.0'), null);
  assert.equal(pick(flannelOptions, '0.5.0'), '0.5');
  assert.equal(pick(flannelOptions, '0.6.3'), '0.6');
  assert.equal(pick(flannelOptions, '0.7.0'), '0.7');
  assert.equal(pick(flannelOptions, '0.12.0'), '0.7');
  assert.equal(pick(flannelOptions, '1.0.0'), null);
  assert.equal(etcdStructs.get('2.3')!.name, 'Etcd2');
});

test('etcd version checks', () => {
  assert.deepEqual(run('etcd:\n  version: 2.4.0\n  name: x\n').messages, [
    'warning: Etcd minor version specified is too new, only options available in the previous minor version will be accepted',
  ]);
  assert.deepEqual(run('etcd:\n  version: 3.6.0\n').messages, [
    'warning: Etcd minor version specified is too new, only options available in the previous minor version will be accepted',
  ]);
  const old = run('etcd:\n  version: 2.3.0-rc.1\n  name: x\n');
  assert.equal(old.failedAt, 'parse');
  assert.deepEqual(old.messages, ['error: Etcd version specified is not valid (too old)']);
  const tooNew = run('etcd:\n  version: 4.0.0\n  name: x\n');
  assert.equal(tooNew.failedAt, 'parse');
  assert.deepEqual(tooNew.messages, ['error: Etcd version is not valid (too new)', 'warning: Config has unrecognized key: name']);
  // the version error sits on the version's value
  const d = tooNew.diagnostics[0]!;
  assert.equal('etcd:\n  version: 4.0.0\n'.slice(d.span!.start, d.span!.end), '4.0.0');
});

test('flannel version checks and option sets', () => {
  assert.deepEqual(run('flannel:\n  version: 0.8.0\n  kube_subnet_mgr: true\n').messages, [
    'warning: flannel minor version too new. Only options available in the previous minor version will be supported',
  ]);
  assert.deepEqual(run('flannel:\n  version: 0.4.9\n').messages, ['error: invalid flannel version (too old)']);
  // 0.6 has no kube_subnet_mgr; a typo is pointed out
  assert.deepEqual(run('flannel:\n  version: 0.6.0\n  kube_subnet_mgr: true\n  Etcd_Prefix: x\n').messages, [
    'warning: Config has unrecognized key: kube_subnet_mgr',
    'warning: Config has unrecognized key: Etcd_Prefix',
    'info: Did you mean etcd_prefix instead of Etcd_Prefix',
  ]);
  // a major version above 0 passes the checks but has no options at all
  const r = run('flannel:\n  version: 1.0.0\n  etcd_endpoints: http://e\n  network_config: "{}"\n');
  assert.deepEqual(r.messages, ['warning: Config has unrecognized key: etcd_endpoints']);
  const units = JSON.parse(r.output!).systemd.units;
  assert.equal(
    units[0].dropins[0].contents,
    '[Service]\nEnvironment="FLANNEL_IMAGE_TAG=v1.0.0"\nExecStart=\n' + FLANNEL_EXEC + '\nExecStartPre=/usr/bin/etcdctl set /coreos.com/network/config "{}"',
  );
});

test('network_config: stored with etcdctl using the etcd options as written', () => {
  const text = dropin(
    'flannel:\n  version: 0.7.1\n  etcd_keyfile: /k\n  etcd_endpoints: "http://{PRIVATE_IPV4}:2379"\n  etcd_cafile: /ca\n  network_config: \'{"Network": "10.1.0.0/16"}\'\n',
    'flanneld.service',
    { platform: 'ec2' },
  );
  assert.equal(
    text,
    '[Unit]\nRequires=coreos-metadata.service\nAfter=coreos-metadata.service\n\n[Service]\nEnvironmentFile=/run/metadata/coreos\n' +
      'Environment="FLANNEL_IMAGE_TAG=v0.7.1"\nExecStart=\n' +
      FLANNEL_EXEC +
      args(['--etcd-endpoints="http://${COREOS_EC2_IPV4_LOCAL}:2379"', '--etcd-cafile="/ca"', '--etcd-keyfile="/k"']) +
      '\nExecStartPre=/usr/bin/etcdctl --endpoints="http://{PRIVATE_IPV4}:2379" --ca-file="/ca" --key-file="/k" set /coreos.com/network/config "{\\"Network\\": \\"10.1.0.0/16\\"}"',
  );
});

test('network_config braces do not turn templating on', () => {
  const r = run('flannel:\n  network_config: \'{"Network": "10.1.0.0/16"}\'\n');
  assert.deepEqual(r.messages, []);
  assert.ok(r.output);
});

test('network_config must unmarshal into a JSON object', () => {
  assert.equal(unmarshalsIntoJsonMap('{"a": [1, {"b": null}]}'), true);
  assert.equal(unmarshalsIntoJsonMap(' null '), true);
  assert.equal(unmarshalsIntoJsonMap('[1]'), false);
  assert.equal(unmarshalsIntoJsonMap('"s"'), false);
  assert.equal(unmarshalsIntoJsonMap('{"a": 1,}'), false);
  assert.equal(unmarshalsIntoJsonMap('{"a": 1e400}'), false);
  assert.equal(unmarshalsIntoJsonMap('{ Network: 10.1.0.0/16 }'), false);
  const yaml = 'flannel:\n  network_config: "[1]"\n';
  const r = run(yaml);
  assert.equal(r.failedAt, 'parse');
  assert.deepEqual(r.messages, ["error: flannel network config doesn't appear to be valid JSON"]);
  assert.equal(yaml.slice(r.diagnostics[0]!.span!.start, r.diagnostics[0]!.span!.end), '"[1]"');
});

test('kube_subnet_mgr with a network config is refused from 0.7 on, on the flannel node', () => {
  const yaml = 'flannel:\n  version: 0.9.0\n  kube_subnet_mgr: true\n  network_config: "{}"\n';
  const r = run(yaml);
  assert.equal(r.failedAt, 'parse');
  // the check on *Flannel fails, so nothing below it (the version warning) is looked at
  assert.deepEqual(r.messages, ['error: flannel network config cannot be provided if kube_subnet_mgr is set']);
  assert.equal(r.diagnostics[0]!.span!.start, yaml.indexOf('version'));
  assert.deepEqual(run('flannel:\n  version: 0.7.0\n  kube_subnet_mgr: false\n  network_config: "{}"\n').messages, []);
});

test('templating: several fields in one value, per platform', () => {
  const yaml = 'etcd:\n  version: 3.5.0\n  initial_cluster: "{HOSTNAME}=http://{PRIVATE_IPV4}:2380,x=http://[{PUBLIC_IPV6}]"\n';
  const text = dropin(yaml, 'etcd-member.service', { platform: 'digitalocean' });
  assert.equal(
    text,
    '[Unit]\nRequires=coreos-metadata.service\nAfter=coreos-metadata.service\n\n[Service]\nEnvironmentFile=/run/metadata/coreos\n' +
      'Environment="ETCD_IMAGE_TAG=v3.5.0"\nExecStart=\n' +
      ETCD_EXEC +
      args(['--initial-cluster="${COREOS_DIGITALOCEAN_HOSTNAME}=http://${COREOS_DIGITALOCEAN_IPV4_PRIVATE_0}:2380,x=http://[${COREOS_DIGITALOCEAN_IPV6_PUBLIC_0}]"']),
  );
  // a platform without IPv6 fields
  const r = run(yaml, { platform: 'ec2' });
  assert.equal(r.output, null);
  assert.equal(r.failedAt, 'convert');
  assert.deepEqual(r.messages, ['error: unknown field']);
});

test('templating without a platform: unpositioned error, once per section', () => {
  const yaml = 'etcd:\n  name: "{HOSTNAME}"\nflannel:\n  public_ip: "{PUBLIC_IPV4}"\n';
  const r = run(yaml);
  assert.equal(r.output, null);
  assert.deepEqual(r.messages, ['error: platform must be specified to use templating', 'error: platform must be specified to use templating']);
  for (const d of r.diagnostics) {
    assert.equal(d.unpositioned, true);
    assert.ok(d.span);
  }
  assert.equal(r.diagnostics[0]!.span!.start, yaml.indexOf('name'));
  assert.equal(r.diagnostics[1]!.span!.start, yaml.indexOf('public_ip'));
  // a platform without braces anywhere adds nothing
  assert.equal(dropin('etcd:\n  name: n\n', 'etcd-member.service', { platform: 'gce' }), '[Service]\nExecStart=\n' + ETCD_EXEC + args(['--name="n"']));
});

test('unit layout helpers', () => {
  assert.equal(unitString({ unit: [], service: [], install: [] }), '');
  assert.equal(unitString({ unit: ['A=1'], service: [], install: ['W=x'] }), '[Unit]\nA=1\n\n[Install]\nW=x');
  const u = assembleUnit('/bin/x', ['--a="}{HOSTNAME}"'], [], 'gce');
  assert.ok(u.ok);
  // a closing brace before the opening one ends the substitution, but templating is still on
  assert.equal(unitString(u.unit), '[Unit]\nRequires=coreos-metadata.service\nAfter=coreos-metadata.service\n\n[Service]\nEnvironmentFile=/run/metadata/coreos\nExecStart=\nExecStart=/bin/x \\\n  --a="}{HOSTNAME}"');
});

test('semver errors stop parsing without a position', () => {
  const r = run('etcd:\n  version: v3.5.0\n');
  assert.deepEqual(r.messages, ['error: strconv.ParseInt: parsing "v3": invalid syntax']);
  assert.equal(r.diagnostics[0]!.unpositioned, true);
  assert.deepEqual(run('flannel:\n  version: "0.7"\n').messages, ['error: 0.7 is not in dotted-tri format']);
});
