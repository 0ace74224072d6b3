// The extension's VS Code-free helpers and the manifest's consistency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import Ajv from 'ajv';
import path from 'node:path';
import { hasClcMarker, FIRST_LINE_SOURCE } from '../../client/firstLine.ts';
import { effectiveSettings, sanitizeConfigurationItem } from '../../client/settings.ts';
import { previewText, statusLine, HEADER_LINES, isGood } from '../../client/previewText.ts';
import { DEFAULT_SETTINGS, type TranspileResponse } from '../../src/shared/protocol.ts';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('first-line marker', () => {
  assert.ok(hasClcMarker('# container-linux-config\nsystemd: {}'));
  assert.ok(hasClcMarker('#container-linux-config'));
  assert.ok(hasClcMarker('\uFEFF# container-linux-config\r\n'));
  assert.ok(hasClcMarker('# container-linux-config: web nodes'));
  assert.ok(!hasClcMarker('systemd:\n# container-linux-config'));
  assert.ok(!hasClcMarker('# container-linux-configs'));
  assert.ok(!hasClcMarker('#cloud-config'));
  const clc = manifest.contributes.languages.find((l: { id: string }) => l.id === 'clc');
  assert.equal(clc.firstLine, FIRST_LINE_SOURCE);
});

test('settings: defaults, types and Restricted Mode', () => {
  const empty = { get: () => undefined };
  assert.deepEqual(effectiveSettings(empty, true), DEFAULT_SETTINGS);
  const values: Record<string, unknown> = { platform: 'ec2', filesDir: 'files', strict: true, unitChecks: false, 'transpile.pretty': false, 'transpile.output': 'out/${name}.ign' };
  const cfg = { get: <T>(k: string) => values[k] as T };
  assert.deepEqual(effectiveSettings(cfg, true), { platform: 'ec2', filesDir: 'files', strict: true, unitChecks: false, transpile: { pretty: false, output: 'out/${name}.ign' } });
  assert.equal(effectiveSettings(cfg, false).filesDir, '');
  assert.equal(effectiveSettings({ get: <T>() => 42 as T }, true).platform, '');

  assert.equal(sanitizeConfigurationItem('clc.filesDir', 'files', false), '');
  assert.equal(sanitizeConfigurationItem('clc.filesDir', 'files', true), 'files');
  assert.deepEqual(sanitizeConfigurationItem('clc', { filesDir: 'f', strict: true }, false), { filesDir: '', strict: true });
  assert.deepEqual(sanitizeConfigurationItem(undefined, { clc: { filesDir: 'f' }, x: 1 }, false), { clc: { filesDir: '' }, x: 1 });
  assert.equal(sanitizeConfigurationItem('clc.strict', true, false), true);
});

const ok = (output: string, problems: TranspileResponse['problems'] = []): TranspileResponse => ({ output, problems, failedAt: null, blocked: false, version: 1 });
const broken = (message: string): TranspileResponse => ({
  output: null,
  problems: [{ severity: 'error', message, range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } } }],
  failedAt: 'convert',
  blocked: true,
  version: 2,
});

test('preview text keeps a three-line header in every state', () => {
  const base = { sourceName: 'cl-config.yml', platform: '', platformOverridden: false };
  const states = [
    previewText(base),
    previewText({ ...base, latest: ok('{\n  "ignition": {}\n}') }),
    previewText({ ...base, latest: broken('unknown key'), lastGood: { output: '{"a":1}', at: new Date(2020, 0, 1, 12, 30, 5) } }),
    previewText({ ...base, latest: broken('multi\nline'), failure: undefined }),
    previewText({ ...base, failure: 'server gone', lastGood: { output: '{}', at: new Date() } }),
  ];
  for (const s of states) {
    const lines = s.split('\n');
    assert.ok(lines.slice(0, HEADER_LINES).every((l) => /^\/\/( |$)/.test(l)), s);
    assert.ok(!lines[HEADER_LINES]?.startsWith('//'), s);
  }
  assert.match(states[1]!, /\n\{\n {2}"ignition": \{\}\n\}\n$/);
  // the status line stays short (a side-by-side split cut it off); the problem gets its own line
  assert.equal(states[2]!.split('\n')[1], '// ✖ 1 error; last good output from 12:30:05.');
  assert.equal(states[2]!.split('\n')[2], '// First: line 3, column 5: unknown key');
  for (const s of states) assert.ok(s.split('\n')[1]!.length <= 60, s.split('\n')[1]);
  assert.equal(states[1]!.split('\n')[2], '//');
  assert.match(states[2]!, /\n\{"a":1\}\n$/);
  assert.match(states[3]!, /no output yet.*\n\/\/ First: line 3, column 5: multi line\n/);
  assert.match(states[4]!, /^.*\n\/\/ ✖ Not transpiled; last good output from \d\d:\d\d:\d\d\.\n\/\/ server gone\n/);
});

test('preview status for warnings, strict and platform', () => {
  const warn = ok('{}', [{ severity: 'warning', message: 'deprecated thing' }]);
  assert.match(statusLine({ sourceName: 'a', platform: '', platformOverridden: false, latest: warn }), /Up to date, with 1 warning/);
  assert.equal(previewText({ sourceName: 'a', platform: '', platformOverridden: false, latest: warn }).split('\n')[2], '// First: deprecated thing');
  const strict = { ...warn, blocked: true };
  assert.equal(isGood(strict), false);
  assert.match(statusLine({ sourceName: 'a', platform: '', platformOverridden: false, latest: strict }), /1 warning \(clc\.strict is on\)/);
  assert.match(previewText({ sourceName: 'a.yml', platform: 'ec2', platformOverridden: true }), /platform: ec2 \(picked for this preview\)/);
});

test('manifest: platforms, commands, menus and packaged files agree', () => {
  const platforms = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/platforms.json'), 'utf8')).platforms.map((p: { id: string }) => p.id);
  const setting = manifest.contributes.configuration.properties['clc.platform'];
  assert.deepEqual(setting.enum, ['', ...platforms]);
  assert.equal(manifest.contributes.configuration.properties['clc.transpile.output'].default, DEFAULT_SETTINGS.transpile.output);
  assert.equal(manifest.contributes.configuration.properties['clc.unitChecks'].default, DEFAULT_SETTINGS.unitChecks);

  const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  for (const items of Object.values(manifest.contributes.menus) as { command: string }[][]) {
    for (const item of items) assert.ok(commands.has(item.command), `menu item ${item.command} is a contributed command`);
  }
  const source = fs.readFileSync(path.join(ROOT, 'client/extension.ts'), 'utf8');
  for (const c of commands) assert.ok(source.includes(`'${c}'`), `${c} is registered in client/extension.ts`);

  for (const g of manifest.contributes.grammars) assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
  assert.ok(fs.existsSync(path.join(ROOT, manifest.icon)));
  assert.ok(fs.existsSync(path.join(ROOT, manifest.contributes.languages[0].configuration)));
  // Ignition files are checked against the spec version they declare (2.3 or 3.x)
  assert.equal(manifest.contributes.jsonValidation[0].url, './schemas/ignition.schema.json');
  assert.ok(manifest.activationEvents.every((e: string) => e.startsWith('onLanguage:')));
});

test('hasButaneHeader: variant and version of a supported variant at the top level', async () => {
  const { hasButaneHeader } = await import('../../client/butaneHeader.ts');
  assert.ok(hasButaneHeader('variant: flatcar\nversion: 1.1.0\nsystemd: {}\n'));
  assert.ok(hasButaneHeader('# web nodes\nversion: "1.0.0"\nvariant: flatcar # ours\n'));
  assert.ok(hasButaneHeader('\uFEFF---\r\nvariant: \'flatcar\'\r\nversion: 1.1.0\r\n'));
  // ordinary YAML stays YAML
  assert.ok(!hasButaneHeader('variant: fcos\nversion: 1.5.0\n'));
  assert.ok(!hasButaneHeader('name: x\nvariant: flatcar\nversion: 1.0.0\n'));
  assert.ok(!hasButaneHeader('variant: flatcar\n'));
  assert.ok(!hasButaneHeader('spec:\n  variant: flatcar\n  version: 1.0.0\n'));
  assert.ok(!hasButaneHeader(''));
});

test('the Ignition schema the manifest names picks the rules of the declared version', async () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'ignition.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  const { transpileButane } = await import('../../src/core/butane/transpile.ts');
  const ign3 = transpileButane('variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: /a\n      mode: 0644\n').output!;
  assert.ok(validate(JSON.parse(ign3)), JSON.stringify(validate.errors));
  // a 3.x config with a 2.3-only field (filesystem under files) is refused, and the other way round
  assert.equal(validate({ ignition: { version: '3.4.0' }, storage: { files: [{ path: '/a', filesystem: 'root' }] } }), false);
  assert.ok(validate({ ignition: { version: '2.3.0' }, storage: { files: [{ path: '/a', filesystem: 'root' }] } }), JSON.stringify(validate.errors));
});

test('the preview of a Butane config names no platform (butane has none)', () => {
  const clc = previewText({ sourceName: 'cl-config.yml', platform: '', platformOverridden: false });
  const bu = previewText({ sourceName: 'web.bu', platform: 'ec2', platformOverridden: false, butane: true });
  assert.equal(clc.split('\n')[0], '// Ignition preview of cl-config.yml, platform: none');
  assert.equal(bu.split('\n')[0], '// Ignition preview of web.bu (Butane config)');
});
