// Differential campaign against a locally built butane v0.29.0 (never committed): mutated
// corpus configs (test/support/butane-mutate.ts) go through both, with the case's files folder
// and now and then --pretty or --strict, and exit status, stdout and the --raw-errors report are
// compared byte for byte.
//
//   CLC_BUTANE=/path/to/butane        the butane CLI, run once per input (slow: ~0.1 s each)
//   CLC_BUTANE_BATCH=/path/to/driver  a batch driver linking butane's own packages, built
//                                     locally: JSON requests {dir, filesDir, pretty, strict,
//                                     input (base64)} one per line on its stdin, one answer
//                                     {status, stdout, stderr (base64)} per line on its stdout
//   CLC_BUTANE_VERIFY=1               with both set: compare the driver with the CLI, not ours
//   CLC_BUTANE_HANG_MS                our side taking longer than this on one input is a hang
//                                     (default 2000)
//   CLC_BUTANE_OUT                    where mismatching inputs go (default <tmp>/clc-butane-diff)
//
//   node --import tsx test/fuzz/butane-differential.ts [count] [first-seed]
//
// The figures go to stdout (and as JSON to <out>/summary-<first>-<last>.json); exit 1 when a
// crash, a hang or a mismatch outside the listed classes showed.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { runButaneRaw } from '../support/butane-run.ts';
import { mutateButaneBytes } from '../support/butane-mutate.ts';
import { Rng } from '../support/rng.ts';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}
interface Flags {
  filesDir: string;
  pretty: boolean;
  strict: boolean;
}

const cli = process.env.CLC_BUTANE;
const batch = process.env.CLC_BUTANE_BATCH;
const verify = process.env.CLC_BUTANE_VERIFY === '1';
if (!cli && !batch) {
  console.error('set CLC_BUTANE to a butane v0.29.0 binary, or CLC_BUTANE_BATCH to a batch driver');
  process.exit(2);
}
if (verify && !(cli && batch)) {
  console.error('CLC_BUTANE_VERIFY=1 needs both CLC_BUTANE and CLC_BUTANE_BATCH');
  process.exit(2);
}
const count = Number(process.argv[2] ?? 1000);
const firstSeed = Number(process.argv[3] ?? 1);
const hangMs = Number(process.env.CLC_BUTANE_HANG_MS ?? 2000);
const casesDir = path.join(__dirname, '..', 'butane-conformance', 'cases');
const cases = fs
  .readdirSync(casesDir)
  .sort()
  .filter((c) => fs.existsSync(path.join(casesDir, c, 'input.yml')))
  .map((name) => {
    const dir = path.join(casesDir, name);
    return { name, dir, text: fs.readFileSync(path.join(dir, 'input.yml'), 'utf8'), filesDir: fs.existsSync(path.join(dir, 'files')) ? 'files' : '' };
  });
const donors = cases.map((c) => c.text);
const outDir = process.env.CLC_BUTANE_OUT || path.join(os.tmpdir(), 'clc-butane-diff');
fs.mkdirSync(outDir, { recursive: true });

// ------------------------------------------------------------------------------ our side

/** What `node dist/butane.js --raw-errors [-d] [-p] [-s]` prints, in process. */
const ours = (bytes: Buffer, flags: Flags, dir: string): Run => runButaneRaw(bytes, flags, dir);

// ------------------------------------------------------------------------------ reference

function runCli(bytes: Buffer, flags: Flags, dir: string): Run {
  const file = path.join(outDir, `in-${process.pid}.yml`);
  fs.writeFileSync(file, bytes);
  const args = ['--raw-errors', ...(flags.filesDir ? ['-d', flags.filesDir] : []), ...(flags.pretty ? ['-p'] : []), ...(flags.strict ? ['-s'] : []), file];
  const r = spawnSync(cli!, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The batch driver: one process, requests streamed; restarted if it dies. */
class Batch {
  private proc!: ChildProcessWithoutNullStreams;
  private waiting: Array<(r: Run | null) => void> = [];
  deaths = 0;

  constructor(private bin: string) {
    this.start();
  }

  private start(): void {
    const proc = spawn(this.bin, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc = proc;
    let err = '';
    proc.stderr.on('data', (d) => (err += d));
    readline.createInterface({ input: proc.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const m = JSON.parse(line) as { status: number; stdout: string | null; stderr: string | null; panic?: string };
      const dec = (s: string | null) => (s ? Buffer.from(s, 'base64').toString('utf8') : '');
      this.waiting.shift()?.({ status: m.status, stdout: dec(m.stdout), stderr: dec(m.stderr) + (m.panic ? `\n[driver recovered a panic]\n${m.panic}` : '') });
    });
    proc.on('exit', (code) => {
      if (this.proc !== proc) return;
      // butane died (a Go fatal error such as a stack overflow is not recoverable): the input
      // in flight is answered with what it printed, the next ones by a new driver
      this.deaths++;
      const pending = this.waiting;
      this.waiting = [];
      this.start();
      for (const w of pending) w({ status: code ?? -1, stdout: '', stderr: `[driver died]\n${err.slice(0, 4000)}` });
    });
  }

  ask(bytes: Buffer, flags: Flags, dir: string): Promise<Run> {
    return new Promise((resolve) => {
      this.waiting.push((r) => resolve(r!));
      this.proc.stdin.write(JSON.stringify({ dir, filesDir: flags.filesDir, pretty: flags.pretty, strict: flags.strict, input: bytes.toString('base64') }) + '\n');
    });
  }

  stop(): void {
    const p = this.proc;
    this.proc = null as any;
    p.stdin.end();
  }
}

// ------------------------------------------------------------------------------ classes

/** Mismatch classes with a known reason (see docs/reliability.md); anything else fails the run. */
const LISTED = new Set(['yaml-syntax-wording', 'yaml-syntax-only-butane', 'yaml-syntax-only-ours', 'unused-key-order', 'other-variant', 'unicode-line-break', 'bom-inside']);
const SYNTAX = /^Error translating config: Error unmarshaling yaml: yaml: (?!unmarshal errors)/m;

function classify(ref: Run, us: Run, text: string): string {
  // go-yaml breaks lines at U+2028 and U+2029 too, and reads a byte order mark after the start as text
  if (/[\u2028\u2029]/.test(text)) return 'unicode-line-break';
  if (/[^]\ufeff/.test(text)) return 'bom-inside';
  const refSyntax = ref.status === 1 && SYNTAX.test(ref.stderr);
  const ourSyntax = us.status === 1 && SYNTAX.test(us.stderr);
  if (refSyntax && ourSyntax) return 'yaml-syntax-wording';
  if (refSyntax) return 'yaml-syntax-only-butane';
  if (ourSyntax) return 'yaml-syntax-only-ours';
  const lines = (t: string) => t.split('\n').sort().join('\n');
  if (ref.status === us.status && ref.stdout === us.stdout && lines(ref.stderr) === lines(us.stderr)) return 'unused-key-order';
  // variants other than flatcar get butane's "no translator" error (issue 12)
  const other = /^Error translating config: No translator exists for variant (?!flatcar )/m;
  if (other.test(us.stderr) && !other.test(ref.stderr)) return 'other-variant';
  if (ref.status !== us.status) return 'exit';
  if (ref.stdout !== us.stdout) return 'stdout';
  return 'report';
}

// ------------------------------------------------------------------------------ the run

function inputFor(seed: number): { c: (typeof cases)[number]; bytes: Buffer; flags: Flags } {
  const c = cases[seed % cases.length];
  const rng = new Rng(seed * 7919 + 13);
  const flags: Flags = { filesDir: c.filesDir, pretty: rng.chance(0.2), strict: rng.chance(0.1) };
  return { c, bytes: mutateButaneBytes(c.text, seed, donors), flags };
}

async function main(): Promise<void> {
  const driver = batch ? new Batch(batch) : null;
  const kinds = new Map<string, number>();
  const firstOf = new Map<string, number>();
  let mismatches = 0;
  let crashes = 0;
  let hangs = 0;
  let slowest = { ms: 0, seed: 0 };
  let ourMs = 0;
  let refOk = 0;
  const started = Date.now();
  let nextReport = started + 60_000;
  for (let k = 0; k < count; k++) {
    const seed = firstSeed + k;
    const { c, bytes, flags } = inputFor(seed);
    // the driver works while we do
    const pending = driver ? driver.ask(bytes, flags, c.dir) : null;
    let us: Run;
    if (verify) {
      us = runCli(bytes, flags, c.dir);
    } else {
      const t0 = performance.now();
      try {
        us = ours(bytes, flags, c.dir);
      } catch (e: any) {
        crashes++;
        fs.writeFileSync(path.join(outDir, `crash-${seed}.yml`), bytes);
        console.log(`crash seed ${seed} (${c.name}): ${e?.stack ?? e}`);
        if (pending) await pending;
        continue;
      }
      const ms = performance.now() - t0;
      ourMs += ms;
      if (ms > slowest.ms) slowest = { ms, seed };
      if (ms > hangMs) {
        hangs++;
        fs.writeFileSync(path.join(outDir, `hang-${seed}.yml`), bytes);
        console.log(`hang seed ${seed} (${c.name}): ${ms.toFixed(0)} ms`);
      }
    }
    const ref = pending ? await pending : runCli(bytes, flags, c.dir);
    if (ref.status === 0) refOk++;
    if (ref.status !== us.status || ref.stdout !== us.stdout || ref.stderr !== us.stderr) {
      mismatches++;
      // in verify mode only the unused-key order may differ (it changes from run to run in butane)
      const kind = verify ? (classify(ref, us, '') === 'unused-key-order' ? 'unused-key-order' : 'driver-vs-cli') : classify(ref, us, bytes.toString('utf8'));
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (!firstOf.has(kind)) firstOf.set(kind, seed);
      fs.writeFileSync(path.join(outDir, `${kind}-${seed}.yml`), bytes);
      fs.writeFileSync(
        path.join(outDir, `${kind}-${seed}.txt`),
        `case ${c.name} ${JSON.stringify(flags)}\n--- butane (${ref.status})\n${ref.stdout}\n${ref.stderr}\n--- ${verify ? 'cli' : 'ours'} (${us.status})\n${us.stdout}\n${us.stderr}`,
      );
    }
    if (Date.now() >= nextReport) {
      nextReport += 60_000;
      console.log(`  ${k + 1} inputs, ${crashes} crashes, ${hangs} hangs, ${mismatches} mismatches ${JSON.stringify(Object.fromEntries(kinds))}`);
    }
  }
  driver?.stop();
  fs.rmSync(path.join(outDir, `in-${process.pid}.yml`), { force: true });
  const last = firstSeed + count - 1;
  const summary = {
    inputs: count,
    seeds: `${firstSeed}..${last}`,
    mode: verify ? 'driver vs cli' : driver ? 'batch driver' : 'cli per input',
    crashes,
    hangs,
    butaneAccepted: refOk,
    slowestOursMs: Number(slowest.ms.toFixed(1)),
    slowestSeed: slowest.seed,
    meanOursMs: Number((ourMs / count).toFixed(3)),
    driverDeaths: driver?.deaths ?? 0,
    mismatches,
    byClass: Object.fromEntries(kinds),
    firstSeedOfClass: Object.fromEntries(firstOf),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  fs.writeFileSync(path.join(outDir, `summary-${firstSeed}-${last}.json`), JSON.stringify(summary, null, 2) + '\n');
  console.log(`butane differential: ${JSON.stringify(summary)}`);
  const unlisted = [...kinds.keys()].filter((k) => !LISTED.has(k));
  process.exitCode = crashes || hangs || unlisted.length ? 1 : 0;
}

void main();
