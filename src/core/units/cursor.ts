// Where a cursor stands inside a unit text embedded in a config, for completion and hover: the
// unit region, its parsed text, the unit-text offset, and the line being typed. The places are
// found once per document version; only the region under the cursor gets an offset map.

import { isScalar, Scalar, visit } from 'yaml';
import type { ClcDocument } from '../features/document.ts';
import { allKeys, framesBefore, framesPath, keysAfter, keysBefore, lineAt } from '../features/scan.ts';
import type { Frame, Scan } from '../features/scan.ts';
import { unquote } from '../features/schema.ts';
import type { PathSeg } from '../features/schema.ts';
import { parseYaml } from '../yaml/parse.ts';
import { clcUnitPlaces } from './clc-places.ts';
import { unitFileAtPath, unitFileTypeOf } from './names.ts';
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
  const place = placeAt(doc, offset);
  if (!place) return undefined;
  const r = place.scalar.range;
  if (!r) return undefined;
  // a blank line typed after a block scalar is not part of its range yet
  const trailing = offset > r[1];
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

/**
 * The unit text place under the cursor, found from the line scan (fast, no YAML parse): a block
 * scalar is read on its own; a quoted or plain scalar under a unit key falls back to the YAML tree.
 */
function placeAt(doc: ClcDocument, offset: number): UnitPlace | undefined {
  const scan = doc.scan;
  const li = lineAt(scan, offset);
  const line = scan.lines[li]!;
  let k = li;
  while (k > 0 && scan.lines[k]!.kind === 'scalar') k--;
  const keyLine = scan.lines[k]!;
  if (keyLine.kind !== 'content' || keyLine.valueStart === undefined) return undefined;
  if (k === li && offset <= keyLine.valueStart) return undefined;
  const block = keyLine.valueKind === 'block';
  if (block) {
    if (k === li) return undefined; // the `contents: |` line
    // at or left of the key's column, a line belongs to the YAML around the scalar
    if (offset - line.start <= (line.owner ?? -1)) return undefined;
  } else if (keyLine.valueKind !== 'quoted' && keyLine.valueKind !== 'plain') {
    return undefined;
  }
  const frames = framesBefore(scan, k + 1);
  const named = unitNaming(scan, frames, framesPath(frames, true), k);
  if (!named) return undefined;
  if (!block) {
    return placesOf(doc).find((p) => {
      const r = p.scalar.range;
      return !!r && r[0] < offset && offset <= r[1];
    });
  }
  const scalar = blockScalarAt(doc.text, scan, k);
  return scalar ? { scalar, ...named } : undefined;
}

type Naming = Omit<UnitPlace, 'scalar'>;

/** Which unit a scalar at `path` is the text of, from the keys around it (see clc-places.ts). */
function unitNaming(scan: Scan, frames: Frame[], path: PathSeg[], keyLine: number): Naming | undefined {
  const sibling = (f: Frame | undefined, key: string): string | undefined => {
    if (!f || f.kind !== 'map') return undefined;
    const v = keysBefore(scan, f, keyLine).get(key) ?? keysAfter(scan, keyLine, f.col).get(key);
    return v === undefined ? undefined : unquote(v.trim());
  };
  const p = path.map(String).join('/');
  const top = frames[frames.length - 1];
  if (/^(systemd|networkd)\/units\/\d+\/contents$/.test(p)) {
    const name = sibling(top, 'name') ?? '';
    return { fileType: unitFileTypeOf(name), name };
  }
  if (/^systemd\/units\/\d+\/dropins\/\d+\/contents$/.test(p)) {
    const unitFrame = frames.find((f) => f.kind === 'map' && f.key === 'dropins');
    const unit = sibling(unitFrame, 'name') ?? '';
    return { fileType: unitFileTypeOf(unit), name: unit, dropin: { unit, name: sibling(top, 'name') ?? '' } };
  }
  if (/^storage\/files\/\d+\/contents\/inline$/.test(p)) {
    const fileFrame = frames[frames.length - 2];
    const where = unitFileAtPath(sibling(fileFrame, 'path') ?? '');
    return where && { fileType: where.fileType, name: where.name, ...(where.dropin ? { dropin: where.dropin } : {}) };
  }
  return undefined;
}

/** Reads only the block scalar whose key is on line `k`; its node carries document offsets. */
function blockScalarAt(text: string, scan: Scan, k: number): Scalar | undefined {
  const base = scan.lines[k]!.start;
  let last = k;
  while (last + 1 < scan.lines.length && scan.lines[last + 1]!.kind === 'scalar') last++;
  let end = scan.lines[last]!.end;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (text[end] === '\n' || text[end] === '\r') end += 1;
  const root = parseYaml(text.slice(base, end)).root;
  let found: Scalar | undefined;
  visit(root, {
    Scalar(_key, node) {
      if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (!found?.range || !isScalar(found)) return undefined;
  const [a, b, c] = found.range;
  found.range = [a + base, b + base, c + base];
  return found;
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
  for (const k of allKeys(doc.scan)) {
    const p = k.path.map(String).join('/');
    const value = unquote((k.value ?? '').trim());
    if (!value) continue;
    if (k.key === 'name' && /^systemd\/units\/\d+$/.test(p)) out.add(value);
    if (k.key === 'path' && /^storage\/files\/\d+$/.test(p)) {
      const where = unitFileAtPath(value);
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
