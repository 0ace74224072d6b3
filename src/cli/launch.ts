// `clct` itself: starts the program (clct-main.js, built from main.ts) from V8's code cache when
// one made for this Node is there. See code-cache.ts.

import * as path from 'node:path';
import { compileMain } from './code-cache.ts';

compileMain(path.join(__dirname, 'clct-main.js'), true).run();
