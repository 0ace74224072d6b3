// Which Butane specs exist: butane's translator registry. Only the flatcar variant is built
// here; each of its versions is a thin layer over a base schema (butane's config/flatcar/v1_*:
// the base config inlined, an Ignition version, and the fields this Ignition target refuses).

import type { Ignition3Version } from '../ignition/v3/types.ts';
import { baseV0_4, baseV0_5, baseV0_8_exp } from './schema/base.ts';
import type { BaseSchema } from './schema/base.ts';
import { ERR } from './messages.ts';

export interface FieldFilter {
  /** json path below the config, with `*` for any list index */
  path: string[];
  message: string;
}

export interface ButaneSpec {
  variant: string;
  version: string;
  base: BaseSchema;
  ignitionVersion: Ignition3Version;
  filters: FieldFilter[];
}

const FLATCAR: ButaneSpec[] = [
  { variant: 'flatcar', version: '1.0.0', base: baseV0_4, ignitionVersion: '3.3.0', filters: [{ path: ['storage', 'luks', '*', 'clevis'], message: ERR.clevisSupport }] },
  { variant: 'flatcar', version: '1.1.0', base: baseV0_5, ignitionVersion: '3.4.0', filters: [{ path: ['storage', 'luks', '*', 'clevis'], message: ERR.clevisSupport }] },
  { variant: 'flatcar', version: '1.2.0-experimental', base: baseV0_8_exp, ignitionVersion: '3.7.0-experimental', filters: [{ path: ['storage', 'luks', '*', 'cex'], message: ERR.cexNotSupported }] },
];

/**
 * Every variant+version butane v0.29.0 registers. The others are known (so that the answer for
 * them is butane's, not "no translator") but not translated here.
 */
const OTHER_REGISTERED = [
  'fcos+1.0.0', 'fcos+1.1.0', 'fcos+1.2.0', 'fcos+1.3.0', 'fcos+1.4.0', 'fcos+1.5.0', 'fcos+1.6.0', 'fcos+1.7.0', 'fcos+1.8.0-experimental',
  'openshift+4.8.0', 'openshift+4.9.0', 'openshift+4.10.0', 'openshift+4.11.0', 'openshift+4.12.0', 'openshift+4.13.0', 'openshift+4.14.0',
  'openshift+4.15.0', 'openshift+4.16.0', 'openshift+4.17.0', 'openshift+4.18.0', 'openshift+4.19.0', 'openshift+4.20.0', 'openshift+4.21.0',
  'openshift+4.22.0', 'openshift+4.23.0-experimental',
  'r4e+1.0.0', 'r4e+1.1.0', 'r4e+1.2.0-experimental',
  'fiot+1.0.0', 'fiot+1.1.0-experimental',
];

export type SpecLookup =
  | { kind: 'spec'; spec: ButaneSpec }
  | { kind: 'error'; message: string }
  /** a spec butane has that this implementation does not translate */
  | { kind: 'unsupported'; variant: string; version: string };

export function findSpec(variant: string, version: string): SpecLookup {
  const spec = FLATCAR.find((s) => s.variant === variant && s.version === version);
  if (spec) return { kind: 'spec', spec };
  if (variant === 'rhcos' && version === '0.1.0') return { kind: 'error', message: ERR.rhcosRemoved };
  if (OTHER_REGISTERED.includes(`${variant}+${version}`)) return { kind: 'unsupported', variant, version };
  return { kind: 'error', message: `No translator exists for variant ${variant} with version ${version}` };
}

export const flatcarSpecs: readonly ButaneSpec[] = FLATCAR;
