// The Butane transpiler the conversion tests run the converted configs through: the project's
// own (dist/butane.js, once built) or a locally built reference butane. Which one ran is part of
// the test names; when neither is there the tests fail rather than skip.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

export interface ButaneRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface ButaneCli {
  /** what ran, for the test names */
  label: string;
  run(file: string, args: string[]): ButaneRun;
}

const ROOT = path.resolve(__dirname, '..', '..');
const REFERENCE = '/work/ref/bin/butane';

/**
 * CLC_BUTANE picks a command (e.g. "node dist/butane.js" or a path to butane); otherwise the
 * project's dist/butane.js when it has been built, otherwise the reference build, if present.
 */
export function findButane(): ButaneCli | null {
  const env = process.env.CLC_BUTANE;
  let cmd: string[] | null = null;
  if (env) cmd = env.split(/\s+/).filter(Boolean);
  else if (fs.existsSync(path.join(ROOT, 'dist', 'butane.js'))) cmd = [process.execPath, path.join(ROOT, 'dist', 'butane.js')];
  else if (fs.existsSync(REFERENCE)) cmd = [REFERENCE];
  if (!cmd) return null;
  const [exe, ...pre] = cmd;
  return {
    label: env ? `CLC_BUTANE=${env}` : exe === REFERENCE ? 'reference butane' : 'dist/butane.js',
    run(file, args) {
      const r = spawnSync(exe, [...pre, ...args, file], { encoding: 'utf8', timeout: 30_000 });
      return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
    },
  };
}

/** butane's warnings in --raw-errors form: "warning at $.path, line L col C: message". */
export function rawWarnings(stderr: string): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  for (const line of stderr.split('\n')) {
    const m = /^warning at (\$[^,:]*)(?:, line \d+ col \d+)?: (.*)$/.exec(line);
    if (m) out.push({ path: m[1], message: m[2] });
  }
  return out;
}
