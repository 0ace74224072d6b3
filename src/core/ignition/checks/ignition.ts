// Ignition's checks on the ignition part of the generated config (config/v2_3/types/
// ignition.go, ca.go, verification.go; URLs through validate-url.ts).
// Config.Validate (filesystem references) lives with the storage checks.
import type { MethodTable } from '../../go/types.ts';
import type { Diagnostic } from '../../report.ts';
import { parseSemver, semverLessThan } from '../../go/semver.ts';
import type { SemverVersion } from '../../go/semver.ts';
import { validateUrl } from '../validate-url.ts';
import { own } from '../../own.ts';

export const ERR_OLD_VERSION = 'incorrect config version (too old)';
export const ERR_NEW_VERSION = 'incorrect config version (too new)';
export const ERR_INVALID_VERSION = 'invalid config version (couldn\'t parse)';
export const ERR_HASH_MALFORMED = 'malformed hash specifier';
export const ERR_HASH_WRONG_SIZE = 'incorrect size for hash sum';
export const ERR_HASH_UNRECOGNIZED = 'unrecognized hash function';

const MAX_VERSION: SemverVersion = { major: 2n, minor: 3n, patch: 0n, preRelease: '', metadata: '' };

const UTF8 = new TextEncoder();

function sourceCheck(v: { Source: string }): Diagnostic[] {
  const err = validateUrl(v.Source);
  return err === null ? [] : [{ severity: 'error', message: err, code: 'source-url' }];
}

/** hex-encoded sizes of the hash functions Ignition knows */
const HASH_HEX_LENGTH: Record<string, number> = { sha512: 128 };

export const methods: MethodTable = {
  Ignition: {
    validate: (v: { Version: string }) => {
      const tv = parseSemver(v.Version);
      const err = (message: string): Diagnostic[] => [{ severity: 'error', message, code: 'ignition-version' }];
      if (!tv.ok) return err(ERR_INVALID_VERSION);
      if (MAX_VERSION.major > tv.version.major) return err(ERR_OLD_VERSION);
      if (semverLessThan(MAX_VERSION, tv.version)) return err(ERR_NEW_VERSION);
      return [];
    },
  },
  ConfigReference: { fields: { Source: sourceCheck } },
  CaReference: { fields: { Source: sourceCheck } },
  Verification: {
    validate: (v: { Hash: string | null }) => {
      if (v.Hash === null || v.Hash === undefined) return [];
      const err = (message: string): Diagnostic[] => [{ severity: 'error', message, code: 'verification-hash' }];
      const dash = v.Hash.indexOf('-');
      if (dash < 0) return err(ERR_HASH_MALFORMED);
      const fn = v.Hash.slice(0, dash);
      const sum = v.Hash.slice(dash + 1);
      const size = own(HASH_HEX_LENGTH, fn);
      if (size === undefined) return err(ERR_HASH_UNRECOGNIZED);
      if (UTF8.encode(sum).length !== size) return err(ERR_HASH_WRONG_SIZE);
      return [];
    },
  },
};
