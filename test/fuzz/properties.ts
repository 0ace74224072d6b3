// What fuzzing checks, shared by the bounded unit test (test/unit/fuzz-core.test.ts) and the
// long run (`npm run fuzz`, test/fuzz/long-run.ts):
//   - inputs: the conformance corpus as is, the corpus mutated line by line, and configs
//     generated from the Container Linux Config model (src/core/clc/model.ts);
//   - core properties: parse, check and convert never throw, every diagnostic span lies inside
//     the text, and the same input gives the same result twice;
//   - editor features (whichever exist in src/core/features/): no throw at any offset, ranges
//     inside the text, and applying a quick fix leaves fewer problems of the code it fixes.
// Checks return a list of violations instead of throwing, so a long run can count them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { parseConfig, transpile } from '../../src/core/transpile.ts';
import type { TranspileOptions } from '../../src/core/transpile.ts';
import type { Diagnostic, Span } from '../../src/core/report.ts';
import { Config, etcdOptions, flannelOptions } from '../../src/core/clc/model.ts';
import type { GoType, StructType } from '../../src/core/go/types.ts';
import { flatFields } from '../../src/core/go/types.ts';
import { platformIds } from '../../src/core/platforms.ts';
import { parseYaml, readYamlDocument } from '../../src/core/yaml/parse.ts';
import { describeParsed } from '../support/yaml-tree.ts';
import { Rng } from '../support/rng.ts';

export { Rng };

const ROOT = path.resolve(__dirname, '..', '..');

// ------------------------------------------------------------------------------------- corpus

export interface CorpusCase {
  name: string;
  text: string;
}

/** The inputs of a corpus under test/ (`conformance` for ct, `butane-conformance` for butane). */
export function loadCorpus(corpus = 'conformance'): CorpusCase[] {
  const dir = path.join(ROOT, 'test', corpus, 'cases');
  return fs
    .readdirSync(dir)
    .sort()
    .filter((n) => fs.existsSync(path.join(dir, n, 'input.yml')))
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name, 'input.yml'), 'utf8') }));
}

// ------------------------------------------------------------------------ values worth trying

/** Raw YAML tokens for scalars, by the key they usually appear under. */
const POOLS: Record<string, string[]> = {
  path: ['/etc/motd', '/opt/bin/tool', 'relative/path', '/', '""', '/a/../b', '"/with space"'],
  target: ['/usr/bin/true', 'relative', '""'],
  mode: ['0644', '0755', '420', '0o644', '"0644"', '644', '07777', '010000', '-1', '0x1ff'],
  filesystem: ['root', 'oem', 'data', '""', 'missing'],
  source: ['https://example.com/a.ign', 'http://[::1', 'data:,hello', 's3://bucket/key', 'tftp://h/f', '"%zz"', '""', 'oem:///x'],
  url: ['https://example.com/f.gz', 'data:;base64,aGk=', 'gs://b/o', 'ftp://h/x', '""'],
  function: ['sha512', 'sha256', 'md5', '""'],
  hash: ['sha512-' + 'ab'.repeat(64), 'sha256-xyz', 'md5-0', '""'],
  compression: ['gzip', '""', 'bzip2'],
  inline: ['hello', '"a\\nb"', '"100% sure"', '""', '"ünïcødé 😀"'],
  local: ['motd.txt', '../escape', '/etc/hostname', 'missing', '""'],
  device: ['/dev/sda', '/dev/md/data', 'sda', '""'],
  format: ['ext4', 'btrfs', 'xfs', 'swap', 'vfat', 'ntfs'],
  level: ['raid0', 'raid1', 'raid5', 'linear', 'raid7'],
  size: ['0', '2GiB', '100MiB', '1x', '""'],
  start: ['0', '2048', '1MiB'],
  guid: ['5DFBF5F4-2848-4BAC-AA5E-0D9A20B745A6', 'not-a-guid'],
  type_guid: ['linux_filesystem', 'raid_containing_root', 'swap_partition', '0FC63DAF-8483-4772-8E79-3D69D8477DE4', 'nope'],
  label: ['ROOT', 'a-label-that-is-much-longer-than-thirty-six-characters', '""'],
  uuid: ['4f68bce3-e8cd-4db1-96e7-fbcaf984b709', 'x'],
  name: ['core', 'foo.service', 'x.mount', '00-eth0.network', '10-x.conf', 'data', 'bad name', '""'],
  contents: ['"[Unit]\\nDescription=x\\n[Install]\\nWantedBy=multi-user.target\\n"', '"[Service\\n"', '"no section\\n"', '""'],
  password_hash: ['"$6$salt$hash"', '""'],
  ssh_authorized_keys: ['ssh-ed25519 AAAAC3Nza user@host', '""'],
  version: ['3.5.0', '3.4.1', '3.0.0', '2.3.0', '0.6.0', '0.7.1', '4.0.0', '1.0.0', 'x.y.z', 'v3.5.0', '""'],
  network_config: ['\'{"Network": "10.1.0.0/16"}\'', 'notjson', '""'],
  group: ['stable', 'beta', 'alpha', 'lts', 'custom', 'core', '""'],
  server: ['https://public.update.flatcar-linux.net/v1/update/', 'http://[::1', '""'],
  reboot_strategy: ['reboot', 'etcd-lock', 'off', 'best-effort', 'bad'],
  window_start: ['Sun 5:00', '5:00', 'Caturday 1:00', 'Mon 25:00'],
  window_length: ['1h', '30m', 'forever', '-1h'],
  etcd_endpoints: ['http://127.0.0.1:2379', '"http://{PRIVATE_IPV4}:2379"', '""'],
  flags: ['--debug', '"--log-driver=journald"'],
};
const INTS = ['0', '1', '-1', '1000', '0x10', '0o17', '1_000', '1e3', '1.5', '.inf', '-.inf', '.nan', '9223372036854775807', '~', 'abc', '"12"'];
const BOOLS = ['true', 'false', 'yes', 'no', 'on', 'off', 'True', '"true"', '1', '~', 'maybe'];
const STRINGS = ['x', '""', '~', '12', 'true', '"{PRIVATE_IPV4}"', '"{HOSTNAME}"', '"{NOPE}"', "'single'", '"tab\\there"', '!!str 5', '!!binary aGVsbG8=', '"%d"', '&anch value'];

// ------------------------------------------------------------------ generation from the model

/** Renders a random config for the model as block YAML (sometimes with flow collections). */
export function generateConfig(seed: number): string {
  const r = new Rng(seed);
  const lines: string[] = [];
  const wrongShape = r.pick([0, 0.02, 0.08]);
  const unknownKeys = r.pick([0, 0.05, 0.15]);

  const scalarFor = (t: GoType, key: string): string => {
    if (t.kind === 'ptr') return scalarFor(t.elem, key);
    if (t.kind === 'bool') return r.pick(BOOLS);
    if (t.kind === 'int' || t.kind === 'uint') {
      if (key === 'mode') return r.pick(POOLS.mode);
      return r.chance(0.7) ? r.pick(['0', '1', '420', '1000', '65534']) : r.pick(INTS);
    }
    return POOLS[key] && r.chance(0.85) ? r.pick(POOLS[key]) : r.pick(STRINGS);
  };

  const isScalarType = (t: GoType): boolean => {
    while (t.kind === 'ptr') t = t.elem;
    return t.kind === 'string' || t.kind === 'int' || t.kind === 'uint' || t.kind === 'bool' || t.kind === 'custom';
  };

  const optionFields = (key: string): Array<{ key: string; type: GoType }> => {
    const table = key === 'etcd' ? etcdOptions : flannelOptions;
    const kinds = { string: { kind: 'string' }, int: { kind: 'int' }, bool: { kind: 'bool' } } as const;
    const out: Array<{ key: string; type: GoType }> = [{ key: 'version', type: { kind: 'string' } }];
    if (key === 'flannel') out.push({ key: 'network_config', type: { kind: 'string' } });
    for (const o of table.options) out.push({ key: o.key, type: kinds[o.type] as GoType });
    return out;
  };

  const fieldsOf = (t: GoType, key: string): Array<{ key: string; type: GoType }> | null => {
    while (t.kind === 'ptr') t = t.elem;
    if (t.kind === 'struct') return flatFields(t as StructType).map((f) => ({ key: f.key, type: f.type }));
    if (t.kind === 'versioned') return optionFields(key);
    return null;
  };

  // emits `key: value` pairs of a mapping at `indent`; `first` is the prefix of the first line ("- " for items)
  const mapping = (fields: Array<{ key: string; type: GoType }>, indent: number, depth: number, firstPrefix = ''): void => {
    const density = depth === 0 ? 0.35 : r.next();
    const chosen = fields.filter(() => r.chance(density)).slice(0, 8);
    if (r.chance(unknownKeys)) chosen.push({ key: r.pick(['foo', 'Path', 'filesytem', 'unit', 'x-y']), type: { kind: 'string' } });
    if (!chosen.length) chosen.push(r.pick(fields));
    chosen.forEach((f, i) => {
      const pad = i === 0 && firstPrefix ? ' '.repeat(indent - firstPrefix.length) + firstPrefix : ' '.repeat(indent);
      value(f.type, f.key, pad + f.key + ':', indent, depth + 1);
    });
  };

  const value = (t: GoType, key: string, head: string, indent: number, depth: number): void => {
    if (r.chance(wrongShape)) {
      lines.push(head + ' ' + r.pick(['[1, 2]', '{a: b}', '', 'text', '[]', '{}']));
      return;
    }
    while (t.kind === 'ptr') t = t.elem;
    if (isScalarType(t)) {
      lines.push(head + ' ' + scalarFor(t, key));
      return;
    }
    if (t.kind === 'slice') {
      const n = r.int(depth > 4 ? 2 : 4);
      if (n === 0) {
        lines.push(head + (r.chance(0.5) ? ' []' : ''));
        return;
      }
      if (isScalarType(t.elem) && r.chance(0.3)) {
        lines.push(head + ' [' + Array.from({ length: n }, () => scalarFor(t.elem, key)).join(', ') + ']');
        return;
      }
      lines.push(head);
      for (let i = 0; i < n; i++) {
        const fields = fieldsOf(t.elem, key);
        if (fields) mapping(fields, indent + 4, depth, '- ');
        else lines.push(' '.repeat(indent + 2) + '- ' + scalarFor(t.elem, key));
      }
      return;
    }
    const fields = fieldsOf(t, key);
    if (!fields || depth > 6) {
      lines.push(head + ' {}');
      return;
    }
    lines.push(head);
    mapping(fields, indent + 2, depth);
  };

  mapping(flatFields(Config).map((f) => ({ key: f.key, type: f.type })), 0, 0);
  return lines.join('\n') + '\n';
}

// --------------------------------------------------------------------------------- mutations

export type Mutation =
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'indent'; at: number; by: number }
  | { op: 'insert'; at: number; token: string }
  | { op: 'truncate'; at: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'replaceValue'; at: number; value: string }
  | { op: 'lineEndings'; style: '\r\n' | '\r' }
  | { op: 'prefix'; text: string };

const TOKENS = [':', ': ', '- ', '-', '#', ' # c', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '!!int ', '|', '>-', '?', '\t', ' ', '\n', '---\n', '...\n', '%', '@', '`', '\\', '\u00a0', '\u0085', '\u2028', '\ufeff', 'é', '😀', '\u0000', '<<: ', '~'];
const VALUES = [...INTS, ...BOOLS, ...STRINGS, ...Object.values(POOLS).flat()];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('replaceValue' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
  fc.record({ op: fc.constant('lineEndings' as const), style: fc.constantFrom('\r\n' as const, '\r' as const) }),
  fc.record({ op: fc.constant('prefix' as const), text: fc.constantFrom('%YAML 1.1\n---\n', '---\n', '# c\n', '\ufeff', '  ') }),
);

export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = (n: number) => n % Math.max(1, lines.length);
  switch (m.op) {
    case 'deleteLine':
      lines.splice(i(m.at), 1);
      break;
    case 'duplicateLine':
      lines.splice(i(m.at), 0, lines[i(m.at)]);
      break;
    case 'indent': {
      const k = i(m.at);
      lines[k] = m.by >= 0 ? ' '.repeat(m.by) + lines[k] : lines[k].replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.token + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'swapLines': {
      const a = i(m.a);
      const b = i(m.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      break;
    }
    case 'replaceValue': {
      const k = i(m.at);
      lines[k] = lines[k].replace(/(:\s|-\s)(.*)$/, (_all, sep: string) => sep + m.value);
      break;
    }
    case 'lineEndings':
      return text.replace(/\n/g, m.style);
    case 'prefix':
      return m.text + text;
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------ inputs

export interface FuzzInput {
  text: string;
  options: TranspileOptions;
  /** where it came from, for reports */
  origin: string;
}

const optionsArb: fc.Arbitrary<TranspileOptions> = fc.record({
  pretty: fc.boolean(),
  strict: fc.constantFrom(false, false, false, true),
  platform: fc.constantFrom('', '', ...platformIds, 'bogus'),
  local: fc.boolean(),
}).map(({ local, ...o }) => (local ? { ...o, filesDir: 'files', readFile: fakeReader } : o));

/** An in-memory files directory for `local:` contents: no disk access in fuzzing. */
export function fakeReader(rel: string): { ok: true; data: Uint8Array } | { ok: false; error: string } {
  if (rel === 'motd.txt') return { ok: true, data: new TextEncoder().encode('hello\n') };
  if (rel === 'bin.dat') return { ok: true, data: new Uint8Array([0, 255, 10, 37]) };
  return { ok: false, error: `open files/${rel}: no such file or directory` };
}

export function inputArb(corpus: CorpusCase[]): fc.Arbitrary<FuzzInput> {
  const seedIndex = fc.nat({ max: corpus.length - 1 });
  const fromCorpus = fc.tuple(seedIndex, fc.array(mutationArb, { minLength: 0, maxLength: 4 })).map(([k, ms]) => ({
    text: ms.reduce(mutate, corpus[k].text),
    origin: `corpus:${corpus[k].name}${ms.length ? ` +${ms.length} mutations` : ''}`,
  }));
  const generated = fc.tuple(fc.integer({ min: 1, max: 0x7fffffff }), fc.array(mutationArb, { maxLength: 2 })).map(([seed, ms]) => ({
    text: ms.reduce(mutate, generateConfig(seed)),
    origin: `generated:${seed}${ms.length ? ` +${ms.length} mutations` : ''}`,
  }));
  return fc.tuple(fc.oneof({ weight: 3, arbitrary: fromCorpus }, { weight: 2, arbitrary: generated }), optionsArb).map(([t, options]) => ({ ...t, options }));
}

// --------------------------------------------------------------------------- core properties

export interface Violation {
  kind: 'crash' | 'slow' | 'span' | 'nondeterministic' | 'reader-mismatch' | 'feature-crash' | 'feature-range' | 'quick-fix';
  detail: string;
}

function spanProblem(span: Span | undefined, length: number): string | null {
  if (!span) return null;
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end))) return `span not integral ${JSON.stringify(span)}`;
  if (span.start < 0 || span.end < span.start || span.end > length) return `span ${span.start}..${span.end} outside 0..${length}`;
  return null;
}

const fingerprint = (r: { output: string | null; diagnostics: Diagnostic[] }): string =>
  JSON.stringify([r.output, r.diagnostics.map((d) => [d.severity, d.code, d.message, d.span?.start, d.span?.end, !!d.unpositioned])]);

/**
 * Parse, check (diagnostics with hints) and convert one input; time each stage.
 * `slowMs`: a single stage taking longer counts as a violation of kind "slow".
 */
export function checkCore(input: FuzzInput, slowMs: number): { violations: Violation[]; ms: number } {
  const violations: Violation[] = [];
  const { text, options } = input;
  let total = 0;
  const timed = <T>(stage: string, fn: () => T): T | undefined => {
    const t0 = performance.now();
    try {
      return fn();
    } catch (e) {
      violations.push({ kind: 'crash', detail: `${stage}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      total += ms;
      if (ms > slowMs) violations.push({ kind: 'slow', detail: `${stage} took ${ms.toFixed(0)} ms` });
    }
  };
  const parsed = timed('parse', () => parseConfig(text));
  if (parsed) for (const d of parsed.diagnostics) {
    const p = spanProblem(d.span, text.length);
    if (p) violations.push({ kind: 'span', detail: `parse: ${d.message}: ${p}` });
  }
  const first = timed('transpile', () => transpile(text, { ...options, hints: true }));
  const second = timed('transpile again', () => transpile(text, { ...options, hints: true }));
  if (first) {
    for (const d of first.diagnostics) {
      const p = spanProblem(d.span, text.length);
      if (p) violations.push({ kind: 'span', detail: `${d.code ?? d.severity}: ${d.message}: ${p}` });
    }
    if (first.output !== null) {
      try {
        JSON.parse(first.output);
      } catch {
        violations.push({ kind: 'crash', detail: 'output is not JSON' });
      }
    }
  }
  if (first && second && fingerprint(first) !== fingerprint(second)) violations.push({ kind: 'nondeterministic', detail: 'two runs over the same text differ' });
  // the fast YAML reader, where it reads, must give the full parser's tree
  timed('readers', () => {
    if (!readYamlDocument(text).fast) return;
    const a = describeParsed(parseYaml(text));
    const b = describeParsed(parseYaml(text, { fullParserOnly: true }));
    if (a !== b) violations.push({ kind: 'reader-mismatch', detail: `fast reader:\n${a}\nfull parser:\n${b}` });
  });
  return { violations, ms: total };
}

// ----------------------------------------------------------------------- editor features

/** The feature functions that exist right now; absent modules are skipped. */
export interface Features {
  ClcDocument?: new (text: string, version?: number) => unknown;
  complete?: (doc: any, offset: number, options?: any) => Array<{ replace?: Span }>;
  hover?: (doc: any, offset: number, options?: any) => { span?: Span } | null;
  definition?: (doc: any, offset: number) => Array<{ span?: Span; selection?: Span; origin?: Span }>;
  documentSymbols?: (doc: any) => unknown[];
  foldingRanges?: (doc: any) => Array<{ startLine: number; endLine: number }>;
  codeActions?: (doc: any, diagnostics: readonly Diagnostic[]) => Array<{ kind?: string; diagnostics?: Diagnostic[]; edits?: Array<{ span: Span; newText: string }> }>;
  diagnose?: (text: string, options?: TranspileOptions) => { diagnostics: Diagnostic[] };
  names: string[];
}

export async function loadFeatures(): Promise<Features> {
  const f: Features = { names: [] };
  const load = async (file: string, names: string[]): Promise<void> => {
    // a feature that does not exist (yet) is not fuzzed; one that exists must load
    if (!fs.existsSync(path.join(ROOT, 'src', 'core', 'features', file))) return;
    const mod = await import(`../../src/core/features/${file}`);
    for (const n of names) {
      if (typeof mod[n] === 'function') {
        (f as any)[n] = mod[n];
        f.names.push(n);
      }
    }
  };
  await load('document.ts', ['ClcDocument']);
  await load('completion.ts', ['complete']);
  await load('hover.ts', ['hover']);
  await load('definition.ts', ['definition']);
  await load('symbols.ts', ['documentSymbols']);
  await load('folding.ts', ['foldingRanges']);
  await load('codeActions.ts', ['codeActions']);
  await load('diagnostics.ts', ['diagnose']);
  return f;
}

function walkSymbols(list: unknown[], visit: (s: any) => void, depth = 0): void {
  if (depth > 200) return;
  for (const s of list as any[]) {
    visit(s);
    if (Array.isArray(s?.children)) walkSymbols(s.children, visit, depth + 1);
  }
}

/**
 * What the feature checks of both formats share: a violation list, a check that a range lies in
 * the text, and a guard that turns a throw or a slow call into a violation.
 */
export function featureProbe(text: string, slowMs: number) {
  const out: Violation[] = [];
  const range = (what: string, span: Span | undefined) => {
    const p = spanProblem(span, text.length);
    if (p) out.push({ kind: 'feature-range', detail: `${what}: ${p}` });
  };
  const guard = (what: string, fn: () => void) => {
    const t0 = performance.now();
    try {
      fn();
    } catch (e) {
      out.push({ kind: 'feature-crash', detail: `${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
    }
    const ms = performance.now() - t0;
    if (ms > slowMs) out.push({ kind: 'slow', detail: `${what} took ${ms.toFixed(0)} ms` });
  };
  return { out, range, guard, lineCount: text.split(/\r\n|\r|\n/).length };
}

/** Runs every feature at `offsets` (and the whole-document ones once). */
export function checkFeatures(f: Features, input: FuzzInput, offsets: number[], slowMs: number): Violation[] {
  if (!f.ClcDocument) return [];
  const { text } = input;
  const { out, range, guard, lineCount } = featureProbe(text, slowMs);
  const doc = new f.ClcDocument(text);
  const platform = input.options.platform || undefined;
  for (const o of offsets) {
    if (f.complete) guard(`complete@${o}`, () => f.complete!(doc, o, { platform }).forEach((c) => range(`completion@${o}`, c.replace)));
    if (f.hover) guard(`hover@${o}`, () => range(`hover@${o}`, f.hover!(doc, o, { platform })?.span));
    if (f.definition)
      guard(`definition@${o}`, () =>
        f.definition!(doc, o).forEach((d) => {
          range(`definition@${o}`, d.span);
          range(`definition@${o}`, d.selection);
          range(`definition@${o}`, d.origin);
        }),
      );
  }
  if (f.documentSymbols)
    guard('symbols', () =>
      walkSymbols(f.documentSymbols!(doc), (s) => {
        range(`symbol ${s?.name}`, s?.span);
        range(`symbol ${s?.name} selection`, s?.selection);
      }),
    );
  if (f.foldingRanges)
    guard('folding', () => {
      for (const r of f.foldingRanges!(doc)) {
        if (!(r.startLine >= 0 && r.startLine <= r.endLine && r.endLine < lineCount)) out.push({ kind: 'feature-range', detail: `folding ${r.startLine}-${r.endLine} of ${lineCount} lines` });
      }
    });
  if (f.codeActions && f.diagnose) guard('code actions', () => out.push(...checkQuickFixes(f, doc, input)));
  return out;
}

/** Applying a quick fix must leave fewer problems with the code(s) it claims to fix. */
function checkQuickFixes(f: Features, doc: unknown, input: FuzzInput): Violation[] {
  const out: Violation[] = [];
  const { text } = input;
  const options = { platform: input.options.platform, strict: input.options.strict };
  const before = f.diagnose!(text, options).diagnostics;
  const count = (list: Diagnostic[], code: string | undefined, message: string) => list.filter((d) => d.code === code && d.message === message).length;
  for (const action of f.codeActions!(doc, before)) {
    if (action.kind !== 'quickfix' || !action.edits?.length) continue;
    const edits = [...action.edits].sort((a, b) => b.span.start - a.span.start);
    let fixed = text;
    let last = Infinity;
    for (const e of edits) {
      const p = spanProblem(e.span, text.length);
      if (p || e.span.end > last) {
        out.push({ kind: 'quick-fix', detail: `edit of "${(action as any).title}" ${p ?? 'overlaps another edit'}` });
        return out;
      }
      fixed = fixed.slice(0, e.span.start) + e.newText + fixed.slice(e.span.end);
      last = e.span.start;
    }
    const after = f.diagnose!(fixed, options).diagnostics;
    // the problems it fixes must be gone: fixing a typo may reveal others of the same code, and the
    // same key may be misspelt twice, so a problem is looked for where the edits moved it to
    const moved = (offset: number) => edits.reduce((o, e) => (e.span.end <= offset ? o + e.newText.length - (e.span.end - e.span.start) : o), offset);
    // a problem inside text an edit deletes (a line moved elsewhere) has no place afterwards: then
    // one problem of its kind fewer is what fixing it means (a second copy may now stand there)
    const replaced = (s: Span) => edits.some((e) => e.newText === '' && e.span.start <= s.start && s.end <= e.span.end);
    for (const d of action.diagnostics ?? []) {
      const still = d.span && !replaced(d.span)
        ? after.some((a) => a.code === d.code && a.message === d.message && a.span?.start === moved(d.span!.start))
        : count(after, d.code, d.message) >= count(before, d.code, d.message);
      if (still) out.push({ kind: 'quick-fix', detail: `"${(action as any).title}" left "${d.code}: ${d.message}" in place` });
    }
  }
  return out;
}

/** Offsets worth probing: both ends, line starts and ends, and a few random ones. */
export function probeOffsets(text: string, rng: Rng, count: number): number[] {
  const set = new Set<number>([0, text.length]);
  const breaks: number[] = [];
  for (let i = 0; i < text.length && breaks.length < 400; i++) if (text[i] === '\n') breaks.push(i);
  while (set.size < count + 2 && (breaks.length || text.length)) {
    if (breaks.length && rng.chance(0.5)) {
      const b = rng.pick(breaks);
      set.add(rng.chance(0.5) ? b : Math.min(text.length, b + 1 + rng.int(12)));
    } else {
      set.add(rng.int(text.length + 1));
    }
    if (set.size >= text.length + 1) break;
  }
  return [...set];
}
