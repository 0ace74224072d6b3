// `npm run bench:check`: runs the benchmarks, compares every figure with bench/baseline.json
// and names the ones that got slower than the tolerance allows. Not a test: timings depend on
// the machine, so the baseline should come from the machine you compare on.
//
//   --update          write the current figures as the new baseline
//   --tolerance 0.25  allowed slow-down as a fraction (default: the baseline's, else 0.25)
//   --runs 3          runs of the in-process and CLI benchmarks; the best of them counts
//   --skip-server     leave out the language server benchmark (bench/server.ts)
//
// Exit code 1 when a figure got slower, 0 otherwise.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchCli, benchCore, benchLarge } from './core.ts';
import { benchUnits } from './unit-checks.ts';
import { benchUnitCompletion } from './units.ts';
import { benchGzip } from './gzip.ts';
import { benchButaneCli, benchButaneCore } from './butane.ts';

const ROOT = path.resolve(__dirname, '..');
const BASELINE = path.join(ROOT, 'bench', 'baseline.json');
/** differences below this many units are noise whatever the ratio (a 0.2 ms figure may double) */
const ABSOLUTE_FLOOR = { ms: 2, MiB: 5 } as const;

type Unit = keyof typeof ABSOLUTE_FLOOR;
interface Figure {
  value: number;
  unit: Unit;
}
interface Baseline {
  tolerance: number;
  recorded: string;
  machine: string;
  figures: Record<string, Figure>;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Turns benchmark rows into named figures: "<row name> / <column>". */
function rowsToFigures(rows: Array<Record<string, string | number>>, into: Map<string, Figure[]>): void {
  for (const row of rows) {
    const name = String(row.benchmark);
    for (const [col, v] of Object.entries(row)) {
      if (col === 'benchmark' || typeof v !== 'number') continue;
      const key = `${name} / ${col}`;
      const list = into.get(key) ?? [];
      list.push({ value: v, unit: /MiB/.test(col) ? 'MiB' : 'ms' });
      into.set(key, list);
    }
  }
}

async function serverFigures(into: Map<string, Figure[]>): Promise<boolean> {
  if (!fs.existsSync(path.join(ROOT, 'bench', 'server.ts'))) return false;
  const mod = await import('./server.ts');
  if (typeof mod.benchServer !== 'function' || !mod.clcServer) return false;
  const runs: Array<[string, () => ReturnType<typeof mod.benchServer>]> = [];
  for (const lines of [300, 10_000]) {
    runs.push([`server ${lines} lines`, () => mod.benchServer(mod.clcServer, lines)]);
    runs.push([`server butane ${lines} lines`, () => mod.benchServer(mod.clcButaneServer, lines, { format: 'butane' })]);
  }
  for (const [row, bench] of runs) {
    const r = await bench();
    const put = (name: string, value: number | null, unit: Unit) => {
      if (value !== null && Number.isFinite(value)) into.set(`${row} / ${name}`, [{ value: +value.toFixed(2), unit }]);
    };
    put('startup ms', r.startupMs, 'ms');
    put('first diagnostics ms', r.firstDiagnosticsMs, 'ms');
    put('completion p50 ms', r.completionP50, 'ms');
    put('completion p95 ms', r.completionP95, 'ms');
    put('edit to diagnostics p50 ms', r.editP50, 'ms');
    put('edit to diagnostics p95 ms', r.editP95, 'ms');
    put('peak RSS MiB', r.peakRssMiB ?? r.rssMiB, 'MiB');
  }
  return true;
}

async function measure(runs: number, withServer: boolean): Promise<Record<string, Figure>> {
  const all = new Map<string, Figure[]>();
  const cli = path.join(ROOT, 'dist', 'clct.js');
  for (let i = 0; i < runs; i++) {
    process.stdout.write(`  core and CLI, run ${i + 1} of ${runs}\n`);
    rowsToFigures(benchCore(), all);
    rowsToFigures(benchLarge(), all);
    rowsToFigures(benchUnits(), all);
    rowsToFigures(benchUnitCompletion(), all);
    rowsToFigures(benchGzip(), all);
    if (fs.existsSync(cli)) rowsToFigures(benchCli(cli), all);
    rowsToFigures(benchButaneCore(), all);
    const butane = path.join(ROOT, 'dist', 'butane.js');
    if (fs.existsSync(butane)) rowsToFigures(benchButaneCli(butane), all);
  }
  if (withServer) {
    process.stdout.write('  language server\n');
    if (!(await serverFigures(all))) process.stdout.write('  (no server benchmark found)\n');
  }
  const out: Record<string, Figure> = {};
  // the best run counts: slower runs are the machine being busy, not the code
  for (const [k, list] of all) out[k] = list.reduce((a, b) => (b.value < a.value ? b : a));
  return out;
}

function machine(): string {
  return `${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ${os.platform()} ${os.arch()}, node ${process.version}`;
}

async function main(): Promise<void> {
  const update = process.argv.includes('--update');
  const runs = Number(arg('--runs') ?? 3);
  const withServer = !process.argv.includes('--skip-server');
  const old: Baseline | null = fs.existsSync(BASELINE) ? JSON.parse(fs.readFileSync(BASELINE, 'utf8')) : null;
  const tolerance = Number(arg('--tolerance') ?? old?.tolerance ?? 0.25);

  console.log(`measuring (${runs} runs${withServer ? ', with the language server' : ''})...`);
  const now = await measure(runs, withServer);

  if (update || !old) {
    const next: Baseline = { tolerance, recorded: new Date().toISOString().slice(0, 10), machine: machine(), figures: now };
    fs.writeFileSync(BASELINE, JSON.stringify(next, null, 2) + '\n');
    console.log(`${old ? 'updated' : 'wrote'} ${path.relative(process.cwd(), BASELINE)} (${Object.keys(now).length} figures)`);
    return;
  }

  if (old.machine !== machine()) console.log(`note: the baseline comes from another machine (${old.machine}); expect differences`);
  const rows: Array<Record<string, string>> = [];
  const slower: string[] = [];
  const names = [...new Set([...Object.keys(old.figures), ...Object.keys(now)])].sort();
  for (const name of names) {
    const b = old.figures[name];
    const c = now[name];
    if (!b || !c) {
      rows.push({ figure: name, baseline: b ? `${b.value} ${b.unit}` : '-', now: c ? `${c.value} ${c.unit}` : '-', change: '', verdict: b ? 'not measured' : 'new' });
      continue;
    }
    const change = (c.value - b.value) / b.value;
    const worse = c.value > b.value * (1 + tolerance) && c.value - b.value > ABSOLUTE_FLOOR[c.unit];
    const better = c.value < b.value * (1 - tolerance) && b.value - c.value > ABSOLUTE_FLOOR[c.unit];
    if (worse) slower.push(`${name}: ${b.value} -> ${c.value} ${c.unit} (+${(change * 100).toFixed(0)}%)`);
    rows.push({ figure: name, baseline: `${b.value} ${b.unit}`, now: `${c.value} ${c.unit}`, change: `${change >= 0 ? '+' : ''}${(change * 100).toFixed(0)}%`, verdict: worse ? 'SLOWER' : better ? 'faster' : 'ok' });
  }
  console.table(rows);
  if (slower.length) {
    console.log(`\n${slower.length} figure(s) slower than the baseline by more than ${(tolerance * 100).toFixed(0)}%:`);
    for (const s of slower) console.log(`  ${s}`);
    process.exitCode = 1;
  } else {
    console.log(`\nno figure slower than the baseline by more than ${(tolerance * 100).toFixed(0)}%`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
