// Builds the text of the Ignition preview document. Free of VS Code for unit tests.
//
// The document always starts with exactly three comment lines (what is shown, its state in a few
// words, and the first problem), so the JSON below keeps its line numbers as the state changes and
// the editor does not jump.

import type { TranspileProblem, TranspileResponse } from '../src/shared/protocol.ts';

export const HEADER_LINES = 3;
const MAX_NOTE = 240;

export interface PreviewState {
  /** file name of the followed config, e.g. "cl-config.yml" */
  sourceName: string;
  /** platform used for this preview ("" for none) */
  platform: string;
  /** a Butane config has no platform: its title says Butane instead */
  butane?: boolean;
  /** true when the platform comes from the preview's picker rather than clc.platform */
  platformOverridden: boolean;
  /** the latest answer from the server, or undefined before the first one */
  latest?: TranspileResponse;
  /** the last output produced without blocking problems, and when */
  lastGood?: { output: string; at: Date };
  /** a failure talking to the server (it is not running, the document is closed...) */
  failure?: string;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return flat.length > MAX_NOTE ? flat.slice(0, MAX_NOTE - 1) + '…' : flat;
}

function where(p: TranspileProblem): string {
  return p.range ? `line ${p.range.start.line + 1}, column ${p.range.start.character + 1}: ` : '';
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function clock(d: Date): string {
  return d.toTimeString().slice(0, 8);
}

/**
 * The second header line: the state in a few words, short enough for a side-by-side split.
 * What the problem is goes on the third line (detailLine).
 */
export function statusLine(state: PreviewState): string {
  const kept = state.lastGood ? `last good output from ${clock(state.lastGood.at)}` : 'no output yet';
  if (state.failure) return `// ✖ Not transpiled; ${kept}.`;
  const r = state.latest;
  if (!r) return '// … transpiling';
  const { errors, warnings, others } = sorted(r);
  if (!isGood(r)) {
    const what = errors.length > 0 ? count(errors.length, 'error') : warnings.length > 0 ? `${count(warnings.length, 'warning')} (clc.strict is on)` : 'no output';
    return `// ✖ ${what}; ${kept}.`;
  }
  if (warnings.length > 0) return `// ⚠ Up to date, with ${count(warnings.length, 'warning')}.`;
  if (others.length > 0) return `// ✓ Up to date (${count(others.length, 'note')} in the Problems view).`;
  return '// ✓ Up to date.';
}

/** The third header line: the first problem in full, or the failure; a bare `//` when all is well. */
export function detailLine(state: PreviewState): string {
  if (state.failure) return `// ${oneLine(state.failure)}`;
  const r = state.latest;
  if (!r) return '//';
  const { errors, warnings } = sorted(r);
  const first = isGood(r) ? warnings[0] : (errors[0] ?? warnings[0] ?? r.problems[0]);
  if (!first) return '//';
  return `// ${oneLine(`First: ${where(first)}${first.message}`)}`;
}

function sorted(r: TranspileResponse): { errors: TranspileProblem[]; warnings: TranspileProblem[]; others: TranspileProblem[] } {
  return {
    errors: r.problems.filter((p) => p.severity === 'error'),
    warnings: r.problems.filter((p) => p.severity === 'warning'),
    others: r.problems.filter((p) => p.severity !== 'error' && p.severity !== 'warning'),
  };
}

/** The whole preview document. */
export function previewText(state: PreviewState): string {
  const platform = state.platform === '' ? 'none' : state.platform;
  const picked = state.platformOverridden ? ' (picked for this preview)' : '';
  const title = state.butane ? `// Ignition preview of ${state.sourceName} (Butane config)` : `// Ignition preview of ${state.sourceName}, platform: ${platform}${picked}`;
  const r = state.latest;
  let body: string;
  if (!state.failure && r && !r.blocked && r.output !== null && r.failedAt === null) body = r.output;
  else if (state.lastGood) body = state.lastGood.output;
  else body = '';
  return `${oneLine(title)}\n${statusLine(state)}\n${detailLine(state)}\n${body}${body.endsWith('\n') || body === '' ? '' : '\n'}`;
}

/** True when the answer counts as good output to keep showing while the config is broken. */
export function isGood(r: TranspileResponse): boolean {
  return !r.blocked && r.output !== null && r.failedAt === null;
}
