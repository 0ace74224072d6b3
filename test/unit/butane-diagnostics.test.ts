// The editor's Butane diagnostics: every report butane prints (checked against the butane
// corpus's --raw-errors output, which a real butane v0.29.0 produced), each with a range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { diagnoseButane } from '../../src/core/butane/diagnostics.ts';
import { parseYaml } from '../../src/core/yaml/parse.ts';
import { decodeConfigBytes } from '../../src/core/text.ts';

const CASES = path.resolve(__dirname, '..', 'butane-conformance', 'cases');
/** cases the transpiler is known to answer differently (listed with their reason) */
const KNOWN = JSON.parse(fs.readFileSync(path.resolve(CASES, '..', 'known-failures.json'), 'utf8')) as Record<string, string>;

function rangeText(text: string, span: { start: number; end: number } | undefined): string {
  return span ? text.slice(span.start, span.end) : '';
}

test('the diagnostics are the reports butane prints, at butane\'s line and column (whole corpus)', () => {
  let compared = 0;
  for (const name of fs.readdirSync(CASES).sort()) {
    if (KNOWN[name]) continue;
    const dir = path.join(CASES, name);
    const args = fs.existsSync(path.join(dir, 'args')) ? fs.readFileSync(path.join(dir, 'args'), 'utf8').trim().split(/\s+/) : [];
    // files-dir cases name the folder in their messages; stdin-less CLI cases have no input
    if (!args.includes('--raw-errors') || args.some((a) => a === '-d' || a.startsWith('--files-dir') || a.startsWith('-d'))) continue;
    if (!fs.existsSync(path.join(dir, 'input.yml'))) continue;
    const decoded = decodeConfigBytes(fs.readFileSync(path.join(dir, 'input.yml')));
    if (!decoded.ok) continue;
    const text = decoded.text;
    const stderr = fs.readFileSync(path.join(dir, 'expected.stderr'), 'utf8');
    const expected = stderr.split('\n').filter((l) => /^(error|warning|info)( at|:)/.test(l));
    const fatal = /^Error translating config: ([\s\S]*)$/m.exec(stderr)?.[1]?.trimEnd();
    // as the editor diagnoses (without compressing file contents, which only changes the output),
    // and the same reports as a run that compresses
    const { diagnostics } = diagnoseButane(text, { unitChecks: false, compress: false });
    assert.deepEqual(diagnoseButane(text, { unitChecks: false }).diagnostics, diagnostics, `${name}: compressing changes no report`);
    const lines = parseYaml(text).lines;
    const got = diagnostics
      .filter((d) => d.code === 'butane')
      .map((d) => {
        const p = d.data?.path as string;
        if (d.unpositioned) return `${d.severity}${p ? ` at ${p}` : ''}: ${d.message}`;
        const at = d.data!.at as number;
        assert.ok(d.span!.start <= at && at <= d.span!.end, `${name}: the range holds butane's caret`);
        const { line, column } = lines.lineCol(at);
        return `${d.severity} at ${p ? `${p}, ` : ''}line ${line} col ${column}: ${d.message}`;
      });
    assert.deepEqual(got, expected, name);
    const fatals = diagnostics.filter((d) => d.code === 'butane-fatal');
    if (fatal) {
      assert.ok(fatals.length > 0, `${name}: the fatal error is shown`);
      for (const f of fatals) assert.ok(f.span && f.span.end >= f.span.start, name);
      // type errors are split by line; everything else is butane's text as it is
      // the corpus marks cases whose YAML syntax message is the YAML library's own wording
      const notesFile = path.join(dir, 'notes');
      const yamlSyntax = fs.existsSync(notesFile) && fs.readFileSync(notesFile, 'utf8').includes('yaml-syntax-error');
      if (yamlSyntax) assert.match(fatals[0].message, /^(Error unmarshaling yaml: )?yaml: /, name);
      else if (fatals.length === 1) assert.equal(fatals[0].message, fatal, name);
      else for (const f of fatals) assert.ok(fatal.includes(f.message.split('\n').pop()!.trim()), name);
    } else assert.equal(fatals.length, 0, name);
    for (const d of diagnostics) assert.ok(d.span && d.span.end > d.span.start || text.length === 0, `${name}: ${d.message} has a non-empty range`);
    compared++;
  }
  assert.ok(compared > 100, `compared ${compared} cases`);
});

const CONFIG = `variant: flatcar
version: 1.0.0
storage:
  files:
    - path: /etc/app.conf
      mode: 644
      contnts:
        inline: x
systemd:
  units:
    - name: web.service
      contents: |
        [Unit]
        Descriptio=web
`;

test('ranges: a scalar report covers the scalar, an unused key covers the key', () => {
  const { diagnostics } = diagnoseButane(CONFIG);
  const mode = diagnostics.find((d) => d.message.includes('octal'));
  assert.ok(mode);
  assert.equal(rangeText(CONFIG, mode.span), '644');
  const unused = diagnostics.find((d) => d.message.startsWith('unused key'));
  assert.ok(unused, JSON.stringify(diagnostics));
  assert.equal(rangeText(CONFIG, unused.span), 'contnts');
});

test('unit checks apply to Butane units (systemd.units contents)', () => {
  const { diagnostics } = diagnoseButane(CONFIG);
  const unit = diagnostics.find((d) => d.message.includes('Descriptio'));
  assert.ok(unit, JSON.stringify(diagnostics.map((d) => d.message)));
  assert.equal(rangeText(CONFIG, unit.span).startsWith('Descriptio'), true);
  assert.equal(diagnoseButane(CONFIG, { unitChecks: false }).diagnostics.some((d) => d.message.includes('Descriptio')), false);
});

test('fatal errors: YAML syntax on its line, a bad version on the version, type errors on their lines', () => {
  const syntax = 'variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n  - path: [\n';
  const s = diagnoseButane(syntax).diagnostics.filter((d) => d.code === 'butane-fatal');
  assert.equal(s.length, 1);
  assert.match(s[0].message, /^Error unmarshaling yaml: yaml: line \d+/);
  assert.ok(s[0].span!.start >= syntax.indexOf('storage'));

  const version = 'variant: flatcar\nversion: 9.9.9\n';
  const v = diagnoseButane(version).diagnostics;
  assert.equal(v.length, 1);
  assert.equal(v[0].message, 'No translator exists for variant flatcar with version 9.9.9');
  assert.equal(rangeText(version, v[0].span), 'flatcar');

  const typed = 'variant: flatcar\nversion: 1.0.0\nstorage:\n  files: 3\n';
  const t = diagnoseButane(typed).diagnostics;
  assert.equal(t.length, 1);
  assert.match(t[0].message, /^yaml: unmarshal errors:\n  line 4: cannot unmarshal/);
  assert.equal(rangeText(typed, t[0].span), 'files: 3');
});
