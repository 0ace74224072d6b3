// dist/butane.js: a drop-in for butane v0.29.0 (flatcar variant). Same flags (pflag style:
// -p, --pretty, -pc, -d dir, -ddir, --files-dir=dir), same output bytes, reports, messages and
// exit codes; beyond butane: -o writes atomically, --files-dir refuses links leading outside
// it, and --diagnostics json prints problems with source ranges.

import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import { transpileButane } from '../core/butane/transpile.ts';
import type { ButaneResult } from '../core/butane/transpile.ts';
import { renderPretty, renderRaw } from '../core/butane/render.ts';
import { pathString } from '../core/butane/path.ts';
import { decodeButaneBytes } from '../core/butane/input-bytes.ts';
import { butaneFiles } from './butane-files.ts';
import { writeFileAtomic, goFileError } from './atomic.ts';
import { readAllStdin } from './stdin.ts';

const OPTIMIZE_ABOVE_BYTES = 1 << 20;
const VERSION = 'Butane v0.29.0 (clc butane.js 0.1.0, flatcar variant)';

interface Flags {
  help: boolean;
  version: boolean;
  check: boolean;
  strict: boolean;
  pretty: boolean;
  raw: boolean;
  rawErrors: boolean;
  color: string;
  input: string;
  output: string;
  filesDir: string;
  diagnostics: string;
  debug: boolean;
  args: string[];
}

type FlagDef = { name: string; short?: string; kind: 'bool' | 'string'; key: keyof Flags; noOptDefault?: string; usage: string; hidden?: boolean };

const FLAGS: FlagDef[] = [
  { name: 'check', short: 'c', kind: 'bool', key: 'check', usage: 'check config without producing output' },
  { name: 'color', kind: 'string', key: 'color', noOptDefault: 'always', usage: 'control color output: "auto", "always", or "never"' },
  { name: 'colour', kind: 'string', key: 'color', noOptDefault: 'always', usage: '', hidden: true },
  { name: 'debug', short: 'D', kind: 'bool', key: 'debug', usage: 'log translations', hidden: true },
  { name: 'diagnostics', kind: 'string', key: 'diagnostics', usage: 'print problems as "text" (butane\'s form, the default) or "json" (with source ranges)' },
  { name: 'files-dir', short: 'd', kind: 'string', key: 'filesDir', usage: 'allow embedding local files from this directory' },
  { name: 'help', short: 'h', kind: 'bool', key: 'help', usage: 'show usage and exit' },
  { name: 'input', kind: 'string', key: 'input', usage: 'read from input file instead of stdin', hidden: true },
  { name: 'output', short: 'o', kind: 'string', key: 'output', usage: 'write to output file instead of stdout' },
  { name: 'pretty', short: 'p', kind: 'bool', key: 'pretty', usage: 'output formatted json' },
  { name: 'raw', short: 'r', kind: 'bool', key: 'raw', usage: 'never wrap in a MachineConfig; force Ignition output' },
  { name: 'raw-errors', kind: 'bool', key: 'rawErrors', usage: 'show raw errors, rather than pretty printing them' },
  { name: 'strict', short: 's', kind: 'bool', key: 'strict', usage: 'fail on any warning' },
  { name: 'version', short: 'V', kind: 'bool', key: 'version', usage: 'print the version and exit' },
];

function usage(): string {
  const rows = FLAGS.filter((f) => !f.hidden).map((f) => {
    let left = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    if (f.kind === 'string') left += f.noOptDefault ? ' string[="' + f.noOptDefault + '"]' : ' string';
    const def = f.name === 'color' ? ' (default "auto")' : f.name === 'diagnostics' ? ' (default "text")' : '';
    return [left, f.usage + def] as const;
  });
  const width = Math.max(...rows.map((r) => r[0].length));
  // pflag names the program as it was invoked
  const program = process.argv[1] ?? 'butane';
  return `Usage: ${program} [options] [input-file]\nOptions:\n` + rows.map(([l, u]) => `${l.padEnd(width)}   ${u}`).join('\n') + '\n';
}

class UsageError extends Error {}

function parseBool(v: string, name: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  throw new UsageError(`invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
}

/** pflag's rules: long flags with = or a following word, grouped short flags, `--` ends flags. */
function parseFlags(argv: string[]): Flags {
  const f: Flags = { help: false, version: false, check: false, strict: false, pretty: false, raw: false, rawErrors: false, color: 'auto', input: '', output: '', filesDir: '', diagnostics: 'text', debug: false, args: [] };
  const set = (d: FlagDef, v: string | undefined, next: () => string | undefined, shown: string) => {
    if (d.kind === 'bool') (f as any)[d.key] = v === undefined ? true : parseBool(v, d.name);
    else {
      if (v === undefined) v = d.noOptDefault ?? next();
      if (v === undefined) throw new UsageError(`flag needs an argument: ${shown}`);
      (f as any)[d.key] = v;
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : undefined);
    if (a === '--') {
      f.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const d = FLAGS.find((x) => x.name === name);
      if (!d) throw new UsageError(`unknown flag: --${name}`);
      set(d, eq < 0 ? undefined : a.slice(eq + 1), next, `--${name}`);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const d = FLAGS.find((x) => x.short === c);
        if (!d) throw new UsageError(`unknown shorthand flag: '${c}' in ${a}`);
        if (d.kind === 'string') {
          const rest = a.slice(j + 1);
          set(d, rest === '' ? undefined : rest.replace(/^=/, ''), next, `'${c}' in -${c}`);
          break;
        }
        const rest = a.slice(j + 1);
        if (rest.startsWith('=')) {
          set(d, rest.slice(1), next, c);
          break;
        }
        set(d, undefined, next, c);
      }
    } else {
      f.args.push(a);
    }
  }
  return f;
}


function diagnosticsJson(result: ButaneResult): string {
  const lines = result.yaml.lines;
  const list = result.entries.map((e) => {
    const pos = e.offset !== undefined ? lines.lineCol(e.offset) : null;
    return {
      severity: e.kind,
      message: e.message,
      path: pathString(e.path),
      ...(e.offset !== undefined ? { range: { start: lines.position(e.offset), end: lines.position(e.offset) }, line: pos!.line, column: pos!.column } : {}),
    };
  });
  if (result.error) list.push({ severity: 'error', message: result.error, path: '$' });
  return JSON.stringify(list, null, 2) + '\n';
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
  let colorize = false;
  if (flags.color === 'always' || flags.color === 'yes') colorize = true;
  else if (flags.color === 'auto') colorize = process.env.NO_COLOR === undefined && !!process.stderr.isTTY;
  if (flags.diagnostics !== 'text' && flags.diagnostics !== 'json') {
    process.stderr.write(`invalid argument "${flags.diagnostics}" for "--diagnostics" flag: use text or json\n${usage()}`);
    return 2;
  }
  let input = flags.input;
  if (flags.args.length === 1 && input === '') input = flags.args[0];
  else if (flags.args.length > 0) {
    process.stderr.write(usage());
    return 2;
  }
  if (flags.help) {
    process.stdout.write(usage());
    return 0;
  }
  if (flags.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }

  let bytes: Uint8Array;
  const fileName = input || '<stdin>';
  try {
    bytes = input ? fs.readFileSync(input) : readAllStdin();
  } catch (e: any) {
    if (input && e.code === 'EISDIR') {
      process.stderr.write(`failed to read ${input}: read ${input}: is a directory\n`);
      return 1;
    }
    process.stderr.write(input ? `failed to open ${input}: ${goFileError('open', input, e)}\n` : `failed to read /dev/stdin: ${e.message}\n`);
    return 1;
  }
  // as in clct (main.ts): the optimizing compiler, off from the launcher on, pays for itself
  // only on big inputs
  v8.setFlagsFromString(bytes.length < OPTIMIZE_ABOVE_BYTES ? '--no-opt' : '--opt');
  const decoded = decodeButaneBytes(bytes);
  if (!decoded.ok) {
    process.stderr.write(`Error translating config: Error unmarshaling yaml: ${decoded.error}\n`);
    return 1;
  }
  const result = transpileButane(decoded.text, { pretty: flags.pretty, files: flags.filesDir ? butaneFiles(flags.filesDir) : null });

  if (flags.diagnostics === 'json') {
    if (result.entries.length || result.error) process.stderr.write(diagnosticsJson(result));
  } else if (result.entries.length) {
    if (flags.rawErrors) process.stderr.write(renderRaw(result.entries, result.yaml.lines));
    else process.stderr.write(renderPretty(result.entries, fileName, bytes, result.yaml.lines, colorize));
  }
  if (result.error !== null) {
    if (flags.diagnostics !== 'json') process.stderr.write(`Error translating config: ${result.error}\n`);
    return 1;
  }
  if (flags.strict && result.entries.length) {
    process.stderr.write('Config produced warnings and --strict was specified\n');
    return 1;
  }
  if (flags.check) return 0;
  const out = result.output + '\n';
  if (!flags.output) {
    process.stdout.write(out);
    return 0;
  }
  const err = writeFileAtomic(flags.output, out);
  if (err) {
    process.stderr.write(`failed to open ${flags.output}: ${err}\n`);
    return 1;
  }
  return 0;
}

let exitCode: number;
try {
  exitCode = main(process.argv.slice(2));
} catch (e: any) {
  process.stderr.write(`Error translating config: internal error: ${e?.message ?? String(e)}\n`);
  exitCode = 1;
}
process.exitCode = exitCode;
process.stdout.write('', () => process.stderr.write('', () => process.exit(exitCode)));
