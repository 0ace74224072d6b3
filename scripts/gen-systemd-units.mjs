#!/usr/bin/env node
// Builds schemas/systemd-units.json, the table of every section and directive systemd accepts in
// unit files and systemd-networkd/udev network files, from three inputs kept in schemas/systemd/:
//   facts-v257.json        names read from systemd v257's gperf tables (the series Flatcar's stable
//                          channel ships): directive -> parser function, accepted sections, enum tables
//   debian-252-dump.txt    `/lib/systemd/systemd --dump-configuration-items` of Debian's systemd 252
//                          (refresh with --refresh-dump where that binary exists)
//   descriptions.json      our own one-line descriptions
//   well-known-units.json  standard targets and Flatcar's own units, for completing unit names
// A directive known to either version is in the table, so neither systemd flags what we accept.
//
//   node scripts/gen-systemd-units.mjs [--refresh-dump] [--check]

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inputs = join(root, 'schemas', 'systemd');
const output = join(root, 'schemas', 'systemd-units.json');
const args = new Set(process.argv.slice(2));

const dumpFile = join(inputs, 'debian-252-dump.txt');
if (args.has('--refresh-dump')) {
  if (!existsSync('/lib/systemd/systemd')) throw new Error('--refresh-dump needs /lib/systemd/systemd');
  writeFileSync(dumpFile, execFileSync('/lib/systemd/systemd', ['--dump-configuration-items'], { encoding: 'utf8' }));
}
const facts = JSON.parse(readFileSync(join(inputs, 'facts-v257.json'), 'utf8'));
const dump = parseDump(readFileSync(dumpFile, 'utf8'));
const descriptions = JSON.parse(readFileSync(join(inputs, 'descriptions.json'), 'utf8'));
const wellKnown = JSON.parse(readFileSync(join(inputs, 'well-known-units.json'), 'utf8'));

/** `[Section]` then `Key=LABEL` lines -> Map(section -> Map(key -> label)) */
function parseDump(text) {
  const sections = new Map();
  let current;
  for (const line of text.split('\n')) {
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) sections.set(header[1], (current = new Map()));
    else if (current && line.includes('=')) current.set(line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1));
  }
  return sections;
}

// --- value kinds --------------------------------------------------------------------------------

// Parsers whose accepted syntax is one well-known shape. Anything not listed is 'text'.
const parserKinds = {
  boolean: ['config_parse_bool', 'config_parse_tristate', 'config_parse_job_mode_isolate'],
  timespan: [
    'config_parse_sec', 'config_parse_sec_fix_0', 'config_parse_sec_def_infinity', 'config_parse_nsec',
    'config_parse_service_timeout', 'config_parse_service_timeout_abort', 'config_parse_job_timeout_sec',
    'config_parse_job_running_timeout_sec',
  ],
  size: ['config_parse_iec_size'],
  integer: [
    'config_parse_unsigned', 'config_parse_int', 'config_parse_long', 'config_parse_uint8', 'config_parse_uint16',
    'config_parse_uint32', 'config_parse_uint64',
  ],
  'unit-list': ['config_parse_unit_deps', 'config_parse_obsolete_unit_deps'],
  unit: ['config_parse_trigger_unit', 'config_parse_unit_slice', 'config_parse_socket_service'],
  command: ['config_parse_exec'],
  path: [
    'config_parse_unit_path_printf', 'config_parse_pid_file', 'config_parse_working_directory', 'config_parse_mount_node',
    'config_parse_path_spec',
  ],
  'path-list': [
    'config_parse_unit_mounts_for', 'config_parse_unit_path_strv_printf', 'config_parse_namespace_path_strv',
    'config_parse_exec_directories', 'config_parse_bind_paths', 'config_parse_colon_separated_paths',
  ],
  condition: ['config_parse_unit_condition_path', 'config_parse_unit_condition_string'],
  environment: ['config_parse_environ', 'config_parse_pass_environ', 'config_parse_unset_environ'],
  signal: ['config_parse_signal'],
  mode: ['config_parse_mode'],
  calendar: ['config_parse_timer'],
};
const kindOfParser = new Map(Object.entries(parserKinds).flatMap(([kind, ps]) => ps.map((p) => [p, kind])));
// The value labels of the 252 dump, for directives 257 no longer lists.
const dumpKinds = {
  BOOLEAN: 'boolean', SECONDS: 'timespan', UNSIGNED: 'integer', INTEGER: 'integer', LONG: 'integer', SIZE: 'size',
  'UNIT [...]': 'unit-list', UNIT: 'unit', PATH: 'path', 'PATH [...]': 'path-list', SIGNAL: 'signal',
  CONDITION: 'condition', ENVIRON: 'environment', 'PATH [ARGUMENT [...]]': 'command', TIMER: 'calendar',
};
// [Install] is read by systemd's install logic, not a parser function.
const installKinds = { Alias: 'unit-list', WantedBy: 'unit-list', RequiredBy: 'unit-list', UpheldBy: 'unit-list', Also: 'unit-list' };

function directiveEntry(family, group, key, parser, flag) {
  const e = {};
  const table = parser && facts.enums[parser];
  if (table && !table.suggestions && !table.numbers) e.kind = 'enum';
  else if (group === 'Install') e.kind = installKinds[key] ?? 'text';
  else e.kind = kindOfParser.get(parser) ?? 'text';
  if (parser && parser !== 'NULL') e.parser = parser;
  if (table) {
    e.values = table.values;
    if (table.boolean) e.acceptsBoolean = true;
    if (table.numbers) e.acceptsNumbers = true;
  }
  if (flag === 'legacy' || parser === 'config_parse_warn_compat' || parser === 'config_parse_obsolete_unit_deps') {
    e.deprecated = true;
  }
  const d = descriptions.directives[`${family === 'unit' ? '' : family + '/'}${group}.${key}`];
  if (d) e.description = d;
  return e;
}

// --- unit files ---------------------------------------------------------------------------------

const unitTypes = {
  service: 'Service', socket: 'Socket', timer: 'Timer', mount: 'Mount', automount: 'Automount', swap: 'Swap',
  path: 'Path', target: 'Target', slice: 'Slice', scope: 'Scope', device: 'Device',
};
const groupMan = {
  Unit: 'systemd.unit(5)', Install: 'systemd.unit(5)', exec: 'systemd.exec(5)', kill: 'systemd.kill(5)',
  'resource-control': 'systemd.resource-control(5)',
};
for (const [type, section] of Object.entries(unitTypes)) groupMan[section] = `systemd.${type}(5)`;

const groups = {};
function addGroup(id, man, rows, family) {
  const directives = {};
  for (const [key, parser, flag] of rows) directives[key] = directiveEntry(family, id.replace(/^\w+\//, ''), key, parser, flag);
  groups[id] = { man, directives };
}
for (const [id, rows] of Object.entries(facts.unitGroups)) addGroup(id, groupMan[id], rows, 'unit');
for (const section of ['Unit', 'Install', ...Object.values(unitTypes)]) addGroup(section, groupMan[section], facts.files.unit[section] ?? [], 'unit');

// Directives Debian's 252 accepts that 257 lists nowhere in the same section: keep them (marked).
const inV257 = (section, key) =>
  Boolean(groups[section]?.directives[key]) || (facts.unitTypes[section] ?? []).some((g) => groups[g].directives[key]);
let only252 = 0;
for (const [section, keys] of dump) {
  for (const [key, label] of keys) {
    if (inV257(section, key)) continue;
    const e = { kind: dumpKinds[label] ?? 'text', only252: true };
    const d = descriptions.directives[`${section}.${key}`];
    if (d) e.description = d;
    groups[section].directives[key] = e;
    only252++;
  }
}
// And the other way round: mark what 252 does not know yet.
const in252 = (section, key) => Boolean(dump.get(section)?.has(key));
let newer = 0;
for (const [id, g] of Object.entries(groups)) {
  for (const [key, e] of Object.entries(g.directives)) {
    if (e.only252) continue;
    const sections = id in facts.unitGroups
      ? Object.entries(facts.unitTypes).filter(([, gs]) => gs.includes(id)).map(([s]) => s)
      : [id];
    if (!sections.some((s) => in252(s, key))) {
      e.newerThan252 = true;
      newer++;
    }
  }
}

const fileTypes = {};
for (const [type, section] of Object.entries(unitTypes)) {
  fileTypes[type] = {
    family: 'unit',
    sections: {
      Unit: ['Unit'],
      [section]: [section, ...(facts.unitTypes[section] ?? [])],
      Install: ['Install'],
    },
  };
}

// --- networkd and udev network files ------------------------------------------------------------

const networkMan = { network: 'systemd.network(5)', netdev: 'systemd.netdev(5)', link: 'systemd.link(5)' };
for (const family of ['network', 'netdev', 'link']) {
  const sections = {};
  for (const section of facts.sections[family]) {
    const id = `${family}/${section}`;
    addGroup(id, networkMan[family], facts.files[family][section] ?? [], family);
    sections[section] = [id];
  }
  fileTypes[family] = { family, sections };
}

const sectionDescriptions = {};
for (const [type, ft] of Object.entries(fileTypes)) {
  for (const section of Object.keys(ft.sections)) {
    const id = ft.family === 'unit' ? section : `${type}/${section}`;
    if (descriptions.sections[id]) sectionDescriptions[id] = descriptions.sections[id];
  }
}

const table = {
  $comment: 'Generated by scripts/gen-systemd-units.mjs from schemas/systemd/; do not edit by hand.',
  systemd: {
    follows: facts.systemd,
    alsoAccepts: '252 (Debian 12, --dump-configuration-items): its directives are kept and marked only252',
  },
  manBase: 'https://www.freedesktop.org/software/systemd/man/latest/',
  fileTypes,
  sectionDescriptions,
  wellKnownUnits: wellKnown.units,
  groups,
};

// One directive per line: a short file with readable diffs.
let text = JSON.stringify(table, null, 1);
text = text.replace(/\{\n\s+"kind"[^{}]*?\n\s+\}/g, (m) => JSON.stringify(JSON.parse(m)));
text = text.replace(/\[\n\s+"[^[\]{}]*?\n\s+\]/g, (m) => JSON.stringify(JSON.parse(m)));
text += '\n';

const count = Object.values(groups).reduce((n, g) => n + Object.keys(g.directives).length, 0);
const described = Object.values(groups).reduce((n, g) => n + Object.values(g.directives).filter((e) => e.description).length, 0);
if (args.has('--check')) {
  const current = existsSync(output) ? readFileSync(output, 'utf8') : '';
  if (current !== text) {
    console.error('schemas/systemd-units.json is out of date: run node scripts/gen-systemd-units.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(output, text);
}
console.log(`${count} directives in ${Object.keys(groups).length} groups (${only252} only in 252, ${newer} newer than 252), ${described} described`);
