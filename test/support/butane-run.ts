// What `butane --raw-errors [-d dir] [-p] [-s]` prints for a config, computed in process the way
// the CLI (src/cli/butane.ts) does it: for the differential campaign and its regression tests.

import { transpileButane } from '../../src/core/butane/transpile.ts';
import { renderRaw } from '../../src/core/butane/render.ts';
import { decodeButaneBytes } from '../../src/core/butane/input-bytes.ts';
import { butaneFiles } from '../../src/cli/butane-files.ts';

export interface RawRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface RawRunFlags {
  /** -d, resolved against `dir` */
  filesDir?: string;
  pretty?: boolean;
  strict?: boolean;
}

export function runButaneRaw(input: Uint8Array | string, flags: RawRunFlags = {}, dir?: string): RawRun {
  const cwd = process.cwd();
  if (dir) process.chdir(dir);
  try {
    const decoded = decodeButaneBytes(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
    if (!decoded.ok) return { status: 1, stdout: '', stderr: `Error translating config: Error unmarshaling yaml: ${decoded.error}\n` };
    const r = transpileButane(decoded.text, { pretty: flags.pretty, files: flags.filesDir ? butaneFiles(flags.filesDir) : null });
    const stderr = r.entries.length ? renderRaw(r.entries, r.yaml.lines) : '';
    if (r.error !== null) return { status: 1, stdout: '', stderr: stderr + `Error translating config: ${r.error}\n` };
    if (flags.strict && r.entries.length) return { status: 1, stdout: '', stderr: stderr + 'Config produced warnings and --strict was specified\n' };
    return { status: 0, stdout: r.output + '\n', stderr };
  } finally {
    if (dir) process.chdir(cwd);
  }
}
