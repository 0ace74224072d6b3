// ct's own checks (Validate methods) on the etcd part of a Container Linux Config.
//
// Only the version is checked: the option set it selects is decided while decoding (see
// pickOptionVersion in clc/model.ts), and keys of other versions show up as unrecognized keys.
import type { Diagnostic } from '../../report.ts';
import type { MethodTable } from '../../go/types.ts';
import { parseSemver, semverLessThan } from '../../go/semver.ts';
import type { SemverVersion } from '../../go/semver.ts';
import { etcdOptions } from '../model.ts';

export const ERR_ETCD_TOO_OLD = 'Etcd version specified is not valid (too old)';
export const ERR_ETCD_MINOR_TOO_NEW =
  'Etcd minor version specified is too new, only options available in the previous minor version will be accepted';
export const ERR_ETCD_MAJOR_TOO_NEW = 'Etcd version is not valid (too new)';

const oldest = (parseSemver(etcdOptions.oldestVersion) as { ok: true; version: SemverVersion }).version;

/** EtcdVersion.Validate: the cases are tried in order, the first that matches wins. */
export function validateEtcdVersion(v: SemverVersion): Diagnostic[] {
  if (semverLessThan(v, oldest)) return [{ severity: 'error', message: ERR_ETCD_TOO_OLD, code: 'etcd-version' }];
  if ((v.major === 2n && v.minor > 3n) || (v.major === 3n && v.minor > 5n)) {
    return [{ severity: 'warning', message: ERR_ETCD_MINOR_TOO_NEW, code: 'etcd-version' }];
  }
  if (v.major > 3n) return [{ severity: 'error', message: ERR_ETCD_MAJOR_TOO_NEW, code: 'etcd-version' }];
  return [];
}

export const methods: MethodTable = {
  EtcdVersion: { validate: (v: SemverVersion) => validateEtcdVersion(v) },
};
