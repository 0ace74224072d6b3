// Regressions found by differential fuzzing against ct v0.9.4. Every expected value below is
// what ct printed for the same input (recorded once; the tests never run ct).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transpile } from '../../src/core/transpile.ts';
import type { TranspileOptions } from '../../src/core/transpile.ts';
import { formatReport } from '../../src/core/format.ts';

/** What clct prints for a config: stdout, stderr and exit code, like src/cli/main.ts. */
function cli(text: string, options: TranspileOptions = {}): { stdout: string; stderr: string; exit: number } {
  const r = transpile(text, options);
  const shown = r.diagnostics.filter((d) => !d.hint);
  let stderr = shown.length ? formatReport(shown, r.parsed.yaml.lines) + '\n' : '';
  if (r.failedAt === 'parse') stderr += 'Failed to parse config\n';
  return { stdout: r.output ?? '', stderr, exit: r.output === null ? 1 : 0 };
}

function fails(text: string, stderr: string): void {
  assert.deepEqual(cli(text), { stdout: '', stderr, exit: 1 });
}

const EMPTY_IGNITION = '"ignition":{"config":{},"security":{"tls":{}},"timeouts":{},"version":"2.3.0"},"networkd":{}';

function passwdOut(passwd: string): string {
  return `{${EMPTY_IGNITION},"passwd":${passwd},"storage":{},"systemd":{}}`;
}

function inlineFileOut(source: string): string {
  return `{${EMPTY_IGNITION},"passwd":{},"storage":{"files":[{"filesystem":"root","path":"/a","contents":{"source":"${source}","verification":{}},"mode":420}]},"systemd":{}}`;
}

// --- !!binary and other known tags -------------------------------------------------------------

test('a valid !!binary scalar is a type error in an int field, not a base64 error', () => {
  fails(
    'etcd:\n  heartbeat_interval: !!binary aGVsbG8=\n',
    'error: yaml: unmarshal errors:\n  line 2: cannot unmarshal !!binary `aGVsbG8=` into int\nFailed to parse config\n',
  );
});

test('!!binary decodes before a version string is parsed', () => {
  fails('etcd:\n  version: !!binary aGVsbG8=\n', 'error: hello is not in dotted-tri format\nFailed to parse config\n');
});

test('!!binary into a string field gives the decoded text', () => {
  assert.deepEqual(cli('passwd:\n  users:\n   - name: !!binary Y29yZQ==\n'), {
    stdout: passwdOut('{"users":[{"name":"core"}]}'),
    stderr: '',
    exit: 0,
  });
});

test('base64 of !!binary may be split by line breaks but not by spaces', () => {
  fails('passwd:\n  users:\n   - name: !!binary "aGVs\n      bG8="\n', 'error: yaml: !!binary value contains invalid base64 data\nFailed to parse config\n');
});

test('a !!timestamp scalar stays its text in a string field', () => {
  assert.deepEqual(cli('passwd:\n  users:\n    - name: !!timestamp 2001-01-01\n'), {
    stdout: passwdOut('{"users":[{"name":"2001-01-01"}]}'),
    stderr: '',
    exit: 0,
  });
});

// --- numbers -----------------------------------------------------------------------------------

test('floats into unsigned fields convert like Go on amd64 (negatives wrap, -inf is 2^63)', () => {
  const text = 'passwd:\n  groups:\n    - {name: a, gid: -1.5}\n    - {name: b, gid: -.inf}\n    - {name: c, gid: 1e19}\n    - {name: d, gid: -0.5}\n';
  assert.deepEqual(cli(text), {
    stdout: passwdOut('{"groups":[{"gid":-1,"name":"a"},{"gid":-9223372036854775808,"name":"b"},{"gid":-8446744073709551616,"name":"c"},{"gid":0,"name":"d"}]}'),
    stderr: '',
    exit: 0,
  });
});

test('-.inf into an int field is the int64 minimum (not a crash)', () => {
  assert.deepEqual(cli('storage:\n  files:\n    - path: /a\n      mode: -.inf\n'), {
    stdout: '',
    stderr: 'error at line 4, column 13\nillegal file mode\n',
    exit: 1,
  });
});

// --- type error messages -------------------------------------------------------------------------

test('type errors cut long values after 7 UTF-8 bytes', () => {
  fails('storage:\n  links: "ab€cdefgh"\n', 'error: yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `ab€cd...` into []types.Link\nFailed to parse config\n');
});

test('an explicit tag on a collection shows in the type error, with its empty value', () => {
  fails('locksmith: !!str\n        [Service]\n', 'error: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `` into types.Locksmith\nFailed to parse config\n');
});

test('a mapping with duplicate keys given as a version reports the duplicates, not the mapping', () => {
  fails(
    'flannel: &a0\n  etcd_cafile: x\n  etcd_cafile: y\netcd:\n  version: *a0\n',
    'error: yaml: unmarshal errors:\n  line 3: mapping key "etcd_cafile" already defined at line 2\n  line 3: mapping key "etcd_cafile" already defined at line 2\nFailed to parse config\n',
  );
});

// --- positions of nodes with anchors and tags ---------------------------------------------------

test('a node with an anchor is placed at its anchor', () => {
  fails('locksmith:\n  reboot_strategy: &a0 bad\n', 'error at line 2, column 20\nunknown reboot strategy\nFailed to parse config\n');
});

test('a type error through an alias names the line of the anchor', () => {
  fails(
    'storage:\n  raid: &a0\n  - name: tank\n  files:\n    - filesystem: root\n      mode: *a0\n',
    'error: yaml: unmarshal errors:\n  line 2: cannot unmarshal !!seq into int\nFailed to parse config\n',
  );
});

test('a node with a tag is placed at its tag', () => {
  assert.deepEqual(cli('systemd:\n  units:\n    - name: !!str x\n'), {
    stdout: '',
    stderr: 'error at line 3, column 13\ninvalid systemd unit extension\n',
    exit: 1,
  });
});

test('an anchor followed by a comment still places the mapping at the anchor', () => {
  fails('locksmith: &a # c\n  window_start: Sun 1:00\n', 'error at line 1, column 12\nwindow-start and window-length must both be specified\nFailed to parse config\n');
});

test('a flow mapping key without a value has its empty value at the next token', () => {
  assert.deepEqual(cli('systemd:\n  units:\n    - {name, enabled: no}\n'), {
    stdout: '',
    stderr: 'error at line 3, column 12\ninvalid systemd unit extension\n',
    exit: 1,
  });
});

test('an empty value is placed right after its colon, trailing spaces and comments aside', () => {
  const r = cli('storage:\n  directories:\n    - path: /a\n      mode:   # none\n');
  assert.equal(r.exit, 0);
  assert.equal(r.stderr, 'warning at line 4, column 12\nmode unspecified for directory, defaulting to 0755\n');
});

// --- what the YAML reader refuses ----------------------------------------------------------------

test('an alias to an undefined anchor fails even where the value is never used', () => {
  fails('foo: *banner\n', "error: yaml: unknown anchor 'banner' referenced\nFailed to parse config\n");
});

test('control characters are refused anywhere in the input', () => {
  fails('a: 1\x7f\n', 'error: yaml: control characters are not allowed\nFailed to parse config\n');
  const r = transpile('a: 1\n---\nb: \x01\n');
  assert.equal(r.failedAt, 'parse');
});

test('a \\u escape naming a surrogate is refused', () => {
  fails('a: "\\ud83d"\n', 'error: yaml: found invalid Unicode character escape code\nFailed to parse config\n');
});

test('only %YAML 1.1 and %TAG directives are accepted', () => {
  fails('%YAML 1.2\n---\na: 1\n', 'error: yaml: found incompatible YAML document\nFailed to parse config\n');
  fails('%FOO bar\n---\na: 1\n', 'error: yaml: found unknown directive name\nFailed to parse config\n');
  assert.equal(transpile('%YAML 1.1\n---\nstorage: {}\n').failedAt, null);
});

test("a '#' right after a flow collection or quoted scalar starts a comment", () => {
  assert.deepEqual(cli('a: [x]#c\n'), {
    stdout: `{${EMPTY_IGNITION},"passwd":{},"storage":{},"systemd":{}}`,
    stderr: 'warning at line 1, column 1\nConfig has unrecognized key: a\n',
    exit: 0,
  });
});

// --- block scalars and line breaks ----------------------------------------------------------------

const FILE = 'storage:\n  files:\n    - path: /a\n      mode: 0644\n      contents:\n        inline: ';

test('a block scalar ending the file without a line break has no final newline', () => {
  assert.deepEqual(cli(FILE + '|\n          x'), { stdout: inlineFileOut('data:,x'), stderr: '', exit: 0 });
  assert.deepEqual(cli(FILE + '|\n          x\n'), { stdout: inlineFileOut('data:,x%0A'), stderr: '', exit: 0 });
});

test('a keep-chomped block scalar whose only line is unterminated blanks is empty', () => {
  assert.deepEqual(cli(FILE + '|+\n          '), { stdout: inlineFileOut('data:,'), stderr: '', exit: 0 });
});

test('a lone CR ends a line', () => {
  assert.deepEqual(cli('storage:\r  files:\r    - path: /a\r      mode: 0644\r      contents:\r        inline: x\r'), {
    stdout: inlineFileOut('data:,x'),
    stderr: '',
    exit: 0,
  });
});

test('NEL ends a line, also in comments and in line numbers', () => {
  fails('\u0085etcd:\n  version: 4.0.0\n', 'error at line 3, column 12\nEtcd version is not valid (too new)\nFailed to parse config\n');
  fails('# x\u0085storage: 1\n', 'error: yaml: unmarshal errors:\n  line 2: cannot unmarshal !!int `1` into types.Storage\nFailed to parse config\n');
});

test('a lone % fails with every span inside the text', () => {
  // ct: "error: yaml: could not find expected directive name" (any YAML wording is accepted)
  const r = transpile('%');
  assert.equal(r.failedAt, 'parse');
  for (const d of r.diagnostics) if (d.span) assert.ok(d.span.start >= 0 && d.span.end <= 1, JSON.stringify(d));
});

test('hover on a mode too large for a double (bigint) describes it instead of throwing', async () => {
  const { hover } = await import('../../src/core/features/hover.ts');
  const { ClcDocument } = await import('../../src/core/features/document.ts');
  const text = 'storage:\n  files:\n    - path: /a\n      mode: 9223372036854775807\n';
  const doc = new ClcDocument(text);
  const h = hover(doc, text.indexOf('9223'));
  assert.ok(h, 'a hover is shown');
  assert.match(JSON.stringify(h), /not a valid mode/);
});

test('the editor gets the node at fault where ct prints a shifted or whole-config position', () => {
  // ct's own docker unit comes first, so ct looks up the user's units one index late; and the
  // filesystem reference check is on the whole config, which ct places at the root
  const text = [
    'docker:',
    '  flags: [--debug]',
    'systemd:',
    '  units:',
    '    - name: a.service',
    '      enabled: true',
    '      contents: "[Service]\\nExecStart=/bin/true"',
    'storage:',
    '  files:',
    '    - path: /srv/x',
    '      filesystem: data',
    '      mode: 0644',
    '',
  ].join('\n');
  const r = transpile(text, {});
  const lines = r.parsed.yaml.lines;
  const at = (o: number | undefined) => (o === undefined ? 'none' : `${lines.lineCol(o).line}:${lines.lineCol(o).column}`);
  const unit = r.diagnostics.find((d) => d.message.startsWith('unit "a.service"'))!;
  const fs = r.diagnostics.find((d) => d.message.includes('nonexistent filesystem'))!;
  // exact: the unit's own contents, and the `data` reference
  assert.equal(at(unit.span?.start), '7:17');
  assert.equal(at(fs.span?.start), '11:19');
  // what ct prints: the units sequence (no second item exists) and the document root
  assert.equal(at(unit.ctSpan?.start), '5:5');
  assert.equal(at(fs.ctSpan?.start), '1:1');
  assert.match(formatReport(r.diagnostics, lines), /warning at line 5, column 5\nunit "a.service"/);
});
