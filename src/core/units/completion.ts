// Completion inside the text of a unit, drop-in or networkd file embedded in a config:
// section headers (`[Service]`), the directives of the current section for the file's type
// (label `ExecStart`, inserting `ExecStart=`), the values of enumerations and booleans after `=`,
// and unit names after the dependency directives (the config's own units and well-known ones).

import type { ClcDocument } from '../features/document.ts';
import type { Span } from '../report.ts';
import { directiveInfo, directivesOf, sectionsOf, wellKnownUnits } from './catalog.ts';
import type { DirectiveInfo, UnitFileType } from './catalog.ts';
import { configUnitNames, unitCursorAt } from './cursor.ts';
import type { UnitCursor } from './cursor.ts';
import { assignmentAt, sectionAt } from './parse.ts';

/**
 * One completion item; the same shape as features/completion.ts's CompletionEntry (kept apart
 * so that the features, which call this module, and this module do not import each other).
 */
export interface CompletionEntry {
  label: string;
  kind: 'property' | 'enum' | 'reference' | 'keyword';
  detail?: string;
  /** markdown */
  documentation?: string;
  insertText: string;
  snippet: false;
  replace: Span;
  sortText: string;
  deprecated?: boolean;
  retrigger?: boolean;
}

/** Directives whose values are unit names (space-separated). */
const UNIT_NAME_DIRECTIVES = new Set([
  'After', 'Before', 'Requires', 'Requisite', 'Wants', 'BindsTo', 'PartOf', 'Upholds', 'Conflicts', 'OnFailure',
  'OnSuccess', 'PropagatesReloadTo', 'ReloadPropagatedFrom', 'PropagatesStopTo', 'StopPropagatedFrom',
  'JoinsNamespaceOf', 'WantedBy', 'RequiredBy', 'UpheldBy', 'Also', 'Unit', 'Service', 'Sockets',
]);

const BOOLEANS = ['yes', 'no', 'true', 'false'];

/**
 * Completion at a document offset inside a unit text; undefined when the offset is not inside
 * one (the caller goes on with YAML completion). Inside, the result may be empty.
 */
export function completeInUnit(doc: ClcDocument, offset: number): CompletionEntry[] | undefined {
  const cur = unitCursorAt(doc, offset);
  if (cur === undefined) return undefined;
  if (cur === null) return [];
  const type = cur.region.fileType;
  if (!type) return [];
  const text = cur.region.text;
  const lineEnd = endOfLine(text, cur.at);
  // a line continued from the one before is part of a value
  if (!cur.blankLine && cur.lineStart > 0) {
    const a = assignmentAt(cur.parsed, cur.lineStart);
    if (continues(text, cur.lineStart) || (a && a.span.start < cur.lineStart)) return [];
  }
  const before = cur.blankLine ? '' : text.slice(cur.lineStart, cur.at);
  const indent = /^[ \t]*/.exec(before)![0].length;
  const typed = before.slice(indent);
  if (typed.startsWith('#') || typed.startsWith(';')) return [];
  const tokenStart = cur.lineStart + indent;

  if (typed.startsWith('[')) {
    const close = text.indexOf(']', cur.at);
    const end = close >= 0 && close < lineEnd ? close + 1 : wordEnd(text, cur.at, lineEnd);
    return sectionEntries(type, span(cur, tokenStart, end));
  }
  const section = sectionAt(cur.parsed, cur.blankLine ? text.length : cur.at);
  const eq = typed.indexOf('=');
  if (eq < 0) {
    if (!/^[A-Za-z0-9_-]*$/.test(typed)) return [];
    const end = wordEnd(text, cur.at, lineEnd);
    const replace = span(cur, tokenStart, end);
    if (!replace) return [];
    const headers = typed === '' ? sectionEntries(type, replace) : [];
    if (!section) return headers;
    const hasEquals = text[end] === '=' || /^[ \t]*=/.test(text.slice(end, lineEnd));
    return [...directiveEntries(type, section.name, replace, hasEquals), ...headers];
  }
  if (!section) return [];
  const key = typed.slice(0, eq).trim();
  const d = directiveInfo(type, section.name, key);
  if (!d) return [];
  const valueStart = cur.lineStart + indent + eq + 1;
  return valueEntries(doc, cur, d, valueStart, lineEnd);
}

function sectionEntries(type: UnitFileType, replace: Span | undefined): CompletionEntry[] {
  if (!replace) return [];
  return sectionsOf(type).map((s, i) => ({
    label: `[${s.name}]`,
    kind: 'keyword',
    detail: s.man,
    documentation: [s.description, `[${s.man}](${s.url})`].filter(Boolean).join('\n\n'),
    insertText: `[${s.name}]`,
    snippet: false,
    replace,
    sortText: `5_${String(i).padStart(3, '0')}`,
  }));
}

function directiveEntries(type: UnitFileType, section: string, replace: Span, hasEquals: boolean): CompletionEntry[] {
  return directivesOf(type, section).map((d) => {
    const choices = hasEquals ? false : offersValues(d);
    return {
      label: d.name,
      kind: 'property',
      detail: detailOf(d),
      documentation: directiveDoc(d),
      insertText: hasEquals ? d.name : `${d.name}=`,
      snippet: false,
      replace,
      // the directives configs use most (the described ones) first, deprecated ones last
      sortText: `${d.deprecated ? '3' : d.description ? '1' : '2'}_${d.name}`,
      deprecated: d.deprecated || undefined,
      retrigger: choices || undefined,
    };
  });
}

function offersValues(d: DirectiveInfo): boolean {
  return d.kind === 'boolean' || !!d.values?.length || UNIT_NAME_DIRECTIVES.has(d.name) && isUnitKind(d);
}

function isUnitKind(d: DirectiveInfo): boolean {
  return d.kind === 'unit' || d.kind === 'unit-list';
}

function valueEntries(doc: ClcDocument, cur: UnitCursor, d: DirectiveInfo, valueStart: number, lineEnd: number): CompletionEntry[] {
  const text = cur.region.text;
  if (UNIT_NAME_DIRECTIVES.has(d.name) && isUnitKind(d)) {
    // one name of a space-separated list: replace the word under the cursor
    let start = cur.at;
    while (start > valueStart && !/\s/.test(text[start - 1]!)) start--;
    const replace = span(cur, start, wordEnd(text, cur.at, lineEnd, /\s/));
    if (!replace) return [];
    const listed = new Set(text.slice(valueStart, lineEnd).split(/\s+/));
    const own = cur.region.dropin?.unit ?? cur.region.name;
    const out: CompletionEntry[] = [];
    const seen = new Set<string>();
    const targetsFirst = d.name === 'WantedBy' || d.name === 'RequiredBy' || d.name === 'UpheldBy';
    for (const name of configUnitNames(doc)) {
      if (name === own || listed.has(name) || seen.has(name)) continue;
      seen.add(name);
      out.push(unitEntry(name, 'unit of this config', replace, targetsFirst && name.endsWith('.target') ? '0' : '1'));
    }
    for (const u of wellKnownUnits()) {
      if (u.name === own || listed.has(u.name) || seen.has(u.name)) continue;
      seen.add(u.name);
      const rank = targetsFirst ? (u.name.endsWith('.target') ? '0' : '3') : '2';
      out.push({ ...unitEntry(u.name, 'well-known unit', replace, rank), documentation: u.description });
    }
    return out;
  }
  const values = d.kind === 'boolean' ? BOOLEANS : [...(d.values ?? []), ...(d.acceptsBoolean ? BOOLEANS.filter((b) => !d.values?.includes(b)) : [])];
  if (!values.length) return [];
  // the whole value is one choice: replace it (leading blanks after `=` stay)
  let start = valueStart;
  while (start < cur.at && (text[start] === ' ' || text[start] === '\t')) start++;
  let end = lineEnd;
  while (end > cur.at && /\s/.test(text[end - 1]!)) end--;
  const replace = span(cur, start, Math.max(end, cur.at));
  if (!replace) return [];
  return values.map((v, i) => ({
    label: v,
    kind: d.kind === 'boolean' || BOOLEANS.includes(v) ? 'keyword' : 'enum',
    detail: `${d.name}=`,
    insertText: v,
    snippet: false,
    replace,
    sortText: String(i).padStart(3, '0'),
  }));
}

function unitEntry(name: string, detail: string, replace: Span, rank: string): CompletionEntry {
  return { label: name, kind: 'reference', detail, insertText: name, snippet: false, replace, sortText: `${rank}_${name}` };
}

const KIND_LABELS: Record<string, string> = {
  boolean: 'boolean',
  timespan: 'time span',
  size: 'size',
  integer: 'integer',
  enum: 'one of a list',
  unit: 'unit name',
  'unit-list': 'unit names',
  command: 'command line',
  path: 'path',
  'path-list': 'paths',
  condition: 'condition',
  environment: 'environment',
  signal: 'signal',
  mode: 'octal mode',
  calendar: 'calendar or time span',
  text: 'text',
};

export function kindLabel(d: DirectiveInfo): string {
  return KIND_LABELS[d.kind] ?? d.kind;
}

function detailOf(d: DirectiveInfo): string {
  return `${kindLabel(d)} · ${d.man}`;
}

/** Markdown for a directive: our description, its value kind and choices, its man page. */
export function directiveDoc(d: DirectiveInfo): string {
  const parts: string[] = [];
  if (d.description) parts.push(d.description);
  const choices = d.kind === 'boolean' ? 'yes, no, true, false, on, off, 1, 0' : d.values?.join(', ');
  let kind = `*Value:* ${kindLabel(d)}`;
  if (choices) kind += d.kind === 'enum' || d.kind === 'boolean' ? ` — ${codeList(choices)}` : ` — for example ${codeList(choices)}`;
  if (d.kind === 'enum' && d.acceptsBoolean) kind += ', or a boolean';
  if (d.acceptsNumbers) kind += ', or a number';
  parts.push(kind);
  const notes: string[] = [];
  if (d.deprecated) notes.push('deprecated: systemd ignores it or warns');
  if (d.newerThan252) notes.push('not known to systemd 252');
  if (notes.length) parts.push(`*Note:* ${notes.join('; ')}`);
  parts.push(`[${d.man}](${d.url})`);
  return parts.join('\n\n');
}

function codeList(csv: string): string {
  return csv
    .split(', ')
    .map((v) => '`' + v + '`')
    .join(', ');
}

// --- text helpers -------------------------------------------------------------------------------

function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function wordEnd(text: string, from: number, limit: number, stop: RegExp = /[^A-Za-z0-9_-]/): number {
  let i = from;
  while (i < limit && !stop.test(text[i]!)) i++;
  return i;
}

/** The line starting at `lineStart` continues the one before (it ends in a backslash). */
function continues(text: string, lineStart: number): boolean {
  let e = lineStart - 1;
  if (text[e] === '\n' && text[e - 1] === '\r') e--;
  const prevEnd = e;
  let s = prevEnd;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  const prev = text.slice(s, prevEnd).trim();
  if (prev.startsWith('#') || prev.startsWith(';')) return false;
  return prev.endsWith('\\') && !prev.endsWith('\\\\');
}

/** A unit-text span as a document span (undefined without an exact map). */
function span(cur: UnitCursor, start: number, end: number): Span | undefined {
  if (cur.blankLine) return { start: cur.docOffset, end: cur.docOffset };
  // ends are mapped through the character before them: the end of a quoted scalar's text is
  // its closing quote, not the position after it
  const s = start === cur.at ? cur.docOffset : cur.region.toDocument(start);
  const last = end > start ? cur.region.toDocument(end - 1) : undefined;
  const e = end === cur.at ? cur.docOffset : last === undefined ? s : last + 1;
  if (s === undefined || e === undefined || s > cur.docOffset || e < cur.docOffset) return undefined;
  return { start: s, end: e };
}
