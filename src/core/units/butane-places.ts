// Where a Butane config holds unit texts: systemd.units[].contents and their dropins[].contents,
// and storage.files[] written under /etc/systemd/system/ or /etc/systemd/network/ with inline
// contents (Butane has no networkd section). Same layout as CLC's, so the walk is shared.

import type { ParsedYaml } from '../yaml/parse.ts';
import { configUnitPlaces } from './clc-places.ts';
import { unitRegions } from './regions.ts';
import type { UnitRegion } from './regions.ts';

export function butaneUnitRegions(yaml: ParsedYaml): UnitRegion[] {
  if (!yaml.root) return [];
  return unitRegions(yaml.text, configUnitPlaces(yaml.root, { networkd: false }));
}
