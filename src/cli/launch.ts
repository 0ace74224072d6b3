// The launcher of both command-line programs: built as dist/clct.js and as dist/butane.js, it
// starts the program beside it named after itself (clct-main.js, butane-main.js) from V8's
// code cache when one made for this Node is there. See code-cache.ts.

import * as path from 'node:path';
import { compileMain } from './code-cache.ts';

const program = path.basename(__filename, '.js');
try {
  compileMain(path.join(__dirname, `${program}-main.js`), true).run();
} catch (e) {
  // only a damaged installation gets here (the program reports its own failures): say so
  // in one line, like every other error of the program, not with a stack trace
  process.stderr.write(`error: internal error: cannot start ${program}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
