// Hover inside the text of a unit, drop-in or networkd file embedded in a config: on a section
// header, what the section is for and its man page; on a directive (its name or its value), our
// description, the value kind with the allowed values, and the man page with a link.

import type { ClcDocument } from '../features/document.ts';
import type { Span } from '../report.ts';
import { directiveInfo, sectionInfo, wellKnownUnits } from './catalog.ts';
import { directiveDoc } from './completion.ts';
import { unitCursorAt } from './cursor.ts';
import { assignmentAt } from './parse.ts';
import { documentSpan } from './regions.ts';

export interface UnitHover {
  /** markdown */
  contents: string;
  span: Span;
}

/**
 * Hover at a document offset inside a unit text: undefined when the offset is not inside one
 * (the caller goes on with its own hover), null when there is nothing to say.
 */
export function hoverInUnit(doc: ClcDocument, offset: number): UnitHover | null | undefined {
  const cur = unitCursorAt(doc, offset);
  if (cur === undefined) return undefined;
  if (cur === null || cur.blankLine) return null;
  const type = cur.region.fileType;
  if (!type) return null;
  const { parsed, region, at } = cur;

  for (const s of parsed.sections) {
    if (s.headerSpan.start <= at && at <= s.headerSpan.end) {
      const info = sectionInfo(type, s.name);
      if (!info) return null;
      const parts = [`**[${info.name}]** section of a .${type} file`];
      if (info.description) parts.push(info.description);
      parts.push(`[${info.man}](${info.url})`);
      return { contents: parts.join('\n\n'), span: documentSpan(region, s.headerSpan) };
    }
  }

  const a = assignmentAt(parsed, at);
  if (!a) return null;
  const d = directiveInfo(type, a.section.name, a.key);
  if (!d) return null;
  const onKey = at <= a.keySpan.end;
  if (!onKey && a.valueSpan.end > a.valueSpan.start) {
    // on a value: the directive's documentation too, and what a unit name is
    const word = wordAt(parsed.text, at, a.valueSpan);
    const known = word && wellKnownUnits().find((u) => u.name === word);
    const head = known ? `**${known.name}**: ${known.description}\n\n---\n\n` : '';
    return { contents: `${head}**${d.name}=** in [${d.section}]\n\n${directiveDoc(d)}`, span: documentSpan(region, a.valueSpan) };
  }
  return { contents: `**${d.name}=** in [${d.section}]\n\n${directiveDoc(d)}`, span: documentSpan(region, a.keySpan) };
}

function wordAt(text: string, at: number, within: Span): string {
  let s = at;
  let e = at;
  while (s > within.start && !/\s/.test(text[s - 1]!)) s--;
  while (e < within.end && !/\s/.test(text[e]!)) e++;
  return text.slice(s, e);
}
