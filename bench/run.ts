// `npm run bench`: every benchmark of the project, printed as tables of medians.
import * as path from 'node:path';
import { benchCore, benchCli } from './core.ts';

const root = path.resolve(process.cwd());
console.log('Transpiler core (in-process)');
console.table(benchCore());
console.log('clct (whole process)');
console.table(benchCli(path.join(root, 'dist', 'clct.js')));
