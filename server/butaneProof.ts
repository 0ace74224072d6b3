// The proof after a conversion: the Butane config goes through a Butane transpiler, and the
// Ignition 3 it gives is compared (as machine state) with ign-converter's translation of ct's
// own output. The transpiler is the project's own Butane core, in-process, so the proof runs
// wherever the server runs (Node or a browser worker). What only a host can offer comes in
// through ProofHost: `local:` files, gunzip, and a butane executable the user chose
// (clc.butane.transpilerPath, Node only: butaneProofNode.ts).
import { compareMachineState, type Gunzip } from '../src/core/convert-butane/machine-state.ts';
import { referenceIgnition3 } from '../src/core/convert-butane/to-butane.ts';
import type { ToButaneResult } from '../src/core/convert-butane/to-butane.ts';
import { transpileButane } from '../src/core/butane/transpile.ts';
import type { LocalFiles } from '../src/core/butane/local-files.ts';
import type { ToButaneResponse } from '../src/shared/protocol.ts';

export type TranspileOutcome = { ok: true; json: string } | { ok: false; error: string };

export interface ProofHost {
  /** the files below butane's files directory, or null when there is none to read */
  files(filesDir: string): LocalFiles | null;
  /** undoes gzip; without it the own transpiler is asked not to compress, so contents compare as bytes */
  gunzip?: Gunzip;
  /** runs a butane executable; absent where no process can be started (a browser) */
  runExecutable?(transpilerPath: string, butane: string, filesDir: string | undefined): TranspileOutcome;
}

export const OWN_TRANSPILER = 'clc\'s Butane transpiler';

/** The Butane config through the project's Butane core: Ignition JSON, or why there is none. */
function ownTranspiler(butane: string, filesDir: string | undefined, host: ProofHost): TranspileOutcome {
  const r = transpileButane(butane, { files: filesDir ? host.files(filesDir) : null, compress: host.gunzip !== undefined });
  if (r.output === null) return { ok: false, error: r.error ?? r.entries.map((e) => e.message).join('; ') };
  return { ok: true, json: r.output };
}

/**
 * `transpilerPath`: a butane executable the user chose (clc.butane.transpilerPath), or "". A host
 * that cannot start one (a browser) proves with its own transpiler, and the label says which ran.
 */
export function proveConversion(r: ToButaneResult, filesDir: string | undefined, transpilerPath: string, host: ProofHost): ToButaneResponse['proof'] {
  if (!r.butane || !r.ignition2 || !r.fsPaths) return { kind: 'not-run', reason: 'nothing was converted' };
  const reference = referenceIgnition3(r.ignition2, { ...r.fsPaths.fsMap });
  if (!reference.ok) return { kind: 'not-run', reason: `no reference: ${reference.message}` };
  try {
    const external = transpilerPath && host.runExecutable ? transpilerPath : '';
    const label = external || OWN_TRANSPILER;
    const out = external ? host.runExecutable!(external, r.butane, filesDir) : ownTranspiler(r.butane, filesDir, host);
    if (!out.ok) return { kind: 'different', transpiler: label, differences: [`the Butane config does not transpile: ${out.error}`] };
    const differences = compareMachineState(JSON.parse(out.json), reference.config, host.gunzip);
    return differences.length ? { kind: 'different', transpiler: label, differences } : { kind: 'same', transpiler: label };
  } catch (e: any) {
    return { kind: 'not-run', reason: e?.message ?? String(e) };
  }
}
