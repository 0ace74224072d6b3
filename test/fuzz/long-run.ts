// `npm run fuzz`: the properties of test/unit/fuzz-core.test.ts (CLC) and
// test/unit/fuzz-butane.test.ts (Butane) for as long as you like, two CLC inputs for one Butane.
//
//   CLC_FUZZ_MINUTES  time budget (default 30)
//   CLC_FUZZ_SEED     first fast-check seed (default: from the clock; printed at the start)
//   CLC_FUZZ_HANG_MS  an input taking longer than this counts as a hang (default 20000)
//   CLC_FUZZ_SLOW_MS  one stage taking longer than this is reported as slow (default 2000)
//   CLC_FUZZ_OUT      where failing inputs are written (default <tmp>/clc-fuzz)
//
// Each input runs in a worker thread; the main thread stops a worker that hangs. At the end it
// prints the figures (inputs tried, crashes, hangs, mismatches by kind) and exits 1 if any.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { inputArb, loadCorpus } from './properties.ts';
import { butaneInputArb, loadButaneCorpus } from './butane-properties.ts';
import type { ButaneInput } from './butane-properties.ts';
import type { FuzzInput, Violation } from './properties.ts';
import type { Job } from './worker.ts';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const minutes = env('CLC_FUZZ_MINUTES', 30);
const firstSeed = env('CLC_FUZZ_SEED', Date.now() % 2_000_000_000);
const hangMs = env('CLC_FUZZ_HANG_MS', 20_000);
const slowMs = env('CLC_FUZZ_SLOW_MS', 2_000);
const outDir = process.env.CLC_FUZZ_OUT || path.join(os.tmpdir(), 'clc-fuzz');

/** What a violation counts as in the figures. */
const CATEGORY: Record<Violation['kind'] | 'worker-died' | 'hang', 'crash' | 'hang' | 'mismatch' | 'slow'> = {
  crash: 'crash',
  'feature-crash': 'crash',
  'worker-died': 'crash',
  hang: 'hang',
  span: 'mismatch',
  nondeterministic: 'mismatch',
  'reader-mismatch': 'mismatch',
  'feature-range': 'mismatch',
  'quick-fix': 'mismatch',
  slow: 'slow',
};

interface Tally {
  tried: number;
  crash: number;
  hang: number;
  mismatch: number;
  slow: number;
  byKind: Record<string, number>;
  /** distinct problems: signature -> file of the first input that showed it */
  distinct: Map<string, string>;
  maxMs: number;
}

const tally: Tally = { tried: 0, crash: 0, hang: 0, mismatch: 0, slow: 0, byKind: {}, distinct: new Map(), maxMs: 0 };

function signature(kind: string, detail: string): string {
  // the first line, without numbers, names the problem well enough to group repeats
  return `${kind}: ${detail.split('\n')[0].replace(/\d+/g, 'N').slice(0, 160)}`;
}

function record(kind: keyof typeof CATEGORY, detail: string, input: Job): void {
  const cat = CATEGORY[kind];
  tally[cat]++;
  tally.byKind[kind] = (tally.byKind[kind] ?? 0) + 1;
  const sig = signature(kind, detail);
  if (tally.distinct.has(sig)) return;
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${kind}-${createHash('sha1').update(sig).digest('hex').slice(0, 10)}.yml`);
  const { local, ...options } = input.options;
  fs.writeFileSync(file, input.text);
  fs.writeFileSync(file + '.txt', `${detail}\n\norigin: ${input.origin}\nformat: ${input.format ?? 'clc'}\noptions: ${JSON.stringify({ ...options, filesDir: local ? 'files (in-memory)' : undefined })}\n`);
  tally.distinct.set(sig, file);
  console.log(`  new ${cat}: ${sig}\n    -> ${file}`);
}

class Runner {
  private worker!: Worker;
  private pending: { job: Job; resolve: () => void; timer: NodeJS.Timeout } | null = null;
  /** worker deaths in a row: a worker that cannot start would otherwise count every input as a crash */
  private deathsInARow = 0;

  constructor() {
    this.start();
  }

  private start(): void {
    // a worker thread does not inherit the tsx loader: worker-boot.mjs registers it, then loads worker.ts
    this.worker = new Worker(path.join(__dirname, 'worker-boot.mjs'), {
      workerData: { file: pathToFileURL(path.join(__dirname, 'worker.ts')).href },
    });
    this.worker.on('message', (m: { id: number; violations: Violation[]; ms: number }) => {
      const p = this.pending;
      if (!p || p.job.id !== m.id) return;
      clearTimeout(p.timer);
      this.pending = null;
      this.deathsInARow = 0;
      tally.maxMs = Math.max(tally.maxMs, m.ms);
      for (const v of m.violations) record(v.kind, v.detail, p.job);
      p.resolve();
    });
    this.worker.on('error', (e) => {
      const p = this.pending;
      this.pending = null;
      if (p) {
        clearTimeout(p.timer);
        record('worker-died', e instanceof Error ? (e.stack ?? e.message) : String(e), p.job);
        p.resolve();
      }
      if (++this.deathsInARow >= 3) {
        console.error('clc fuzz: the worker keeps dying, giving up');
        process.exit(2);
      }
      this.start();
    });
  }

  run(job: Job): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        record('hang', `no answer within ${hangMs} ms`, job);
        void this.worker.terminate();
        this.start();
        resolve();
      }, hangMs);
      this.pending = { job, resolve, timer };
      this.worker.postMessage(job);
    });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

async function main(): Promise<void> {
  const corpus = loadCorpus();
  const arb = fc.tuple(inputArb(corpus), fc.integer({ min: 1, max: 0x7fffffff }));
  const butaneCorpus = loadButaneCorpus();
  const butaneArb = fc.tuple(butaneInputArb(butaneCorpus), fc.integer({ min: 1, max: 0x7fffffff }));
  const runner = new Runner();
  const deadline = Date.now() + minutes * 60_000;
  console.log(`clc fuzz: ${minutes} min, first seed ${firstSeed}, corpora of ${corpus.length} CLC and ${butaneCorpus.length} Butane configs, failing inputs go to ${outDir}`);
  let seed = firstSeed;
  let nextReport = Date.now() + 60_000;
  let id = 0;
  while (Date.now() < deadline) {
    const clc = (fc.sample(arb, { seed, numRuns: 50 }) as Array<[FuzzInput, number]>).map(([input, offsetSeed]): Job => {
      const { readFile, filesDir, ...options } = input.options;
      return { id: 0, text: input.text, origin: input.origin, options: { ...options, local: !!readFile }, offsetSeed, slowMs };
    });
    const butane = (fc.sample(butaneArb, { seed: seed + 1_000_000_007, numRuns: 25 }) as Array<[ButaneInput, number]>).map(
      ([input, offsetSeed]): Job => ({ id: 0, text: input.text, origin: input.origin, format: 'butane', options: { local: input.files }, offsetSeed, slowMs }),
    );
    seed++;
    for (const next of [...clc, ...butane]) {
      if (Date.now() >= deadline) break;
      const job: Job = { ...next, id: ++id };
      await runner.run(job);
      tally.tried++;
      if (Date.now() >= nextReport) {
        nextReport += 60_000;
        console.log(`  ${tally.tried} inputs, ${tally.crash} crashes, ${tally.hang} hangs, ${tally.mismatch} mismatches, ${tally.slow} slow`);
      }
    }
  }
  await runner.stop();
  console.log('\nclc fuzz figures');
  console.table({
    'inputs tried': tally.tried,
    crashes: tally.crash,
    hangs: tally.hang,
    mismatches: tally.mismatch,
    'slow stages': tally.slow,
    'slowest input (ms)': Math.round(tally.maxMs),
    'seeds used': `${firstSeed}..${seed - 1}`,
  });
  if (Object.keys(tally.byKind).length) {
    console.log('by kind:', tally.byKind);
    console.log('distinct problems:');
    for (const [sig, file] of tally.distinct) console.log(`  ${sig}\n    -> ${file}`);
  }
  process.exitCode = tally.crash + tally.hang + tally.mismatch > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
