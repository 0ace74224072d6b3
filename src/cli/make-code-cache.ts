// Build step (scripts/build.mjs): runs a program (clct-main.js, butane-main.js) in this process
// with each argument list given, so that the functions a typical run needs get compiled, then
// saves V8's code cache for the launcher.
// Usage: make-code-cache <program-main.js> <JSON array of arguments>...

import * as fs from 'node:fs';
import { cachePathFor, compileMain } from './code-cache.ts';

const [mainPath, ...runs] = process.argv.slice(2);
// the program ends itself with process.exit once its output is flushed: not here, where it
// runs several times and the cache is written afterwards
const exit = process.exit;
process.exit = ((code?: number) => {
  process.exitCode = code;
}) as typeof process.exit;
const compiled = compileMain(mainPath, false);
const argv0 = process.argv.slice(0, 1);
const stdoutWrite = process.stdout.write;
const stderrWrite = process.stderr.write;
// the samples' output and reports are not wanted here
process.stdout.write = (() => true) as typeof process.stdout.write;
process.stderr.write = (() => true) as typeof process.stderr.write;
for (const run of runs) {
  process.argv = [...argv0, mainPath, ...(JSON.parse(run) as string[])];
  compiled.run();
}
process.stdout.write = stdoutWrite;
process.stderr.write = stderrWrite;
fs.writeFileSync(cachePathFor(mainPath), compiled.script.createCachedData());
exit(0);
