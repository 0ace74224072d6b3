// The proof after a conversion: the Butane config goes through a Butane transpiler, and the
// Ignition 3 it gives is compared (as machine state) with ign-converter's translation of ct's
// own output. The transpiler is the one the user chose (clc.butane.transpilerPath), else the
// project's butane (dist/butane.js beside this bundle, once built), else a `butane` on the PATH;
// without one the proof says it did not run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { compareMachineState } from '../src/core/convert-butane/machine-state.ts';
import { referenceIgnition3 } from '../src/core/convert-butane/to-butane.ts';
import type { ToButaneResult } from '../src/core/convert-butane/to-butane.ts';
import type { ToButaneResponse } from '../src/shared/protocol.ts';

interface Transpiler {
  label: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

function findTranspiler(chosen: string): Transpiler | null {
  if (chosen) return { label: chosen, command: chosen, args: [] };
  const own = path.join(__dirname, 'butane.js');
  // (inside VS Code this process runs on Electron's Node: ask it to stay Node for the child)
  if (fs.existsSync(own)) return { label: 'the extension\'s butane', command: process.execPath, args: [own], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } };
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const exe = path.join(dir, process.platform === 'win32' ? 'butane.exe' : 'butane');
    if (dir && fs.existsSync(exe)) return { label: exe, command: exe, args: [] };
  }
  return null;
}

/** `transpilerPath`: a butane executable the user chose (clc.butane.transpilerPath), or "". */
export function proveConversion(r: ToButaneResult, filesDir: string | undefined, transpilerPath = ''): ToButaneResponse['proof'] {
  if (!r.butane || !r.ignition2 || !r.fsPaths) return { kind: 'not-run', reason: 'nothing was converted' };
  const reference = referenceIgnition3(r.ignition2, { ...r.fsPaths.fsMap });
  if (!reference.ok) return { kind: 'not-run', reason: `no reference: ${reference.message}` };
  const t = findTranspiler(transpilerPath);
  if (!t) return { kind: 'not-run', reason: 'no Butane transpiler found (neither the extension\'s nor a butane on the PATH)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-proof-'));
  try {
    const file = path.join(dir, 'config.bu');
    fs.writeFileSync(file, r.butane);
    const run = spawnSync(t.command, [...t.args, ...(filesDir ? ['--files-dir', filesDir] : []), file], { encoding: 'utf8', env: t.env, timeout: 60_000 });
    if (run.status !== 0) return { kind: 'different', transpiler: t.label, differences: [`the Butane config does not transpile: ${(run.stderr || run.error?.message || '').trim()}`] };
    const differences = compareMachineState(JSON.parse(run.stdout), reference.config, gunzipSync);
    return differences.length ? { kind: 'different', transpiler: t.label, differences } : { kind: 'same', transpiler: t.label };
  } catch (e: any) {
    return { kind: 'not-run', reason: e?.message ?? String(e) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
