import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeHints, decimalLookingModeText, modeString } from '../../src/core/features/hints.ts';
import { parseConfig, transpile } from '../../src/core/transpile.ts';
import { yaml } from '../support/caret.ts';

function hints(text: string) {
  return computeHints(parseConfig(text)).map((h) => ({ code: h.code, severity: h.severity, at: h.span ? text.slice(h.span.start, h.span.end) : undefined, hint: h.hint }));
}

test('later YAML documents are ignored', () => {
  const text = yaml('passwd: {}', '--- # second', 'storage: {}', '---', 'x: [');
  assert.deepEqual(hints(text), [{ code: 'later-document', severity: 'info', at: '--- # second', hint: true }]);
  assert.deepEqual(hints(yaml('--- # first', 'passwd: {}')), [], 'a leading --- starts the first document');
});

test('merge keys: reported as unknown by ct, but merged', () => {
  const text = yaml('storage:', '  files:', '    - &f', '      path: /a', '      mode: 0644', '    - <<: *f', '      path: /b');
  assert.deepEqual(hints(text), [{ code: 'merge-key', severity: 'info', at: '<<', hint: true }]);
  assert.deepEqual(hints(yaml('storage:', '  files:', '    - "<<": x')), [], 'a quoted << is a plain key');
});

test('a brace in an etcd/flannel value that is not dynamic data', () => {
  const text = yaml('etcd:', '  name: "{HOSTNAME}"', '  initial_cluster_token: "tok{en"', '  discovery: "x}"', 'flannel:', '  etcd_prefix: "/{a}"', '  network_config: \'{"Network": "10.0.0.0/8"}\'');
  assert.deepEqual(
    hints(text).map((h) => h.at),
    ['"tok{en"', '"x}"', '"/{a}"'],
  );
  assert.ok(hints(text).every((h) => h.code === 'templating-brace'));
});

test('decimal-looking modes', () => {
  const text = yaml('storage:', '  files:', '    - {path: /a, mode: 644}', '    - {path: /b, mode: 0644}', '    - {path: /c, mode: 420}', '    - {path: /d, mode: "644"}', '  directories:', '    - {path: /e, mode: 755}');
  assert.deepEqual(hints(text).map((h) => h.at), ['644', '755']);
  assert.equal(decimalLookingModeText('600'), '0600');
  assert.equal(decimalLookingModeText('493'), null, 'not all octal digits');
  assert.equal(decimalLookingModeText('256'), null, '256 is 0400 in decimal');
  assert.equal(decimalLookingModeText('0644'), null);
});

test('mode strings', () => {
  assert.equal(modeString(0o644), 'rw-r--r--');
  assert.equal(modeString(0o4755), 'rwsr-xr-x');
  assert.equal(modeString(0o1777), 'rwxrwxrwt');
  assert.equal(modeString(0o1204), '-w----r-T');
});

test('deprecated enable', () => {
  const h = computeHints(parseConfig(yaml('systemd:', '  units:', '    - name: a.service', '      enable: true')));
  assert.equal(h.length, 1);
  assert.equal(h[0].code, 'deprecated-enable');
  assert.equal(h[0].severity, 'deprecated');
  assert.equal(h[0].data?.fixable, true);
});

test('hints never come with YAML syntax errors, and a clean config has none', () => {
  assert.deepEqual(hints(yaml('storage:', '  files: [', '    - <<: x')), []);
  assert.deepEqual(hints(yaml('passwd:', '  users:', '    - name: core')), []);
});

test('transpile includes hints only when asked, and they never fail --strict', () => {
  const text = yaml('storage:', '  files:', '    - path: /a', '      mode: 644', '      contents: {inline: x}');
  assert.ok(!transpile(text).diagnostics.some((d) => d.hint));
  const withHints = transpile(text, { hints: true });
  assert.ok(withHints.diagnostics.some((d) => d.hint && d.code === 'decimal-mode'));
  const strict = transpile(text, { hints: true, strict: true });
  assert.notEqual(strict.output, null);
});
