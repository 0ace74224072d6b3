// Quick fixes, offered only where the fix is certain: an unknown key that is a known key
// spelled differently (passwordHash -> password_hash, homedir -> home_dir, one typo), a mode
// written in decimal that was meant in octal (644 -> 0644), and the deprecated `enable: true`
// of a unit (-> enabled: true), a relative path (-> made absolute) and a unit name without the
// suffix its contents call for (app -> app.service).

import type { Diagnostic, Span } from '../report.ts';
import type { ClcDocument } from './document.ts';
import { HINT_CODES } from './hints.ts';
import { hitAt, keyOf, nodeAt, pairsOf } from './ast.ts';
import { makeAbsoluteFix, unitSuffixFixes } from './valueFixes.ts';
import { applyLine, framesBefore, keysAfter, keysBefore, lineAt } from './scan.ts';
import { editDistance } from '../editDistance.ts';
import { isUnitCode } from '../units/diagnostics.ts';

export { editDistance };

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface CodeAction {
  title: string;
  kind: 'quickfix';
  /** the problems the action fixes */
  diagnostics: Diagnostic[];
  edits: TextEdit[];
  isPreferred?: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');

/**
 * The known key an unknown one stands for, when that is certain: the same letters ignoring case,
 * `_` and `-` (camelCase, kebab-case, missing underscores), or a single typo when no other key is
 * as close.
 */
export function suggestKey(key: string, known: readonly string[]): string | null {
  const n = norm(key);
  if (!n) return null;
  const same = known.filter((k) => norm(k) === n);
  if (same.length === 1) return same[0];
  if (same.length > 1) return null;
  if (n.length < 4) return null;
  const close = known.filter((k) => editDistance(norm(k), n) === 1);
  return close.length === 1 ? close[0] : null;
}

export function codeActions(doc: ClcDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (!d.span) continue;
    const id = `${d.span.start}:${d.span.end}`;
    if (d.code === 'unknown-key' || d.code === 'unknown-key-typo') {
      if (seen.has('key' + id)) continue;
      const key = typeof d.data?.key === 'string' ? d.data.key : doc.text.slice(d.span.start, d.span.end);
      const known = Array.isArray(d.data?.known) ? (d.data!.known as string[]) : typeof d.data?.replacement === 'string' ? [d.data.replacement] : [];
      const target = suggestKey(key, known);
      if (!target || siblingKeys(doc, d.span.start).has(target)) continue;
      seen.add('key' + id);
      const related = diagnostics.filter((x) => x.span && x.span.start === d.span!.start && (x.code === 'unknown-key' || x.code === 'unknown-key-typo'));
      out.push({ title: `Rename ${key} to ${target}`, kind: 'quickfix', diagnostics: related, edits: [{ span: d.span, newText: target }], isPreferred: true });
    } else if (d.code === HINT_CODES.decimalMode && typeof d.data?.replacement === 'string') {
      out.push({ title: `Write the mode as octal ${d.data.replacement}`, kind: 'quickfix', diagnostics: [d], edits: [{ span: d.span, newText: d.data.replacement }], isPreferred: true });
    } else if (d.code === HINT_CODES.deprecatedEnable && d.data?.fixable) {
      out.push({ title: 'Replace enable with enabled', kind: 'quickfix', diagnostics: [d], edits: [{ span: d.span, newText: 'enabled' }], isPreferred: true });
    } else if (d.code === 'path-relative' || d.code === 'unit-extension') {
      if (seen.has(d.code + id)) continue;
      seen.add(d.code + id);
      const fixes = d.code === 'path-relative' ? [makeAbsoluteFix(doc, d)].filter((f) => f !== null) : unitSuffixFixes(doc, d);
      for (const f of fixes) out.push({ title: f.title, kind: 'quickfix', diagnostics: [d], edits: [f.edit], isPreferred: f.isPreferred });
    } else if (isUnitCode(d.code) && Array.isArray(d.data?.edits) && typeof d.data.title === 'string') {
      // unit-file fixes come with their edits (src/core/units/diagnostics.ts)
      out.push({ title: d.data.title, kind: 'quickfix', diagnostics: [d], edits: d.data.edits as TextEdit[], isPreferred: true });
    }
  }
  return out;
}

/** Keys of the mapping holding the key at `offset`. */
function siblingKeys(doc: ClcDocument, offset: number): Set<string> {
  const scan = doc.scan;
  const li = lineAt(scan, offset);
  const line = scan.lines[li];
  if (line.kind === 'content' && line.key !== undefined && line.keyStart === offset) {
    const frames = framesBefore(scan, li);
    applyLine(frames, line, li);
    const keys = new Set(keysBefore(scan, frames[frames.length - 1], li + 1).keys());
    for (const k of keysAfter(scan, li, line.keyCol!).keys()) keys.add(k);
    return keys;
  }
  const out = new Set<string>();
  const root = doc.yaml.root;
  const h = hitAt(root, offset);
  if (!h || h.part !== 'key') return out;
  for (const p of pairsOf(nodeAt(root, h.path))) out.add(keyOf(p));
  return out;
}
