// Where a Container Linux Config holds unit texts: systemd.units[].contents and their
// dropins[].contents, networkd.units[].contents, and storage.files[] written under
// /etc/systemd/system/ or /etc/systemd/network/ with inline contents.

import { isScalar, Scalar } from 'yaml';
import type { Node as YNode } from 'yaml';
import { itemsOf, scalarString, valueOf } from '../features/ast.ts';
import { nodeSpan } from '../yaml/parse.ts';
import type { ParsedYaml } from '../yaml/parse.ts';
import { unitFileAtPath, unitFileTypeOf } from './names.ts';
import { unitRegions } from './regions.ts';
import type { UnitPlace, UnitRegion } from './regions.ts';

function scalarNode(n: YNode | null): Scalar | undefined {
  return n && isScalar(n) ? (n as Scalar) : undefined;
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
  for (const unit of itemsOf(valueOf(valueOf(root, 'systemd'), 'units'))) {
    const nameNode = valueOf(unit, 'name');
    const name = scalarString(nameNode) ?? '';
    const fileType = unitFileTypeOf(name);
    const contents = scalarNode(valueOf(unit, 'contents'));
    if (contents) out.push({ scalar: contents, fileType, name, nameSpan: nodeSpan(nameNode) });
    for (const d of itemsOf(valueOf(unit, 'dropins'))) {
      const dc = scalarNode(valueOf(d, 'contents'));
      const dNameNode = valueOf(d, 'name');
      if (dc) out.push({ scalar: dc, fileType, name, dropin: { unit: name, name: scalarString(dNameNode) ?? '' }, nameSpan: nodeSpan(dNameNode) });
    }
  }
  if (layout.networkd) for (const unit of itemsOf(valueOf(valueOf(root, 'networkd'), 'units'))) {
    const nameNode = valueOf(unit, 'name');
    const name = scalarString(nameNode) ?? '';
    const contents = scalarNode(valueOf(unit, 'contents'));
    if (contents) out.push({ scalar: contents, fileType: unitFileTypeOf(name), name, nameSpan: nodeSpan(nameNode) });
  }
  for (const file of itemsOf(valueOf(valueOf(root, 'storage'), 'files'))) {
    const pathNode = valueOf(file, 'path');
    const where = unitFileAtPath(scalarString(pathNode) ?? '');
    if (!where) continue;
    const inline = scalarNode(valueOf(valueOf(file, 'contents'), 'inline'));
    if (inline) out.push({ scalar: inline, ...where, nameSpan: nodeSpan(pathNode) });
  }
  return out;
}

/** Every unit text of a CLC document (empty when the YAML does not read). */
export function clcUnitRegions(yaml: ParsedYaml): UnitRegion[] {
  if (!yaml.root) return [];
  return unitRegions(yaml.text, clcUnitPlaces(yaml.root));
}
