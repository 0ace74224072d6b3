// Ignition's checks on the generated config: duplicate entries, then the validation of each
// value (config/v3_*/types). They come from the Ignition 3 model (branch ign3-model); until
// its validator lands nothing is reported here.

import type { Entry } from './entry.ts';

export function validateOutput(_config: Record<string, any>, _version: string): Entry[] {
  return [];
}
