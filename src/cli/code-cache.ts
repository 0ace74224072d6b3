// A one-shot `clct` run spends a good share of its time compiling functions that it then calls
// only a few times. V8 can save a script's compiled bytecode (a code cache) for a later process
// of the same Node version to reuse; Node 22 offers this itself (module.enableCompileCache), the
// Node 20 we support does not. So the build runs clct once over sample configs and saves the
// cache beside the program (dist/clct-main.cache), and the launcher (dist/clct.js) hands it to
// V8, which verifies it and silently compiles as usual when it does not match (another Node).

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** The CommonJS wrapper, the same at build and at run time: V8 checks the source matches. */
function wrap(source: string): string {
  return '(function (exports, require, module, __filename, __dirname) {' + source + '\n})';
}

export function cachePathFor(mainPath: string): string {
  return mainPath.replace(/\.js$/, '') + '.cache';
}

export interface CompiledMain {
  script: vm.Script;
  /** whether V8 took the cache (false when there was none or it did not match) */
  usedCache: boolean;
  /** runs the program as a CommonJS module */
  run(): void;
}

export function compileMain(mainPath: string, useCache: boolean): CompiledMain {
  // A cache only matches the V8 flags it was made under, so the build and the launcher set the
  // same ones: the program starts without the optimizing compiler (main.ts turns it back on for
  // big inputs), and the young generation grows in bigger steps, because a run keeps nearly
  // everything it builds and each small collection would copy it all again.
  v8.setFlagsFromString('--no-opt');
  v8.setFlagsFromString('--semi-space-growth-factor=16');
  const source = fs.readFileSync(mainPath, 'utf8');
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = fs.readFileSync(cachePathFor(mainPath));
    } catch {
      // no cache: compile as usual
    }
  }
  const script = new vm.Script(wrap(source), { filename: mainPath, cachedData });
  return {
    script,
    usedCache: !!cachedData && !script.cachedDataRejected,
    run() {
      const fn = script.runInThisContext() as (...args: unknown[]) => void;
      const mod = { exports: {} };
      fn.call(mod.exports, mod.exports, require, mod, mainPath, path.dirname(mainPath));
    },
  };
}
