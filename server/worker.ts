// Validation and transpiling run in a worker thread, so that a long run on a big document
// never delays completion or hover, and a run that hangs can be stopped by replacing the worker.
// The worker is the same bundle (dist/server.js) started with workerData.clcRole = 'validator'.
// CLC_NO_WORKER=1 in the server's environment makes it validate in-process instead.

import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parentPort, Worker } from 'node:worker_threads';
import type { FileReader } from '../src/core/convert/context.ts';
import { localFileReader } from '../src/cli/files.ts';
import { runJob, warmUpJob, type HeapStats, type Job, type JobEnvironment, type JobResult, type JobRunner } from './jobs.ts';
import { butaneFiles } from '../src/cli/butane-files.ts';
import type { LocalFiles } from '../src/core/butane/local-files.ts';

export type { HeapStats, Job, JobOptions, JobResult } from './jobs.ts';

export const WORKER_ROLE = 'validator';
// Parsing a big config makes a lot of short-lived garbage; without limits V8 lets the heap grow
// far beyond what is live (a 10,000-line config needs ~15 MiB). The old generation starts small
// and doubles whenever a document really needs more (the worker is then restarted).
const YOUNG_GENERATION_MB = 4;
const OLD_GENERATION_MB = 64;
const MAX_OLD_GENERATION_MB = 4096;

/** Jobs under Node: `local:` files come from the disk. */
export const nodeJobEnvironment: JobEnvironment = { localFiles: readerFor, butaneFiles: butaneFilesFor, heap: heapStats };

/** Runs one job on this thread (in the worker, or in-process when workers are unavailable). */
export function runNodeJob(job: Job): JobResult {
  return runJob(job, nodeJobEnvironment);
}

/** butane --files-dir over the resolved folder, its messages naming the folder as the user wrote it. */
function butaneFilesFor(dir: string, shown: string): LocalFiles {
  const inner = butaneFiles(dir);
  if (dir === shown) return inner;
  const from = path.normalize(dir).replace(/[\\/]+$/, '');
  const to = path.normalize(shown).replace(/[\\/]+$/, '');
  const reword = (e: string) => e.split(from).join(to);
  return {
    dir: shown,
    read: (p) => {
      const r = inner.read(p);
      return r.ok ? r : { ok: false, error: reword(r.error) };
    },
    tree: (local) => {
      const t = inner.tree(local);
      if (!t.ok) return { ok: false, error: reword(t.error) };
      return { ok: true, entries: t.entries.map((e) => (e.error ? { ...e, error: reword(e.error) } : e)) };
    },
  };
}

export function heapStats(): HeapStats {
  const h = getHeapStatistics();
  return { heapUsedMiB: h.used_heap_size / 1048576, heapTotalMiB: h.total_heap_size / 1048576 };
}

/**
 * Reads below `dir` but words its errors with the directory as the user wrote it, so that the
 * editor shows what clct --files-dir <shown> prints when run from the workspace folder.
 */
function readerFor(dir: string, shown: string): FileReader {
  const inner = localFileReader(dir);
  if (dir === shown) return inner;
  const from = path.normalize(dir).replace(/[\\/]+$/, '');
  const to = path.normalize(shown).replace(/[\\/]+$/, '');
  return (rel) => {
    const r = inner(rel);
    return r.ok ? r : { ok: false, error: r.error.split(from).join(to) };
  };
}

// CLC and Butane in turn, 25 runs each
const WARM_UP_SLICES = 50;

/** Worker side: answer jobs until the thread is stopped. */
export function serveJobs(): void {
  // Warm up in slices, between which a real job can start: the first real run is then much
  // faster than on cold code, and never waits more than one slice.
  let warming = true;
  let slices = 0;
  const step = () => {
    if (!warming || slices >= WARM_UP_SLICES) return;
    try {
      runNodeJob(warmUpJob(slices++));
    } catch {
      warming = false;
    }
    setImmediate(step);
  };
  setImmediate(step);
  parentPort!.on('message', (m: { id: number; job: Job }) => {
    warming = false;
    let reply: { id: number; ok: true; result: JobResult } | { id: number; ok: false; error: string };
    try {
      reply = { id: m.id, ok: true, result: runNodeJob(m.job) };
    } catch (e: any) {
      reply = { id: m.id, ok: false, error: String(e?.stack ?? e) };
    }
    parentPort!.postMessage(reply);
  });
}

/** The old-generation heap a job's text probably needs (about 64 MiB per MiB of text), a power of two. */
function heapNeededMb(job: Job): number {
  if (job.kind === 'stats') return 0;
  const mb = job.text.length / 1048576;
  let need = OLD_GENERATION_MB;
  while (need < mb * 64 && need < MAX_OLD_GENERATION_MB) need *= 2;
  return need;
}

interface Pending {
  id: number;
  job: Job;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

/**
 * Main side: one worker, one job at a time. A job that runs longer than `timeoutMs` gets the
 * worker replaced (the job fails); a worker that dies is replaced on the next job.
 */
export class WorkerThreadJobRunner implements JobRunner {
  private worker: Worker | null = null;
  /** the old-generation limit the current worker was started with */
  private workerCap = 0;
  private current: (Pending & { timer: ReturnType<typeof setTimeout> }) | null = null;
  private queue: Pending[] = [];
  private nextId = 1;
  private disabled = false;
  /** workers lost in a row without finishing a job; after a few we validate in-process */
  private failures = 0;
  private oldGenerationMb = OLD_GENERATION_MB;

  constructor(
    private readonly script: string | null,
    private readonly log: (m: string) => void,
    private readonly timeoutMs = 30_000,
  ) {
    if (!script) this.disabled = true;
  }

  run(job: Job): Promise<JobResult> {
    if (this.disabled) {
      try {
        return Promise.resolve(runNodeJob(job));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    try {
      this.workerCap = this.oldGenerationMb;
      const w = new Worker(this.script!, {
        workerData: { clcRole: WORKER_ROLE },
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: this.oldGenerationMb },
      });
      w.unref();
      w.on('message', (m: { id: number; ok: boolean; result?: JobResult; error?: string }) => this.finish(m));
      w.on('error', (e: any) => {
        if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' && this.oldGenerationMb < MAX_OLD_GENERATION_MB && this.worker === w && this.current) {
          // a document bigger than the heap allows: retry it with twice the room
          this.oldGenerationMb *= 2;
          this.log(`clc: validation needs more memory; worker heap raised to ${this.oldGenerationMb} MiB`);
          const c = this.current;
          clearTimeout(c.timer);
          this.current = null;
          this.worker = null;
          this.queue.unshift({ id: c.id, job: c.job, resolve: c.resolve, reject: c.reject });
          this.pump();
          return;
        }
        this.log(`clc: validation worker failed: ${e?.stack ?? e}`);
        this.drop(w, e instanceof Error ? e : new Error(String(e)));
      });
      w.on('exit', (code) => {
        if (this.worker === w) this.drop(w, new Error(`validation worker exited (${code})`));
      });
      this.worker = w;
      return w;
    } catch (e: any) {
      this.log(`clc: cannot start a worker, validating in-process: ${e?.message ?? e}`);
      this.disabled = true;
      return null;
    }
  }

  private pump(): void {
    if (this.current || !this.queue.length) return;
    const p = this.queue[0];
    // a big text needs a bigger heap: start the worker with it now rather than after an out-of-memory
    const need = heapNeededMb(p.job);
    if (need > this.oldGenerationMb) this.oldGenerationMb = Math.min(need, MAX_OLD_GENERATION_MB);
    if (this.worker && this.oldGenerationMb > this.workerCap) {
      const old = this.worker;
      this.worker = null;
      void old.terminate();
    }
    const w = this.disabled ? null : this.ensureWorker();
    if (!w) {
      for (const q of this.queue.splice(0)) {
        try {
          q.resolve(runNodeJob(q.job));
        } catch (e: any) {
          q.reject(e);
        }
      }
      return;
    }
    this.queue.shift();
    const timer = setTimeout(() => {
      this.log(`clc: a validation run took longer than ${this.timeoutMs} ms; restarting the worker`);
      const stuck = this.worker;
      this.drop(stuck, new Error('validation timed out'));
      void stuck?.terminate();
    }, this.timeoutMs);
    this.current = { ...p, timer };
    w.postMessage({ id: p.id, job: p.job });
  }

  private finish(m: { id: number; ok: boolean; result?: JobResult; error?: string }): void {
    const c = this.current;
    if (!c || c.id !== m.id) return;
    clearTimeout(c.timer);
    this.current = null;
    this.failures = 0;
    if (m.ok) c.resolve(m.result!);
    else c.reject(new Error(m.error));
    this.pump();
  }

  /** Forgets a broken worker and fails its current job. */
  private drop(w: Worker | null, err: Error): void {
    if (w && this.worker !== w) return;
    this.worker = null;
    if (++this.failures >= 3 && err.message !== 'validation timed out') {
      this.log('clc: the validation worker keeps failing; validating in-process from now on');
      this.disabled = true;
    }
    const c = this.current;
    this.current = null;
    if (c) {
      clearTimeout(c.timer);
      c.reject(err);
    }
    this.pump();
  }

  /** Starts the worker ahead of the first job (it warms itself up meanwhile). */
  prestart(): void {
    if (!this.disabled) this.ensureWorker();
  }

  /** Jobs waiting (not yet started). */
  get waiting(): number {
    return this.queue.length;
  }

  dispose(): void {
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
  }
}
