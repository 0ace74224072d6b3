// The proof after a conversion: the Butane config goes through a Butane transpiler, and the
// Ignition 3 it gives is compared (as machine state) with ign-converter's translation of ct's
// own output. The transpiler is the project's own Butane core, in-process, unless the user chose
// a butane executable (clc.butane.transpilerPath).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { compareMachineState } from '../src/core/convert-butane/machine-state.ts';
import { referenceIgnition3 } from '../src/core/convert-butane/to-butane.ts';
import type { ToButaneResult } from '../src/core/convert-butane/to-butane.ts';
import { transpileButane } from '../src/core/butane/transpile.ts';
import { butaneFiles } from '../src/cli/butane-files.ts';
import type { ToButaneResponse } from '../src/shared/protocol.ts';

/** The Butane config through the project's Butane core: Ignition JSON, or why there is none. */
function ownTranspiler(butane: string, filesDir: string | undefined): { ok: true; json: string } | { ok: false; error: string } {
  const r = transpileButane(butane, { files: filesDir ? butaneFiles(filesDir) : null });
  if (r.output === null) return { ok: false, error: r.error ?? r.entries.map((e) => e.message).join('; ') };
  return { ok: true, json: r.output };
}

/** `transpilerPath`: a butane executable the user chose (clc.butane.transpilerPath), or "". */
export function proveConversion(r: ToButaneResult, filesDir: string | undefined, transpilerPath = ''): ToButaneResponse['proof'] {
  if (!r.butane || !r.ignition2 || !r.fsPaths) return { kind: 'not-run', reason: 'nothing was converted' };
  const reference = referenceIgnition3(r.ignition2, { ...r.fsPaths.fsMap });
  if (!reference.ok) return { kind: 'not-run', reason: `no reference: ${reference.message}` };
  let json: string;
  let label: string;
  let dir: string | null = null;
  try {
    if (!transpilerPath) {
      label = 'clc\'s Butane transpiler';
      const own = ownTranspiler(r.butane, filesDir);
      if (!own.ok) return { kind: 'different', transpiler: label, differences: [`the Butane config does not transpile: ${own.error}`] };
      json = own.json;
    } else {
      label = transpilerPath;
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-proof-'));
      const file = path.join(dir, 'config.bu');
      fs.writeFileSync(file, r.butane);
      const run = spawnSync(transpilerPath, [...(filesDir ? ['--files-dir', filesDir] : []), file], { encoding: 'utf8', timeout: 60_000 });
      if (run.status !== 0) return { kind: 'different', transpiler: label, differences: [`the Butane config does not transpile: ${(run.stderr || run.error?.message || '').trim()}`] };
      json = run.stdout;
    }
    const differences = compareMachineState(JSON.parse(json), reference.config, gunzipSync);
    return differences.length ? { kind: 'different', transpiler: label, differences } : { kind: 'same', transpiler: label };
  } catch (e: any) {
    return { kind: 'not-run', reason: e?.message ?? String(e) };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
