// `npm run bench`: every benchmark of the project in one run: the transpiler core in-process,
// clct as a whole process, then the language servers side by side (ours and yaml-language-server
// given our schema, same documents and requests), and ours on Butane configs. Core and CLI
// figures are medians.
import * as path from 'node:path';
import { benchCore, benchCli, benchLarge } from './core.ts';
import { benchButaneServer, clcButaneServer, compareServers, formatTable, targetVerdict } from './server.ts';
import { benchUnits } from './unit-checks.ts';
import { benchUnitCompletion } from './units.ts';
import { benchGzip } from './gzip.ts';
import { benchButaneCore, benchButaneCli } from './butane.ts';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const started = performance.now();
  console.log('Transpiler core (in-process)');
  console.table(benchCore());
  console.log('Unit checks (in-process; a 10,000-line config with 200 units)');
  console.table(benchUnits());
  console.log('Large inputs (in-process, one run each)');
  console.table(benchLarge());
  console.log('Unit texts (in-process)');
  console.table(benchUnitCompletion());
  console.log('Go-compatible gzip (butane file contents, in-process)');
  console.table(benchGzip());
  console.log('clct (whole process)');
  // CLC_BENCH_CT: a ct v0.9.4 binary to compare with (optional)
  console.table(benchCli(path.join(root, 'dist', 'clct.js'), process.env.CLC_BENCH_CT || undefined));
  console.log('Butane core (in-process)');
  console.table(benchButaneCore());
  console.log('butane.js (whole process)');
  // CLC_BENCH_BUTANE: a butane v0.29.0 binary to compare with (optional)
  console.table(benchButaneCli(path.join(root, 'dist', 'butane.js'), process.env.CLC_BENCH_BUTANE || undefined));
  console.log('\nLanguage servers (stdio; same document, completion positions and edits for both)');
  console.log(formatTable(await compareServers()));
  console.log('\nOur language server on Butane configs (flatcar 1.1.0; stdio, measured the same way)');
  const butane = await benchButaneServer();
  console.log(formatTable(butane));
  console.log(targetVerdict(butane, clcButaneServer.name, 'the 10,000-line Butane config'));
  console.log(`\nnode ${process.version}; whole run ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
