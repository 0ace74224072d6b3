// Runs the project's copy of the butane conformance corpus against the freshly built
// dist/butane.js with the shared checker. Prints its summary plus "N passed, N failed".
// known-failures.json lists cases that fail for a stated reason; they are printed as such and
// do not fail the run, but any other failure does, and so does a listed case that now passes
// (the list must be kept true).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cli = `node ${JSON.stringify(path.join(root, 'dist', 'butane.js'))}`;
const res = spawnSync(
  process.execPath,
  [path.join(root, 'test', 'conformance', 'check.mjs'), '--cli', cli, '--cases', path.join(here, 'cases'), ...process.argv.slice(2)],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
process.stdout.write(res.stdout);
process.stderr.write(res.stderr);
const m = /conformance: (\d+)\/(\d+) cases pass/.exec(res.stdout);
if (!m) process.exit(res.status || 1);
const known = JSON.parse(readFileSync(path.join(here, 'known-failures.json'), 'utf8'));
const failed = [...res.stdout.matchAll(/^FAIL (\S+?):/gm)].map((x) => x[1]);
const unexpected = failed.filter((c) => !(c in known));
const fixed = Object.keys(known).filter((c) => !failed.includes(c) && !process.argv.includes('--filter'));
console.log(`butane conformance: ${m[1]} passed, ${Number(m[2]) - Number(m[1])} failed`);
for (const c of failed.filter((c) => c in known)) console.log(`  known failure ${c}: ${known[c]}`);
for (const c of unexpected) console.log(`  UNEXPECTED failure ${c}`);
for (const c of fixed) console.log(`  ${c} passes now: remove it from known-failures.json`);
process.exit(unexpected.length || fixed.length ? 1 : 0);
