// systemd's verdict on every unit text of a config, as editor diagnostics placed inside the
// YAML (on the directive's name or value), with the edits of their quick fixes. A service is
// judged together with its drop-ins, as systemd loads it.

import type { Diagnostic, Span } from '../report.ts';
import { checkUnitFile, serviceRefusal, UNIT_CODES } from './checks.ts';
import type { UnitFileText, UnitProblem } from './checks.ts';
import type { UnitFileType } from './catalog.ts';
import { parseUnitText } from './parse.ts';
import type { ParsedUnitText, UnitAssignment } from './parse.ts';
import { documentSpan } from './regions.ts';
import { directiveInfo } from './catalog.ts';
import type { UnitRegion } from './regions.ts';

export { UNIT_CODES };

export function isUnitCode(code: string | undefined): boolean {
  return !!code && (Object.values(UNIT_CODES) as string[]).includes(code);
}

interface Edit {
  span: Span;
  newText: string;
}

/**
 * What a unit text reads as and what systemd says about it, kept per file type and text:
 * typing elsewhere in a big config reads no unit again. Positions are in the unit text.
 */
interface Judged {
  parsed: ParsedUnitText;
  problems: UnitProblem[];
}
const judgedCache = new Map<string, Judged>();
const CACHE_MAX = 4000;

/** Forgets what was read (benchmarks measure the first diagnosis of a config with it). */
export function clearUnitParseCache(): void {
  judgedCache.clear();
}

function judged(type: UnitFileType, text: string): Judged {
  const key = type + '\0' + text;
  let j = judgedCache.get(key);
  if (!j) {
    const parsed = parseUnitText(text);
    j = { parsed, problems: checkUnitFile(type, parsed) };
    if (judgedCache.size >= CACHE_MAX) judgedCache.clear();
    judgedCache.set(key, j);
  }
  return j;
}

export function unitDiagnostics(docText: string, regions: readonly UnitRegion[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const judgedOf = new Map<UnitRegion, Judged>();
  for (const region of regions) {
    if (!region.fileType) continue;
    const j = judged(region.fileType, region.text);
    judgedOf.set(region, j);
    for (const p of j.problems) out.push(toDiagnostic(docText, region, j.parsed, p));
  }
  // services: each unit with its drop-ins
  for (const main of regions) {
    if (main.fileType !== 'service' || main.dropin || !judgedOf.has(main)) continue;
    if (main.text.trim() === '') continue;
    const dropins = regions.filter((r) => r.dropin && r.dropin.unit === main.name && judgedOf.has(r));
    const fileOf = new Map<UnitFileText, UnitRegion>();
    const mainFile: UnitFileText = { ...judgedOf.get(main)! };
    fileOf.set(mainFile, main);
    const dropinFiles = dropins.map((r) => {
      const f: UnitFileText = { ...judgedOf.get(r)!, dropin: r.dropin!.name };
      fileOf.set(f, r);
      return f;
    });
    const refusal = serviceRefusal(mainFile, dropinFiles);
    if (!refusal) continue;
    let span: Span;
    if (refusal.at) span = documentSpan(fileOf.get(refusal.at.file)!, refusal.at.assignment.keySpan);
    else span = main.nameSpan ?? documentSpan(main, { start: 0, end: Math.max(0, main.text.indexOf('\n')) });
    out.push({ severity: 'warning', message: `${main.name}: ${refusal.message}${refusal.note ? ' ' + refusal.note : ''}`, span, code: UNIT_CODES.refused, hint: true });
  }
  return out.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
}

function toDiagnostic(docText: string, region: UnitRegion, parsed: ParsedUnitText, p: UnitProblem): Diagnostic {
  const span = documentSpan(region, p.span);
  const d: Diagnostic = { severity: 'warning', message: p.message, span, code: p.code, hint: true };
  const where = region.dropin ? `${region.dropin.unit} drop-in ${region.dropin.name}` : region.name;
  d.data = { unit: where, line: p.line + 1 };
  if (region.exact && p.replacement) {
    d.data.replacement = p.replacement;
    d.data.title = `Rename ${docText.slice(span.start, span.end)} to ${p.replacement}`;
    d.data.edits = [{ span, newText: p.replacement }];
  } else if (region.exact && p.moveTo && p.assignment) {
    const edits = moveEdits(docText, region, parsed, p.assignment, p.moveTo);
    if (edits) {
      d.data.moveTo = p.moveTo;
      d.data.title = `Move ${p.assignment.key}= to [${p.moveTo}]`;
      d.data.edits = edits;
    }
  }
  return d;
}

/** The document line (start, end after its break) holding an offset. */
function docLine(docText: string, offset: number): { start: number; end: number; nl: string } {
  let start = offset;
  while (start > 0 && docText[start - 1] !== '\n' && docText[start - 1] !== '\r') start--;
  let end = offset;
  while (end < docText.length && docText[end] !== '\n' && docText[end] !== '\r') end++;
  const nl = docText[end] === '\r' && docText[end + 1] === '\n' ? '\r\n' : docText[end] === '\r' ? '\r' : '\n';
  return { start, end: Math.min(docText.length, end + nl.length), nl };
}

/**
 * Moves a one-line assignment of a literal block scalar to the end of another section,
 * creating that section at the end of the unit when it is missing. Undefined when the move
 * cannot be written exactly (folded or quoted scalars, continued lines, the last line).
 */
function moveEdits(docText: string, region: UnitRegion, parsed: ParsedUnitText, a: UnitAssignment, target: string): Edit[] | undefined {
  if (docText[region.valueSpan.start] !== '|' || a.line !== a.lastLine) return undefined;
  const lineStart = parsed.lineStarts[a.line]!;
  const docStart = region.toDocument(lineStart);
  const docKey = region.toDocument(a.keySpan.start);
  if (docStart === undefined || docKey === undefined) return undefined;
  const line = docLine(docText, docKey);
  if (line.end > region.valueSpan.end || line.end === line.start) return undefined;
  // the block's indentation: what precedes the unit line's first character on its document line
  const indent = docText.slice(line.start, docStart);
  if (!/^[ ]*$/.test(indent)) return undefined;
  const moved = indent + docText.slice(docKey, line.end).replace(/[\r\n]+$/, '') + line.nl;
  const section = parsed.sections.find((s) => s.name === target);
  let insertAt: number | undefined;
  let insertText: string;
  if (section) {
    // after the section's last directive that systemd knows there (not after other strays)
    const known = section.assignments.filter((x) => x !== a && region.fileType && directiveInfo(region.fileType, target, x.key));
    const last = known[known.length - 1];
    const anchorUnit = last ? last.span.end - 1 : section.headerSpan.end - 1;
    const anchor = region.toDocument(Math.max(anchorUnit, 0));
    if (anchor === undefined) return undefined;
    insertAt = docLine(docText, anchor).end;
    insertText = moved;
  } else {
    // after the last line that has content
    let lastContent = -1;
    for (const s of parsed.sections) lastContent = Math.max(lastContent, s.headerSpan.end - 1, ...s.assignments.map((x) => x.span.end - 1));
    const anchor = region.toDocument(Math.max(lastContent, 0));
    if (anchor === undefined) return undefined;
    insertAt = docLine(docText, anchor).end;
    insertText = line.nl + indent + `[${target}]` + line.nl + moved;
  }
  if (insertAt === undefined || insertAt > region.valueSpan.end || (insertAt > line.start && insertAt < line.end)) return undefined;
  // the insertion point must end with a line break inside the scalar
  if (insertAt === 0 || !/[\r\n]/.test(docText[insertAt - 1]!)) return undefined;
  if (insertAt === line.end) return [{ span: { start: line.start, end: line.end }, newText: insertText }];
  if (insertAt === line.start) return undefined;
  return [
    { span: { start: line.start, end: line.end }, newText: '' },
    { span: { start: insertAt, end: insertAt }, newText: insertText },
  ].sort((x, y) => x.span.start - y.span.start);
}
