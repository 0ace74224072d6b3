// ct's text report: "<kind> at line L, column C\n<message>" or "<kind>: <message>", entries
// joined by newlines. YAML type errors are one entry in ct, so they are joined here.

import type { Diagnostic } from './report.ts';
import type { LineIndex } from './yaml/parse.ts';

export function formatReport(diags: readonly Diagnostic[], lines: LineIndex | null): string {
  const out: string[] = [];
  const typeErrors = diags.filter((d) => d.code === 'yaml-type');
  let typeErrorsShown = false;
  for (const d of diags) {
    if (d.code === 'yaml-type') {
      if (typeErrorsShown) continue;
      typeErrorsShown = true;
      out.push(`error: yaml: unmarshal errors:\n  ${typeErrors.map((e) => e.message).join('\n  ')}`);
      continue;
    }
    if (d.code === 'yaml-syntax' && d.span && lines) {
      // ct's YAML library names the line inside the message and gives no position
      const { line } = lines.lineCol(d.span.start);
      const msg = d.message.replace(/^yaml: /, '');
      // ct's YAML library leaves the line out for the first line
      out.push(line > 1 ? `error: yaml: line ${line}: ${msg}` : `error: yaml: ${msg}`);
      continue;
    }
    const at = d.ctSpan ?? d.span;
    if (at && !d.unpositioned && lines) {
      const { line, column } = lines.lineCol(at.start);
      out.push(`${d.severity} at line ${line}, column ${column}\n${d.message}`);
    } else {
      out.push(`${d.severity}: ${d.message}`);
    }
  }
  // ct passes this text through printf, turning a '%' into "%!d(MISSING)" and the like; that is a
  // defect, so messages are shown as written
  return out.join('\n');
}
