// What fuzzing checks for Butane configs, shared by the bounded unit test
// (test/unit/fuzz-butane.test.ts) and the long run (`npm run fuzz`, test/fuzz/long-run.ts).
// No reference binary is needed: the differential campaign against butane is
// test/fuzz/butane-differential.ts.
//   - inputs: the butane corpus as is, mutated (test/support/butane-mutate.ts), and configs
//     generated from the Butane schema of each flatcar spec (mostly valid ones, so the
//     successful path is exercised too);
//   - core: the transpiler never throws and is fast; every report has a path of keys and
//     indexes and, when placed, an offset inside the text; both renderings of the reports work;
//     a successful output is JSON that the Ignition 3 validator accepts for its spec version
//     (decoded into the spec's types without a mismatch, no error); --pretty and compact give
//     the same JSON and the same reports; the same input gives the same result twice;
//   - editor: diagnostics, completion, hover, definition, symbols, folding and quick fixes never
//     throw at any offset, and their ranges stay inside the text.
// Checks return violations instead of throwing, so a long run can count them.

import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { transpileButane } from '../../src/core/butane/transpile.ts';
import type { ButaneResult } from '../../src/core/butane/transpile.ts';
import { renderPretty, renderRaw } from '../../src/core/butane/render.ts';
import type { LocalFiles } from '../../src/core/butane/local-files.ts';
import { diagnoseButane } from '../../src/core/butane/diagnostics.ts';
import { butaneSchema } from '../../src/core/butane/editor-schema.ts';
import { flatcarSpecs } from '../../src/core/butane/variants.ts';
import { decodeJsonValue } from '../../src/core/go/json-decode.ts';
import { ign3Types } from '../../src/core/ignition/v3/types.ts';
import { validateIgnition3 } from '../../src/core/ignition/v3/validate.ts';
import { ClcDocument } from '../../src/core/features/document.ts';
import { complete } from '../../src/core/features/completion.ts';
import { hover } from '../../src/core/features/hover.ts';
import { documentSymbols } from '../../src/core/features/symbols.ts';
import { foldingRanges } from '../../src/core/features/folding.ts';
import { codeActionsFor, definitionFor, featuresFor } from '../../src/core/features/formats.ts';
import type { JsonSchema } from '../../src/core/features/schema.ts';
import type { Span } from '../../src/core/report.ts';
import { mutateButane } from '../support/butane-mutate.ts';
import { Rng } from '../support/rng.ts';
import { featureProbe, loadCorpus } from './properties.ts';
import type { CorpusCase, Violation } from './properties.ts';


export type ButaneCase = CorpusCase;

export function loadButaneCorpus(): ButaneCase[] {
  return loadCorpus('butane-conformance');
}

/** An in-memory files directory: a text file, a binary one, a tree; everything else is missing. */
export const fakeButaneFiles: LocalFiles = {
  dir: 'files',
  read(rel) {
    if (rel === 'motd.txt') return { ok: true, data: new TextEncoder().encode('hello\n') };
    if (rel === 'bin.dat') return { ok: true, data: new Uint8Array([0, 255, 10, 37]) };
    return { ok: false, error: `open files/${rel}: no such file or directory` };
  },
  tree(local) {
    if (local !== 'tree') return { ok: false, error: `lstat files/${local}: no such file or directory` };
    const data = new TextEncoder().encode('a\n');
    return {
      ok: true,
      entries: [
        { rel: '.', kind: 'dir' },
        { rel: 'a.txt', kind: 'file', read: () => ({ ok: true, data }) },
        { rel: 'bin', kind: 'dir' },
        { rel: 'bin/tool', kind: 'file', executable: true, read: () => ({ ok: true, data }) },
        { rel: 'link', kind: 'symlink', target: 'a.txt' },
      ],
    };
  },
};

// ------------------------------------------------------------------ generation from the schema

const VALUE_BY_KEY: Record<string, string[]> = {
  mode: ['0644', '0755', '0600', '0640', '0750'],
  device: ['/dev/vdb', '/dev/vdc', '/dev/disk/by-label/DATA'],
  format: ['ext4', 'xfs', 'btrfs', 'vfat'],
  source: ['https://example.com/a', 'data:,hello', 's3://b/k'],
  inline: ['hello', '"a\\nb"', '""'],
  local: ['motd.txt', 'bin.dat'],
  contents_local: ['motd.txt'],
  ssh_authorized_keys_local: ['motd.txt'],
  target: ['/usr/bin/true', '/etc/hosts'],
  hash: ['sha512-' + 'ab'.repeat(64), 'sha256-' + 'cd'.repeat(32)],
  compression: ['gzip', '""'],
  level: ['raid1', 'raid0', 'linear'],
  label: ['DATA', 'ROOT'],
  contents: ['"[Unit]\\nDescription=x\\n[Install]\\nWantedBy=multi-user.target\\n"', '"[Service]\\nExecStart=/bin/true\\n"'],
  http_proxy: ['http://proxy:3128'],
  https_proxy: ['https://proxy:3129'],
};

/** Names that are unique in their list and fit it (unit suffixes, drop-in suffixes...). */
const NAME_BY_LIST: Record<string, (n: number) => string> = {
  units: (n) => `u${n}.service`,
  dropins: (n) => `d${n}.conf`,
  quadlets: (n) => `q${n}.container`,
  users: (n) => `user${n}`,
  groups: (n) => `group${n}`,
  http_headers: (n) => `X-H${n}`,
};

/** Keys of which a config may set only one (butane refuses the others). */
const EXCLUSIVE = [['inline', 'local', 'source'], ['contents', 'contents_local']];
/** Keys an entry of a list is known by or cannot do without: always set. */
const IDENTITY = ['path', 'name', 'device', 'target'];

/** A config for one of the flatcar specs, from its schema: block YAML, a few fields per level. */
export function generateButane(seed: number): string {
  const r = new Rng(seed);
  const spec = r.pick(flatcarSpecs);
  const lines = ['variant: flatcar', `version: ${spec.version}`];
  const schema = butaneSchema(spec);
  let counter = 0;
  const deref = (s: JsonSchema): JsonSchema => s.anyOf?.[0] ?? s.oneOf?.[0] ?? s;
  const scalar = (s: JsonSchema, key: string, list: string): string => {
    if (key === 'name' && NAME_BY_LIST[list]) return NAME_BY_LIST[list](++counter);
    if (key === 'path' || key === 'home_dir') return `/var/g/p${++counter}`;
    if (key === 'local' && list === 'trees') return 'tree';
    if (s.enum?.length && r.chance(0.9)) return String(r.pick(s.enum));
    const t = Array.isArray(s.type) ? s.type[0] : s.type;
    if (t === 'boolean') return r.pick(['true', 'false']);
    if (t === 'integer' || t === 'number') return key === 'mode' ? r.pick(VALUE_BY_KEY.mode) : String(r.pick([1, 2, 100, 1000]));
    if (VALUE_BY_KEY[key]) return r.pick(VALUE_BY_KEY[key]);
    return `v${++counter}`;
  };
  const emit = (s: JsonSchema, indent: number, depth: number, first: string, list: string, item: boolean): void => {
    const props = Object.entries(s.properties ?? {}).filter(([k]) => depth > 0 || (k !== 'variant' && k !== 'version'));
    let chosen = props.filter(([k]) => (item && (IDENTITY.includes(k) || (k === 'local' && list === 'trees'))) || r.chance(depth === 0 ? 0.5 : 0.3)).slice(0, 6);
    for (const group of EXCLUSIVE) {
      const set = chosen.filter(([k]) => group.includes(k));
      if (set.length > 1) chosen = chosen.filter(([k]) => !group.includes(k) || k === set[0][0]);
    }
    if (!chosen.length && props.length) chosen.push(r.pick(props));
    chosen.forEach(([key, raw], i) => {
      const sub = deref(raw);
      const head = (i === 0 ? first : ' '.repeat(indent)) + key + ':';
      const t = Array.isArray(sub.type) ? sub.type.find((x) => x !== 'null') : sub.type;
      if (t === 'object' && sub.properties && depth < 6) {
        lines.push(head);
        emit(sub, indent + 2, depth + 1, ' '.repeat(indent + 2), key, false);
      } else if (t === 'array' && sub.items && depth < 6) {
        const entry = deref(sub.items);
        const n = 1 + r.int(2);
        lines.push(head);
        for (let k = 0; k < n; k++) {
          if (entry.properties) emit(entry, indent + 4, depth + 1, ' '.repeat(indent + 2) + '- ', key, true);
          else lines.push(`${' '.repeat(indent + 2)}- ${scalar(entry, key, key)}`);
        }
      } else {
        lines.push(`${head} ${scalar(sub, key, list)}`);
      }
    });
  };
  emit(schema, 0, 0, '', '', false);
  return lines.join('\n') + '\n';
}

// ------------------------------------------------------------------------------------ inputs

export interface ButaneInput {
  text: string;
  /** with the in-memory files directory */
  files: boolean;
  origin: string;
}

export function butaneInputArb(corpus: ButaneCase[]): fc.Arbitrary<ButaneInput> {
  const donors = corpus.map((c) => c.text);
  const mutated = fc.tuple(fc.nat({ max: corpus.length - 1 }), fc.integer({ min: 1, max: 0x7fffffff })).map(([k, seed]) => ({
    text: mutateButane(corpus[k].text, seed, donors),
    origin: `corpus:${corpus[k].name} mutated by seed ${seed}`,
  }));
  const generated = fc.tuple(fc.integer({ min: 1, max: 0x7fffffff }), fc.boolean(), fc.integer({ min: 1, max: 0x7fffffff })).map(([seed, mutate, ms]) => ({
    text: mutate ? mutateButane(generateButane(seed), ms, donors) : generateButane(seed),
    origin: `generated:${seed}${mutate ? ` mutated by seed ${ms}` : ''}`,
  }));
  return fc.tuple(fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 2, arbitrary: generated }), fc.boolean()).map(([t, files]) => ({ ...t, files }));
}

// --------------------------------------------------------------------------- core properties

function spanProblem(span: Span | undefined, length: number): string | null {
  if (!span) return null;
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end))) return `span not integral ${JSON.stringify(span)}`;
  if (span.start < 0 || span.end < span.start || span.end > length) return `span ${span.start}..${span.end} outside 0..${length}`;
  return null;
}

const fingerprint = (r: ButaneResult): string => JSON.stringify([r.error, r.entries.map((e) => [e.kind, e.message, e.path, e.offset])]);

export function checkButaneCore(input: ButaneInput, slowMs: number): { violations: Violation[]; ms: number } {
  const out: Violation[] = [];
  const { text } = input;
  const files = input.files ? fakeButaneFiles : null;
  let total = 0;
  const timed = <T>(stage: string, fn: () => T): T | undefined => {
    const t0 = performance.now();
    try {
      return fn();
    } catch (e) {
      out.push({ kind: 'crash', detail: `${stage}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      total += ms;
      if (ms > slowMs) out.push({ kind: 'slow', detail: `${stage} took ${ms.toFixed(0)} ms` });
    }
  };
  const compact = timed('transpile', () => transpileButane(text, { files }));
  const pretty = timed('transpile --pretty', () => transpileButane(text, { files, pretty: true }));
  const again = timed('transpile again', () => transpileButane(text, { files }));
  if (!compact) return { violations: out, ms: total };
  for (const e of compact.entries) {
    // a path step is a key, an index, or (for an unused key) the key itself
    const step = (s: unknown) => typeof s === 'string' || (Number.isInteger(s) && (s as number) >= 0) || (typeof s === 'object' && s !== null && typeof (s as { key?: unknown }).key === 'string');
    if (!Array.isArray(e.path) || !e.path.every(step)) out.push({ kind: 'span', detail: `report "${e.message}": bad path ${JSON.stringify(e.path)}` });
    if (e.offset !== undefined && !(Number.isInteger(e.offset) && e.offset >= 0 && e.offset <= text.length)) out.push({ kind: 'span', detail: `report "${e.message}": offset ${e.offset} outside 0..${text.length}` });
  }
  timed('render', () => {
    renderRaw(compact.entries, compact.yaml.lines);
    renderPretty(compact.entries, 'config.bu', Buffer.from(text, 'utf8'), compact.yaml.lines, false);
  });
  if ((compact.output === null) === (compact.error === null)) out.push({ kind: 'crash', detail: `output ${compact.output === null ? 'and error both missing' : 'and error both set'}` });
  if (compact.output !== null) {
    timed('output is valid Ignition', () => {
      const version = compact.spec?.ignitionVersion;
      if (!version) throw new Error('an output without a spec');
      const json = JSON.parse(compact.output!);
      if (json?.ignition?.version !== version) throw new Error(`output version ${json?.ignition?.version}, spec wants ${version}`);
      const decoded = decodeJsonValue(json, ign3Types(version).Config);
      if (decoded.mismatches.length) throw new Error(`output does not fit Ignition ${version}: ${JSON.stringify(decoded.mismatches.slice(0, 3))}`);
      const errors = validateIgnition3(decoded.value as Record<string, unknown>, version).filter((e) => e.kind === 'error');
      if (errors.length) throw new Error(`Ignition ${version} refuses the output: ${JSON.stringify(errors.slice(0, 3))}`);
    });
  }
  if (pretty) {
    if (fingerprint(pretty) !== fingerprint(compact)) out.push({ kind: 'nondeterministic', detail: '--pretty gives other reports than compact' });
    else if (compact.output !== null) {
      const same = timed('pretty vs compact', () => JSON.stringify(JSON.parse(pretty.output!)) === JSON.stringify(JSON.parse(compact.output!)) && !compact.output!.includes('\n'));
      if (same === false) out.push({ kind: 'nondeterministic', detail: '--pretty and compact outputs are not the same JSON' });
    }
  }
  if (again && (fingerprint(again) !== fingerprint(compact) || again.output !== compact.output)) out.push({ kind: 'nondeterministic', detail: 'two runs over the same text differ' });
  return { violations: out, ms: total };
}

// ----------------------------------------------------------------------- editor features

export function checkButaneFeatures(input: ButaneInput, offsets: number[], slowMs: number): Violation[] {
  const { text } = input;
  const { out, range, guard, lineCount } = featureProbe(text, slowMs);
  const doc = new ClcDocument(text);
  let diagnostics: ReturnType<typeof diagnoseButane>['diagnostics'] = [];
  guard('diagnostics', () => {
    diagnostics = diagnoseButane(text, { files: input.files ? fakeButaneFiles : null }).diagnostics;
    for (const d of diagnostics) range(`diagnostic "${d.message}"`, d.span);
  });
  let format: ReturnType<typeof featuresFor> = {};
  guard('format features', () => {
    format = featuresFor('butane', doc);
  });
  for (const o of offsets) {
    guard(`complete@${o}`, () => complete(doc, o, format).forEach((c) => range(`completion@${o}`, c.replace)));
    guard(`hover@${o}`, () => range(`hover@${o}`, hover(doc, o, format)?.span));
    guard(`definition@${o}`, () =>
      definitionFor('butane', doc, o).forEach((d) => {
        range(`definition@${o}`, d.span);
        range(`definition@${o}`, d.selection);
        range(`definition@${o}`, d.origin);
      }),
    );
  }
  guard('symbols', () => {
    const walk = (list: ReturnType<typeof documentSymbols>, depth: number): void => {
      if (depth > 200) return;
      for (const s of list) {
        range(`symbol ${s.name}`, s.span);
        range(`symbol ${s.name} selection`, s.selection);
        walk(s.children, depth + 1);
      }
    };
    walk(documentSymbols(doc), 0);
  });
  guard('folding', () => {
    for (const r of foldingRanges(doc)) {
      if (!(r.startLine >= 0 && r.startLine <= r.endLine && r.endLine < lineCount)) out.push({ kind: 'feature-range', detail: `folding ${r.startLine}-${r.endLine} of ${lineCount} lines` });
    }
  });
  guard('code actions', () => {
    for (const a of codeActionsFor('butane', doc, diagnostics)) for (const e of a.edits ?? []) range(`edit of "${a.title}"`, e.span);
  });
  return out;
}
