// Where a Container Linux Config holds unit texts: systemd.units[].contents and their
// dropins[].contents, networkd.units[].contents and their dropins[].contents, and storage.files[] written under
// /etc/systemd/system/ or /etc/systemd/network/ with inline contents.

import { isMap, isScalar, Scalar } from 'yaml';
import type { Node as YNode, Pair, YAMLMap } from 'yaml';
import { itemsOf, scalarString } from '../features/ast.ts';
import { nodeSpan } from '../yaml/parse.ts';
import type { ParsedYaml } from '../yaml/parse.ts';
import { unitFileAtPath, unitFileTypeOf } from './names.ts';
import { unitRegions } from './regions.ts';
import type { UnitPlace, UnitRegion } from './regions.ts';

function scalarNode(n: YNode | null): Scalar | undefined {
  return n && isScalar(n) ? (n as Scalar) : undefined;
}

/**
 * The value of `key` in a mapping (the last one wins, as for valueOf), read without building
 * the pair list: a config may hold thousands of storage files to look through.
 */
function get(n: YNode | null | undefined, key: string): YNode | null {
  if (!n || !isMap(n)) return null;
  let hit: YNode | null = null;
  for (const p of (n as YAMLMap).items) {
    const k = (p as Pair).key as YNode | null;
    if (k && isScalar(k) && String(k.value) === key) hit = ((p as Pair).value as YNode | null) ?? null;
  }
  return hit;
}

export function clcUnitPlaces(root: YNode | null): UnitPlace[] {
  return configUnitPlaces(root, { networkd: true });
}

/**
 * The unit places of a config laid out like CLC's and Butane's (systemd.units with dropins,
 * storage.files); `networkd` adds CLC's networkd.units.
 */
export function configUnitPlaces(root: YNode | null, layout: { networkd: boolean }): UnitPlace[] {
  const out: UnitPlace[] = [];
  if (!root) return out;
  for (const unit of itemsOf(get(get(root, 'systemd'), 'units'))) {
    const nameNode = get(unit, 'name');
    const name = scalarString(nameNode) ?? '';
    const fileType = unitFileTypeOf(name);
    const contents = scalarNode(get(unit, 'contents'));
    if (contents) out.push({ scalar: contents, fileType, name, nameSpan: nodeSpan(nameNode) });
    for (const d of itemsOf(get(unit, 'dropins'))) {
      const dc = scalarNode(get(d, 'contents'));
      const dNameNode = get(d, 'name');
      if (dc) out.push({ scalar: dc, fileType, name, dropin: { unit: name, name: scalarString(dNameNode) ?? '' }, nameSpan: nodeSpan(dNameNode) });
    }
  }
  if (layout.networkd) for (const unit of itemsOf(get(get(root, 'networkd'), 'units'))) {
    const nameNode = get(unit, 'name');
    const name = scalarString(nameNode) ?? '';
    const fileType = unitFileTypeOf(name);
    const contents = scalarNode(get(unit, 'contents'));
    if (contents) out.push({ scalar: contents, fileType, name, nameSpan: nodeSpan(nameNode) });
    for (const d of itemsOf(get(unit, 'dropins'))) {
      const dc = scalarNode(get(d, 'contents'));
      const dNameNode = get(d, 'name');
      if (dc) out.push({ scalar: dc, fileType, name, dropin: { unit: name, name: scalarString(dNameNode) ?? '' }, nameSpan: nodeSpan(dNameNode) });
    }
  }
  for (const file of itemsOf(get(get(root, 'storage'), 'files'))) {
    const pathNode = get(file, 'path');
    const where = unitFileAtPath(scalarString(pathNode) ?? '');
    if (!where) continue;
    const inline = scalarNode(get(get(file, 'contents'), 'inline'));
    if (inline) out.push({ scalar: inline, ...where, nameSpan: nodeSpan(pathNode) });
  }
  return out;
}

/** Every unit text of a CLC document (empty when the YAML does not read). */
export function clcUnitRegions(yaml: ParsedYaml): UnitRegion[] {
  if (!yaml.root) return [];
  return unitRegions(yaml.text, clcUnitPlaces(yaml.root));
}
