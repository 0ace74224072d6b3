// CLC -> Butane over the whole ct corpus, proven through a Butane transpiler: every case ct
// accepts converts, the Butane transpiles (no error; warnings only where the source itself has
// the same problem or the converter said why), and the Ignition it gives is the machine state of
// expected.ign3.json (ign-converter's translation of ct's output). Where the corpus says no mount
// path is known, the conversion refuses at the filesystem; where ign-converter itself refuses,
// the conversion does better and is compared with the corrected reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseYamlText } from 'yaml';
import { ctIgnition, loadCases, unmappedNames } from '../support/ct-cases.ts';
import type { CtCase } from '../support/ct-cases.ts';
import { findButane, rawWarnings } from '../support/butane-cli.ts';
import { convertToButane, referenceIgnition3 } from '../../src/core/convert-butane/to-butane.ts';
import type { ToButaneResult } from '../../src/core/convert-butane/to-butane.ts';
import { compareMachineState } from '../../src/core/convert-butane/machine-state.ts';
import { localFileReader } from '../../src/cli/files.ts';
import { transpile } from '../../src/core/transpile.ts';

const butane = findButane();
const cases = loadCases().filter((c) => c.exit === 0);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-to-butane-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

test('a Butane transpiler is available for the proof (dist/butane.js, CLC_BUTANE or a reference build)', () => {
  assert.ok(butane, 'no Butane transpiler: build the project (dist/butane.js), set CLC_BUTANE, or provide /work/ref/bin/butane');
});

function convert(c: CtCase, fsPaths: Record<string, string> = {}): ToButaneResult {
  return convertToButane(c.text, {
    platform: c.platform,
    filesDir: c.filesDir || undefined,
    readFile: c.filesDir ? localFileReader(c.filesDir) : undefined,
    fsPaths,
  });
}

/** ct's own warnings for the config, by message: a warning butane repeats is the source's. */
function ctWarnings(c: CtCase): Set<string> {
  const r = transpile(c.text, { platform: c.platform, filesDir: c.filesDir || undefined, readFile: c.filesDir ? localFileReader(c.filesDir) : undefined });
  return new Set(r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message));
}

/** Transpiles the Butane and checks its warnings; returns the Ignition 3 config. */
function transpileButane(c: CtCase, r: ToButaneResult): any {
  assert.ok(butane);
  const file = path.join(tmp, `${c.name}.bu`);
  fs.writeFileSync(file, r.butane!);
  const run = butane.run(file, ['--raw-errors', ...(c.filesDir ? ['--files-dir', c.filesDir] : [])]);
  assert.equal(run.status, 0, `butane failed:\n${run.stderr}\n--- Butane:\n${r.butane}`);
  const fromCt = ctWarnings(c);
  const announced = r.diagnostics.some((d) => d.code === 'butane-mode-special-bits');
  for (const w of rawWarnings(run.stderr)) {
    const explained = fromCt.has(w.message) || (announced && w.message.startsWith('setuid/setgid/sticky bits are not supported'));
    assert.ok(explained, `butane warns where the source had no such problem: ${w.path}: ${w.message}\n--- Butane:\n${r.butane}`);
  }
  return JSON.parse(run.stdout);
}

for (const c of cases) {
  const label = butane ? butane.label : 'no transpiler';
  if (c.ign3) {
    test(`to Butane, same machine state as ign-converter (${label}): ${c.name}`, () => {
      const r = convert(c);
      assert.ok(r.butane, r.diagnostics.map((d) => d.message).join('\n'));
      const ign3 = transpileButane(c, r);
      assert.deepEqual(compareMachineState(ign3, c.ign3, gunzipSync), []);
    });
  } else if (c.ign3Error?.startsWith('not translated:')) {
    test(`to Butane refuses a filesystem without a mount path, then converts with --fs-path (${label}): ${c.name}`, () => {
      // a filesystem Ignition 2 named by its path is placed at that path; one with a device needs a mount path
      const names = [...new Set(unmappedNames(c.ign3Error!, true))];
      assert.ok(names.length);
      const r = convert(c);
      assert.equal(r.butane, null);
      const errors = r.diagnostics.filter((d) => d.code?.startsWith('butane-'));
      assert.ok(errors.length);
      for (const e of errors) assert.ok(e.span, `positioned: ${e.message}`);
      for (const n of names) assert.ok(errors.some((e) => e.message.includes(`"${n}"`)), `names ${n}`);
      // with a mount path for each, the conversion goes on (or stops at what Ignition 3 lacks)
      const given = Object.fromEntries(names.map((n) => [n, `/mnt/${n}`]));
      const r2 = convert(c, given);
      if (!r2.butane) {
        const left = r2.diagnostics.filter((d) => d.code?.startsWith('butane-') && d.severity === 'error');
        assert.fail(left.map((d) => d.message).join('\n'));
        return;
      }
      const ign3 = transpileButane(c, r2);
      const ref = referenceIgnition3(ctIgnition(c)!, { ...r2.fsPaths!.fsMap });
      assert.ok(ref.ok);
      assert.deepEqual(compareMachineState(ign3, ref.config, gunzipSync), []);
    });
  } else if (c.ign3Error) {
    test(`to Butane does better than ign-converter's refusal (${label}): ${c.name}`, () => {
      const r = convert(c);
      assert.ok(r.butane, r.diagnostics.map((d) => d.message).join('\n'));
      const ign3 = transpileButane(c, r);
      const ref = referenceIgnition3(ctIgnition(c)!, r.fsPaths!.fsMap);
      assert.ok(ref.ok, !ref.ok ? ref.message : '');
      assert.deepEqual(compareMachineState(ign3, ref.config, gunzipSync), []);
    });
  }
}

const EXAMPLE = `# container-linux-config
# web node
storage:
  files:
    # the banner
    - path: /etc/motd
      filesystem: root
      mode: 0644  # world-readable
      contents:
        inline: |
          Hello
          World
    - path: /etc/app.conf
      append: true
      contents:
        local: app.conf
systemd:
  units:
    - name: hello.service
      enabled: true
      contents: |
        [Service]
        ExecStart=/usr/bin/echo hi

        [Install]
        WantedBy=multi-user.target
`;

test('the Butane keeps comments, order, literal blocks, local: and says overwrite/append', () => {
  const r = convertToButane(EXAMPLE, { filesDir: '/files', readFile: () => ({ ok: true, data: new TextEncoder().encode('x=1\n') }) });
  assert.ok(r.butane, r.diagnostics.map((d) => d.message).join('\n'));
  const b = r.butane;
  assert.match(b, /^# web node\n\nvariant: flatcar\nversion: 1\.1\.0\n/);
  assert.match(b, /    # the banner\n    - path: \/etc\/motd\n/);
  assert.match(b, /mode: 0644  # world-readable/);
  assert.match(b, /inline: \|\n {10}Hello\n {10}World\n/);
  assert.match(b, /local: app\.conf/);
  assert.ok(b.indexOf('storage:') < b.indexOf('systemd:'));
  const doc = parseYamlText(b);
  assert.equal(doc.storage.files[0].overwrite, true);
  assert.equal(doc.storage.files[1].overwrite, false);
  assert.deepEqual(doc.storage.files[1].append, [{ local: 'app.conf' }]);
  assert.equal(doc.systemd.units[0].contents, '[Service]\nExecStart=/usr/bin/echo hi\n\n[Install]\nWantedBy=multi-user.target\n');
});

test('Butane version 1.0.0 on request', () => {
  const r = convertToButane('passwd:\n  users:\n    - name: core\n', { butaneVersion: '1.0.0' });
  assert.match(r.butane ?? '', /^variant: flatcar\nversion: 1\.0\.0\n/);
});

test('a filesystem gets its mount path from a .mount unit, --fs-path wins, and files move under it', () => {
  const text = `storage:
  filesystems:
    - name: data
      mount: {device: /dev/sdb1, format: ext4}
  files:
    - path: /x.txt
      filesystem: data
      contents: {inline: x}
systemd:
  units:
    - name: var-data.mount
      enabled: true
      contents: |
        [Mount]
        What=/dev/sdb1
        Where=/var/data
        [Install]
        WantedBy=local-fs.target
`;
  const doc = parseYamlText(convertToButane(text).butane!);
  assert.equal(doc.storage.filesystems[0].path, '/var/data');
  assert.equal(doc.storage.files[0].path, '/var/data/x.txt');
  const given = parseYamlText(convertToButane(text, { fsPaths: { data: '/srv/d' } }).butane!);
  assert.equal(given.storage.files[0].path, '/srv/d/x.txt');
  const refused = convertToButane(text.replace('What=/dev/sdb1', 'What=/dev/sdc1'));
  assert.equal(refused.butane, null);
  const e = refused.diagnostics.find((d) => d.code === 'butane-fs-no-path')!;
  assert.equal(text.slice(e.span!.start, e.span!.end), 'data');
});

test('text that cannot be a literal block is written quoted, and reads back the same', () => {
  const tricky = ['a\r\nb\n', ' leading space\nnext\n', 'tab\there\n', 'no newline at end\nx', 'two\n\n\n', 'é\u2028x\n', '#!/bin/sh\necho "$1: ok" # c\n'];
  for (const t of tricky) {
    const text = `storage:\n  files:\n    - path: /t\n      contents:\n        inline: ${JSON.stringify(t)}\n`;
    const r = convertToButane(text);
    assert.ok(r.butane, t);
    assert.equal(parseYamlText(r.butane).storage.files[0].contents.inline, t, r.butane);
  }
});

test('the conversion never throws: corpus inputs under every platform and generated YAML', async () => {
  const { generateYaml } = await import('../support/yaml-gen.ts');
  const texts = loadCases().map((c) => c.text);
  for (let seed = 1; seed <= 400; seed++) texts.push(generateYaml(seed));
  let converted = 0;
  for (const text of texts) {
    for (const platform of ['', 'ec2', 'openstack-metadata']) {
      const r = convertToButane(text, { platform, fsPaths: { data: '/var/data' } });
      if (r.butane !== null) {
        converted++;
        assert.doesNotThrow(() => parseYamlText(r.butane!), r.butane);
      } else assert.ok(r.diagnostics.some((d) => d.severity === 'error'), 'a refusal says why');
    }
  }
  assert.ok(converted > 200);
});
