// Quick fixes for butane's reports, where the fix is certain: a mode written in decimal that
// was meant in octal (644 -> 0644), an unused key that is a known key spelled differently, and a
// key the declared version lacks but a newer version of the variant has (-> raise `version`).

import type { Diagnostic } from '../report.ts';
import type { ClcDocument } from '../features/document.ts';
import type { CodeAction } from '../features/codeActions.ts';
import { suggestKey } from '../features/codeActions.ts';
import { schemaAt, propertiesOf } from '../features/schema.ts';
import type { PathSeg } from '../features/schema.ts';
import { butaneSchema, specFor } from './editor-schema.ts';
import { flatcarSpecs } from './variants.ts';
import { butaneHead } from './head.ts';
import { BUTANE_CODES } from './diagnostics.ts';

const OCTAL_HINT = 'unreasonable mode would be reasonable if specified in octal';

/** "$.storage.files.0.mode" -> ['storage', 'files', 0, 'mode'] */
function parsePath(p: string): PathSeg[] {
  return p.replace(/^\$\.?/, '').split('.').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function butaneCodeActions(doc: ClcDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.code !== BUTANE_CODES.entry || !d.span) continue;
    const text = doc.text.slice(d.span.start, d.span.end);
    if (d.message.startsWith(OCTAL_HINT) && /^[1-7][0-7]{2,3}$/.test(text)) {
      out.push({ title: `Write the mode as octal 0${text}`, kind: 'quickfix', diagnostics: [d], edits: [{ span: d.span, newText: `0${text}` }], isPreferred: true });
      continue;
    }
    const unused = /^unused key (.+)$/.exec(d.message);
    if (!unused || typeof d.data?.path !== 'string') continue;
    const key = unused[1];
    const parentPath = parsePath(d.data.path).slice(0, -1);
    const head = butaneHead(doc);
    const spec = specFor(head.variant, head.version);
    const known = propertiesOf(schemaAt(parentPath, butaneSchema(spec))).map(([k]) => k);
    const target = suggestKey(key, known);
    if (target && text === key) {
      out.push({ title: `Rename ${key} to ${target}`, kind: 'quickfix', diagnostics: [d], edits: [{ span: d.span, newText: target }], isPreferred: true });
      continue;
    }
    // a newer version of the same variant that knows the key (stable versions first)
    const later = flatcarSpecs.filter((s) => s.variant === spec.variant && s.version !== spec.version && flatcarSpecs.indexOf(s) > flatcarSpecs.indexOf(spec));
    const newer = later.find((s) => propertiesOf(schemaAt(parentPath, butaneSchema(s))).some(([k]) => k === key));
    const versionSpan = versionValueSpan(doc);
    if (newer && versionSpan && head.version === spec.version) {
      out.push({ title: `Raise version to ${newer.version} (it has ${key})`, kind: 'quickfix', diagnostics: [d], edits: [{ span: versionSpan, newText: newer.version }] });
    }
  }
  return out;
}

/** The value of the top-level `version:` line. */
function versionValueSpan(doc: ClcDocument): { start: number; end: number } | undefined {
  for (const line of doc.scan.lines) {
    if (line.kind === 'content' && line.keyCol === 0 && line.key === 'version' && line.valueStart !== undefined && line.valueEnd !== undefined) {
      return { start: line.valueStart, end: line.valueEnd };
    }
  }
  return undefined;
}
