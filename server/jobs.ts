// The jobs the language server hands off (validating and transpiling a whole document), and the
// seam between the server's wiring and where those jobs run: a worker thread under Node
// (worker.ts), in the server's own worker under a browser (browser.ts). Nothing here touches Node.

import { diagnose } from '../src/core/features/diagnostics.ts';
import { transpile } from '../src/core/transpile.ts';
import type { Diagnostic } from '../src/core/report.ts';
import type { FileReader } from '../src/core/convert/context.ts';
import type { LocalFiles } from '../src/core/butane/local-files.ts';
import { diagnoseButane } from '../src/core/butane/diagnostics.ts';
import type { ConfigFormat } from '../src/core/features/formats.ts';
import { warmUpButaneText, warmUpText } from './warmup.ts';

export interface JobOptions {
  platform: string;
  /** clc.filesDir as the user wrote it (what messages show, like ct's --files-dir) */
  filesDir?: string;
  /** where that directory is (relative settings are resolved against the workspace folder) */
  filesDirPath?: string;
  /** why `local:` files cannot be read where this config lives (set instead of filesDirPath) */
  filesUnavailable?: string;
  strict: boolean;
  /** clc.unitChecks (absent: on) */
  unitChecks?: boolean;
  pretty: boolean;
}

export type Job =
  | { kind: 'diagnose'; text: string; options: JobOptions; format?: ConfigFormat }
  | { kind: 'transpile'; text: string; options: JobOptions; format?: ConfigFormat }
  | { kind: 'stats' };

export interface HeapStats {
  heapUsedMiB: number;
  heapTotalMiB: number;
}

export type JobResult =
  | { kind: 'stats'; heap: HeapStats | null }
  | { kind: 'diagnose'; diagnostics: Diagnostic[] }
  | { kind: 'transpile'; output: string | null; diagnostics: Diagnostic[]; failedAt: 'parse' | 'convert' | null };

/** What a job needs from the platform it runs on. */
export interface JobEnvironment {
  /** a reader for `local:` files below `dir`, its messages naming the directory as `shown` */
  localFiles(dir: string, shown: string): FileReader;
  /** the same for a Butane config (butane's --files-dir, trees included) */
  butaneFiles(dir: string, shown: string): LocalFiles;
  heap(): HeapStats | null;
}

/** Where the server's jobs run; the server wiring only ever sees this. */
export interface JobRunner {
  run(job: Job): Promise<JobResult>;
  /** gets ready ahead of the first job (a worker starts and warms up meanwhile) */
  prestart(): void;
  dispose(): void;
}

/** Runs one job with `env`. */
export function runJob(job: Job, env: JobEnvironment): JobResult {
  if (job.kind === 'stats') return { kind: 'stats', heap: env.heap() };
  const o = job.options;
  if (job.format === 'butane') return runButaneJob(job.kind, job.text, o, env);
  const readFile = o.filesUnavailable !== undefined ? unavailableReader(o.filesUnavailable) : o.filesDir ? env.localFiles(o.filesDirPath ?? o.filesDir, o.filesDir) : undefined;
  // with no files directory at all ct's own message applies; when the directory exists but cannot
  // be reached from here, the reader's message says why
  const filesDir = o.filesUnavailable !== undefined ? o.filesDir || '.' : o.filesDir || undefined;
  const common = { platform: o.platform, filesDir, readFile, strict: o.strict };
  if (job.kind === 'diagnose') {
    return { kind: 'diagnose', diagnostics: diagnose(job.text, { ...common, hints: true, unitChecks: o.unitChecks !== false }).diagnostics };
  }
  const r = transpile(job.text, { ...common, pretty: o.pretty });
  return { kind: 'transpile', output: r.output, diagnostics: r.diagnostics, failedAt: r.failedAt };
}

function unavailableReader(reason: string): FileReader {
  return (rel) => ({ ok: false, error: `local file "${rel}" cannot be embedded: ${reason}` });
}

/** A Butane config: butane's reports (and unit checks when diagnosing), or its Ignition 3 JSON. */
function runButaneJob(kind: 'diagnose' | 'transpile', text: string, o: JobOptions, env: JobEnvironment): JobResult {
  const files =
    o.filesUnavailable !== undefined ? unavailableFiles(o.filesDir || '.', o.filesUnavailable) : o.filesDir ? env.butaneFiles(o.filesDirPath ?? o.filesDir, o.filesDir) : null;
  const diagnosing = kind === 'diagnose';
  // the problems do not depend on how file contents are encoded: only a transpile compresses them
  const r = diagnoseButane(text, { files, pretty: o.pretty, unitChecks: diagnosing && o.unitChecks !== false, compress: !diagnosing });
  if (diagnosing) return { kind: 'diagnose', diagnostics: r.diagnostics };
  // with the newline butane prints after the JSON, as the CLC output has ct's: the written file is the CLI's output
  const output = r.result.output === null ? null : r.result.output + '\n';
  return { kind: 'transpile', output, diagnostics: r.diagnostics, failedAt: r.result.error === null ? null : 'convert' };
}

/** Butane's files directory where no local disk can be read: every read says why. */
export function unavailableFiles(dir: string, reason: string): LocalFiles {
  return {
    dir,
    read: (p) => ({ ok: false, error: `local file "${p}" cannot be embedded: ${reason}` }),
    tree: (p) => ({ ok: false, error: `local tree "${p}" cannot be embedded: ${reason}` }),
  };
}

/** Warm-up run `slice` of a worker: the two formats in turn, so both are warm after a few. */
export function warmUpJob(slice: number): Job {
  const options = { platform: 'ec2', strict: false, pretty: false };
  return slice % 2 === 0 ? { kind: 'diagnose', text: warmUpText(6), options } : { kind: 'diagnose', text: warmUpButaneText(6), options, format: 'butane' };
}

/** Runs jobs on the calling thread, one at a time as they come. */
export class InProcessJobRunner implements JobRunner {
  private warming = false;

  constructor(
    private readonly env: JobEnvironment,
    private readonly warmUpSlices = 0,
  ) {}

  run(job: Job): Promise<JobResult> {
    this.warming = false;
    try {
      return Promise.resolve(runJob(job, this.env));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Warms the code up in `warmUpSlices` short runs on sample configs (CLC and Butane in turn), each
   * in its own task, so the first real run is faster than on cold code and waits for one slice at
   * most. A real job ends it.
   */
  prestart(): void {
    if (this.warmUpSlices <= 0 || this.warming) return;
    this.warming = true;
    let slices = 0;
    const step = () => {
      if (!this.warming || slices >= this.warmUpSlices) return;
      try {
        runJob(warmUpJob(slices++), this.env);
      } catch {
        this.warming = false;
        return;
      }
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  dispose(): void {
    this.warming = false;
  }
}
