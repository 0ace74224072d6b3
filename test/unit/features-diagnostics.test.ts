// The editor's problems (diagnose) are clct's (transpile) plus hints, for every conformance case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { diagnose } from '../../src/core/features/diagnostics.ts';
import { transpile } from '../../src/core/transpile.ts';
import { decodeConfigBytes } from '../../src/core/text.ts';
import { localFileReader } from '../../src/cli/files.ts';

const CASES = path.resolve(__dirname, '..', 'conformance', 'cases');

test('diagnose() reports what transpile() reports, hints aside, for every conformance case', () => {
  let n = 0;
  for (const name of readdirSync(CASES)) {
    const dir = path.join(CASES, name);
    if (!existsSync(path.join(dir, 'input.yml'))) continue;
    const decoded = decodeConfigBytes(readFileSync(path.join(dir, 'input.yml')));
    if (!decoded.ok) continue;
    const args = existsSync(path.join(dir, 'args')) ? readFileSync(path.join(dir, 'args'), 'utf8').trim().split(/\s+/) : [];
    const flag = (f: string) => {
      for (let i = 0; i < args.length; i++) {
        const m = new RegExp(`^--?${f}(?:=(.*))?$`).exec(args[i]);
        if (m) return m[1] ?? args[i + 1];
      }
      return undefined;
    };
    const filesDir = flag('files-dir') ? path.join(dir, flag('files-dir')!) : undefined;
    const opts = { platform: flag('platform') ?? '', strict: args.some((a) => /^--?strict$/.test(a)), filesDir, readFile: filesDir ? localFileReader(filesDir) : undefined };
    const want = transpile(decoded.text, opts).diagnostics;
    const got = diagnose(decoded.text, opts).diagnostics.filter((d) => !d.hint);
    assert.deepEqual(got, want, name);
    n++;
  }
  assert.ok(n > 50);
});
