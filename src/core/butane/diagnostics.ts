// The problems the editor shows for a Butane config: every report butane prints (its entries,
// then the fatal error that ended the run, if any), each with a range in the text, plus
// systemd's verdict on the units the config holds (hints, as for CLC).
//
// Ranges: a report sits where butane puts its caret (the node its path reaches) and covers that
// node when it is a scalar or a key, else the word butane underlines. A fatal error names its
// line ("yaml: line 4: ...", "line 7: cannot unmarshal ...") or the `variant`/`version` it is
// about; anything else is shown on the first line.

import { isScalar } from 'yaml';
import type { Node as YNode } from 'yaml';
import type { Diagnostic, Span } from '../report.ts';
import type { LineIndex } from '../yaml/parse.ts';
import { nodeSpan } from '../yaml/parse.ts';
import { valueOf } from '../features/ast.ts';
import { transpileButane } from './transpile.ts';
import type { ButaneResult, PlacedEntry } from './transpile.ts';
import type { LocalFiles } from './local-files.ts';
import { treeGet } from './context-tree.ts';
import { pathString } from './path.ts';
import { ERR } from './messages.ts';
import { butaneUnitRegions } from '../units/butane-places.ts';
import { unitDiagnostics } from '../units/diagnostics.ts';

export interface ButaneDiagnoseOptions {
  files?: LocalFiles | null;
  /** systemd's verdict on the units (default on; clc.unitChecks) */
  unitChecks?: boolean;
  pretty?: boolean;
  /**
   * gzip file contents where butane would (default true). Only the output depends on it, never a
   * report, so a run for the problems alone can skip the work.
   */
  compress?: boolean;
}

export interface ButaneDiagnoseResult {
  diagnostics: Diagnostic[];
  result: ButaneResult;
}

/** Diagnostic codes of butane's reports (the message says the rest). */
export const BUTANE_CODES = { entry: 'butane', fatal: 'butane-fatal' } as const;

export function diagnoseButane(text: string, options: ButaneDiagnoseOptions = {}): ButaneDiagnoseResult {
  const result = transpileButane(text, { pretty: options.pretty, files: options.files ?? null, compress: options.compress });
  const out: Diagnostic[] = result.entries.map((e) => entryDiagnostic(e, result));
  if (result.error !== null) out.push(...fatalDiagnostics(result.error, result));
  if (options.unitChecks !== false && result.yaml.root) out.push(...unitDiagnostics(text, butaneUnitRegions(result.yaml)));
  return { diagnostics: out, result };
}

function entryDiagnostic(e: PlacedEntry, r: ButaneResult): Diagnostic {
  const span = e.offset === undefined ? firstLine(r.yaml.text) : entrySpan(e, r);
  return {
    severity: e.kind,
    message: e.message,
    span,
    code: BUTANE_CODES.entry,
    ...(e.offset === undefined ? { unpositioned: true } : {}),
    // `at`: butane's caret (the range may start before it, e.g. an empty value shown on its key)
    data: { path: e.path.length ? pathString(e.path) : '', ...(e.offset !== undefined ? { at: e.offset } : {}) },
  };
}

/** The node the report's path reaches when it starts at the caret, else butane's underlined word. */
function entrySpan(e: PlacedEntry, r: ButaneResult): Span {
  const at = e.offset!;
  for (let len = e.path.length; len >= 0; len--) {
    const n = treeGet(r.yaml.root as YNode | null, e.path.slice(0, len));
    if (n === undefined) continue;
    const s = n && isScalar(n) ? nodeSpan(n) : undefined;
    if (s && s.start === at && s.end > s.start && !r.yaml.text.slice(s.start, s.end).includes('\n')) return s;
    break;
  }
  return wordAt(r.yaml.text, at);
}

function wordAt(text: string, at: number): Span {
  let end = at;
  while (end < text.length && !/\s/.test(text[end])) end++;
  if (end > at) return { start: at, end };
  // at the end of a line (an empty value after `key:`): the word before it, on the same line
  let start = at;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const wordEnd = start;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  if (wordEnd > start) return { start, end: wordEnd };
  // on a blank line or past the end: the last word before it
  let last = at;
  while (last > 0 && /\s/.test(text[last - 1])) last--;
  let first = last;
  while (first > 0 && !/\s/.test(text[first - 1])) first--;
  return last > first ? { start: first, end: last } : { start: at, end: Math.min(at + 1, text.length) };
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function firstLine(text: string): Span {
  return { start: 0, end: lineEnd(text, 0) };
}

/** A whole line's text without its indentation. */
function lineSpan(lines: LineIndex, text: string, line: number): Span | undefined {
  if (line < 1 || line > lines.lineCount) return undefined;
  let start = lines.offsetAt(line - 1, 0);
  const end = lineEnd(text, start);
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  return { start, end: Math.max(end, start) };
}

function fatalDiagnostics(error: string, r: ButaneResult): Diagnostic[] {
  const text = r.yaml.text;
  const fatal = (message: string, span: Span | undefined, unpositioned = false): Diagnostic => ({
    severity: 'error',
    message,
    span: span ?? firstLine(text),
    code: BUTANE_CODES.fatal,
    ...(unpositioned || !span ? { unpositioned: true } : {}),
  });
  // a YAML syntax error: where the reader found it
  const syntax = r.yaml.errors[0];
  if (syntax?.span && error.startsWith('Error unmarshaling yaml: yaml:') && !error.includes('unmarshal errors')) {
    const s = syntax.span;
    return [fatal(error, s.end > s.start ? s : wordAt(text, s.start))];
  }
  // type errors: one per line they name
  const typeErrors = [...error.matchAll(/^\s*line (\d+): (.*)$/gm)];
  if (typeErrors.length) {
    // each keeps butane's heading, so a single one reads exactly as butane prints it
    const heading = error.slice(0, typeErrors[0].index);
    return typeErrors.map((m) => fatal(heading + m[0].replace(/^\n/, ''), lineSpan(r.yaml.lines, text, Number(m[1]))));
  }
  const root = r.yaml.root as YNode | null;
  const about = error === ERR.noVariant || error.startsWith('No translator exists') || error === ERR.rhcosRemoved ? 'variant' : error === ERR.invalidVersion ? 'version' : undefined;
  if (about && root) {
    const n = valueOf(root, about) ?? valueOf(root, about === 'variant' ? 'version' : 'variant');
    const s = nodeSpan(n);
    if (s) return [fatal(error, s)];
  }
  // the run stopped after its reports (invalid config): those reports carry the places
  return [fatal(error, undefined, true)];
}
