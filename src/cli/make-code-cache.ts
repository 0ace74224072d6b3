// Build step (scripts/build.mjs): runs clct-main.js in this process over each sample config
// given, so that the functions a typical run needs get compiled, then saves V8's code cache for
// the launcher. Usage: make-code-cache <clct-main.js> <config>...

import * as fs from 'node:fs';
import { cachePathFor, compileMain } from './code-cache.ts';

const [mainPath, ...samples] = process.argv.slice(2);
// the program ends itself with process.exit once its output is flushed: not here, where it
// runs several times and the cache is written afterwards
const exit = process.exit;
process.exit = ((code?: number) => {
  process.exitCode = code;
}) as typeof process.exit;
const compiled = compileMain(mainPath, false);
const argv0 = process.argv.slice(0, 1);
const stdoutWrite = process.stdout.write;
// the samples' Ignition output is not wanted here
process.stdout.write = (() => true) as typeof process.stdout.write;
for (const sample of samples) {
  for (const flags of [['--platform', 'ec2'], ['--pretty']]) {
    process.argv = [...argv0, mainPath, ...flags, '--in-file', sample];
    compiled.run();
  }
}
process.stdout.write = stdoutWrite;
fs.writeFileSync(cachePathFor(mainPath), compiled.script.createCachedData());
exit(0);
