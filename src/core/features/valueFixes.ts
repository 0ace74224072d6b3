// Quick fixes that rewrite a value: a relative path made absolute, a unit name given the suffix
// its contents call for (`[Timer]` -> `.timer`, `[Network]` -> `.network`, ...), and a drop-in
// name given `.conf`.

import { isScalar } from 'yaml';
import type { Node as YNode } from 'yaml';
import type { Diagnostic, Span } from '../report.ts';
import { clean, ext } from '../go/path.ts';
import { ERR_INVALID_NETWORKD_DROPIN_EXT, ERR_INVALID_NETWORKD_EXT, ERR_INVALID_SYSTEMD_DROPIN_EXT, ERR_INVALID_SYSTEMD_EXT } from '../ignition/checks/systemd.ts';
import { nodeSpan } from '../yaml/parse.ts';
import type { ClcDocument } from './document.ts';
import { hitAt, nodeAt, scalarString, valueOf } from './ast.ts';

/** A fix before codeActions() attaches it to its problem. */
export interface ValueFix {
  title: string;
  edit: { span: Span; newText: string };
  isPreferred?: boolean;
}

/** "Make absolute: /etc/hostname" for a `path not absolute` on a plain path value. */
export function makeAbsoluteFix(doc: ClcDocument, d: Diagnostic): ValueFix | null {
  const node = scalarAt(doc, d.span);
  const value = scalarString(node);
  if (!node || value === undefined || value === '' || value.startsWith('/')) return null;
  const fixed = clean('/' + value);
  return { title: `Make absolute: ${fixed}`, edit: { span: nodeSpan(node)!, newText: rewrite(doc, node, fixed) }, isPreferred: true };
}

/** The section that tells a unit's type, with the suffix that type needs. */
const SYSTEMD_SECTIONS: Record<string, string> = {
  Service: '.service',
  Socket: '.socket',
  Timer: '.timer',
  Mount: '.mount',
  Automount: '.automount',
  Swap: '.swap',
  Path: '.path',
  Slice: '.slice',
};
const NETWORKD_SECTIONS: Record<string, string> = { Network: '.network', NetDev: '.netdev', Link: '.link' };

/**
 * "Rename to app.service" for `invalid systemd unit extension` (and the networkd one): the suffixes
 * the unit's sections call for, or `.service` (and `.target` for a unit of only [Unit]/[Install])
 * when no section tells. A misspelt suffix (`.servic`) is replaced, anything else is kept.
 */
export function unitSuffixFixes(doc: ClcDocument, d: Diagnostic): ValueFix[] {
  if (!d.span) return [];
  const hit = hitAt(doc.yaml.root, d.span.start);
  if (!hit) return [];
  const unit = nodeAt(doc.yaml.root, hit.path);
  const nameNode = valueOf(unit, 'name');
  const name = scalarString(nameNode);
  if (!nameNode || !isScalar(nameNode) || !name) return [];
  let suffixes: string[];
  if (d.message === ERR_INVALID_SYSTEMD_DROPIN_EXT || d.message === ERR_INVALID_NETWORKD_DROPIN_EXT) {
    suffixes = ['.conf'];
  } else if (d.message === ERR_INVALID_SYSTEMD_EXT || d.message === ERR_INVALID_NETWORKD_EXT) {
    const networkd = d.message === ERR_INVALID_NETWORKD_EXT;
    const sections = sectionsOf(scalarString(valueOf(unit, 'contents')) ?? '');
    const table = networkd ? NETWORKD_SECTIONS : SYSTEMD_SECTIONS;
    suffixes = [...new Set(sections.map((s) => table[s]).filter((s): s is string => !!s))];
    if (!suffixes.length && !networkd) {
      suffixes = ['.service'];
      if (sections.length && sections.every((s) => s === 'Unit' || s === 'Install')) suffixes.unshift('.target');
    }
  } else return [];
  return suffixes.map((suffix, i) => {
    const old = ext(name);
    const renamed = old && close(old, suffix) ? name.slice(0, -old.length) + suffix : name + suffix;
    return {
      title: `Rename to ${renamed}`,
      edit: { span: nodeSpan(nameNode)!, newText: rewrite(doc, nameNode, renamed) },
      isPreferred: i === 0 ? true : undefined,
    };
  });
}

function sectionsOf(contents: string): string[] {
  const out: string[] = [];
  for (const m of contents.matchAll(/^[ \t]*\[([^\]\r\n]+)\][ \t]*$/gm)) out.push(m[1]);
  return out;
}

/** A misspelt suffix: one or two letters off (`.servic`, `.timr`, `.sevrice`). */
function close(a: string, b: string): boolean {
  if (a === b) return false;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 2) return false;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...Array(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[m][n] <= 2;
}

function scalarAt(doc: ClcDocument, span: Span | undefined): YNode | null {
  if (!span) return null;
  const hit = hitAt(doc.yaml.root, span.start);
  if (!hit || hit.part === 'key' || !isScalar(hit.node)) return null;
  const s = nodeSpan(hit.node);
  return s && s.start === span.start && s.end === span.end ? hit.node : null;
}

/** The new value written the way the old one was: in the same quotes, or plain. */
function rewrite(doc: ClcDocument, node: YNode, value: string): string {
  const s = nodeSpan(node)!;
  const q = doc.text[s.start];
  if (q === "'") return `'${value.replace(/'/g, "''")}'`;
  if (q === '"' || /[:#'"\s]|^[-?|>!&*%@`{}[\],]/.test(value)) return JSON.stringify(value);
  return value;
}
