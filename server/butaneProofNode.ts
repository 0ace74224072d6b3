// The proof's Node host: `local:` files from the disk, Node's gunzip, and a butane executable the
// user chose (clc.butane.transpilerPath), run on a temporary copy of the config.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { butaneFiles } from '../src/cli/butane-files.ts';
import type { ToButaneResult } from '../src/core/convert-butane/to-butane.ts';
import type { ToButaneResponse } from '../src/shared/protocol.ts';
import { proveConversion, type ProofHost, type TranspileOutcome } from './butaneProof.ts';

function runExecutable(transpilerPath: string, butane: string, filesDir: string | undefined): TranspileOutcome {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-proof-'));
  try {
    const file = path.join(dir, 'config.bu');
    fs.writeFileSync(file, butane);
    const run = spawnSync(transpilerPath, [...(filesDir ? ['--files-dir', filesDir] : []), file], { encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) return { ok: false, error: (run.stderr || run.error?.message || '').trim() };
    return { ok: true, json: run.stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const nodeProofHost: ProofHost = { files: butaneFiles, gunzip: (d) => gunzipSync(d), runExecutable };

export function proveConversionOnNode(r: ToButaneResult, filesDir: string | undefined, transpilerPath = ''): ToButaneResponse['proof'] {
  return proveConversion(r, filesDir, transpilerPath, nodeProofHost);
}
