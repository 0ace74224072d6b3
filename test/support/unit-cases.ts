// Unit files for the differential test against systemd-analyze verify: every unit text of the
// conformance corpus and examples/, units written to exercise each value reader we mirror, and
// seeded mutations of the corpus units (typos, misplaced lines, bad values, broken lines,
// services systemd refuses). test/support/record-unit-verdicts.ts runs them through systemd and
// records its verdicts next to the texts.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../../src/core/yaml/parse.ts';
import { clcUnitRegions } from '../../src/core/units/clc-places.ts';
import { directivesOf, sectionsOf } from '../../src/core/units/catalog.ts';
import type { UnitFileType } from '../../src/core/units/catalog.ts';
import { parseUnitText } from '../../src/core/units/parse.ts';
import { Rng } from './rng.ts';

export interface UnitCase {
  /** unique, also the file name systemd reads (`c0001-app.service`) */
  name: string;
  fileType: UnitFileType;
  /** how the case was made (corpus path, generator, mutation) */
  origin: string;
  text: string;
  dropins?: Array<{ name: string; text: string }>;
}

const ROOT = path.resolve(__dirname, '..', '..');
// unit types systemd-analyze verify can load from a file
const VERIFIABLE = new Set<UnitFileType>(['service', 'socket', 'timer', 'mount', 'automount', 'swap', 'path', 'target', 'slice']);

/** Every unit text (with its drop-ins) in the configs of the corpus and examples/. */
export function corpusUnits(): Array<Omit<UnitCase, 'name'> & { unit: string }> {
  const files: string[] = [];
  const cases = path.join(ROOT, 'test', 'conformance', 'cases');
  if (existsSync(cases)) for (const c of readdirSync(cases).sort()) if (existsSync(path.join(cases, c, 'input.yml'))) files.push(path.join(cases, c, 'input.yml'));
  for (const f of readdirSync(path.join(ROOT, 'examples')).sort()) if (/\.ya?ml$/.test(f)) files.push(path.join(ROOT, 'examples', f));
  const out: Array<Omit<UnitCase, 'name'> & { unit: string }> = [];
  for (const f of files) {
    const y = parseYaml(readFileSync(f, 'utf8'));
    if (y.errors.length) continue;
    const regions = clcUnitRegions(y);
    for (const r of regions) {
      if (r.dropin || !r.fileType || !VERIFIABLE.has(r.fileType) || !r.text.trim()) continue;
      const dropins = regions.filter((d) => d.dropin?.unit === r.name && d.text.trim()).map((d) => ({ name: d.dropin!.name, text: d.text }));
      out.push({ unit: r.name, fileType: r.fileType, origin: path.relative(ROOT, f), text: r.text, ...(dropins.length ? { dropins } : {}) });
    }
  }
  return out;
}

// values that exercise the readers: valid and invalid spellings of each kind
const VALUE_POOL = [
  'yes', 'no', 'true', 'off', 'On', '1', '0', 'maybe', '', '2', 'y', 'f',
  '5', '5s', '5x', '1min 30s', '1.5s', '.5s', '5.', '-1', 'infinity', '0x10', '010', '09', '+5', '1h2m', '5 secs', '100ms', '3 weeks',
  '1G', '1.5G', '512M 1G', '1K', '1k', '50%', '150%', '12.5%', '1GiB', '16E', '4294967296', '65535', '256', '-0',
  'SIGTERM', 'TERM', 'sigterm', 'RTMIN+3', '9', '65', '0022', '9999', '0777',
  'simple', 'oneshot', 'Simple', 'notify', 'always', 'on-failure', 'sometimes', 'strict', 'full', 'process', 'mixed', 'none', 'reboot', 'all', 'main',
  '%i', '%n-x', 'replace', 'fail', 'inactive', 'keyring', 'closed',
];

const JUDGED_KINDS = new Set(['boolean', 'timespan', 'size', 'integer', 'enum', 'signal', 'mode']);

/** One unit per directive with a value reader we mirror, each line a different value. */
export function valueUnits(rng: Rng): UnitCase[] {
  const out: UnitCase[] = [];
  const types: UnitFileType[] = ['service', 'socket', 'timer', 'mount', 'path', 'slice', 'swap'];
  const seen = new Set<string>();
  for (const type of types) {
    for (const section of sectionsOf(type)) {
      for (const d of directivesOf(type, section.name)) {
        const id = `${section.name}.${d.name}`;
        // directives newer than Debian's systemd are unknown to it: nothing to compare
        if (seen.has(id) || d.newerThan252 || !(JUDGED_KINDS.has(d.kind) || d.parser === 'config_parse_memory_limit')) continue;
        seen.add(id);
        const values = new Set<string>(d.values ?? []);
        while (values.size < (d.values?.length ?? 0) + 10) values.add(rng.pick(VALUE_POOL));
        const lines = [...values].map((v) => `${d.name}=${v}`);
        out.push({ name: '', fileType: type, origin: `values ${type} [${section.name}] ${d.name}`, text: skeleton(type, section.name, lines) });
      }
    }
  }
  return out;
}

/** A loadable unit of a type with extra lines in one section. */
function skeleton(type: UnitFileType, section: string, lines: string[]): string {
  const body: Record<string, string[]> = { Unit: ['Description=generated'] };
  if (type === 'service') body.Service = ['ExecStart=/bin/true'];
  if (type === 'socket') body.Socket = ['ListenStream=/run/gen.sock'];
  if (type === 'timer') body.Timer = ['OnBootSec=5min'];
  if (type === 'path') body.Path = ['PathExists=/run/gen'];
  if (type === 'mount') body.Mount = ['What=/dev/vdb', 'Where=/mnt/gen'];
  if (type === 'swap') body.Swap = ['What=/dev/vdc'];
  (body[section] ??= []).push(...lines);
  return Object.entries(body).map(([s, l]) => `[${s}]\n${l.join('\n')}\n`).join('\n');
}

const MUTATIONS = ['typo', 'case', 'move', 'value', 'junk', 'section', 'refuse', 'xkey', 'continuation'] as const;

/** Seeded mutations of corpus units: each case changes a few lines of one unit. */
export function mutatedUnits(rng: Rng, bases: ReturnType<typeof corpusUnits>, count: number): UnitCase[] {
  const out: UnitCase[] = [];
  const services = bases.filter((b) => b.fileType === 'service');
  for (let n = 0; n < count && bases.length; n++) {
    const base = rng.chance(0.7) && services.length ? rng.pick(services) : rng.pick(bases);
    const lines = base.text.split('\n');
    const kinds: string[] = [];
    for (let m = 1 + rng.int(3); m > 0; m--) {
      const kind = rng.pick(MUTATIONS);
      kinds.push(kind);
      mutate(rng, base.fileType, lines, kind);
    }
    out.push({ name: '', fileType: base.fileType, origin: `mutated ${base.origin} ${base.unit}: ${kinds.join(', ')}`, text: lines.join('\n'), ...(base.dropins ? { dropins: base.dropins } : {}) });
  }
  return out;
}

function assignmentLines(lines: string[]): number[] {
  const idx: number[] = [];
  lines.forEach((l, i) => {
    if (/^[A-Za-z][A-Za-z0-9-]*\s*=/.test(l)) idx.push(i);
  });
  return idx;
}

function mutate(rng: Rng, type: UnitFileType, lines: string[], kind: (typeof MUTATIONS)[number]): void {
  const assigns = assignmentLines(lines);
  const pickAssign = (): number | undefined => (assigns.length ? rng.pick(assigns) : undefined);
  switch (kind) {
    case 'typo': {
      const i = pickAssign();
      if (i === undefined) return;
      const eq = lines[i]!.indexOf('=');
      const key = lines[i]!.slice(0, eq).trim();
      const p = rng.int(key.length);
      const op = rng.int(3);
      const typo = op === 0 ? key.slice(0, p) + key.slice(p + 1) : op === 1 && p + 1 < key.length ? key.slice(0, p) + key[p + 1] + key[p] + key.slice(p + 2) : key.slice(0, p) + 'e' + key.slice(p);
      lines[i] = typo + lines[i]!.slice(eq);
      return;
    }
    case 'case': {
      const i = pickAssign();
      if (i === undefined) return;
      const eq = lines[i]!.indexOf('=');
      lines[i] = lines[i]!.slice(0, eq).toLowerCase() + lines[i]!.slice(eq);
      return;
    }
    case 'move': {
      const i = pickAssign();
      const headers = lines.map((l, k) => (/^\[.*\]\s*$/.test(l) ? k : -1)).filter((k) => k >= 0);
      if (i === undefined || !headers.length) return;
      const [line] = lines.splice(i, 1);
      const h = rng.pick(headers.filter((k) => k < lines.length));
      if (h === undefined) return;
      lines.splice(h + 1, 0, line!);
      return;
    }
    case 'value': {
      const sections = sectionsOf(type);
      const section = rng.pick(sections).name;
      const ds = directivesOf(type, section).filter((d) => JUDGED_KINDS.has(d.kind) && !d.newerThan252);
      if (!ds.length) return;
      const d = rng.pick(ds);
      const v = d.values && rng.chance(0.4) ? rng.pick(d.values) : rng.pick(VALUE_POOL);
      const h = lines.findIndex((l) => l.trim() === `[${section}]`);
      if (h < 0) lines.push(`[${section}]`, `${d.name}=${v}`);
      else lines.splice(h + 1, 0, `${d.name}=${v}`);
      return;
    }
    case 'junk': {
      const at = rng.int(lines.length + 1);
      lines.splice(at, 0, rng.pick(['garbage line', '=value', 'Key value', '  # comment \\', '; note', '', '[Broken', '[Se"x]', '[Service] # trailing', '\tIndented=1']));
      return;
    }
    case 'section': {
      const at = rng.int(lines.length + 1);
      lines.splice(at, 0, rng.pick(['[Servce]', '[X-Custom]', '[install]', '[Socket]', '[Timer]', '[Unit]', '[Install]', '[]']), 'Description=moved here');
      return;
    }
    case 'refuse': {
      const op = rng.int(6);
      if (op === 0) for (let k = lines.length - 1; k >= 0; k--) if (/^ExecStart\s*=/.test(lines[k]!)) lines.splice(k, 1);
      if (op === 1) {
        const k = lines.findIndex((l) => /^ExecStart\s*=/.test(l));
        if (k >= 0) lines.splice(k + 1, 0, 'ExecStart=/bin/echo again');
      }
      if (op === 2 || op === 3) {
        const h = lines.findIndex((l) => l.trim() === '[Service]');
        if (h >= 0) lines.splice(h + 1, 0, rng.pick(['Type=oneshot', 'Type=simple', 'Type=forking', 'Restart=always', 'RemainAfterExit=yes', 'ExecStart=', 'ExecStop=/bin/true', `BusName=org.example.X${rng.int(1e6)}`]));
      }
      if (op === 4) {
        const h = lines.findIndex((l) => l.trim() === '[Unit]');
        if (h >= 0) lines.splice(h + 1, 0, rng.pick(['Type=oneshot', 'SuccessAction=reboot', 'SuccessAction=none']));
      }
      if (op === 5) lines.push('[Service]', 'ExecStart=/bin/true');
      return;
    }
    case 'xkey': {
      const h = rng.int(lines.length);
      if (/^\[/.test(lines[h] ?? '')) lines.splice(h + 1, 0, rng.pick(['X-Custom=1', 'X-Foo=%i', 'x-lower=1']));
      return;
    }
    case 'continuation': {
      const i = pickAssign();
      if (i === undefined) return;
      lines.splice(i + 1, 0, rng.pick(['  continued \\', '# comment inside', '  more']));
      lines[i] = lines[i] + ' \\';
      return;
    }
  }
}

/** Unit texts written by hand for what the generators do not reach. */
export function handUnits(): UnitCase[] {
  const u = (fileType: UnitFileType, origin: string, text: string, dropins?: UnitCase['dropins']): UnitCase => ({ name: '', fileType, origin, text, ...(dropins ? { dropins } : {}) });
  return [
    u('service', 'hand: issue example', '[Unit]\nDescription=x\nType=oneshot\n[Service]\nExecStar=/usr/bin/sleep infinity\nExecStart=/bin/true\nExecStart=/bin/true\nRestart=sometimes\nRestartSec=5x\nWantedBy=multi-user.target\n'),
    u('service', 'hand: drop-in adds a second ExecStart', '[Service]\nExecStart=/bin/true\n', [{ name: '10-more.conf', text: '[Service]\nExecStart=/bin/false\n' }]),
    u('service', 'hand: drop-in resets and replaces ExecStart', '[Service]\nExecStart=/bin/true\n', [{ name: '10-reset.conf', text: '[Service]\nExecStart=\nExecStart=/bin/false\n' }]),
    u('service', 'hand: drop-in makes it oneshot', '[Service]\nExecStart=/bin/true\nExecStart=/bin/false\n', [{ name: '10-type.conf', text: '[Service]\nType=oneshot\n' }]),
    u('service', 'hand: drop-ins in name order', '[Service]\nExecStart=/bin/true\n', [
      { name: '20-b.conf', text: '[Service]\nExecStart=\n' },
      { name: '10-a.conf', text: '[Service]\nExecStart=/bin/false\n' },
    ]),
    u('service', 'hand: specifiers, prefixes, continuations, comments', '# head\n[Unit]\nDescription=%n for %i\n; note\n[Service]\nType=oneshot\nExecStart=-/bin/echo %i \\\n  # skipped\n  more\nExecStart=@/bin/sh sh -c "true"\nExecStart=+/bin/true\nExecStart=!/bin/true\nExecStart=:/bin/true\nEnvironment=A=1 "B=2 3"\n[X-Mine]\nAnything=goes\n[Install]\nWantedBy=multi-user.target\nX-Note=1\n'),
    u('service', 'hand: CRLF and lone CR lines', '[Unit]\r\nDescription=x\r\n[Service]\r\nExecStart=/bin/true\r\nRestartSec=5x\rTimeoutSec=1min\r\n'),
    u('service', 'hand: broken header stops reading', '[Service]\nExecStart=/bin/true\n[Install] extra\nWantedBy=x\n'),
    u('service', 'hand: assignment before any section', 'Description=early\n[Service]\nExecStart=/bin/true\n'),
    u('service', 'hand: oneshot without ExecStart keeps RemainAfterExit', '[Service]\nType=oneshot\nExecStop=/bin/true\nRemainAfterExit=yes\n'),
    u('service', 'hand: dbus without BusName', '[Service]\nType=dbus\nExecStart=/bin/true\n'),
    u('service', 'hand: PAM with KillMode=process', '[Service]\nExecStart=/bin/true\nPAMName=login\nKillMode=process\n'),
    u('service', 'hand: only a SuccessAction', '[Unit]\nSuccessAction=reboot\n[Service]\nRemainAfterExit=no\n'),
    u('timer', 'hand: timer typos', '[Timer]\nOnCalendar=daily\nPersistant=true\nAccuracySec=1x\n[Install]\nWantedBy=timers.target\n'),
    u('socket', 'hand: socket values', '[Socket]\nListenStream=8080\nAccept=maybe\nBacklog=-5\nSocketMode=0666\nService=x.service\n'),
  ];
}

/** Every case, named uniquely. */
export function allUnitCases(seed = 252): UnitCase[] {
  const rng = new Rng(seed);
  const corpus = corpusUnits();
  const cases: UnitCase[] = [
    ...corpus.map((c) => ({ name: '', fileType: c.fileType, origin: `corpus ${c.origin} ${c.unit}`, text: c.text, ...(c.dropins ? { dropins: c.dropins } : {}) })),
    ...handUnits(),
    ...valueUnits(rng),
    ...mutatedUnits(rng, corpus, 400),
  ];
  cases.forEach((c, i) => {
    c.name = `c${String(i).padStart(4, '0')}.${c.fileType}`;
  });
  // keep the parse of every text cheap to check: nothing here should crash the reader
  for (const c of cases) parseUnitText(c.text);
  return cases;
}
