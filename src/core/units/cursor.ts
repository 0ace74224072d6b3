// Where a cursor stands inside a unit text embedded in a config, for completion and hover: the
// unit region, its parsed text, the unit-text offset, and the line being typed. The places are
// found once per document version; only the region under the cursor gets an offset map.

import type { ClcDocument } from '../features/document.ts';
import { itemsOf, scalarString, valueOf } from '../features/ast.ts';
import { clcUnitPlaces } from './clc-places.ts';
import { unitFileAtPath } from './names.ts';
import { parseUnitText } from './parse.ts';
import type { ParsedUnitText } from './parse.ts';
import { unitRegions } from './regions.ts';
import type { UnitPlace, UnitRegion } from './regions.ts';

export interface UnitCursor {
  region: UnitRegion;
  parsed: ParsedUnitText;
  /** unit-text offset of the cursor */
  at: number;
  /** unit-text offset where the cursor's line starts */
  lineStart: number;
  /**
   * The cursor stands on a line of the document that the unit text does not hold yet (a new,
   * still blank line after the last one): the line is empty and edits go at `docOffset`.
   */
  blankLine: boolean;
  docOffset: number;
}

const placesCache = new WeakMap<ClcDocument, UnitPlace[]>();

function placesOf(doc: ClcDocument): UnitPlace[] {
  let places = placesCache.get(doc);
  if (!places) {
    places = doc.yaml.root ? clcUnitPlaces(doc.yaml.root) : [];
    placesCache.set(doc, places);
  }
  return places;
}

/**
 * The unit text under a document offset: undefined when the offset is not inside a unit text,
 * null when it is but has no exact position (the caller then offers nothing).
 */
export function unitCursorAt(doc: ClcDocument, offset: number): UnitCursor | null | undefined {
  const places = placesOf(doc);
  let place = places.find((p) => {
    const r = p.scalar.range;
    return !!r && r[0] < offset && offset <= r[1];
  });
  // a blank line typed after a block scalar is not part of its range yet
  const trailing = !place;
  place ??= places.find((p) => {
    const r = p.scalar.range;
    return !!r && isBlock(doc.text, r[0]) && r[1] <= offset && /^[ \t\r\n]*$/.test(doc.text.slice(r[1], offset));
  });
  if (!place) return undefined;
  const [region] = unitRegions(doc.text, [place]);
  if (!region) return undefined;
  if (region.text === '') return blankUnit(doc, region, offset);
  const first = region.toDocument(0);
  if (first === undefined) return trailing ? undefined : null;
  // the block header line (`contents: |`) is YAML, not unit text
  if (offset < first && !sameLine(doc.text, offset, first)) return undefined;
  const text = region.text;
  let at = trailing ? text.length : region.toUnit(offset);
  if (at === undefined) return null;
  let mapped = region.toDocument(at)!;
  // at the end of a quoted scalar, before its closing quote
  if (mapped > offset && at === text.length && at > 0 && region.toDocument(at - 1)! < offset && sameLine(doc.text, offset, mapped)) {
    mapped = offset;
  } else if (mapped < offset && at === text.length - 1 && region.toDocument(at + 1)! > offset && sameLine(doc.text, mapped, offset)) {
    at = text.length;
    mapped = offset;
  }
  let blankLine = false;
  if (mapped !== offset) {
    // The cursor sits in a gap of the map: only a blank line after the text is understood.
    if (mapped > offset && !trailing) return null;
    const lineStartDoc = lineStartOf(doc.text, offset);
    if (!/^[ \t]*$/.test(doc.text.slice(lineStartDoc, offset))) return null;
    if (!trailing) {
      if (!/[\r\n]/.test(doc.text.slice(mapped, offset))) return null;
      // a later unit line on the cursor's document line: the cursor is in its indentation
      const next = text[at] === '\n' || text[at] === '\r' ? at + 1 : at;
      if (next < text.length && sameLine(doc.text, region.toDocument(next)!, offset)) return null;
    }
    // left of the block's indentation, typing would end the scalar
    if (offset - lineStartDoc < columnOf(doc.text, first)) return trailing ? undefined : null;
    at = text.length;
    blankLine = true;
  }
  const parsed = parseUnitText(text);
  let lineStart = at;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  return { region, parsed, at, lineStart, blankLine, docOffset: offset };
}

function isBlock(text: string, at: number): boolean {
  return text[at] === '|' || text[at] === '>';
}

/** A block scalar with no text yet (`contents: |` and an indented blank line): an empty unit. */
function blankUnit(doc: ClcDocument, region: UnitRegion, offset: number): UnitCursor | undefined {
  if (!isBlock(doc.text, region.valueSpan.start)) return undefined;
  const lineStartDoc = lineStartOf(doc.text, offset);
  if (lineStartDoc <= region.valueSpan.start || !/^[ \t]+$/.test(doc.text.slice(lineStartDoc, offset))) return undefined;
  // deeper than the line holding the key
  const keyLineStart = lineStartOf(doc.text, region.valueSpan.start);
  const keyIndent = /^[ \t-]*/.exec(doc.text.slice(keyLineStart))![0].length;
  if (offset - lineStartDoc <= keyIndent) return undefined;
  return { region, parsed: parseUnitText(''), at: 0, lineStart: 0, blankLine: true, docOffset: offset };
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

function sameLine(text: string, a: number, b: number): boolean {
  return !/[\r\n]/.test(text.slice(Math.min(a, b), Math.max(a, b)));
}

const unitNamesCache = new WeakMap<ClcDocument, string[]>();

/** Names of the systemd units this config defines or touches (units and unit files). */
export function configUnitNames(doc: ClcDocument): string[] {
  let names = unitNamesCache.get(doc);
  if (names) return names;
  const out = new Set<string>();
  const root = doc.yaml.root;
  if (root) {
    for (const unit of itemsOf(valueOf(valueOf(root, 'systemd'), 'units'))) {
      const name = scalarString(valueOf(unit, 'name'));
      if (name) out.add(name);
    }
    for (const file of itemsOf(valueOf(valueOf(root, 'storage'), 'files'))) {
      const where = unitFileAtPath(scalarString(valueOf(file, 'path')) ?? '');
      if (where && !where.dropin && !['network', 'netdev', 'link'].includes(where.fileType ?? '')) out.add(where.name);
    }
  }
  names = [...out];
  unitNamesCache.set(doc, names);
  return names;
}

/** True when a document offset lies inside the text of a unit, drop-in or networkd file. */
export function isInUnitText(doc: ClcDocument, offset: number): boolean {
  return unitCursorAt(doc, offset) !== undefined;
}
