// clct: a drop-in for ct v0.9.4. Same flags, same output bytes, same messages and exit codes;
// beyond ct: --diagnostics json (structured problems with ranges), --hints, and --to-butane
// (the config converted to a Butane config, see src/core/convert-butane/).

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { transpile } from '../core/transpile.ts';
import { formatReport } from '../core/format.ts';
import { decodeConfigBytes } from '../core/text.ts';
import { platformIds } from '../core/platforms.ts';
import { localFileReader } from './files.ts';
import { writeFileAtomic, goFileError } from './atomic.ts';
import { LineIndex } from '../core/yaml/parse.ts';
import { BUTANE_VERSIONS, convertToButane } from '../core/convert-butane/to-butane.ts';
import type { ButaneVersion } from '../core/convert-butane/to-butane.ts';
import { parseFsPathArg } from '../core/convert-butane/mount-paths.ts';
import type { Diagnostic } from '../core/report.ts';
import { readAllStdin } from './stdin.ts';

const OPTIMIZE_ABOVE_BYTES = 1 << 20;

const VERSION = 'clct 0.1.0 (ct v0.9.4 compatible, Ignition spec 2.3.0)';

interface Flags {
  help: boolean;
  pretty: boolean;
  version: boolean;
  inFile: string;
  outFile: string;
  strict: boolean;
  platform: string;
  filesDir: string;
  diagnostics: string;
  hints: boolean;
  toButane: boolean;
  butaneVersion: string;
  /** --fs-path NAME=PATH, repeatable */
  fsPaths: string[];
}

const FLAG_DOCS: Array<[string, 'bool' | 'string', string]> = [
  ['butane-version', 'string', 'With --to-butane: the Butane spec version to write, 1.1.0 (the default) or 1.0.0.'],
  ['diagnostics', 'string', 'Print problems as "text" (ct\'s format, the default) or "json" (with source ranges).'],
  ['files-dir', 'string', 'Directory to read local files from.'],
  ['fs-path', 'string', 'With --to-butane: NAME=PATH, where filesystem NAME is mounted (repeatable; a .mount unit of the config is used otherwise).'],
  ['help', 'bool', 'Print help and exit.'],
  ['hints', 'bool', 'Also report hints that ct does not print (surprising but accepted input).'],
  ['in-file', 'string', 'Path to the container linux config. Standard input unless specified otherwise.'],
  ['out-file', 'string', 'Path to the resulting Ignition config. Standard output unless specified otherwise.'],
  ['platform', 'string', `Platform to target. Accepted values: [${platformIds.join(' ')}].`],
  ['pretty', 'bool', 'Indent the resulting Ignition config.'],
  ['strict', 'bool', 'Fail if any warnings are encountered.'],
  ['to-butane', 'bool', 'Print the config converted to a Butane config (variant flatcar) instead of Ignition.'],
  ['version', 'bool', 'Print the version and exit.'],
];

function usage(): string {
  const lines = ['Usage of clct:'];
  for (const [name, kind, doc] of FLAG_DOCS) {
    lines.push(kind === 'string' ? `  -${name} string` : `  -${name}`);
    lines.push(`    \t${doc}`);
  }
  return lines.join('\n') + '\n';
}

class UsageError extends Error {}

/** Go's flag package rules: -x or --x, -x=v or -x v for strings, -x or -x=true|false for bools. */
function parseFlags(argv: string[]): Flags {
  const f: Flags = {
    help: false, pretty: false, version: false, inFile: '', outFile: '', strict: false, platform: '', filesDir: '', diagnostics: 'text', hints: false,
    toButane: false, butaneVersion: '', fsPaths: [],
  };
  const strings: Record<string, keyof Flags> = {
    'in-file': 'inFile', 'out-file': 'outFile', platform: 'platform', 'files-dir': 'filesDir', diagnostics: 'diagnostics',
    'butane-version': 'butaneVersion', 'fs-path': 'fsPaths',
  };
  const bools: Record<string, keyof Flags> = { help: 'help', h: 'help', pretty: 'pretty', version: 'version', strict: 'strict', hints: 'hints', 'to-butane': 'toButane' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-') break;
    let body = a.replace(/^--?/, '');
    let value: string | undefined;
    const eq = body.indexOf('=');
    if (eq >= 0) {
      value = body.slice(eq + 1);
      body = body.slice(0, eq);
    }
    if (body in bools) {
      if (value === undefined) (f as any)[bools[body]] = true;
      else {
        const b = parseGoBool(value);
        if (b === undefined) throw new UsageError(`invalid boolean value "${value}" for -${body}: parse error`);
        (f as any)[bools[body]] = b;
      }
    } else if (body in strings) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: -${body}`);
        value = argv[++i];
      }
      if (strings[body] === 'fsPaths') f.fsPaths.push(value);
      else (f as any)[strings[body]] = value;
    } else {
      throw new UsageError(`flag provided but not defined: -${body}`);
    }
  }
  return f;
}

function parseGoBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

function stderr(s: string): void {
  process.stderr.write(s.replace(/\n$/, '') + '\n');
}

function readInput(inFile: string): Uint8Array {
  if (!inFile) return readAllStdin();
  return fs.readFileSync(inFile);
}


function printDiagnostics(diags: Diagnostic[], lines: LineIndex | null, mode: string): void {
  if (!diags.length) return;
  if (mode === 'json') {
    const out = diags.map((d) => ({
      severity: d.severity,
      message: d.message,
      code: d.code,
      ...(d.hint ? { hint: true } : {}),
      ...(d.span && lines ? { range: { start: lines.position(d.span.start), end: lines.position(d.span.end) } } : {}),
    }));
    stderr(JSON.stringify(out, null, 2));
    return;
  }
  stderr(formatReport(diags, lines));
}

export function main(argv: string[]): number {
  let flags: Flags;
  try {
    flags = parseFlags(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${usage()}`);
      return 2;
    }
    throw e;
  }
  if (flags.help) {
    process.stderr.write(usage());
    return 0;
  }
  if (flags.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (flags.diagnostics !== 'text' && flags.diagnostics !== 'json') {
    process.stderr.write(`invalid value "${flags.diagnostics}" for flag -diagnostics: use text or json\n${usage()}`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = readInput(flags.inFile);
  } catch (e: any) {
    stderr(flags.inFile ? `Failed to open: ${goFileError('open', flags.inFile, e)}` : `Failed to read: ${e.message}`);
    return 1;
  }
  // A one-shot run over a typical config finishes before V8's optimizing compiler pays for
  // itself (it costs more CPU than it saves below about a megabyte of YAML), so skip it then.
  // (The launcher starts with it off, see code-cache.ts; a big input turns it back on.)
  v8.setFlagsFromString(bytes.length < OPTIMIZE_ABOVE_BYTES ? '--no-opt' : '--opt');
  const decoded = decodeConfigBytes(bytes);
  if (!decoded.ok) {
    printDiagnostics([{ severity: 'error', message: decoded.error, code: 'encoding' }], null, flags.diagnostics);
    stderr('Failed to parse config');
    return 1;
  }

  if (flags.toButane) return toButane(decoded.text, flags);

  const result = transpile(decoded.text, {
    pretty: flags.pretty,
    strict: flags.strict,
    platform: flags.platform,
    filesDir: flags.filesDir || undefined,
    readFile: flags.filesDir ? localFileReader(flags.filesDir) : undefined,
    hints: flags.hints,
  });
  const lines = result.parsed.yaml.lines;
  const shown = flags.hints ? result.diagnostics : result.diagnostics.filter((d) => !d.hint);
  printDiagnostics(shown, lines, flags.diagnostics);
  if (result.failedAt === 'parse') {
    stderr('Failed to parse config');
    return 1;
  }
  if (result.output === null) return 1;

  if (!flags.outFile) {
    process.stdout.write(result.output);
    return 0;
  }
  const err = writeFileAtomic(flags.outFile, result.output);
  if (err) {
    stderr(`Failed to create: ${err}`);
    return 1;
  }
  return 0;
}

/** --to-butane: the Butane config on stdout (or --out-file), problems on stderr. */
function toButane(text: string, flags: Flags): number {
  const version = flags.butaneVersion || '1.1.0';
  if (!(BUTANE_VERSIONS as readonly string[]).includes(version)) {
    stderr(`invalid value "${version}" for flag -butane-version: use ${BUTANE_VERSIONS.join(' or ')}`);
    return 2;
  }
  const fsPaths: Record<string, string> = {};
  for (const arg of flags.fsPaths) {
    const p = parseFsPathArg(arg);
    if (!p.ok) {
      stderr(p.error);
      return 2;
    }
    fsPaths[p.name] = p.path;
  }
  const r = convertToButane(text, {
    platform: flags.platform,
    filesDir: flags.filesDir || undefined,
    readFile: flags.filesDir ? localFileReader(flags.filesDir) : undefined,
    butaneVersion: version as ButaneVersion,
    fsPaths,
  });
  printDiagnostics(r.diagnostics, r.parsed.yaml.lines, flags.diagnostics);
  if (r.butane === null) {
    stderr('Failed to convert config to Butane');
    return 1;
  }
  if (flags.strict && r.diagnostics.some((d) => d.severity === 'warning')) return 1;
  if (!flags.outFile) {
    process.stdout.write(r.butane);
    return 0;
  }
  const err = writeFileAtomic(flags.outFile, r.butane);
  if (err) {
    stderr(`Failed to create: ${err}`);
    return 1;
  }
  return 0;
}

let exitCode: number;
try {
  exitCode = main(process.argv.slice(2));
} catch (e: any) {
  // never a stack trace: an unexpected failure is reported like any other problem
  stderr(`error: internal error: ${e?.message ?? String(e)}`);
  exitCode = 1;
}
process.exitCode = exitCode;
// Leave as soon as the output is out: a one-shot run gains nothing from Node tearing down a heap
// full of config piece by piece. A write's callback runs once everything before it is flushed
// (where stdout is asynchronous, as pipes are on macOS), so nothing written is lost.
process.stdout.write('', () => process.stderr.write('', () => process.exit(exitCode)));

export { path };
