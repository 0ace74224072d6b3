// ct reports a unit text it cannot read ("invalid unit content: unable to find end of section")
// on the unit's whole contents. The editor shows it on the line at fault instead; clct keeps
// printing ct's place (ctSpan), so ct's output stays as it is.

import type { Diagnostic } from '../report.ts';
import type { ParsedYaml } from '../yaml/parse.ts';
import { parseUnitFile } from '../ignition/unit-file.ts';
import { clcUnitRegions } from './clc-places.ts';
import { documentSpan } from './regions.ts';

/** The UTF-16 offset in `text` of a byte offset of its UTF-8 encoding. */
function charOffsetOfByte(text: string, byte: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byte) return i;
    const c = text.codePointAt(i)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  return text.length;
}

export function placeUnitContentErrors(entries: Diagnostic[], yaml: ParsedYaml): void {
  const targets = entries.filter((d) => d.code === 'unit-contents' && d.span);
  if (!targets.length) return;
  const regions = clcUnitRegions(yaml);
  for (const d of targets) {
    const span = d.span!;
    const region = regions.find((r) => r.valueSpan.start >= span.start && r.valueSpan.end <= span.end) ?? regions.find((r) => span.start >= r.valueSpan.start && span.end <= r.valueSpan.end);
    if (!region) continue;
    const read = parseUnitFile(region.text);
    if (read.ok || read.at === undefined) continue;
    const at = Math.min(charOffsetOfByte(region.text, read.at), region.text.length);
    let start = at;
    while (start > 0 && region.text[start - 1] !== '\n' && region.text[start - 1] !== '\r') start--;
    let end = at;
    while (end < region.text.length && region.text[end] !== '\n' && region.text[end] !== '\r') end++;
    while (start < end && (region.text[start] === ' ' || region.text[start] === '\t')) start++;
    if (end <= start) continue;
    const line = documentSpan(region, { start, end });
    if (line.start === region.valueSpan.start && line.end === region.valueSpan.end) continue;
    d.ctSpan ??= span;
    d.span = line;
  }
}
