// Ignition's checks on the generated config (the Ignition 3 model's validator): duplicate
// entries first, then each value's own validation, as butane runs them. Paths are Ignition's
// (json keys); the caller moves them back to config paths.

import { validateIgnition3 } from '../ignition/v3/validate.ts';
import type { Ignition3Version } from '../ignition/v3/types.ts';
import type { Entry } from './entry.ts';

export function validateOutput(config: Record<string, any>, version: Ignition3Version): Entry[] {
  return validateIgnition3(config, version).map((e) => ({ kind: e.kind, message: e.message, path: e.path }));
}
