// The Butane core: dispatch errors, checks, translation and renderings. Expected texts were
// recorded from butane v0.29.0 (test/fixtures/butane/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transpileButane } from '../../src/core/butane/transpile.ts';
import { renderPretty, renderRaw } from '../../src/core/butane/render.ts';
import { checkForDecimalMode } from '../../src/core/butane/modes.ts';
import { unitNamePathEscape } from '../../src/core/butane/systemd-escape.ts';
import { camel, snake } from '../../src/core/butane/path.ts';
import { TranslationTrail } from '../../src/core/butane/trail.ts';
import { checkJsonSyntax } from '../../src/core/go/json-syntax.ts';
import { templateOf } from '../../src/core/butane/quadlets.ts';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'butane', name), 'utf8');

function raw(text: string): { out: string | null; report: string } {
  const r = transpileButane(text);
  let report = renderRaw(r.entries, r.yaml.lines);
  if (r.error) report += `Error translating config: ${r.error}\n`;
  return { out: r.output, report };
}

test('variant and version errors are butane\'s', () => {
  assert.equal(raw('').report, 'Error translating config: error parsing variant; must be specified\n');
  assert.equal(raw('variant: flatcar\n').report, 'Error translating config: error parsing version; must be a valid semver\n');
  assert.equal(raw('variant: flatcar\nversion: 1.2\n').report, 'Error translating config: error parsing version; must be a valid semver\n');
  assert.equal(raw('variant: flatcar\nversion: 1.2.0\n').report, 'Error translating config: No translator exists for variant flatcar with version 1.2.0\n');
  assert.equal(raw('variant: rhcos\nversion: 0.1.0\n').report, 'Error translating config: rhcos variant has been removed; use openshift variant instead: https://coreos.github.io/butane/upgrading-openshift/\n');
  // a YAML problem in the first read carries butane's prefix, one in the second does not
  assert.equal(raw('variant: [flatcar]\nversion: 1.0.0\n').report, 'Error translating config: Error unmarshaling yaml: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into string\n');
  assert.equal(raw('variant: flatcar\nversion: 1.0.0\nstorage:\n  files: 3\n').report, 'Error translating config: yaml: unmarshal errors:\n  line 4: cannot unmarshal !!int `3` into []v0_4.File\n');
});

test('each version emits its Ignition version', () => {
  assert.equal(raw('variant: flatcar\nversion: 1.0.0\n').out, '{"ignition":{"version":"3.3.0"}}');
  assert.equal(raw('variant: flatcar\nversion: 1.1.0\n').out, '{"ignition":{"version":"3.4.0"}}');
  assert.equal(raw('variant: flatcar\nversion: 1.2.0-experimental\n').out, '{"ignition":{"version":"3.7.0-experimental"}}');
});

test('mount units (remote over tang, swap), merged with a user unit, and quadlets', () => {
  const r = raw(fixture('mount-units-quadlets.yml'));
  assert.equal(r.report, '');
  assert.equal(r.out + '\n', fixture('mount-units-quadlets.ign'));
});

test('inline merge configs: Go JSON syntax and type errors', () => {
  assert.equal(raw(fixture('inline-config-errors.yml')).report, fixture('inline-config-errors.stderr'));
});

test('a key a version does not know is an unused-key warning at the key', () => {
  const r = raw('variant: flatcar\nversion: 1.0.0\nsystemd:\n  quadlets: []\n');
  assert.equal(r.report, 'warning at $.systemd.quadlets, line 4 col 3: unused key quadlets\n');
  assert.equal(r.out, '{"ignition":{"version":"3.3.0"}}');
});

test('the excerpt rendering underlines up to the next space and widens the gutter', () => {
  const text = 'variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /a\n      mode: 644\n';
  const r = transpileButane(text);
  const out = renderPretty(r.entries, 'in.bu', Buffer.from(text), r.yaml.lines, false).toString();
  assert.equal(
    out,
    'warning[$.storage.files.0.mode]:\n  --> in.bu:6:13\n   |\n 4 |   files:\n 5 |     - path: /a\n 6 |       mode: 644\n' +
      '   |             ^^^ unreasonable mode would be reasonable if specified in octal; remember to add a leading zero\n 7 | \n   |\n\n' +
      'warning[$.storage.files.0.mode]:\n  --> in.bu:6:13\n   |\n 4 |   files:\n 5 |     - path: /a\n 6 |       mode: 644\n' +
      '   |             ^^^ setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0\n 7 | \n   |\n',
  );
  const colored = renderPretty(r.entries.slice(0, 1), 'in.bu', Buffer.from(text), r.yaml.lines, true).toString();
  assert.ok(colored.startsWith('\x1b[1;33mwarning\x1b[0m[$.storage.files.0.mode]:\n  \x1b[1;34m-->\x1b[0m in.bu:6:13\n'));
});

test('decimal-looking modes', () => {
  assert.equal(checkForDecimalMode(644, false), true);
  assert.equal(checkForDecimalMode(755, true), true);
  assert.equal(checkForDecimalMode(0o644, false), false);
  assert.equal(checkForDecimalMode(420, false), false); // 0644 written in decimal
  assert.equal(checkForDecimalMode(888, false), false); // not octal digits
  assert.equal(checkForDecimalMode(0, false), false);
});

test('helpers: systemd path escaping, key renaming, template names', () => {
  assert.equal(unitNamePathEscape('/var/lib/data'), 'var-lib-data');
  assert.equal(unitNamePathEscape('/dev/disk/by-label/my-data'), 'dev-disk-by\\x2dlabel-my\\x2ddata');
  assert.equal(unitNamePathEscape('/'), '-');
  assert.equal(unitNamePathEscape('/.hidden'), '\\x2ehidden');
  assert.equal(camel('size_mib'), 'sizeMiB');
  assert.equal(snake('sizeMiB'), 'size_mib');
  assert.equal(snake('httpResponseHeaders'), 'http_response_headers');
  assert.equal(templateOf('web@8080.container'), 'web@.container');
  assert.equal(templateOf('web@.container'), null);
  assert.equal(templateOf('web.container'), null);
});

test('translation trail: exact records, then subtrees, then the snake_case fallback', () => {
  const t = new TranslationTrail();
  t.add(['storage', 'files', 0, 'contents', 'inline'], ['storage', 'files', 0, 'contents', 'source']);
  t.addCommon(['storage', 'trees', 1], ['storage', 'files', 3]);
  t.addRebase(['systemd', 'units', 0], ['systemd', 'units', 2]);
  assert.deepEqual(t.lookup(['storage', 'files', 0, 'contents', 'source']), ['storage', 'files', 0, 'contents', 'inline']);
  assert.deepEqual(t.lookup(['storage', 'files', 3, 'mode']), ['storage', 'trees', 1]);
  assert.deepEqual(t.lookup(['systemd', 'units', 2, 'dropins', 0]), ['systemd', 'units', 0, 'dropins', 0]);
  assert.deepEqual(t.lookup(['storage', 'disks', 0, 'wipeTable']), ['storage', 'disks', 0, 'wipe_table']);
});

test('Go JSON scanner messages', () => {
  const msg = (s: string) => {
    const r = checkJsonSyntax(Buffer.from(s));
    return r.ok ? 'ok' : r.message;
  };
  assert.equal(msg('{"a": [1, 2.5e3, true, null, "x\\u0041"]}'), 'ok');
  assert.equal(msg('ignition:'), "invalid character 'i' looking for beginning of value");
  assert.equal(msg('{"a":1,}'), "invalid character '}' looking for beginning of object key string");
  assert.equal(msg('[1 2]'), "invalid character '2' after array element");
  assert.equal(msg('{"a":1 "b"}'), "invalid character '\"' after object key:value pair");
  assert.equal(msg('1.x'), "invalid character 'x' after decimal point in numeric literal");
  assert.equal(msg('{} x'), "invalid character 'x' after top-level value");
  assert.equal(msg('"a\u0001"'), "invalid character '\\x01' in string literal");
  assert.equal(msg(''), 'unexpected end of JSON input');
});

test('raid levels: spares only where the level has redundancy, known levels only, a level required', () => {
  // recorded from butane v0.29.0 --raw-errors
  const config = 'variant: flatcar\nversion: 1.1.0\nstorage:\n  raid:\n    - name: a\n      level: raid0\n      spares: 1\n      devices: [/dev/sda]\n    - name: b\n      level: bogus\n      devices: [/dev/sdb]\n    - name: c\n      level: raid1\n      spares: 2\n      devices: [/dev/sdc]\n    - name: d\n      devices: [/dev/sdd]\n';
  assert.equal(
    raw(config).report,
    'error at $.storage.raid.0.level, line 6 col 14: spares unsupported for linear and raid0 arrays\n' +
      'error at $.storage.raid.1.level, line 10 col 14: unrecognized raid level\n' +
      'error at $.storage.raid.3.level, line 16 col 7: raid level is required\n' +
      'Error translating config: config generated was invalid\n',
  );
});
