// Differential campaign against a locally built butane (never committed): mutated corpus
// configs are run through both, and exit status, stdout and the --raw-errors report compared.
//
//   CLC_BUTANE=/path/to/butane node --import tsx test/fuzz/butane-differential.ts [count] [first-seed]
//
// Mismatching inputs are written to <tmp>/clc-butane-diff; the figures go to stdout.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { transpileButane } from '../../src/core/butane/transpile.ts';
import { renderRaw } from '../../src/core/butane/render.ts';
import { decodeConfigBytes } from '../../src/core/text.ts';
import { butaneFiles } from '../../src/cli/butane-files.ts';
import { mutateButane } from '../support/butane-mutate.ts';

const butane = process.env.CLC_BUTANE;
if (!butane) {
  console.error('set CLC_BUTANE to a butane v0.29.0 binary');
  process.exit(2);
}
const count = Number(process.argv[2] ?? 1000);
const firstSeed = Number(process.argv[3] ?? 1);
const casesDir = path.join(__dirname, '..', 'butane-conformance', 'cases');
const cases = fs.readdirSync(casesDir).filter((c) => fs.existsSync(path.join(casesDir, c, 'input.yml')));
const outDir = path.join(os.tmpdir(), 'clc-butane-diff');
fs.mkdirSync(outDir, { recursive: true });

let mismatches = 0;
let crashes = 0;
const kinds = new Map<string, number>();
const started = Date.now();
for (let k = 0; k < count; k++) {
  const seed = firstSeed + k;
  const name = cases[seed % cases.length];
  const dir = path.join(casesDir, name);
  const input = mutateButane(fs.readFileSync(path.join(dir, 'input.yml'), 'utf8'), seed);
  const filesDir = fs.existsSync(path.join(dir, 'files')) ? 'files' : '';
  const file = path.join(outDir, `in-${process.pid}.yml`);
  fs.writeFileSync(file, input);
  const ref = spawnSync(butane, ['--raw-errors', ...(filesDir ? ['-d', filesDir] : []), file], { cwd: dir, encoding: 'utf8' });
  let ours: { status: number; stdout: string; stderr: string };
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    const decoded = decodeConfigBytes(Buffer.from(input));
    if (!decoded.ok) throw new Error('undecodable');
    const r = transpileButane(decoded.text, { files: filesDir ? butaneFiles(filesDir) : null });
    let stderr = renderRaw(r.entries, r.yaml.lines);
    if (r.error !== null) stderr += `Error translating config: ${r.error}\n`;
    ours = { status: r.error !== null ? 1 : 0, stdout: r.error !== null ? '' : r.output + '\n', stderr };
  } catch (e: any) {
    crashes++;
    fs.writeFileSync(path.join(outDir, `crash-${seed}.yml`), input);
    console.log(`crash seed ${seed} (${name}): ${e?.stack ?? e}`);
    continue;
  } finally {
    process.chdir(cwd);
  }
  const same = ours.status === ref.status && ours.stdout === ref.stdout && ours.stderr === ref.stderr;
  if (!same) {
    mismatches++;
    // go-yaml's syntax error wording is not reproduced by the shared reader (a known class)
    const syntax = /^Error translating config: Error unmarshaling yaml: yaml: (line \d+: )?/;
    // butane lists a mapping's unused keys in Go map order, which changes from run to run
    const sorted = (t: string) => t.split('\n').sort().join('\n');
    const kind = syntax.test(ref.stderr) && syntax.test(ours.stderr) ? 'yaml-syntax-wording' : ours.stdout === ref.stdout && sorted(ours.stderr) === sorted(ref.stderr) ? 'unused-key-order' : ours.status !== ref.status ? 'exit' : ours.stdout !== ref.stdout ? 'stdout' : 'report';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    fs.writeFileSync(path.join(outDir, `mismatch-${seed}.yml`), input);
    fs.writeFileSync(path.join(outDir, `mismatch-${seed}.txt`), `case ${name}\n--- butane (${ref.status})\n${ref.stdout}\n${ref.stderr}\n--- ours (${ours.status})\n${ours.stdout}\n${ours.stderr}`);
  }
}
fs.rmSync(path.join(outDir, `in-${process.pid}.yml`), { force: true });
console.log(`butane differential: ${count} inputs (seeds ${firstSeed}..${firstSeed + count - 1}), ${crashes} crashes, ${mismatches} mismatches ${JSON.stringify(Object.fromEntries(kinds))}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(crashes || mismatches ? 1 : 0);
