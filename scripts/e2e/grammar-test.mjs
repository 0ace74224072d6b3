// Runs the grammar tests (test/unit/client-grammar.test.ts) once VS Code's TextMate engine is
// installed under .vscode-test/. `npm test` skips them on a machine without it; here a skip
// would mean the install is broken, so it counts as a failure. Last line: "e2e: N passed, N failed".
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/unit/client-grammar.test.ts'], { cwd: ROOT, encoding: 'utf8' });
process.stdout.write(res.stdout.replace(/^ℹ (pass|fail|skipped) /gm, '  $1: '));
process.stderr.write(res.stderr);
const count = (k) => Number(new RegExp(`^ℹ ${k} (\\d+)`, 'm').exec(res.stdout)?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + count('skipped') + (res.status !== 0 && count('fail') === 0 ? 1 : 0);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
