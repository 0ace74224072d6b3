// Jobs in a browser: like worker.ts under Node, validation and transpiling run in a second web
// worker (the same bundle, started with the name VALIDATOR_NAME), so that a long run on a big
// document never delays completion or hover. A run that takes too long gets the worker replaced;
// when no worker can be started, jobs run on the server's own thread instead.

import { InProcessJobRunner, runJob, type Job, type JobEnvironment, type JobResult, type JobRunner } from './jobs.ts';

export const VALIDATOR_NAME = 'clc-validator';

// (the project compiles against Node's types, not the DOM's: the few worker APIs used are described here)
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: any }) => void) | null;
  onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { data: any }) => void): void;
}

type Reply = { id: number; ok: true; result: JobResult } | { id: number; ok: false; error: string };

interface Pending {
  id: number;
  job: Job;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

export class WebWorkerJobRunner implements JobRunner {
  private worker: WebWorker | null = null;
  private current: (Pending & { timer: ReturnType<typeof setTimeout> }) | null = null;
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private fallback: InProcessJobRunner | null = null;

  constructor(
    private readonly scriptUrl: string,
    private readonly env: JobEnvironment,
    private readonly log: (m: string) => void,
    private readonly timeoutMs = 30_000,
  ) {}

  run(job: Job): Promise<JobResult> {
    if (this.fallback) return this.fallback.run(job);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  prestart(): void {
    this.ensureWorker();
  }

  private ensureWorker(): WebWorker | null {
    if (this.worker || this.fallback) return this.worker;
    try {
      const w = new Worker(this.scriptUrl, { name: VALIDATOR_NAME });
      w.onmessage = (e) => this.finish(e.data as Reply);
      w.onerror = (e) => {
        e.preventDefault?.();
        this.log(`clc: validation worker failed: ${e.message ?? e}`);
        this.drop(new Error(`validation worker failed: ${e.message ?? e}`));
      };
      this.worker = w;
      return w;
    } catch (e: any) {
      this.log(`clc: cannot start a validation worker, validating in-process: ${e?.message ?? e}`);
      this.fallback = new InProcessJobRunner(this.env);
      for (const q of this.queue.splice(0)) this.fallback.run(q.job).then(q.resolve, q.reject);
      return null;
    }
  }

  private pump(): void {
    if (this.current || !this.queue.length) return;
    const w = this.ensureWorker();
    if (!w) return;
    const p = this.queue.shift()!;
    const timer = setTimeout(() => {
      this.log(`clc: a validation run took longer than ${this.timeoutMs} ms; restarting the worker`);
      this.drop(new Error('validation timed out'));
    }, this.timeoutMs);
    this.current = { ...p, timer };
    w.postMessage({ id: p.id, job: p.job });
  }

  private finish(m: Reply): void {
    const c = this.current;
    if (!c || c.id !== m.id) return;
    clearTimeout(c.timer);
    this.current = null;
    if (m.ok) c.resolve(m.result);
    else c.reject(new Error(m.error));
    this.pump();
  }

  /** Replaces a broken or stuck worker; its current job fails. */
  private drop(err: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const c = this.current;
    this.current = null;
    if (c) {
      clearTimeout(c.timer);
      c.reject(err);
    }
    this.pump();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** Validator side: warms up on a sample, then answers jobs until terminated. */
export function serveJobsInWorker(scope: WorkerScope, env: JobEnvironment, warmUpSlices: number): void {
  const warm = new InProcessJobRunner(env, warmUpSlices);
  warm.prestart();
  scope.addEventListener('message', (e) => {
    const m = e.data as { id: number; job: Job };
    warm.dispose(); // a real job ends the warm-up
    let reply: Reply;
    try {
      reply = { id: m.id, ok: true, result: runJob(m.job, env) };
    } catch (err: any) {
      reply = { id: m.id, ok: false, error: String(err?.stack ?? err) };
    }
    scope.postMessage(reply);
  });
}
