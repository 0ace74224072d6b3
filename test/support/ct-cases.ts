// The ct conformance cases as the Butane conversion tests read them: each case's flags, its
// config run through our ct stages, and the Ignition 3 reference files the corpus holds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeConfigBytes } from '../../src/core/text.ts';
import { convertConfig, parseConfig } from '../../src/core/transpile.ts';
import type { IgnValue } from '../../src/core/ignition/types.ts';
import { localFileReader } from '../../src/cli/files.ts';

export const CASES_DIR = path.resolve(__dirname, '..', 'conformance', 'cases');

export interface CtCase {
  name: string;
  dir: string;
  text: string;
  platform: string;
  /** absolute --files-dir, or '' */
  filesDir: string;
  strict: boolean;
  exit: number;
  /** expected.ign3.json parsed, when the corpus has one */
  ign3: any | null;
  /** expected.ign3.error text, when the corpus has one */
  ign3Error: string | null;
  /** ign3.fsmap as name -> path */
  fsMap: Record<string, string>;
}

/** The flags of an `args` line: Go's flag syntax, -x or --x, -x=v or -x v. */
export function parseArgs(line: string): { platform: string; filesDir: string; strict: boolean } {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const out = { platform: '', filesDir: '', strict: false };
  for (let i = 0; i < words.length; i++) {
    const m = /^--?([a-z-]+)(?:=(.*))?$/.exec(words[i]);
    if (!m) continue;
    const [, name, inline] = m;
    const value = () => inline ?? words[++i];
    if (name === 'platform') out.platform = value();
    else if (name === 'files-dir') out.filesDir = value();
    else if (name === 'out-file' || name === 'in-file') value();
    else if (name === 'strict') out.strict = true;
  }
  return out;
}

export function readFsMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export function loadCases(): CtCase[] {
  return fs
    .readdirSync(CASES_DIR)
    .sort()
    .map((name) => {
      const dir = path.join(CASES_DIR, name);
      const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8') : null);
      const args = parseArgs(read('args') ?? '');
      const decoded = decodeConfigBytes(fs.readFileSync(path.join(dir, 'input.yml')));
      const ign3Text = read('expected.ign3.json');
      return {
        name,
        dir,
        text: decoded.ok ? decoded.text : '',
        platform: args.platform,
        filesDir: args.filesDir ? path.join(dir, args.filesDir) : '',
        strict: args.strict,
        exit: Number((read('expected.exit') ?? '1').trim()),
        ign3: ign3Text === null ? null : JSON.parse(ign3Text),
        ign3Error: read('expected.ign3.error'),
        fsMap: readFsMap(read('ign3.fsmap') ?? ''),
      };
    });
}

/** Our ct stages on a case: the Ignition 2.3 value, or null when ct refuses the config. */
export function ctIgnition(c: CtCase): IgnValue | null {
  const parsed = parseConfig(c.text);
  if (parsed.fatal || (c.strict && parsed.diagnostics.length)) return null;
  const converted = convertConfig(parsed, {
    platform: c.platform,
    filesDir: c.filesDir || undefined,
    readFile: c.filesDir ? localFileReader(c.filesDir) : undefined,
  });
  if (converted.fatal || (c.strict && converted.diagnostics.length)) return null;
  return converted.ignition;
}

/** The reason after the converter's prefix, for `expected.ign3.error` files that hold one. */
export function converterReason(errorText: string): string | null {
  const at = errorText.indexOf('Failed to translate config from 2 to 3: ');
  return at < 0 ? null : errorText.slice(at + 'Failed to translate config from 2 to 3: '.length);
}

/**
 * The filesystem names a "not translated:" refusal lists; `withDevice` keeps only those that
 * have a device (the others are named by an Ignition 2 path, e.g. "(no mount.device, path X)").
 */
export function unmappedNames(errorText: string, withDevice = false): string[] | null {
  if (!errorText.startsWith('not translated:')) return null;
  const names: string[] = [];
  const re = /(?:filesystem |, )([^ ,]+) \(([^)]*)\)/g;
  const head = errorText.split(';')[0];
  for (const m of head.matchAll(re)) if (!withDevice || m[2].startsWith('device ')) names.push(m[1]);
  return names;
}
