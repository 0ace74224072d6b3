// `clct` itself: starts the program (clct-main.js, built from main.ts) from V8's code cache when
// one made for this Node is there. See code-cache.ts.

import * as path from 'node:path';
import { compileMain } from './code-cache.ts';

try {
  compileMain(path.join(__dirname, 'clct-main.js'), true).run();
} catch (e) {
  // only a damaged installation gets here (the program reports its own failures): say so
  // in one line, like every other clct error, not with a stack trace
  process.stderr.write(`error: internal error: cannot start clct: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
