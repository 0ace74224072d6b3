// Runs the project's copy of the butane conformance corpus against the freshly built
// dist/butane.js with the shared checker. Prints its summary plus "N passed, N failed" and
// exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
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
if (m) console.log(`butane conformance: ${m[1]} passed, ${Number(m[2]) - Number(m[1])} failed`);
process.exit(res.status ?? 1);
