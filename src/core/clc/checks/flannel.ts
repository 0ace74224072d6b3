// ct's own checks (Validate methods) on the flannel part of a Container Linux Config.
import type { Diagnostic } from '../../report.ts';
import type { MethodTable } from '../../go/types.ts';
import { parseSemver, semverLessThan } from '../../go/semver.ts';
import type { SemverVersion } from '../../go/semver.ts';
import { flannelOptions, flannelStructs } from '../model.ts';

export const ERR_FLANNEL_TOO_OLD = 'invalid flannel version (too old)';
export const ERR_FLANNEL_MINOR_TOO_NEW =
  'flannel minor version too new. Only options available in the previous minor version will be supported';
export const ERR_NET_CONFIG_INVALID_JSON = "flannel network config doesn't appear to be valid JSON";
export const ERR_NET_CONFIG_AND_KUBE_MGR = 'flannel network config cannot be provided if kube_subnet_mgr is set';

const oldest = (parseSemver(flannelOptions.oldestVersion) as { ok: true; version: SemverVersion }).version;

/** FlannelVersion.Validate */
export function validateFlannelVersion(v: SemverVersion): Diagnostic[] {
  if (semverLessThan(v, oldest)) return [{ severity: 'error', message: ERR_FLANNEL_TOO_OLD, code: 'flannel-version' }];
  if (v.major === 0n && v.minor > 7n) {
    return [{ severity: 'warning', message: ERR_FLANNEL_MINOR_TOO_NEW, code: 'flannel-version' }];
  }
  return [];
}

/**
 * Whether encoding/json can unmarshal the text into a map[string]interface{}: valid JSON whose
 * top level is an object (or null), and no number too large for a float64.
 */
export function unmarshalsIntoJsonMap(text: string): boolean {
  let overflow = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (_k, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) overflow = true;
      return v;
    });
  } catch {
    return false;
  }
  if (overflow) return false;
  return value === null || (typeof value === 'object' && !Array.isArray(value));
}

/** NetworkConfig.Validate */
export function validateNetworkConfig(nc: string): Diagnostic[] {
  if (nc === '' || unmarshalsIntoJsonMap(nc)) return [];
  return [{ severity: 'error', message: ERR_NET_CONFIG_INVALID_JSON, code: 'flannel-network-config' }];
}

/** (*Flannel).Validate: only the 0.7 option set knows kube_subnet_mgr. */
export function validateFlannel(f: Record<string, unknown>): Diagnostic[] {
  if (f.$optionsType !== flannelStructs.get('0.7')) return [];
  const opts = (f.$options ?? {}) as Record<string, unknown>;
  if (opts.kube_subnet_mgr === true && f.NetworkConfig !== '') {
    return [{ severity: 'error', message: ERR_NET_CONFIG_AND_KUBE_MGR, code: 'flannel-kube-subnet-mgr' }];
  }
  return [];
}

export const methods: MethodTable = {
  FlannelVersion: { validate: (v: SemverVersion) => validateFlannelVersion(v) },
  NetworkConfig: { validate: (nc: string) => validateNetworkConfig(nc) },
  Flannel: { validate: (f: Record<string, unknown>) => validateFlannel(f) },
};
