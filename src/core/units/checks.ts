// systemd's verdict on a unit file, a drop-in or a networkd file, line by line: what it reports
// while loading (unknown sections and keys, values it cannot read, broken lines) and the
// services it refuses to start. Messages are worded like systemd's own log lines, with our
// suggestion added. Positions are offsets in the unit text; diagnostics.ts maps them into the
// config.
//
// Never judged, because systemd accepts them: comments, continued lines, specifiers, exec
// prefixes, empty assignments (list resets), X- sections and keys, and anything in a section
// systemd ignores. Values are judged only for the parsers values.ts mirrors exactly.

import type { Span } from '../report.ts';
import { directiveInfo, directivesOf, sectionsDefining, sectionsOf } from './catalog.ts';
import type { UnitFileType } from './catalog.ts';
import { parseBoolean, judgeValue } from './values.ts';
import { sectionAt } from './parse.ts';
import type { ParsedUnitText, UnitAssignment, UnitSyntaxProblem } from './parse.ts';
import { editDistance } from '../editDistance.ts';

export const UNIT_CODES = {
  syntax: 'unit-syntax',
  unknownSection: 'unit-unknown-section',
  unknownKey: 'unit-unknown-key',
  badValue: 'unit-bad-value',
  refused: 'unit-refused',
} as const;

export interface UnitProblem {
  code: (typeof UNIT_CODES)[keyof typeof UNIT_CODES];
  message: string;
  /** where, in the unit text */
  span: Span;
  /** the 0-based line systemd names (the last line of a continued assignment); -1 for the unit as a whole */
  line: number;
  /** a rename the problem suggests (key or section name) */
  replacement?: string;
  /** the section an assignment belongs in */
  moveTo?: string;
  /** the assignment a move applies to */
  assignment?: UnitAssignment;
  /** systemd stops reading the file here */
  fatal?: boolean;
}

const SYNTAX_MESSAGES: Record<UnitSyntaxProblem['kind'], (p: UnitSyntaxProblem) => string> = {
  'invalid-section-header': (p) => `Invalid section header '${p.text}': systemd stops reading the file here and refuses to load it`,
  'bad-section-characters': (p) => `Bad characters in section header '${p.text}': systemd stops reading the file here and refuses to load it`,
  'assignment-outside-section': () => 'Assignment outside of section. Ignoring.',
  'missing-equals': () => "Missing '=', ignoring line.",
  'missing-key': () => "Missing key name before '=', ignoring line.",
};

const sectionNames = new Map<UnitFileType, Set<string>>();

/** Whether systemd reads this section of a file of this type (X- sections are always ignored quietly). */
function knownSection(type: UnitFileType, name: string): boolean {
  let names = sectionNames.get(type);
  if (!names) sectionNames.set(type, (names = new Set(sectionsOf(type).map((s) => s.name))));
  return names.has(name);
}

/** The problems systemd reports while loading one file (unit, drop-in or networkd file). */
export function checkUnitFile(type: UnitFileType, parsed: ParsedUnitText): UnitProblem[] {
  const out: UnitProblem[] = [];
  for (const p of parsed.problems) {
    // lines of a section systemd ignores are skipped unread
    const section = sectionAt(parsed, p.span.start);
    if (section && !knownSection(type, section.name) && p.kind !== 'invalid-section-header' && p.kind !== 'bad-section-characters') continue;
    out.push({ code: UNIT_CODES.syntax, message: SYNTAX_MESSAGES[p.kind](p), span: p.span, line: p.lastLine });
  }
  for (const section of parsed.sections) {
    if (!knownSection(type, section.name)) {
      if (section.name.startsWith('X-')) continue;
      const suggestion = suggestName(section.name, sectionsOf(type).map((s) => s.name));
      out.push({
        code: UNIT_CODES.unknownSection,
        message: `Unknown section '${section.name}'. Ignoring.${suggestion ? ` Did you mean [${suggestion}]?` : ''}`,
        span: section.nameSpan.end > section.nameSpan.start ? section.nameSpan : section.headerSpan,
        line: section.line,
        ...(suggestion ? { replacement: suggestion } : {}),
      });
      continue;
    }
    for (const a of section.assignments) {
      const problem = checkAssignment(type, section.name, a);
      if (!problem) continue;
      out.push(problem);
      if (problem.fatal) return stopAt(out, a.span.end);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** After a fatal value systemd reads no further: only what comes before it is reported. */
function stopAt(problems: UnitProblem[], end: number): UnitProblem[] {
  return problems.filter((p) => p.span.start < end).sort((a, b) => a.span.start - b.span.start);
}

/** Whether systemd stops loading this file at a fatal value (then it never judges the service). */
export function hasFatalValue(problems: readonly UnitProblem[]): boolean {
  return problems.some((p) => p.fatal);
}

function checkAssignment(type: UnitFileType, section: string, a: UnitAssignment): UnitProblem | undefined {
  if (a.key.startsWith('X-')) return undefined;
  const info = directiveInfo(type, section, a.key);
  if (!info) return unknownKey(type, section, a);
  const judged = judgeValue(info, a.value);
  if (!judged) return undefined;
  const allowed = info.kind === 'enum' && info.values?.length ? ` ${a.key}= takes ${listValues(info.values, info.acceptsBoolean)}.` : '';
  return {
    code: UNIT_CODES.badValue,
    message: judged.message + (allowed ? '.' + allowed : ''),
    span: a.value ? a.valueSpan : a.keySpan,
    line: a.lastLine,
    ...(judged.fatal ? { fatal: true } : {}),
  };
}

function listValues(values: readonly string[], withBoolean?: boolean): string {
  const shown = values.map((v) => `\`${v}\``);
  if (withBoolean) shown.push('a boolean');
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}` : shown[0]!;
}

function unknownKey(type: UnitFileType, section: string, a: UnitAssignment): UnitProblem {
  const base = `Unknown key '${a.key}' in section [${section}], ignoring.`;
  const problem: UnitProblem = { code: UNIT_CODES.unknownKey, message: base, span: a.keySpan, line: a.lastLine, assignment: a };
  // the same name in another section of this file type
  const elsewhere = sectionsDefining(type, a.key).filter((s) => s !== section);
  if (elsewhere.length) {
    problem.message = `${base} \`${a.key}\` belongs in [${elsewhere[0]}].`;
    problem.moveTo = elsewhere[0];
    return problem;
  }
  const here = suggestName(a.key, directivesOf(type, section).map((d) => d.name));
  if (here) {
    problem.message = `${base} Did you mean \`${here}\`?`;
    problem.replacement = here;
    return problem;
  }
  // misspelled and misplaced: a close name in another section
  for (const other of sectionsOf(type)) {
    if (other.name === section) continue;
    const there = suggestName(a.key, directivesOf(type, other.name).map((d) => d.name));
    if (there) {
      problem.message = `${base} Did you mean \`${there}\` (in [${other.name}])?`;
      return problem;
    }
  }
  return problem;
}

/**
 * The known name an unknown one most likely stands for: the same letters in another case, or
 * the single closest name within a small edit distance (1 for short names, 2 from 8 letters).
 */
export function suggestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = known.filter((k) => k.toLowerCase() === lower);
  if (sameCase.length === 1) return sameCase[0];
  if (name.length < 3) return undefined;
  const limit = name.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const k of known) {
    if (Math.abs(k.length - name.length) > limit) continue;
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return best && bestDistance <= limit && !tie ? best : undefined;
}

// --- services systemd refuses -------------------------------------------------------------------

export interface UnitFileText {
  parsed: ParsedUnitText;
  /** checkUnitFile's answer for it, when already known */
  problems?: readonly UnitProblem[];
  /** drop-in file name (drop-ins apply in the order of their names) */
  dropin?: string;
}

export interface Refusal {
  /** systemd's own words */
  message: string;
  /** our explanation, when the reason is not obvious from the unit */
  note?: string;
  /** the assignment the refusal is about, when there is one (e.g. the second ExecStart=) */
  at?: { file: UnitFileText; assignment: UnitAssignment };
}

/**
 * Why systemd refuses to start a service made of this unit file and these drop-ins, or
 * undefined. Follows the order of systemd's own verification; a file systemd cannot load at
 * all is not judged here (its syntax problem says so).
 */
export function serviceRefusal(main: UnitFileText, dropins: readonly UnitFileText[]): Refusal | undefined {
  const files = [main, ...[...dropins].sort((a, b) => ((a.dropin ?? '') < (b.dropin ?? '') ? -1 : (a.dropin ?? '') > (b.dropin ?? '') ? 1 : 0))];
  if (files.some((f) => f.parsed.stoppedAt !== undefined || hasFatalValue(f.problems ?? checkUnitFile('service', f.parsed)))) return undefined;
  let execStart: Array<{ file: UnitFileText; assignment: UnitAssignment }> = [];
  let execStop = 0;
  let type: string | undefined;
  let busName = false;
  let remainAfterExit = false;
  let successAction = false;
  let restart = 'no';
  let restartForce = false;
  let exitTypeCgroup = false;
  let pam = false;
  let killMode = 'control-group';
  for (const file of files) {
    for (const a of file.parsed.assignments) {
      const s = a.section.name;
      const valid = (): boolean => {
        const info = directiveInfo('service', s, a.key);
        return !!info && !judgeValue(info, a.value);
      };
      if (s === 'Unit' && a.key === 'SuccessAction') {
        if (valid()) successAction = a.value !== 'none';
        continue;
      }
      if (s !== 'Service') continue;
      switch (a.key) {
        case 'ExecStart':
          if (a.value === '') execStart = [];
          else execStart.push({ file, assignment: a });
          break;
        case 'ExecStop':
          execStop = a.value === '' ? 0 : execStop + 1;
          break;
        case 'Type':
          if (valid()) type = a.value;
          break;
        case 'BusName':
          busName = a.value !== '';
          break;
        case 'RemainAfterExit':
          if (valid()) remainAfterExit = parseBoolean(a.value)!;
          break;
        case 'Restart':
          if (valid()) restart = a.value;
          break;
        case 'RestartForceExitStatus':
          restartForce = a.value !== '';
          break;
        case 'ExitType':
          if (valid()) exitTypeCgroup = a.value === 'cgroup';
          break;
        case 'PAMName':
          pam = a.value !== '';
          break;
        case 'KillMode':
          if (valid()) killMode = a.value;
          break;
      }
    }
  }
  const effectiveType = type ?? (busName ? 'dbus' : execStart.length ? 'simple' : 'oneshot');
  const refuse = (message: string, at?: Refusal['at'], note?: string): Refusal => ({ message: `Service has ${message}. Refusing.`, ...(at ? { at } : {}), ...(note ? { note } : {}) });
  if (!execStart.length && !execStop && !successAction) return refuse('no ExecStart=, ExecStop=, or SuccessAction=');
  if (effectiveType !== 'oneshot' && !execStart.length) return refuse('no ExecStart= setting, which is only allowed for Type=oneshot services');
  if (!remainAfterExit && !execStart.length && !successAction) return refuse('no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes set');
  if (effectiveType !== 'oneshot' && execStart.length > 1) {
    return refuse('more than one ExecStart= setting, which is only allowed for Type=oneshot services', execStart[1], type ? undefined : `No valid Type= is set in [Service], so the type is ${effectiveType}.`);
  }
  if (effectiveType === 'oneshot' && (restart === 'always' || restart === 'on-success')) return refuse("Restart= set to either always or on-success, which isn't allowed for Type=oneshot services");
  if (effectiveType === 'oneshot' && restartForce) return refuse("RestartForceExitStatus= set, which isn't allowed for Type=oneshot services");
  if (effectiveType === 'oneshot' && exitTypeCgroup) return refuse("ExitType=cgroup set, which isn't allowed for Type=oneshot services");
  if (effectiveType === 'dbus' && !busName) return { message: 'Service is of type D-Bus but no D-Bus service name has been specified. Refusing.' };
  if (pam && killMode !== 'control-group' && killMode !== 'mixed') return { message: "Service has PAM enabled. Kill mode must be set to 'control-group' or 'mixed'. Refusing." };
  return undefined;
}
